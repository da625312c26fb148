#include "enrolledplatformsuite.h"
#include "platformheartbeat.h"
#include "platformwait.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

// The terminal's own calls to the reference platform: enrolment with a single-use token, the
// catalogue revalidated by its ETag across a restart, and the heartbeat with the commands it carries.
class TestPlatformTerminalCalls : public EnrolledPlatformSuite
{
    Q_OBJECT

private slots:
    void initTestCase() { startAndEnrol(); }
    void init() { clearFaults(); }

    void enrolsOnceWithASingleUseToken();
    void fetchesTheCatalogueAndRevalidatesItWithItsEtag();
    void deliversHeartbeatCommandsOnce();
    void beatsOnItsIntervalAndPassesCommandsOn();
};

void TestPlatformTerminalCalls::enrolsOnceWithASingleUseToken()
{
    PlatformClient client(settings());
    const PlatformResult first = waitFor(client.enroll(QStringLiteral("token-2"), QStringLiteral("SN-2"), {}, QStringLiteral("340103-HALL-02")));
    QVERIFY2(first.isOk(), qPrintable(first.summary()));
    QCOMPARE(first.body.value(QLatin1String("division_code")).toString(), QStringLiteral("340103"));
    QVERIFY(first.body.value(QLatin1String("terminal_id")).toString().startsWith(QLatin1String("T340103")));
    const PlatformResult again = waitFor(client.enroll(QStringLiteral("token-2"), QStringLiteral("SN-3"), {}, QStringLiteral("340103-HALL-02")));
    QCOMPARE(again.outcome, PlatformOutcome::Permanent);
    QCOMPARE(again.errorCode, QStringLiteral("invalid_enroll_token"));
}

void TestPlatformTerminalCalls::fetchesTheCatalogueAndRevalidatesItWithItsEtag()
{
    PlatformClientSettings s = settings();
    s.catalogueCachePath = m_dir.filePath(QStringLiteral("cache/catalogue.json"));
    {
        PlatformClient client(s);
        const PlatformResult first = waitFor(client.fetchCatalogue());
        QVERIFY2(first.isOk(), qPrintable(first.summary()));
        QVERIFY(!first.notModified);
        QVERIFY(!first.etag.isEmpty());
        QVERIFY(client.cachedCatalogue().has_value());
        QVERIFY(client.cachedCatalogue()->item(kItemNoMaterials));
    }
    // A kiosk restarting with the cache sends If-None-Match and works from its copy.
    PlatformClient restarted(s);
    QVERIFY(restarted.cachedCatalogue().has_value());
    const PlatformResult second = waitFor(restarted.fetchCatalogue());
    QVERIFY2(second.isOk(), qPrintable(second.summary()));
    QVERIFY(second.notModified);
    QCOMPARE(second.httpStatus, 304);
    QVERIFY(Catalogue::fromJson(second.content, nullptr).has_value());
}

void TestPlatformTerminalCalls::deliversHeartbeatCommandsOnce()
{
    PlatformClient client(settings());
    QVERIFY(waitFor(client.heartbeat({})).isOk()); // drains anything queued before
    QVERIFY(!m_server.post(QStringLiteral("commands"), {{QStringLiteral("terminal_id"), m_credentials.terminalId}, {QStringLiteral("name"), QStringLiteral("reload_catalogue")}}).isEmpty());
    const PlatformResult first = waitFor(client.heartbeat({{QStringLiteral("version"), QStringLiteral("test")}}));
    QVERIFY2(first.isOk(), qPrintable(first.summary()));
    const QJsonArray commands = first.body.value(QLatin1String("commands")).toArray();
    QCOMPARE(commands.size(), 1);
    QCOMPARE(commands.first().toObject().value(QLatin1String("name")).toString(), QStringLiteral("reload_catalogue"));
    QCOMPARE(first.body.value(QLatin1String("catalogue_version")).toString(), QStringLiteral("2026-11-20.3"));
    QVERIFY(waitFor(client.heartbeat({})).body.value(QLatin1String("commands")).toArray().isEmpty());
}

void TestPlatformTerminalCalls::beatsOnItsIntervalAndPassesCommandsOn()
{
    PlatformClient client(settings());
    int reports = 0;
    PlatformHeartbeat heartbeat(client, [&reports] {
        ++reports;
        return QJsonObject{{QStringLiteral("version"), QStringLiteral("beat-test")}, {QStringLiteral("uptime_s"), reports}};
    });
    heartbeat.setInterval(std::chrono::milliseconds(200));
    QSignalSpy commands(&heartbeat, &PlatformHeartbeat::commandReceived);
    QSignalSpy versions(&heartbeat, &PlatformHeartbeat::catalogueVersionAnnounced);
    QSignalSpy beats(&heartbeat, &PlatformHeartbeat::beaten);
    QVERIFY(!m_server.post(QStringLiteral("commands"), {{QStringLiteral("terminal_id"), m_credentials.terminalId}, {QStringLiteral("name"), QStringLiteral("lock")}}).isEmpty());
    heartbeat.start();
    QTRY_VERIFY_WITH_TIMEOUT(beats.count() >= 3, 60000);
    heartbeat.stop();
    QCOMPARE(commands.count(), 1);
    QCOMPARE(commands.at(0).at(1).toString(), QStringLiteral("lock"));
    QCOMPARE(versions.at(0).at(0).toString(), QStringLiteral("2026-11-20.3"));
    int seen = 0;
    for (const QJsonValue &row : m_server.inspect(QStringLiteral("heartbeats")).value(QLatin1String("heartbeats")).toArray())
        seen += row.toObject().value(QLatin1String("report")).toString().contains(QLatin1String("beat-test")) ? 1 : 0;
    QVERIFY(seen >= 3);
}

QTEST_GUILESS_MAIN(TestPlatformTerminalCalls)
#include "test_platformterminalcalls.moc"
