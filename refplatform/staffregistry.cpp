#include "staffregistry.h"

#include "common/personaldata.h"
#include "formcheck.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace {

// The demo directory's signing key. It signs demo codes only: a real province's work app signs
// with its own key, which no kiosk ever holds.
constexpr char demoKey[] = "kiosk-refplatform demo staff directory";

QString macOf(const QString &staffId, qint64 unixSeconds)
{
    const QByteArray message = staffId.toLatin1() + '.' + QByteArray::number(unixSeconds);
    return QString::fromLatin1(QMessageAuthenticationCode::hash(message, demoKey, QCryptographicHash::Sha256).toHex().left(16));
}

} // namespace

const QList<StaffRegistry::Member> &StaffRegistry::roster()
{
    static const QList<Member> members = {
        {QStringLiteral("S340103000071"), QStringLiteral("王芳"), QStringLiteral("Wang")},
        {QStringLiteral("S340103000072"), QStringLiteral("李强"), QStringLiteral("Li")},
    };
    return members;
}

const StaffRegistry::Member *StaffRegistry::member(const QString &staffId)
{
    for (const Member &m : roster()) {
        if (m.staffId == staffId)
            return &m;
    }
    return nullptr;
}

QString StaffRegistry::codeFor(const QString &staffId, const QDateTime &at)
{
    if (!member(staffId))
        return {};
    const qint64 seconds = at.toSecsSinceEpoch();
    return QLatin1String(Prefix) + staffId + QLatin1Char('.') + QString::number(seconds) + QLatin1Char('.') + macOf(staffId, seconds);
}

StaffRegistry::Reading StaffRegistry::readCode(const QString &payload, const QDateTime &now)
{
    const Reading unknown{{}, QStringLiteral("staff_unknown")};
    if (!payload.startsWith(QLatin1String(Prefix)))
        return unknown;
    const QStringList parts = payload.mid(qsizetype(sizeof(Prefix) - 1)).split(QLatin1Char('.'));
    if (parts.size() != 3)
        return unknown;
    bool isNumber = false;
    const qint64 seconds = parts.at(1).toLongLong(&isNumber);
    if (!isNumber || !member(parts.at(0)) || macOf(parts.at(0), seconds) != parts.at(2))
        return unknown;
    // A code from the future is a clock far off, or a forgery: neither signs anyone in.
    const qint64 age = now.toSecsSinceEpoch() - seconds;
    if (age > CodeLifetimeS || age < -60)
        return {parts.at(0), QStringLiteral("staff_code_expired")};
    return {parts.at(0), {}};
}

StaffRegistry::StaffRegistry(int tokenLifetimeS)
    : m_tokenLifetimeS(tokenLifetimeS)
{
}

bool StaffRegistry::open(const QSqlDatabase &db, QString *error)
{
    m_db = db;
    QSqlQuery q(m_db);
    const QStringList schema = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS staff_tokens (token TEXT PRIMARY KEY, staff_id TEXT, expires_at INTEGER)"),
        // Each sign-in, as a test may ask about it: who and when, never the token.
        QStringLiteral("CREATE TABLE IF NOT EXISTS staff_signins (staff_id TEXT, result TEXT, created_at INTEGER)"),
        // Who helped with each case and for whom an agent acted; names and numbers masked, since
        // the reference platform runs on developers' machines.
        QStringLiteral("CREATE TABLE IF NOT EXISTS assistance (case_no TEXT, verified_by TEXT, assisted_by TEXT, "
                       "agent TEXT, agent_verified_by TEXT, relation TEXT, principal TEXT)"),
    };
    for (const QString &statement : schema) {
        if (!q.exec(statement)) {
            *error = QStringLiteral("%1: %2").arg(statement, q.lastError().text());
            return false;
        }
    }
    return true;
}

StaffRegistry::Answer StaffRegistry::verify(const QJsonObject &body, const QDateTime &now)
{
    if (body.value(QLatin1String("method")).toString() != QLatin1String("staff_qr"))
        return {400, {}, QStringLiteral("bad_request"), QStringLiteral("method must be staff_qr"), {}};
    const QString payload = body.value(QLatin1String("qr_payload")).toString();
    if (payload.isEmpty())
        return {400, {}, QStringLiteral("bad_request"), QStringLiteral("qr_payload is missing"), {}};
    const Reading reading = readCode(payload, now);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO staff_signins (staff_id, result, created_at) VALUES (?, ?, ?)"));
    q.addBindValue(reading.staffId);
    q.addBindValue(reading.refusal.isEmpty() ? QStringLiteral("ok") : reading.refusal);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.exec();
    if (!reading.refusal.isEmpty())
        return {401, {}, reading.refusal, QStringLiteral("the staff code is not accepted"), {}};

    QByteArray random(16, Qt::Uninitialized);
    for (char &c : random)
        c = char(QRandomGenerator::system()->bounded(256));
    const QString token = QString::fromLatin1(random.toHex());
    q.prepare(QStringLiteral("INSERT INTO staff_tokens (token, staff_id, expires_at) VALUES (?, ?, ?)"));
    q.addBindValue(token);
    q.addBindValue(reading.staffId);
    q.addBindValue(QDateTime::currentSecsSinceEpoch() + m_tokenLifetimeS);
    q.exec();
    const Member *m = member(reading.staffId);
    const QJsonObject displayName{{QStringLiteral("zh"), PersonalData::maskName(m->name)}, {QStringLiteral("en"), m->latinName}};
    return {200,
            {{QStringLiteral("staff_id"), m->staffId},
             {QStringLiteral("display_name"), displayName},
             {QStringLiteral("staff_token"), token},
             {QStringLiteral("roles"), QJsonArray{QStringLiteral("assist")}},
             {QStringLiteral("expires_in"), m_tokenLifetimeS}},
            {},
            {},
            {}};
}

QString StaffRegistry::attestationProblem(const QJsonObject &body) const
{
    if (staffOf(body.value(QLatin1String("staff_token")).toString()).isEmpty())
        return QStringLiteral("staff_unknown");
    static const QStringList evidence = {QStringLiteral("household_register"), QStringLiteral("temporary_id"),
                                         QStringLiteral("known_person")};
    if (!evidence.contains(body.value(QLatin1String("evidence")).toString()))
        return QStringLiteral("bad_request");
    const QJsonObject person = body.value(QLatin1String("person")).toObject();
    if (person.value(QLatin1String("name")).toString().trimmed().isEmpty()
        || !FormCheck::isIdNumber(person.value(QLatin1String("id_number")).toString()))
        return QStringLiteral("card_invalid");
    return {};
}

QString StaffRegistry::staffOf(const QString &token) const
{
    if (token.isEmpty())
        return {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT staff_id FROM staff_tokens WHERE token = ? AND expires_at > ?"));
    q.addBindValue(token);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

void StaffRegistry::recordCase(const QString &caseNumber, const QJsonObject &caseBody)
{
    const QJsonObject applicant = caseBody.value(QLatin1String("applicant")).toObject();
    const QJsonObject agent = caseBody.value(QLatin1String("agent")).toObject();
    const QString assistedBy = caseBody.value(QLatin1String("assisted_by")).toObject().value(QLatin1String("staff_id")).toString();
    const QString verifiedBy = applicant.value(QLatin1String("verified_by")).toString();
    if (assistedBy.isEmpty() && agent.isEmpty() && verifiedBy != QLatin1String("staff_attested"))
        return;
    auto masked = [](const QJsonObject &person) {
        if (person.isEmpty())
            return QString();
        return PersonalData::maskName(person.value(QLatin1String("name")).toString()) + QLatin1Char(' ')
               + PersonalData::maskIdNumber(person.value(QLatin1String("id_number")).toString());
    };
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO assistance (case_no, verified_by, assisted_by, agent, agent_verified_by, relation, principal) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(caseNumber);
    q.addBindValue(verifiedBy);
    q.addBindValue(assistedBy);
    q.addBindValue(masked(agent));
    q.addBindValue(agent.value(QLatin1String("verified_by")).toString());
    q.addBindValue(agent.value(QLatin1String("relation")).toString());
    q.addBindValue(agent.isEmpty() ? QString() : masked(applicant));
    q.exec();
}
