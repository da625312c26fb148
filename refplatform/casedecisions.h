#pragma once

#include "httpmessage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// A reviewing officer's decision on a filed case, such as 不予受理 (refused), set by a test or the
// demo through POST /_inspect/decisions: left alone, the reference platform approves every case
// in time, and a resident's way from a refused case to a complaint could not be shown.
class CaseDecisions
{
public:
    struct Decision {
        QString status;   // "rejected" or "needs_materials", as GET /cases/{case_no} says it
        QJsonObject note; // {"zh", "en"}: the officer's reason, shown in the case's history
        QDateTime at;
    };

    explicit CaseDecisions(QSqlDatabase db);

    // Creates the table; false with `error` when the database refuses.
    [[nodiscard]] bool open(QString *error);

    // {"case_no", "status", "note": {"zh", "en"}} for a case that exists (`caseExists`); a later
    // decision replaces an earlier one.
    [[nodiscard]] HttpResponse decide(const QJsonObject &body, bool caseExists, const QDateTime &now);
    // The decision on `caseNumber`, if an officer made one.
    [[nodiscard]] std::optional<Decision> of(const QString &caseNumber) const;

private:
    QSqlDatabase m_db;
};
