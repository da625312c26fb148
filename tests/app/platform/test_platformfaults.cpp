#include "enrolledplatformsuite.h"
#include "platformwait.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

// Each fault class of the reference platform and what the client makes of it: server errors and
// rate limits retried after Retry-After, broken replies retried into one case, an outage that takes
// it offline and fails live calls fast, and a slow or trickling platform given up on.
class TestPlatformFaults : public EnrolledPlatformSuite
{
    Q_OBJECT

private slots:
    void initTestCase() { startAndEnrol(); }
    void init() { clearFaults(); }

    void retriesServerErrorsAndHonoursRetryAfter();
    void waitsOutRateLimits();
    void retriesBrokenRepliesAndStillMakesOneCase_data();
    void retriesBrokenRepliesAndStillMakesOneCase();
    void goesOfflineInAnOutageAndFailsLiveCallsFast();
    void givesUpOnASlowPlatformAfterItsTimeout();
    void givesUpOnAPlatformThatTricklesItsAnswer();
};

void TestPlatformFaults::retriesServerErrorsAndHonoursRetryAfter()
{
    setFaults({{QStringLiteral("error_rate"), QJsonObject{{QStringLiteral("cases"), 1.0}}}});
    PlatformClient client(settings());
    QSignalSpy connectivity(&client, &PlatformClient::connectivityChanged);
    const QString key = PlatformClient::newIdempotencyKey();
    const PlatformResult r = waitFor(client.submitCase(caseRequest(QStringLiteral("T-503-1")), key));
    QCOMPARE(r.httpStatus, 503);
    QCOMPARE(r.outcome, PlatformOutcome::Transient);
    QCOMPARE(r.retryAfterS.value_or(-1), 1);
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Degraded);
    QCOMPARE(connectivity.count(), 1);
    QCOMPARE(casesWithKey(m_server, key), 0);
    setFaults({{QStringLiteral("error_rate"), QJsonObject()}});
    QVERIFY(waitFor(client.submitCase(caseRequest(QStringLiteral("T-503-1")), key)).isOk());
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Online);
    QCOMPARE(casesWithKey(m_server, key), 1);
}

void TestPlatformFaults::waitsOutRateLimits()
{
    setFaults({{QStringLiteral("rate_limit"), 1}});
    PlatformClient client(settings());
    // All four go out at once; each is watched from the start, since any may finish first.
    std::vector<std::unique_ptr<QSignalSpy>> spies;
    for (int i = 0; i < 4; ++i)
        spies.push_back(std::make_unique<QSignalSpy>(client.heartbeat({}), &PlatformCall::finished));
    for (const auto &spy : spies)
        QTRY_COMPARE_WITH_TIMEOUT(spy->count(), 1, 60000);
    QList<PlatformResult> results;
    for (const auto &spy : spies)
        results.append(spy->at(0).at(0).value<PlatformResult>());
    int limited = 0;
    for (const PlatformResult &r : results) {
        if (r.httpStatus == 429) {
            ++limited;
            QCOMPARE(r.outcome, PlatformOutcome::Transient);
            QCOMPARE(r.retryAfterS.value_or(-1), 1);
        }
    }
    QVERIFY(limited >= 1);
}

void TestPlatformFaults::retriesBrokenRepliesAndStillMakesOneCase_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("malformed body") << "malformed" << QStringList{QStringLiteral("malformed")};
    // Qt's network stack resends a request once by itself when a connection drops before the
    // answer; the platform refuses that resend's nonce, which is just another transient failure.
    QTest::newRow("truncated body") << "truncate" << QStringList{QStringLiteral("truncated"), QStringLiteral("network"), QStringLiteral("replayed")};
    QTest::newRow("connection reset") << "reset" << QStringList{QStringLiteral("network"), QStringLiteral("replayed")};
}

void TestPlatformFaults::retriesBrokenRepliesAndStillMakesOneCase()
{
    QFETCH(QString, fault);
    QFETCH(QStringList, codes);
    setFaults({{fault, 1.0}});
    PlatformClient client(settings());
    const QString key = PlatformClient::newIdempotencyKey();
    const PlatformResult broken = waitFor(client.submitCase(caseRequest(QStringLiteral("T-BRK-") + fault), key));
    QCOMPARE(broken.outcome, PlatformOutcome::Transient);
    QVERIFY2(codes.contains(broken.errorCode), qPrintable(broken.summary()));
    QVERIFY(client.connectivity() != PlatformClient::Connectivity::Online);
    // The platform did the work before the reply broke: the retry gets the same case back.
    setFaults({{fault, 0.0}});
    const PlatformResult retried = waitFor(client.submitCase(caseRequest(QStringLiteral("T-BRK-") + fault), key));
    QVERIFY2(retried.isOk(), qPrintable(retried.summary()));
    QVERIFY(retried.replayed);
    QCOMPARE(casesWithKey(m_server, key), 1);
}

void TestPlatformFaults::goesOfflineInAnOutageAndFailsLiveCallsFast()
{
    PlatformClient client(settings());
    QSignalSpy connectivity(&client, &PlatformClient::connectivityChanged);
    setFaults({{QStringLiteral("outage"), true}});
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Transient);
    QCOMPARE(r.httpStatus, 0);
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Offline);
    QCOMPARE(connectivity.count(), 1);
    QCOMPARE(connectivity.at(0).at(0).value<PlatformClient::Connectivity>(), PlatformClient::Connectivity::Offline);

    const qsizetype seen = m_server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray().size();
    const PlatformResult live = waitFor(client.verifyIdentity(idCardRequest()));
    QCOMPARE(live.errorCode, QStringLiteral("offline"));
    QVERIFY(!live.userMessage().zh.isEmpty());
    QCOMPARE(m_server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray().size(), seen);

    setFaults({{QStringLiteral("outage"), false}});
    QVERIFY(waitFor(client.heartbeat({})).isOk());
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Online);
}

void TestPlatformFaults::givesUpOnASlowPlatformAfterItsTimeout()
{
    setFaults({{QStringLiteral("latency_ms"), 5000}});
    PlatformClientSettings s = settings();
    s.timeoutMs = 1000;
    PlatformClient client(s);
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Transient);
    QCOMPARE(r.errorCode, QStringLiteral("timeout"));
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Offline);
}

void TestPlatformFaults::givesUpOnAPlatformThatTricklesItsAnswer()
{
    // A byte every 200 ms: never quiet long enough for the inactivity timeout, and the whole
    // answer would take a minute.
    setFaults({{QStringLiteral("trickle_ms"), 200}});
    PlatformClientSettings s = settings();
    s.timeoutMs = 2000;
    PlatformClient client(s);
    const PlatformResult r = waitFor(client.heartbeat({}));
    setFaults({{QStringLiteral("trickle_ms"), 0}});
    QCOMPARE(r.outcome, PlatformOutcome::Transient);
    QCOMPARE(r.errorCode, QStringLiteral("timeout"));
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Offline);
    const QJsonArray requests = m_server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.last().toObject().value(QLatin1String("fault")).toString(), QStringLiteral("trickle"));
}

QTEST_GUILESS_MAIN(TestPlatformFaults)
#include "test_platformfaults.moc"
