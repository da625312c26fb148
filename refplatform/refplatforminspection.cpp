// The inspection endpoints (/_inspect/...): what tests and the demo read from and do to the
// reference platform from outside the contract (faults, commands, shipping a case, deciding one).
// Kept apart from refplatform.cpp, which serves the contract itself.
#include "refplatform.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

bool RefPlatform::mayInspect(const HttpRequest &request) const
{
    if (request.fromLoopback)
        return true;
    const QByteArray given = request.headers.value("x-inspect-token");
    const QByteArray &token = m_options.inspectToken;
    if (token.isEmpty() || given.size() != token.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < token.size(); ++i)
        difference |= static_cast<unsigned char>(given.at(i) ^ token.at(i));
    return difference == 0;
}

void RefPlatform::handleInspect(const HttpRequest &request, const HttpReply &reply)
{
    if (!mayInspect(request)) {
        return reply(error(403, QStringLiteral("forbidden"),
                           QStringLiteral("the inspection endpoints answer only on loopback, or with the inspection token")),
                     {});
    }
    const QByteArray path = request.path();
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QSqlQuery q(m_db);
    HttpResponse r = error(404, QStringLiteral("not_found"), QStringLiteral("no such inspection endpoint"));
    // What a test may read as it is; secrets and stored response bodies stay out.
    static const QHash<QString, QString> tables = {
        {QStringLiteral("evaluations"), QStringLiteral("SELECT * FROM evaluations ORDER BY rowid")},
        {QStringLiteral("tickets"), QStringLiteral("SELECT * FROM tickets ORDER BY rowid")},
        {QStringLiteral("complaints"), QStringLiteral("SELECT * FROM complaints ORDER BY rowid")},
        {QStringLiteral("appointments"), QStringLiteral("SELECT id, group_id, division, checked_in FROM appointments ORDER BY rowid")},
        {QStringLiteral("heartbeats"), QStringLiteral("SELECT * FROM heartbeats ORDER BY rowid")},
        {QStringLiteral("verifications"), QStringLiteral("SELECT * FROM verifications ORDER BY rowid")},
        {QStringLiteral("staff_signins"), QStringLiteral("SELECT * FROM staff_signins ORDER BY rowid")},
        {QStringLiteral("assistance"), QStringLiteral("SELECT * FROM assistance ORDER BY rowid")},
        {QStringLiteral("materials"), QStringLiteral("SELECT * FROM materials ORDER BY rowid")},
        {QStringLiteral("idempotency"), QStringLiteral("SELECT terminal_id, key, done, status FROM idempotency ORDER BY rowid")},
        {QStringLiteral("terminals"), QStringLiteral("SELECT terminal_id, division, serial, model, site, disabled FROM terminals ORDER BY rowid")},
    };
    if (path == "/_inspect/cases" && request.method == "GET") {
        q.exec(QStringLiteral("SELECT case_no, terminal_id, item_code, local_ref, idempotency_key, applicant, materials, theme FROM cases ORDER BY created_at"));
        QList<QJsonObject> rows;
        while (q.next())
            rows.append({{QStringLiteral("case_no"), q.value(0).toString()}, {QStringLiteral("terminal_id"), q.value(1).toString()},
                         {QStringLiteral("item_code"), q.value(2).toString()}, {QStringLiteral("local_ref"), q.value(3).toString()},
                         {QStringLiteral("idempotency_key"), q.value(4).toString()}, {QStringLiteral("applicant"), q.value(5).toString()},
                         {QStringLiteral("materials"), q.value(6).toInt()}, {QStringLiteral("theme"), q.value(7).toString()}});
        QJsonArray cases;
        for (QJsonObject row : rows) {
            row.insert(QStringLiteral("status"), caseJson(row.value(QLatin1String("case_no")).toString()).value(QLatin1String("status")));
            cases.append(row);
        }
        r = json(200, {{QStringLiteral("cases"), cases}});
    } else if (path == "/_inspect/decisions" && request.method == "POST") {
        r = m_decisions->decide(body, !caseJson(body.value(QLatin1String("case_no")).toString()).isEmpty(), now());
    } else if (path == "/_inspect/payments" && request.method == "GET") {
        r = json(200, m_payments->inspect(now()));
    } else if (path == "/_inspect/shipments" && request.method == "GET") {
        r = json(200, m_shipments->inspect());
    } else if (path == "/_inspect/shipments" && request.method == "POST") {
        r = m_shipments->ship(body, now());
    } else if (path == "/_inspect/assist" && request.method == "GET") {
        r = json(200, m_assist->inspect());
    } else if (path == "/_inspect/requests" && request.method == "GET") {
        r = json(200, {{QStringLiteral("requests"), m_requests}});
    } else if (path == "/_inspect/requests" && request.method == "DELETE") {
        m_requests = {};
        r = json(200, {{QStringLiteral("requests"), QJsonArray()}});
    } else if (path == "/_inspect/faults" && request.method == "GET") {
        r = json(200, m_options.faults.toJson());
    } else if (path == "/_inspect/faults" && request.method == "POST") {
        QString problem;
        r = m_options.faults.merge(body, &problem) ? json(200, m_options.faults.toJson())
                                                   : error(400, QStringLiteral("bad_request"), problem);
        // A rate limit set now counts from now, so a test knows which request is the first.
        if (body.contains(QLatin1String("rate_limit")) || body.contains(QLatin1String("rate_window_s"))) {
            m_rateWindowStart = m_uptime.elapsed();
            m_rateWindowCount = 0;
        }
    } else if (path == "/_inspect/commands" && request.method == "POST") {
        const QString name = body.value(QLatin1String("name")).toString();
        const QString id = TerminalCommands::names().contains(name)
                               ? m_commands.queue(body.value(QLatin1String("terminal_id")).toString(), name,
                                                  body.value(QLatin1String("arguments")).toObject())
                               : QString();
        r = id.isEmpty() ? error(400, QStringLiteral("bad_request"), QStringLiteral("unknown command")) : json(201, {{QStringLiteral("id"), id}});
    } else if (path == "/_inspect/acks" && request.method == "GET") {
        r = json(200, {{QStringLiteral("acks"), m_commands.acks()}});
    } else if (path == "/_inspect/screenshots" && request.method == "GET") {
        r = json(200, {{QStringLiteral("screenshots"), m_commands.screenshots()}});
    } else if (path.startsWith("/_inspect/screenshots/") && request.method == "GET") {
        const QByteArray png = m_commands.screenshot(QString::fromLatin1(path.mid(22)));
        if (!png.isEmpty()) {
            r = HttpResponse();
            r.setHeader("Content-Type", "image/png");
            r.body = png;
        }
    } else if (path == "/_inspect/enroll-tokens" && request.method == "POST") {
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO enroll_tokens (token) VALUES (?)"));
        q.addBindValue(body.value(QLatin1String("token")).toString());
        r = q.exec() ? json(201, {{QStringLiteral("token"), body.value(QLatin1String("token"))}}) : error(400, QStringLiteral("bad_request"), q.lastError().text());
    } else if (path == "/_inspect/terminals" && request.method == "POST") {
        q.prepare(QStringLiteral("UPDATE terminals SET disabled = ? WHERE terminal_id = ?"));
        q.addBindValue(body.value(QLatin1String("disabled")).toBool() ? 1 : 0);
        q.addBindValue(body.value(QLatin1String("terminal_id")).toString());
        r = q.exec() && q.numRowsAffected() == 1 ? json(200, body) : error(404, QStringLiteral("not_found"), QStringLiteral("no such terminal"));
    } else if (tables.contains(QString::fromLatin1(path.mid(10))) && request.method == "GET") {
        const QString table = QString::fromLatin1(path.mid(10));
        q.exec(tables.value(table));
        QJsonArray rows;
        while (q.next()) {
            QJsonObject row;
            for (int i = 0; i < q.record().count(); ++i)
                row.insert(q.record().fieldName(i), QJsonValue::fromVariant(q.value(i)));
            rows.append(row);
        }
        r = json(200, {{table, rows}});
    }
    finish(request, r, reply, {}, false);
}
