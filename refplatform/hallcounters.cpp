#include "hallcounters.h"

#include "jsonreply.h"
#include "idcard/sim/simcards.h"

#include <algorithm>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// The hall of the demo terminals (configschema's kiosk/site) and a neighbouring one.
const QString kThisHall = QStringLiteral("340103");
const QString kOtherHall = QStringLiteral("340111");

QJsonObject hallName(const QString &division)
{
    if (division == kThisHall)
        return {{QStringLiteral("zh"), QStringLiteral("庐阳区政务服务中心")}, {QStringLiteral("en"), QStringLiteral("Luyang District Service Centre")}};
    return {{QStringLiteral("zh"), QStringLiteral("包河区政务服务中心")}, {QStringLiteral("en"), QStringLiteral("Baohe District Service Centre")}};
}

QString holderKey(const QString &idNumber)
{
    return QString::fromLatin1(QCryptographicHash::hash(idNumber.toUpper().toLatin1(), QCryptographicHash::Sha256).toHex());
}

} // namespace

HallCounters::HallCounters(QSqlDatabase db, std::function<QString(const QByteArray &)> holderOf,
                           std::function<QString(const QDateTime &)> timeText)
    : m_db(std::move(db))
    , m_holderOf(std::move(holderOf))
    , m_timeText(std::move(timeText))
{
}

bool HallCounters::open(const QDateTime &now, QString *error)
{
    QSqlQuery q(m_db);
    const QStringList schema = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS counter_groups (id TEXT PRIMARY KEY, name_zh TEXT, name_en TEXT, prefix TEXT, "
                       "waiting INTEGER, minutes_each INTEGER, open INTEGER)"),
        // What a ticket says and who took it where: never the resident, only whether one was known.
        QStringLiteral("CREATE TABLE IF NOT EXISTS tickets (ticket_no TEXT PRIMARY KEY, group_id TEXT, terminal_id TEXT, priority TEXT, "
                       "holder_known INTEGER, appointment_id TEXT, waiting_before INTEGER, issued_at INTEGER)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS appointments (id TEXT PRIMARY KEY, holder TEXT, group_id TEXT, division TEXT, "
                       "slot_start INTEGER, slot_end INTEGER, item_code TEXT, checked_in TEXT)"),
    };
    for (const QString &statement : schema) {
        if (!q.exec(statement)) {
            *error = q.lastError().text();
            return false;
        }
    }
    q.exec(QStringLiteral("SELECT COUNT(*) FROM counter_groups"));
    if (q.next() && q.value(0).toInt() > 0)
        return true;
    struct Group {
        const char *id;
        QString zh;
        QString en;
        const char *prefix;
        int waiting;
        int minutes;
        bool open;
    };
    const QList<Group> groups = {
        {"social", QStringLiteral("社保窗口"), QStringLiteral("Social security counters"), "A", 5, 3, true},
        {"household", QStringLiteral("户籍窗口"), QStringLiteral("Household registration counters"), "B", 2, 5, true},
        {"tax", QStringLiteral("税务窗口"), QStringLiteral("Tax counters"), "C", 8, 4, true},
        {"exit_entry", QStringLiteral("出入境窗口"), QStringLiteral("Exit and entry counters"), "D", 0, 6, false},
    };
    for (const Group &g : groups) {
        q.prepare(QStringLiteral("INSERT INTO counter_groups (id, name_zh, name_en, prefix, waiting, minutes_each, open) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(QString::fromLatin1(g.id));
        q.addBindValue(g.zh);
        q.addBindValue(g.en);
        q.addBindValue(QString::fromLatin1(g.prefix));
        q.addBindValue(g.waiting);
        q.addBindValue(g.minutes);
        q.addBindValue(g.open ? 1 : 0);
        q.exec();
    }
    // The demo resident booked the household counters here in an hour, and the social security
    // counters of another hall; both today in Beijing, so an hour before midnight there (16:00
    // UTC) the slot is the day's last half hour rather than tomorrow's first.
    const QString resident = holderKey(SimCards::card(QStringLiteral("resident"))->idNumber);
    const QDateTime beijing = now.toOffsetFromUtc(8 * 3600);
    const qint64 lastSlot = QDateTime(beijing.date().addDays(1), QTime(0, 0), Qt::OffsetFromUTC, 8 * 3600).toSecsSinceEpoch() - 1800;
    const qint64 start = std::max(now.toSecsSinceEpoch(), std::min(now.toSecsSinceEpoch() + 3600, lastSlot));
    const QList<std::tuple<QString, QString, QString>> booked = {
        {QString::fromLatin1(demoAppointment), QStringLiteral("household"), kThisHall},
        {QString::fromLatin1(otherHallAppointment), QStringLiteral("social"), kOtherHall},
    };
    for (const auto &[id, group, division] : booked) {
        q.prepare(QStringLiteral("INSERT INTO appointments (id, holder, group_id, division, slot_start, slot_end, item_code) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(id);
        q.addBindValue(resident);
        q.addBindValue(group);
        q.addBindValue(division);
        q.addBindValue(start);
        q.addBindValue(start + 1800);
        q.addBindValue(QStringLiteral("340100-000-ZZ-0001-01"));
        if (!q.exec()) {
            *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

HttpResponse HallCounters::groups() const
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT id, name_zh, name_en, waiting, minutes_each, open FROM counter_groups ORDER BY rowid"));
    QJsonArray list;
    while (q.next()) {
        const int waiting = q.value(3).toInt();
        list.append(QJsonObject{{QStringLiteral("id"), q.value(0).toString()},
                                {QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), q.value(1).toString()}, {QStringLiteral("en"), q.value(2).toString()}}},
                                {QStringLiteral("waiting"), waiting},
                                {QStringLiteral("estimated_wait_min"), waiting * q.value(4).toInt()},
                                {QStringLiteral("open"), q.value(5).toBool()}});
    }
    return JsonReply::body(200, {{QStringLiteral("groups"), list}});
}

HttpResponse HallCounters::takeTicket(const HttpRequest &request, const QString &terminalId, const QDateTime &now)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString priority = body.value(QLatin1String("priority")).toString();
    if (!priority.isEmpty() && priority != QLatin1String("elder") && priority != QLatin1String("disabled"))
        return JsonReply::error(422, QStringLiteral("validation_failed"), QStringLiteral("priority is elder, disabled or null"),
                                {{QStringLiteral("priority"), QStringLiteral("unknown")}});
    const QString token = body.value(QLatin1String("holder_token")).toString();
    if (!token.isEmpty() && m_holderOf(token.toLatin1()).isEmpty())
        return JsonReply::error(401, QStringLiteral("holder_token_invalid"), QStringLiteral("the holder token is unknown or expired"));
    return issue(body.value(QLatin1String("group")).toString(), priority, terminalId, token.isEmpty() ? QString() : QStringLiteral("-"), now);
}

HttpResponse HallCounters::issue(const QString &group, const QString &priority, const QString &terminalId,
                                 const QString &appointmentId, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT prefix, waiting, minutes_each, open FROM counter_groups WHERE id = ?"));
    q.addBindValue(group);
    if (!q.exec() || !q.next())
        return JsonReply::error(422, QStringLiteral("validation_failed"), QStringLiteral("no such counter group"),
                                {{QStringLiteral("group"), QStringLiteral("unknown")}});
    const QString prefix = q.value(0).toString();
    const int waiting = q.value(1).toInt();
    const int minutes = q.value(2).toInt();
    if (!q.value(3).toBool())
        return JsonReply::error(409, QStringLiteral("group_closed"), QStringLiteral("these counters are closed now"));
    // A priority ticket (elder, disabled) and a checked-in appointment go ahead of the ordinary
    // queue: only the priority tickets already waiting are before it.
    const bool ahead = !priority.isEmpty() || (!appointmentId.isEmpty() && appointmentId != QLatin1String("-"));
    int before = waiting;
    if (ahead) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM tickets WHERE group_id = ? AND (priority <> '' OR appointment_id LIKE 'AP%')"));
        q.addBindValue(group);
        before = q.exec() && q.next() ? q.value(0).toInt() : 0;
    }
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM tickets WHERE group_id = ?"));
    q.addBindValue(group);
    const int issued = q.exec() && q.next() ? q.value(0).toInt() : 0;
    // Numbers go on from those the counters' own dispenser gave out this morning.
    const QString number = prefix + QStringLiteral("%1").arg(12 + waiting + issued + 1, 3, 10, QLatin1Char('0'));
    q.prepare(QStringLiteral("INSERT INTO tickets (ticket_no, group_id, terminal_id, priority, holder_known, appointment_id, waiting_before, issued_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(number);
    q.addBindValue(group);
    q.addBindValue(terminalId);
    q.addBindValue(priority);
    q.addBindValue(appointmentId.isEmpty() ? 0 : 1);
    q.addBindValue(appointmentId == QLatin1String("-") ? QString() : appointmentId);
    q.addBindValue(before);
    q.addBindValue(now.toSecsSinceEpoch());
    if (!q.exec())
        return JsonReply::error(500, QStringLiteral("internal"), q.lastError().text());
    if (!ahead) {
        q.prepare(QStringLiteral("UPDATE counter_groups SET waiting = waiting + 1 WHERE id = ?"));
        q.addBindValue(group);
        q.exec();
    }
    return JsonReply::body(201, {{QStringLiteral("ticket_no"), number},
                                 {QStringLiteral("group"), group},
                                 {QStringLiteral("waiting_before"), before},
                                 {QStringLiteral("estimated_wait_min"), before * minutes},
                                 {QStringLiteral("issued_at"), m_timeText(now)}});
}

HttpResponse HallCounters::appointments(const HttpRequest &request, const QDateTime &now) const
{
    const QString holder = m_holderOf(request.queryValue("holder_token"));
    if (holder.isEmpty())
        return JsonReply::error(401, QStringLiteral("holder_token_invalid"), QStringLiteral("the holder token is unknown or expired"));
    const QDate today = now.toOffsetFromUtc(8 * 3600).date();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, group_id, division, slot_start, slot_end, item_code FROM appointments WHERE holder = ? AND checked_in IS NULL ORDER BY slot_start"));
    q.addBindValue(holder);
    q.exec();
    QJsonArray list;
    while (q.next()) {
        const QDateTime start = QDateTime::fromSecsSinceEpoch(q.value(3).toLongLong(), Qt::OffsetFromUTC, 8 * 3600);
        if (start.date() != today)
            continue;
        const QString division = q.value(2).toString();
        list.append(QJsonObject{{QStringLiteral("id"), q.value(0).toString()},
                                {QStringLiteral("group"), q.value(1).toString()},
                                {QStringLiteral("slot_start"), m_timeText(start)},
                                {QStringLiteral("slot_end"), m_timeText(QDateTime::fromSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC))},
                                {QStringLiteral("item_code"), q.value(5).toString()},
                                {QStringLiteral("hall"), QJsonObject{{QStringLiteral("division"), division}, {QStringLiteral("name"), hallName(division)}}}});
    }
    return JsonReply::body(200, {{QStringLiteral("appointments"), list}});
}

HttpResponse HallCounters::checkIn(const QString &appointmentId, const QString &terminalId, const QString &division, const QDateTime &now)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT group_id, division, slot_start, checked_in FROM appointments WHERE id = ?"));
    q.addBindValue(appointmentId);
    if (!q.exec() || !q.next())
        return JsonReply::error(404, QStringLiteral("not_found"), QStringLiteral("no such appointment"));
    const QString group = q.value(0).toString();
    const QString hall = q.value(1).toString();
    const QDateTime start = QDateTime::fromSecsSinceEpoch(q.value(2).toLongLong(), Qt::OffsetFromUTC, 8 * 3600);
    if (!q.value(3).isNull())
        return JsonReply::error(409, QStringLiteral("already_checked_in"), QStringLiteral("this appointment was checked in already"));
    if (hall != division)
        return JsonReply::error(409, QStringLiteral("other_hall"), QStringLiteral("the appointment is for another hall"),
                                {{QStringLiteral("hall"), hallName(hall)}});
    if (start.date() != now.toOffsetFromUtc(8 * 3600).date())
        return JsonReply::error(409, QStringLiteral("not_today"), QStringLiteral("the appointment is for another day"),
                                {{QStringLiteral("slot_start"), m_timeText(start)}});
    HttpResponse r = issue(group, QString(), terminalId, appointmentId, now);
    if (r.status == 201) {
        q.prepare(QStringLiteral("UPDATE appointments SET checked_in = ? WHERE id = ?"));
        q.addBindValue(QString::fromUtf8(QJsonDocument::fromJson(r.body).object().value(QLatin1String("ticket_no")).toString().toUtf8()));
        q.addBindValue(appointmentId);
        q.exec();
    }
    return r;
}
