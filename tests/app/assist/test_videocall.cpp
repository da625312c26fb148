#include "platformclient.h"
#include "platformwait.h"
#include "refplatformprocess.h"
#include "videocall.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>
#include <QWebSocket>

// The kiosk's VideoCall against the reference platform, for every way a call ends before or
// without media: no agent on duty, the desk closed (with its opening time), nobody answering
// within the queue's time, the platform's socket dropping mid-call, the agent hanging up, the
// resident leaving the queue and the session's wipe. The agent here is a bare desk socket; the
// media with a real browser are test_videocall_browser's.
class TestVideoCall : public QObject
{
    Q_OBJECT

private slots:
    void saysNoAgentIsOnDuty();
    void saysWhenAClosedDeskOpens();
    void endsWhenNobodyAnswersWithinTheQueuesTime();
    void followsItsPlaceInTheQueueAndEndsWhenThePlatformDrops();
    void endsWhenTheAgentHangsUp();
    void leavesTheQueueWhenTheResidentHangsUpOrTheSessionEnds();
    void startsOnlyAfterTheResidentAgreed();
    void holdsTheSessionsIdleTimeoutWhileLiveAndEndsWithTheSession();

private:
    struct Platform {
        RefPlatformProcess server;
        std::unique_ptr<PlatformClient> client;
    };
    [[nodiscard]] static bool start(Platform &platform, const QStringList &extra);
    [[nodiscard]] static std::unique_ptr<QWebSocket> openDesk(const Platform &platform);
    static void deskSays(QWebSocket &desk, const QJsonObject &message)
    {
        desk.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }
    [[nodiscard]] static QString onlyCallId(const Platform &platform);
    [[nodiscard]] static CallMedia::Sources noMedia() { return {nullptr, {}, QString(), 15, 3}; }
};

bool TestVideoCall::start(Platform &platform, const QStringList &extra)
{
    if (!platform.server.start(QStringList{QStringLiteral("--enroll-token"), QStringLiteral("token-1")} + extra))
        return false;
    PlatformClientSettings settings;
    settings.baseUrl = platform.server.httpUrl();
    settings.timeoutMs = 10000;
    PlatformClient enrolling(settings);
    const PlatformResult r = waitFor(enrolling.enroll(QStringLiteral("token-1"), QStringLiteral("SN-1"), QStringLiteral("K-24"),
                                                    QStringLiteral("340103-HALL-01")));
    if (!r.isOk())
        return false;
    TerminalCredentials credentials;
    credentials.terminalId = r.body.value(QLatin1String("terminal_id")).toString();
    credentials.secret = QByteArray::fromBase64(r.body.value(QLatin1String("secret")).toString().toLatin1());
    credentials.divisionCode = r.body.value(QLatin1String("division_code")).toString();
    settings.credentials = credentials;
    platform.client = std::make_unique<PlatformClient>(settings);
    return true;
}

std::unique_ptr<QWebSocket> TestVideoCall::openDesk(const Platform &platform)
{
    auto desk = std::make_unique<QWebSocket>();
    QUrl url = platform.server.httpUrl();
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/desk/ws"));
    desk->open(url);
    if (!QTest::qWaitFor([&] { return desk->state() == QAbstractSocket::ConnectedState; }, 10000))
        return nullptr;
    return desk;
}

QString TestVideoCall::onlyCallId(const Platform &platform)
{
    const QJsonArray calls = platform.server.inspect(QStringLiteral("assist")).value(QLatin1String("calls")).toArray();
    return calls.isEmpty() ? QString() : calls.last().toObject().value(QLatin1String("call_id")).toString();
}

void TestVideoCall::saysNoAgentIsOnDuty()
{
    Platform platform;
    QVERIFY(start(platform, {}));
    VideoCall call(platform.client.get(), noMedia(), nullptr);
    call.ask();
    call.agree(QStringLiteral("zh"), QStringLiteral("home"), false);
    QTRY_COMPARE(call.state(), VideoCall::State::Failed);
    QCOMPARE(call.failure(), VideoCall::Failure::NoAgents);
    QVERIFY(!call.live());
    // The notice closes, and the resident may ask again.
    call.dismiss();
    QCOMPARE(call.state(), VideoCall::State::Idle);
}

void TestVideoCall::saysWhenAClosedDeskOpens()
{
    const QDateTime hallNow = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(8 * 3600));
    const QTime opens = QTime(hallNow.time().hour(), 30).addSecs(3 * 3600);
    Platform platform;
    QVERIFY(start(platform, {QStringLiteral("--desk-hours"), opens.toString(QStringLiteral("HH:mm")) + QLatin1Char('-')
                                                                 + opens.addSecs(1800).toString(QStringLiteral("HH:mm"))}));
    const auto desk = openDesk(platform);
    QVERIFY(desk);
    VideoCall call(platform.client.get(), noMedia(), nullptr);
    call.ask();
    call.agree(QStringLiteral("en"), QStringLiteral("home"), true);
    QTRY_COMPARE(call.state(), VideoCall::State::Failed);
    QCOMPARE(call.failure(), VideoCall::Failure::DeskClosed);
    QVERIFY(call.opensAt().isValid());
    QCOMPARE(call.opensAt().toTimeZone(QTimeZone(8 * 3600)).time(), opens);
}

void TestVideoCall::endsWhenNobodyAnswersWithinTheQueuesTime()
{
    Platform platform;
    QVERIFY(start(platform, {QStringLiteral("--assist-queue-s"), QStringLiteral("2")}));
    const auto desk = openDesk(platform);
    QVERIFY(desk);
    VideoCall call(platform.client.get(), noMedia(), nullptr);
    call.ask();
    call.agree(QStringLiteral("zh"), QStringLiteral("form"), false);
    QTRY_COMPARE(call.queuePosition(), 1);
    QVERIFY(call.live());
    QTRY_COMPARE_WITH_TIMEOUT(call.state(), VideoCall::State::Failed, 10000);
    QCOMPARE(call.failure(), VideoCall::Failure::NoAnswer);
    QVERIFY(!call.live());
}

void TestVideoCall::followsItsPlaceInTheQueueAndEndsWhenThePlatformDrops()
{
    Platform platform;
    QVERIFY(start(platform, {}));
    const auto desk = openDesk(platform);
    QVERIFY(desk);
    VideoCall first(platform.client.get(), noMedia(), nullptr);
    VideoCall second(platform.client.get(), noMedia(), nullptr);
    first.ask();
    first.agree(QStringLiteral("zh"), QStringLiteral("form"), false);
    QTRY_COMPARE(first.queuePosition(), 1);
    const QString firstId = onlyCallId(platform);
    second.ask();
    second.agree(QStringLiteral("zh"), QStringLiteral("home"), false);
    QTRY_COMPARE(second.queuePosition(), 2);
    // The agent takes the first: the second moves up, the first starts its media.
    deskSays(*desk, {{QStringLiteral("type"), QStringLiteral("take")}, {QStringLiteral("call_id"), firstId}});
    QTRY_COMPARE(second.queuePosition(), 1);
    QTRY_VERIFY(first.state() == VideoCall::State::Connecting || first.state() == VideoCall::State::Failed);
    QVERIFY(!first.agentNameZh().isEmpty() || first.state() == VideoCall::State::Failed);

    // The platform goes away mid-call: the kiosk says the network dropped.
    platform.server.kill();
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), VideoCall::State::Failed, 10000);
    QCOMPARE(second.failure(), VideoCall::Failure::Network);
    QTRY_COMPARE(first.state(), VideoCall::State::Failed);
}

void TestVideoCall::endsWhenTheAgentHangsUp()
{
    Platform platform;
    QVERIFY(start(platform, {}));
    const auto desk = openDesk(platform);
    QVERIFY(desk);
    VideoCall call(platform.client.get(), noMedia(), nullptr);
    call.ask();
    call.agree(QStringLiteral("zh"), QStringLiteral("form"), false);
    QTRY_COMPARE(call.queuePosition(), 1);
    const QString id = onlyCallId(platform);
    deskSays(*desk, {{QStringLiteral("type"), QStringLiteral("take")}, {QStringLiteral("call_id"), id}});
    QTRY_VERIFY(call.state() != VideoCall::State::Queued);
    deskSays(*desk, {{QStringLiteral("type"), QStringLiteral("bye")}, {QStringLiteral("call_id"), id}, {QStringLiteral("reason"), QStringLiteral("hangup")}});
    QTRY_COMPARE(call.state(), VideoCall::State::Ended);
    QCOMPARE(call.failure(), VideoCall::Failure::None);
}

void TestVideoCall::leavesTheQueueWhenTheResidentHangsUpOrTheSessionEnds()
{
    Platform platform;
    QVERIFY(start(platform, {}));
    const auto desk = openDesk(platform);
    QVERIFY(desk);
    VideoCall call(platform.client.get(), noMedia(), nullptr);
    call.ask();
    call.agree(QStringLiteral("zh"), QStringLiteral("form"), false);
    QTRY_COMPARE(call.queuePosition(), 1);
    const QString id = onlyCallId(platform);
    call.hangUp();
    QCOMPARE(call.state(), VideoCall::State::Ended);
    auto reasonOf = [&](const QString &callId) {
        for (const QJsonValue &c : platform.server.inspect(QStringLiteral("assist")).value(QLatin1String("calls")).toArray()) {
            if (c.toObject().value(QLatin1String("call_id")).toString() == callId)
                return c.toObject().value(QLatin1String("end_reason")).toString();
        }
        return QString();
    };
    QTRY_COMPARE(reasonOf(id), QStringLiteral("hangup"));

    call.ask();
    call.agree(QStringLiteral("zh"), QStringLiteral("form"), false);
    QTRY_COMPARE(call.queuePosition(), 1);
    const QString again = onlyCallId(platform);
    QVERIFY(again != id);
    static_cast<SessionWipeable &>(call).wipeSessionData();
    QCOMPARE(call.state(), VideoCall::State::Idle);
    QTRY_COMPARE(reasonOf(again), QStringLiteral("session_ended"));
}

void TestVideoCall::startsOnlyAfterTheResidentAgreed()
{
    Platform platform;
    QVERIFY(start(platform, {}));
    const auto desk = openDesk(platform);
    QVERIFY(desk);
    VideoCall call(platform.client.get(), noMedia(), nullptr);
    call.agree(QStringLiteral("zh"), QStringLiteral("form"), false); // no consent step yet
    QCOMPARE(call.state(), VideoCall::State::Idle);
    call.ask();
    QCOMPARE(call.state(), VideoCall::State::Consent);
    call.dismiss(); // the resident declined
    QCOMPARE(call.state(), VideoCall::State::Idle);
    QTest::qWait(300);
    QVERIFY(platform.server.inspect(QStringLiteral("assist")).value(QLatin1String("calls")).toArray().isEmpty());
}

void TestVideoCall::holdsTheSessionsIdleTimeoutWhileLiveAndEndsWithTheSession()
{
    Platform platform;
    QVERIFY(start(platform, {}));
    const auto desk = openDesk(platform);
    QVERIFY(desk);
    SessionTimeouts timeouts;
    timeouts.idle[SessionState::ChooseService] = std::chrono::milliseconds(60000);
    SessionMachine session(timeouts);
    QVERIFY(session.advance(SessionState::ChooseService));
    VideoCall call(platform.client.get(), noMedia(), nullptr);
    call.attachSession(&session);

    call.ask();
    QVERIFY(!session.idleHeld()); // reading the consent is not a call yet
    call.agree(QStringLiteral("zh"), QStringLiteral("home"), false);
    QVERIFY(session.idleHeld());
    QTRY_COMPARE(call.queuePosition(), 1);
    call.hangUp();
    QVERIFY(!session.idleHeld());
    QVERIFY(session.secondsLeft() > 50);

    call.ask();
    call.agree(QStringLiteral("zh"), QStringLiteral("home"), false);
    QTRY_COMPARE(call.queuePosition(), 1);
    const QString id = onlyCallId(platform);
    QVERIFY(session.end(SessionEnd::Cancelled));
    QCOMPARE(call.state(), VideoCall::State::Idle);
    QVERIFY(!session.idleHeld());
    QTRY_COMPARE(platform.server.inspect(QStringLiteral("assist")).value(QLatin1String("calls")).toArray().last().toObject()
                     .value(QLatin1String("end_reason")).toString(), QStringLiteral("session_ended"));
    QCOMPARE(onlyCallId(platform), id);
}

QTEST_GUILESS_MAIN(TestVideoCall)
#include "test_videocall.moc"
