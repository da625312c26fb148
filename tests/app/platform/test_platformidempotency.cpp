#include "enrolledplatformsuite.h"
#include "platformwait.h"

#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

// One case per idempotency key at the reference platform: the first answer replayed, a reused key
// refused, in_progress while the first request runs, and exactly one case when the kiosk or the
// platform is killed mid-request or the platform restarts.
class TestPlatformIdempotency : public EnrolledPlatformSuite
{
    Q_OBJECT

private slots:
    void initTestCase() { startAndEnrol(); }
    void init() { clearFaults(); }

    void replaysTheFirstAnswerForARepeatedKey();
    void refusesARepeatedKeyWithAnotherBody();
    void answersInProgressWhileTheFirstRequestRuns();
    void keepsExactlyOneCaseWhenTheKioskIsKilledMidRequest();
    void keepsIdempotencyAcrossAServerRestart();
    void keepsExactlyOneCaseWhenThePlatformIsKilledMidRequest();
};

void TestPlatformIdempotency::replaysTheFirstAnswerForARepeatedKey()
{
    PlatformClient client(settings());
    const QString key = PlatformClient::newIdempotencyKey();
    const PlatformResult first = waitFor(client.submitCase(caseRequest(QStringLiteral("T-REP-1")), key));
    QVERIFY2(first.isOk(), qPrintable(first.summary()));
    QVERIFY(!first.replayed);
    const PlatformResult second = waitFor(client.submitCase(caseRequest(QStringLiteral("T-REP-1")), key));
    QVERIFY2(second.isOk(), qPrintable(second.summary()));
    QVERIFY(second.replayed);
    QCOMPARE(second.body.value(QLatin1String("case_no")), first.body.value(QLatin1String("case_no")));
    QCOMPARE(casesWithKey(m_server, key), 1);
}

void TestPlatformIdempotency::refusesARepeatedKeyWithAnotherBody()
{
    PlatformClient client(settings());
    const QString key = PlatformClient::newIdempotencyKey();
    QVERIFY(waitFor(client.submitCase(caseRequest(QStringLiteral("T-REUSE-1")), key)).isOk());
    const PlatformResult other = waitFor(client.submitCase(caseRequest(QStringLiteral("T-REUSE-2")), key));
    QCOMPARE(other.outcome, PlatformOutcome::Permanent);
    QCOMPARE(other.errorCode, QStringLiteral("idempotency_key_reused"));
    QCOMPARE(casesWithKey(m_server, key), 1);
}

void TestPlatformIdempotency::answersInProgressWhileTheFirstRequestRuns()
{
    setFaults({{QStringLiteral("latency_ms"), 3000}});
    PlatformClient client(settings());
    const QString key = PlatformClient::newIdempotencyKey();
    PlatformCall *first = client.submitCase(caseRequest(QStringLiteral("T-PROG-1")), key);
    QSignalSpy firstDone(first, &PlatformCall::finished);
    QTRY_VERIFY_WITH_TIMEOUT(keyState(m_server, key, 0), 30000);
    const PlatformResult second = waitFor(client.submitCase(caseRequest(QStringLiteral("T-PROG-1")), key));
    QCOMPARE(second.httpStatus, 409);
    QCOMPARE(second.outcome, PlatformOutcome::Transient);
    QCOMPARE(second.errorCode, QStringLiteral("in_progress"));
    QVERIFY(firstDone.wait(60000) || firstDone.count() == 1);
    QVERIFY(firstDone.at(0).at(0).value<PlatformResult>().isOk());
    QCOMPARE(casesWithKey(m_server, key), 1);
}

void TestPlatformIdempotency::keepsExactlyOneCaseWhenTheKioskIsKilledMidRequest()
{
    setFaults({{QStringLiteral("latency_ms"), 2000}});
    const QString key = PlatformClient::newIdempotencyKey();
    const QJsonObject request = caseRequest(QStringLiteral("T-KILL-1"));
    QProcess kiosk;
    kiosk.start(qEnvironmentVariable("KIOSK_PLATFORM_CHILD"),
                {m_server.httpUrl().toString(), m_credentials.terminalId, QString::fromLatin1(m_credentials.secret.toBase64()), key,
                 QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact))});
    QVERIFY(kiosk.waitForStarted(30000));
    // The platform has the whole request and is working on it: now the kiosk dies.
    QTRY_VERIFY_WITH_TIMEOUT(keyState(m_server, key, 0), 30000);
    kiosk.kill();
    QVERIFY(kiosk.waitForFinished(30000));
    QVERIFY(!kiosk.readAllStandardOutput().contains("finished"));
    QTRY_VERIFY_WITH_TIMEOUT(keyState(m_server, key, 1), 30000);

    // The restarted kiosk sends the entry again with the key it stored with it.
    setFaults({{QStringLiteral("latency_ms"), 0}});
    PlatformClient restarted(settings());
    const PlatformResult again = waitFor(restarted.submitCase(request, key));
    QVERIFY2(again.isOk(), qPrintable(again.summary()));
    QVERIFY(again.replayed);
    QCOMPARE(casesWithKey(m_server, key), 1);
}

void TestPlatformIdempotency::keepsIdempotencyAcrossAServerRestart()
{
    QTemporaryDir dir;
    RefPlatformProcess server;
    const QStringList args = {QStringLiteral("--db"), dir.filePath(QStringLiteral("p.db")), QStringLiteral("--enroll-token"), QStringLiteral("t")};
    QVERIFY2(server.start(args), qPrintable(server.errorText()));
    PlatformClient enroller(settings(server.httpUrl()));
    const PlatformResult enrolled = waitFor(enroller.enroll(QStringLiteral("t"), {}, {}, QStringLiteral("340104-HALL-01")));
    QVERIFY(enrolled.isOk());
    TerminalCredentials credentials{enrolled.body.value(QLatin1String("terminal_id")).toString(),
                                    QByteArray::fromBase64(enrolled.body.value(QLatin1String("secret")).toString().toLatin1()), {}, {}};
    const QString key = PlatformClient::newIdempotencyKey();
    QString caseNumber;
    {
        PlatformClientSettings s = settings(server.httpUrl());
        s.credentials = credentials;
        PlatformClient client(s);
        const PlatformResult first = waitFor(client.submitCase(caseRequest(QStringLiteral("T-RST-1")), key));
        QVERIFY2(first.isOk(), qPrintable(first.summary()));
        caseNumber = first.body.value(QLatin1String("case_no")).toString();
    }
    server.kill();
    QVERIFY2(server.start(args), qPrintable(server.errorText()));
    PlatformClientSettings s = settings(server.httpUrl());
    s.credentials = credentials;
    PlatformClient client(s);
    const PlatformResult again = waitFor(client.submitCase(caseRequest(QStringLiteral("T-RST-1")), key));
    QVERIFY2(again.isOk(), qPrintable(again.summary()));
    QVERIFY(again.replayed);
    QCOMPARE(again.body.value(QLatin1String("case_no")).toString(), caseNumber);
    QCOMPARE(casesWithKey(server, key), 1);
}

void TestPlatformIdempotency::keepsExactlyOneCaseWhenThePlatformIsKilledMidRequest()
{
    QTemporaryDir dir;
    RefPlatformProcess server;
    const QStringList args = {QStringLiteral("--db"), dir.filePath(QStringLiteral("p.db")), QStringLiteral("--enroll-token"), QStringLiteral("t")};
    QVERIFY2(server.start(args), qPrintable(server.errorText()));
    PlatformClient enroller(settings(server.httpUrl()));
    const PlatformResult enrolled = waitFor(enroller.enroll(QStringLiteral("t"), {}, {}, QStringLiteral("340104-HALL-01")));
    QVERIFY(enrolled.isOk());
    TerminalCredentials credentials{enrolled.body.value(QLatin1String("terminal_id")).toString(),
                                    QByteArray::fromBase64(enrolled.body.value(QLatin1String("secret")).toString().toLatin1()), {}, {}};
    QVERIFY(!server.post(QStringLiteral("faults"), {{QStringLiteral("latency_ms"), 30000}}).isEmpty());
    const QString key = PlatformClient::newIdempotencyKey();
    {
        PlatformClientSettings s = settings(server.httpUrl());
        s.credentials = credentials;
        PlatformClient client(s);
        PlatformCall *call = client.submitCase(caseRequest(QStringLiteral("T-PKILL-1")), key);
        QSignalSpy done(call, &PlatformCall::finished);
        QTRY_VERIFY_WITH_TIMEOUT(keyState(server, key, 0), 30000);
        server.kill();
        QVERIFY(done.wait(60000));
        QVERIFY(done.at(0).at(0).value<PlatformResult>().isTransient());
    }
    QVERIFY2(server.start(args), qPrintable(server.errorText()));
    PlatformClientSettings s = settings(server.httpUrl());
    s.credentials = credentials;
    PlatformClient client(s);
    const PlatformResult again = waitFor(client.submitCase(caseRequest(QStringLiteral("T-PKILL-1")), key));
    QVERIFY2(again.isOk(), qPrintable(again.summary()));
    QVERIFY(!again.replayed);
    QCOMPARE(casesWithKey(server, key), 1);
    QVERIFY(waitFor(client.submitCase(caseRequest(QStringLiteral("T-PKILL-1")), key)).replayed);
    QCOMPARE(casesWithKey(server, key), 1);
}

QTEST_GUILESS_MAIN(TestPlatformIdempotency)
#include "test_platformidempotency.moc"
