#include "complaints.h"

#include "jsonreply.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {

// What the platform's 12345 desk answers within.
constexpr int kReplyWithinDays = 3;
constexpr int kMaximumText = 500;

} // namespace

Complaints::Complaints(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool Complaints::open(QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS complaints (complaint_no TEXT PRIMARY KEY, category TEXT, text TEXT, "
                               "item_code TEXT, case_no TEXT, contact_phone TEXT, anonymous INTEGER, terminal_id TEXT, created_at INTEGER)"))) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

HttpResponse Complaints::file(const HttpRequest &request, const QString &terminalId, const QDateTime &now)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    static const QStringList categories = {QStringLiteral("cannot_get_done"), QStringLiteral("service"), QStringLiteral("kiosk_fault"),
                                           QStringLiteral("suggestion")};
    static const QRegularExpression phoneShape(QStringLiteral("^1[3-9][0-9]{9}$"));
    const QString category = body.value(QLatin1String("category")).toString();
    const QString text = body.value(QLatin1String("text")).toString().trimmed();
    const QString phone = body.value(QLatin1String("contact_phone")).toString();
    QJsonObject details;
    if (!categories.contains(category))
        details.insert(QStringLiteral("category"), QStringLiteral("unknown"));
    if (text.isEmpty())
        details.insert(QStringLiteral("text"), QStringLiteral("required"));
    else if (text.size() > kMaximumText)
        details.insert(QStringLiteral("text"), QStringLiteral("too_long"));
    if (!phone.isEmpty() && !phoneShape.match(phone).hasMatch())
        details.insert(QStringLiteral("contact_phone"), QStringLiteral("invalid"));
    if (!details.isEmpty())
        return JsonReply::error(422, QStringLiteral("validation_failed"), QStringLiteral("the complaint is incomplete"), details);

    const QDateTime local = now.toOffsetFromUtc(8 * 3600);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM complaints WHERE complaint_no LIKE ?"));
    const QString prefix = QStringLiteral("12345-%1-").arg(local.toString(QStringLiteral("yyyyMMdd")));
    q.addBindValue(prefix + QLatin1Char('%'));
    const int filedToday = q.exec() && q.next() ? q.value(0).toInt() : 0;
    const QString number = prefix + QStringLiteral("%1").arg(filedToday + 1, 6, 10, QLatin1Char('0'));
    q.prepare(QStringLiteral("INSERT INTO complaints (complaint_no, category, text, item_code, case_no, contact_phone, anonymous, terminal_id, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(number);
    q.addBindValue(category);
    q.addBindValue(text);
    q.addBindValue(body.value(QLatin1String("item_code")).toString());
    q.addBindValue(body.value(QLatin1String("case_no")).toString());
    q.addBindValue(phone);
    q.addBindValue(body.value(QLatin1String("anonymous")).toBool(true) ? 1 : 0);
    q.addBindValue(terminalId);
    q.addBindValue(now.toSecsSinceEpoch());
    if (!q.exec())
        return JsonReply::error(500, QStringLiteral("internal"), q.lastError().text());
    return JsonReply::body(201, {{QStringLiteral("complaint_no"), number}, {QStringLiteral("reply_within_days"), kReplyWithinDays}});
}
