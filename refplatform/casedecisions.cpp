#include "casedecisions.h"

#include "jsonreply.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTimeZone>

CaseDecisions::CaseDecisions(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool CaseDecisions::open(QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS case_decisions (case_no TEXT PRIMARY KEY, status TEXT, note TEXT, decided_at INTEGER)"))) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

HttpResponse CaseDecisions::decide(const QJsonObject &body, bool caseExists, const QDateTime &now)
{
    static const QStringList statuses = {QStringLiteral("rejected"), QStringLiteral("needs_materials")};
    const QString caseNumber = body.value(QLatin1String("case_no")).toString();
    const QString status = body.value(QLatin1String("status")).toString();
    const QJsonObject note = body.value(QLatin1String("note")).toObject();
    if (!caseExists)
        return JsonReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such case"));
    if (!statuses.contains(status) || note.value(QLatin1String("zh")).toString().isEmpty() || note.value(QLatin1String("en")).toString().isEmpty())
        return JsonReply::error(400, QStringLiteral("bad_request"), QStringLiteral("a decision needs a status and a note in zh and en"));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO case_decisions (case_no, status, note, decided_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(caseNumber);
    q.addBindValue(status);
    q.addBindValue(QString::fromUtf8(QJsonDocument(note).toJson(QJsonDocument::Compact)));
    q.addBindValue(now.toMSecsSinceEpoch());
    if (!q.exec())
        return JsonReply::error(500, QStringLiteral("internal"), q.lastError().text());
    return JsonReply::body(201, {{QStringLiteral("case_no"), caseNumber}, {QStringLiteral("status"), status}});
}

std::optional<CaseDecisions::Decision> CaseDecisions::of(const QString &caseNumber) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT status, note, decided_at FROM case_decisions WHERE case_no = ?"));
    q.addBindValue(caseNumber);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Decision{q.value(0).toString(), QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object(),
                    QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), QTimeZone::utc())};
}
