#pragma once

#include "httpmessage.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

// 投诉建议 and 办不成事 as the platform takes them (contract 1.1 "Complaints and could not get it
// done"): a category, the resident's text, optionally the item or case it is about and a phone
// for the reply, anonymous unless the resident says otherwise. Each gets a 12345 number; its
// state lives in the platform's database for a test or staff to read.
class Complaints
{
public:
    explicit Complaints(QSqlDatabase db);

    // Creates the table; false with `error` when the database refuses.
    [[nodiscard]] bool open(QString *error);

    // POST /complaints from the terminal `terminalId`.
    [[nodiscard]] HttpResponse file(const HttpRequest &request, const QString &terminalId, const QDateTime &now);

private:
    QSqlDatabase m_db;
};
