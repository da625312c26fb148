#include "payments.h"

#include "jsonreply.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTimeZone>

namespace {

QString yuan(int fen)
{
    return QStringLiteral("%1.%2").arg(fen / 100).arg(fen % 100, 2, 10, QLatin1Char('0'));
}

HttpResponse page(int status, const QString &title, const QString &text, const QString &form = {})
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    r.body = QStringLiteral("<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                            "<title>%1</title></head><body><h1>%1</h1><p>%2</p>%3</body></html>")
                 .arg(title, text, form)
                 .toUtf8();
    return r;
}

} // namespace

Payments::Payments(QSqlDatabase db, int lifetimeS, TimeText timeText)
    : m_db(std::move(db))
    , m_lifetimeS(qMax(1, lifetimeS))
    , m_timeText(std::move(timeText))
{
}

bool Payments::open(QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS payments (payment_id TEXT PRIMARY KEY, case_no TEXT, terminal_id TEXT, "
                               "amount_fen INTEGER, state TEXT, created_at INTEGER, expires_at INTEGER, paid_at INTEGER)"))) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

QJsonObject Payments::issue(const QString &caseNo, const QString &terminalId, int amountFen, const QString &payBase, const QDateTime &now)
{
    const QString id = QStringLiteral("P%1%2").arg(now.toMSecsSinceEpoch()).arg(QRandomGenerator::global()->bounded(100000), 5, 10, QLatin1Char('0'));
    const QDateTime expires = now.addSecs(m_lifetimeS);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO payments (payment_id, case_no, terminal_id, amount_fen, state, created_at, expires_at, paid_at) "
                             "VALUES (?, ?, ?, ?, 'pending', ?, ?, 0)"));
    q.addBindValue(id);
    q.addBindValue(caseNo);
    q.addBindValue(terminalId);
    q.addBindValue(amountFen);
    q.addBindValue(now.toMSecsSinceEpoch());
    q.addBindValue(expires.toMSecsSinceEpoch());
    q.exec();
    return {{QStringLiteral("payment_id"), id},
            {QStringLiteral("amount_fen"), amountFen},
            {QStringLiteral("qr_payload"), payBase + QStringLiteral("/pay/") + id},
            {QStringLiteral("expires_at"), m_timeText(expires)}};
}

bool Payments::find(const QString &paymentId, Row *row, const QDateTime &now) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT case_no, terminal_id, amount_fen, state, expires_at, paid_at FROM payments WHERE payment_id = ?"));
    q.addBindValue(paymentId);
    if (!q.exec() || !q.next())
        return false;
    *row = {q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toString(), q.value(4).toLongLong(),
            q.value(5).toLongLong()};
    // A pending payment past its time can no longer be paid: it has expired.
    if (row->state == QLatin1String("pending") && now.toMSecsSinceEpoch() >= row->expiresAtMs)
        row->state = QStringLiteral("expired");
    return true;
}

QString Payments::stateOfCase(const QString &caseNo, const QDateTime &now) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT payment_id FROM payments WHERE case_no = ? ORDER BY created_at DESC LIMIT 1"));
    q.addBindValue(caseNo);
    Row row;
    if (!q.exec() || !q.next() || !find(q.value(0).toString(), &row, now))
        return {};
    return row.state;
}

HttpResponse Payments::status(const QString &paymentId, const QString &terminalId, const QDateTime &now) const
{
    Row row;
    if (!find(paymentId, &row, now) || row.terminalId != terminalId)
        return JsonReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such payment"));
    QJsonObject body{{QStringLiteral("state"), row.state}};
    if (row.state == QLatin1String("paid")) {
        body.insert(QStringLiteral("paid_at"), m_timeText(QDateTime::fromMSecsSinceEpoch(row.paidAtMs, QTimeZone::utc())));
        body.insert(QStringLiteral("receipt_url"), QStringLiteral("/documents/R") + paymentId);
    }
    return JsonReply::body(200, body);
}

HttpResponse Payments::cancel(const QString &paymentId, const QString &terminalId, const QDateTime &now)
{
    Row row;
    if (!find(paymentId, &row, now) || row.terminalId != terminalId)
        return JsonReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such payment"));
    if (row.state == QLatin1String("paid"))
        return JsonReply::error(409, QStringLiteral("already_paid"), QStringLiteral("the payment was made"),
                                {{QStringLiteral("state"), row.state}});
    if (row.state == QLatin1String("pending")) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE payments SET state = 'cancelled' WHERE payment_id = ? AND state = 'pending'"));
        q.addBindValue(paymentId);
        q.exec();
        row.state = QStringLiteral("cancelled");
    }
    // An expired payment stays expired: either way nothing can be paid on it any more.
    return JsonReply::body(200, {{QStringLiteral("state"), row.state}});
}

HttpResponse Payments::payPage(const QString &paymentId, bool pay, const QDateTime &now)
{
    Row row;
    if (!find(paymentId, &row, now))
        return page(404, QStringLiteral("没有这笔缴费 / No such payment"), QStringLiteral("请回到自助终端重新获取付款码。"));
    const QString amount = QStringLiteral("¥") + yuan(row.amountFen);
    if (row.state == QLatin1String("expired") || row.state == QLatin1String("cancelled"))
        return page(409, QStringLiteral("付款码已失效 / Code no longer valid"), amount);
    if (pay && row.state == QLatin1String("pending")) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE payments SET state = 'paid', paid_at = ? WHERE payment_id = ? AND state = 'pending'"));
        q.addBindValue(now.toMSecsSinceEpoch());
        q.addBindValue(paymentId);
        q.exec();
        row.state = QStringLiteral("paid");
    }
    if (row.state == QLatin1String("paid"))
        return page(200, QStringLiteral("支付成功 / Paid"), amount);
    return page(200, QStringLiteral("统一公共支付平台（参考） / Unified public payment (reference)"), amount,
                QStringLiteral("<form method=\"post\"><button type=\"submit\">支付 / Pay %1</button></form>").arg(amount));
}

QStringList Payments::receiptLines(const QString &paymentId, const QString &holder) const
{
    Row row;
    if (holder.isEmpty() || !find(paymentId, &row, QDateTime::currentDateTimeUtc()) || row.state != QLatin1String("paid"))
        return {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT item_code FROM cases WHERE case_no = ? AND holder = ?"));
    q.addBindValue(row.caseNo);
    q.addBindValue(holder);
    if (!q.exec() || !q.next())
        return {};
    return {QStringLiteral("Fiscal receipt (electronic)"), QStringLiteral("Receipt R%1").arg(paymentId),
            QStringLiteral("Case %1").arg(row.caseNo), QStringLiteral("Amount CNY %1").arg(yuan(row.amountFen)),
            QStringLiteral("Paid %1").arg(m_timeText(QDateTime::fromMSecsSinceEpoch(row.paidAtMs, QTimeZone::utc())))};
}

QJsonObject Payments::inspect(const QDateTime &now) const
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT payment_id FROM payments ORDER BY created_at"));
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    QJsonArray rows;
    for (const QString &id : ids) {
        Row row;
        if (find(id, &row, now))
            rows.append(QJsonObject{{QStringLiteral("payment_id"), id}, {QStringLiteral("case_no"), row.caseNo},
                                    {QStringLiteral("amount_fen"), row.amountFen}, {QStringLiteral("state"), row.state}});
    }
    return {{QStringLiteral("payments"), rows}};
}
