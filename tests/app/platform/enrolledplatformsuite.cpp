#include "enrolledplatformsuite.h"

#include "platformwait.h"

#include <QJsonArray>
#include <QTest>

const QString EnrolledPlatformSuite::kItemNoMaterials = QStringLiteral("340100-000-ZZ-0010-01");
const QString EnrolledPlatformSuite::kItemWithBook = QStringLiteral("340100-000-ZZ-0007-01");
const QString EnrolledPlatformSuite::kPrintItem = QStringLiteral("340100-000-ZZ-0001-01");
const QString EnrolledPlatformSuite::kIdNumber = QStringLiteral("11010519491231002X");

QJsonObject EnrolledPlatformSuite::idCardRequest(const QString &validUntil)
{
    return {{QStringLiteral("method"), QStringLiteral("idcard")},
            {QStringLiteral("card"), QJsonObject{{QStringLiteral("type"), QStringLiteral("resident")},
                                                 {QStringLiteral("name"), QStringLiteral("张三")},
                                                 {QStringLiteral("id_number"), kIdNumber},
                                                 {QStringLiteral("valid_from"), QStringLiteral("2016-05-01")},
                                                 {QStringLiteral("valid_until"), validUntil}}},
            {QStringLiteral("face"), QJsonObject{{QStringLiteral("jpeg"), QStringLiteral("/9j/AA==")}, {QStringLiteral("liveness"), 0.93}}}};
}

QString EnrolledPlatformSuite::statusOf(const QJsonObject &call)
{
    return call.value(QLatin1String("status")).toString();
}

void EnrolledPlatformSuite::startAndEnrol()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start({QStringLiteral("--enroll-token"), QStringLiteral("token-1"), QStringLiteral("--enroll-token"),
                             QStringLiteral("token-2"), QStringLiteral("--progress-s"), QStringLiteral("1"),
                             QStringLiteral("--db"), m_dir.filePath(QStringLiteral("platform.db"))}),
             qPrintable(m_server.errorText()));
    PlatformClient client(settings());
    const PlatformResult r = waitFor(client.enroll(QStringLiteral("token-1"), QStringLiteral("SN-1"), QStringLiteral("K-24"),
                                                 QStringLiteral("340103-HALL-01")));
    QVERIFY2(r.isOk(), qPrintable(r.summary()));
    m_credentials.terminalId = r.body.value(QLatin1String("terminal_id")).toString();
    m_credentials.secret = QByteArray::fromBase64(r.body.value(QLatin1String("secret")).toString().toLatin1());
    m_credentials.divisionCode = r.body.value(QLatin1String("division_code")).toString();
    QVERIFY(m_credentials.isValid());
}

void EnrolledPlatformSuite::clearFaults()
{
    setFaults({{QStringLiteral("latency_ms"), 0}, {QStringLiteral("error_rate"), QJsonObject()}, {QStringLiteral("outage"), false},
               {QStringLiteral("rate_limit"), 0}, {QStringLiteral("malformed"), 0}, {QStringLiteral("truncate"), 0},
               {QStringLiteral("reset"), 0}, {QStringLiteral("trickle_ms"), 0}, {QStringLiteral("clock_offset_s"), 0}});
}

void EnrolledPlatformSuite::setFaults(const QJsonObject &faults)
{
    QVERIFY(!m_server.post(QStringLiteral("faults"), faults).isEmpty());
}

PlatformClientSettings EnrolledPlatformSuite::settings(const QUrl &url) const
{
    PlatformClientSettings s;
    s.baseUrl = url.isEmpty() ? m_server.httpUrl() : url;
    s.timeoutMs = 30000;
    if (m_credentials.isValid())
        s.credentials = m_credentials;
    return s;
}

QJsonObject EnrolledPlatformSuite::caseRequest(const QString &localRef, const QString &phone) const
{
    return {{QStringLiteral("item_code"), kItemNoMaterials},
            {QStringLiteral("local_ref"), localRef},
            {QStringLiteral("queued_at"), QStringLiteral("2026-11-23T13:05:00+08:00")},
            {QStringLiteral("applicant"), QJsonObject{{QStringLiteral("name"), QStringLiteral("张三")},
                                                      {QStringLiteral("id_number"), kIdNumber},
                                                      {QStringLiteral("verified_by"), QStringLiteral("idcard")}}},
            {QStringLiteral("form"), QJsonObject{{QStringLiteral("name"), QStringLiteral("张三")},
                                                 {QStringLiteral("id_number"), kIdNumber},
                                                 {QStringLiteral("phone"), phone}}},
            {QStringLiteral("materials"), QJsonArray()}};
}

int EnrolledPlatformSuite::casesWithKey(RefPlatformProcess &server, const QString &key) const
{
    int count = 0;
    for (const QJsonValue &c : server.inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray())
        count += c.toObject().value(QLatin1String("idempotency_key")).toString() == key ? 1 : 0;
    return count;
}

bool EnrolledPlatformSuite::keyState(RefPlatformProcess &server, const QString &key, int done) const
{
    for (const QJsonValue &row : server.inspect(QStringLiteral("idempotency")).value(QLatin1String("idempotency")).toArray()) {
        const QJsonObject o = row.toObject();
        if (o.value(QLatin1String("key")).toString() == key && o.value(QLatin1String("done")).toInt() == done)
            return true;
    }
    return false;
}
