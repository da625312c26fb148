#include "platformclient.h"
#include "platformwait.h"
#include "refplatformprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QWebSocket>

#include <functional>
#include <memory>
#include <optional>

namespace {

// One end of a signalling socket as a test drives it: what it received, in order.
class SignallingEnd : public QObject
{
public:
    explicit SignallingEnd(const QUrl &url)
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this,
                [this](const QString &text) { m_received.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
        m_socket.open(url);
    }
    [[nodiscard]] bool waitConnected()
    {
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            (void)QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState || m_socket.state() == QAbstractSocket::UnconnectedState; }, 10000);
        return m_socket.state() == QAbstractSocket::ConnectedState;
    }
    [[nodiscard]] bool waitClosed()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, 10000);
    }
    void send(const QJsonObject &message)
    {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
    }
    // The first message of `type` not yet taken; empty when none came within the time.
    QJsonObject take(const QString &type, int timeoutMs = 10000)
    {
        QJsonObject found;
        (void)QTest::qWaitFor([&] {
            for (qsizetype i = 0; i < m_received.size(); ++i) {
                if (m_received[i].value(QLatin1String("type")).toString() == type) {
                    found = m_received.takeAt(i);
                    return true;
                }
            }
            return false;
        }, timeoutMs);
        return found;
    }
    // Takes the desk's "calls" listings in order until one is `wanted`; nothing at the deadline.
    std::optional<QJsonArray> takeListing(const std::function<bool(const QJsonArray &)> &wanted, int timeoutMs = 10000)
    {
        std::optional<QJsonArray> found;
        (void)QTest::qWaitFor([&] {
            for (qsizetype i = 0; i < m_received.size();) {
                if (m_received[i].value(QLatin1String("type")).toString() != QLatin1String("calls")) {
                    ++i;
                    continue;
                }
                const QJsonArray calls = m_received.takeAt(i).value(QLatin1String("calls")).toArray();
                if (wanted(calls)) {
                    found = calls;
                    return true;
                }
            }
            return false;
        }, timeoutMs);
        return found;
    }
    void abort() { m_socket.abort(); }

private:
    QWebSocket m_socket;
    QList<QJsonObject> m_received;
};

QJsonObject callRequest(const QString &screen = QStringLiteral("form"))
{
    return {{QStringLiteral("language"), QStringLiteral("zh")}, {QStringLiteral("screen"), screen},
            {QStringLiteral("item_code"), QStringLiteral("340100-000-ZZ-0010-01")}, {QStringLiteral("elder_mode"), true}};
}

} // namespace

// The reference platform's video help (远程视频帮办) seen from a terminal's client and an agent's
// desk: the queue behind POST /assist/calls, the signalling it relays between kiosk and agent,
// its refusals (no agent, desk closed, a wrong ticket) and the ways a call ends.
class TestAssistCalls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void refusesACallWhenNoAgentIsOnDuty();
    void queuesCallsAndRelaysTheSignallingOnceAnAgentTakesOne();
    void opensACallsSocketOnlyWithItsTicketAndOnlyOnce();
    void tellsTheAgentWhenAKioskDropsMidCall();
    void endsACallNobodyAnswersWithinTheQueuesTime();
    void saysWhenAClosedDeskOpens();
    void servesTheDeskPageAndNoOtherSocket();

private:
    [[nodiscard]] bool startServer(RefPlatformProcess &server, const QStringList &extra, TerminalCredentials *credentials);
    [[nodiscard]] PlatformClientSettings settings(const RefPlatformProcess &server, const TerminalCredentials &credentials) const;
    [[nodiscard]] QUrl deskUrl(const RefPlatformProcess &server) const;

    QTemporaryDir m_dir;
    RefPlatformProcess m_server;
    TerminalCredentials m_credentials;
    std::unique_ptr<PlatformClient> m_client;
};

bool TestAssistCalls::startServer(RefPlatformProcess &server, const QStringList &extra, TerminalCredentials *credentials)
{
    if (!server.start(QStringList{QStringLiteral("--enroll-token"), QStringLiteral("token-1")} + extra)) {
        qWarning("%s", qPrintable(server.errorText()));
        return false;
    }
    PlatformClient client(settings(server, {}));
    const PlatformResult r = waitFor(client.enroll(QStringLiteral("token-1"), QStringLiteral("SN-1"), QStringLiteral("K-24"),
                                                 QStringLiteral("340103-HALL-01")));
    if (!r.isOk())
        return false;
    credentials->terminalId = r.body.value(QLatin1String("terminal_id")).toString();
    credentials->secret = QByteArray::fromBase64(r.body.value(QLatin1String("secret")).toString().toLatin1());
    credentials->divisionCode = r.body.value(QLatin1String("division_code")).toString();
    return credentials->isValid();
}

PlatformClientSettings TestAssistCalls::settings(const RefPlatformProcess &server, const TerminalCredentials &credentials) const
{
    PlatformClientSettings s;
    s.baseUrl = server.httpUrl();
    s.timeoutMs = 10000;
    if (credentials.isValid())
        s.credentials = credentials;
    return s;
}

QUrl TestAssistCalls::deskUrl(const RefPlatformProcess &server) const
{
    QUrl url = server.httpUrl();
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/desk/ws"));
    return url;
}

void TestAssistCalls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(startServer(m_server, {}, &m_credentials));
    m_client = std::make_unique<PlatformClient>(settings(m_server, m_credentials));
}

void TestAssistCalls::init()
{
    // Every test starts with no agent on duty: the desks of earlier tests are gone.
    QTRY_COMPARE(m_server.inspect(QStringLiteral("assist")).value(QLatin1String("agents_on_duty")).toInt(), 0);
}

void TestAssistCalls::refusesACallWhenNoAgentIsOnDuty()
{
    const PlatformResult r = waitFor(m_client->requestAssistCall(callRequest()));
    QCOMPARE(r.httpStatus, 503);
    QCOMPARE(r.errorCode, QStringLiteral("no_agents"));
    QVERIFY(r.retryAfterS.has_value());
    QCOMPARE(*r.retryAfterS, 60);
}

void TestAssistCalls::queuesCallsAndRelaysTheSignallingOnceAnAgentTakesOne()
{
    SignallingEnd desk(deskUrl(m_server));
    QVERIFY(desk.waitConnected());
    QVERIFY(!desk.take(QStringLiteral("calls")).isEmpty());

    const PlatformResult first = waitFor(m_client->requestAssistCall(callRequest(QStringLiteral("form"))));
    QVERIFY2(first.isOk(), qPrintable(first.summary()));
    QCOMPARE(first.httpStatus, 201);
    QCOMPARE(first.body.value(QLatin1String("queue_position")).toInt(), 1);
    QCOMPARE(first.body.value(QLatin1String("expires_in")).toInt(), 600);
    const PlatformResult second = waitFor(m_client->requestAssistCall(callRequest(QStringLiteral("attract"))));
    QVERIFY2(second.isOk(), qPrintable(second.summary()));
    QCOMPARE(second.body.value(QLatin1String("queue_position")).toInt(), 2);
    const QString firstId = first.body.value(QLatin1String("call_id")).toString();
    const QUrl firstUrl(first.body.value(QLatin1String("signalling_url")).toString());
    QCOMPARE(firstUrl.scheme(), QStringLiteral("ws"));
    QVERIFY(firstUrl.path().endsWith(QStringLiteral("/assist/calls/%1/ws").arg(firstId)));

    SignallingEnd kiosk1(firstUrl);
    SignallingEnd kiosk2(QUrl(second.body.value(QLatin1String("signalling_url")).toString()));
    QVERIFY(kiosk1.waitConnected());
    QVERIFY(kiosk2.waitConnected());
    QCOMPARE(kiosk1.take(QStringLiteral("queue")).value(QLatin1String("position")).toInt(), 1);
    QCOMPARE(kiosk2.take(QStringLiteral("queue")).value(QLatin1String("position")).toInt(), 2);

    // The desk lists both with what the resident was doing, and nothing of who they are.
    const std::optional<QJsonArray> listed = desk.takeListing([](const QJsonArray &calls) {
        return calls.size() == 2 && calls.at(1).toObject().value(QLatin1String("connected")).toBool();
    });
    QVERIFY(listed.has_value());
    const QJsonObject shown = listed->at(0).toObject();
    QCOMPARE(shown.value(QLatin1String("call_id")).toString(), firstId);
    QCOMPARE(shown.value(QLatin1String("screen")).toString(), QStringLiteral("form"));
    QCOMPARE(shown.value(QLatin1String("elder_mode")).toBool(), true);
    QCOMPARE(shown.value(QLatin1String("language")).toString(), QStringLiteral("zh"));
    QVERIFY(!shown.contains(QLatin1String("terminal_id")));

    desk.send({{QStringLiteral("type"), QStringLiteral("take")}, {QStringLiteral("call_id"), firstId}});
    const QJsonObject joined = kiosk1.take(QStringLiteral("agent_joined"));
    QVERIFY(!joined.value(QLatin1String("agent")).toObject().value(QLatin1String("agent_id")).toString().isEmpty());
    QVERIFY(!joined.value(QLatin1String("agent")).toObject().value(QLatin1String("display_name")).toObject().value(QLatin1String("zh")).toString().isEmpty());
    // The second caller moves up.
    QCOMPARE(kiosk2.take(QStringLiteral("queue")).value(QLatin1String("position")).toInt(), 1);

    kiosk1.send({{QStringLiteral("type"), QStringLiteral("offer")}, {QStringLiteral("sdp"), QStringLiteral("v=0 offer")}});
    const QJsonObject offer = desk.take(QStringLiteral("offer"));
    QCOMPARE(offer.value(QLatin1String("sdp")).toString(), QStringLiteral("v=0 offer"));
    QCOMPARE(offer.value(QLatin1String("call_id")).toString(), firstId);
    desk.send({{QStringLiteral("type"), QStringLiteral("answer")}, {QStringLiteral("call_id"), firstId}, {QStringLiteral("sdp"), QStringLiteral("v=0 answer")}});
    QCOMPARE(kiosk1.take(QStringLiteral("answer")).value(QLatin1String("sdp")).toString(), QStringLiteral("v=0 answer"));
    desk.send({{QStringLiteral("type"), QStringLiteral("ice")}, {QStringLiteral("call_id"), firstId}, {QStringLiteral("candidate"), QStringLiteral("candidate:1")},
               {QStringLiteral("sdpMid"), QStringLiteral("0")}, {QStringLiteral("sdpMLineIndex"), 0}});
    QCOMPARE(kiosk1.take(QStringLiteral("ice")).value(QLatin1String("candidate")).toString(), QStringLiteral("candidate:1"));
    kiosk1.send({{QStringLiteral("type"), QStringLiteral("ice")}, {QStringLiteral("candidate"), QStringLiteral("candidate:2")},
                 {QStringLiteral("sdpMid"), QStringLiteral("1")}, {QStringLiteral("sdpMLineIndex"), 1}});
    QCOMPARE(desk.take(QStringLiteral("ice")).value(QLatin1String("sdpMLineIndex")).toInt(), 1);
    // A kiosk cannot speak for the agent: its answer is not relayed.
    kiosk1.send({{QStringLiteral("type"), QStringLiteral("answer")}, {QStringLiteral("sdp"), QStringLiteral("forged")}});

    // The resident's session ends: the agent sees bye with session_ended.
    kiosk1.send({{QStringLiteral("type"), QStringLiteral("bye")}, {QStringLiteral("reason"), QStringLiteral("session_ended")}});
    const QJsonObject bye = desk.take(QStringLiteral("bye"));
    QCOMPARE(bye.value(QLatin1String("reason")).toString(), QStringLiteral("session_ended"));
    QCOMPARE(bye.value(QLatin1String("call_id")).toString(), firstId);
    QVERIFY(desk.take(QStringLiteral("answer"), 200).isEmpty());

    const QJsonArray calls = m_server.inspect(QStringLiteral("assist")).value(QLatin1String("calls")).toArray();
    QJsonObject record;
    for (const QJsonValue &c : calls) {
        if (c.toObject().value(QLatin1String("call_id")).toString() == firstId)
            record = c.toObject();
    }
    QCOMPARE(record.value(QLatin1String("state")).toString(), QStringLiteral("ended"));
    QCOMPARE(record.value(QLatin1String("ended_by")).toString(), QStringLiteral("kiosk"));
    QCOMPARE(record.value(QLatin1String("relayed")).toArray().toVariantList(),
             (QVariantList{QStringLiteral("kiosk:offer"), QStringLiteral("agent:answer"), QStringLiteral("agent:ice"), QStringLiteral("kiosk:ice")}));

    // The agent hangs up the second after taking it: the kiosk sees bye with hangup.
    const QString secondId = second.body.value(QLatin1String("call_id")).toString();
    desk.send({{QStringLiteral("type"), QStringLiteral("take")}, {QStringLiteral("call_id"), secondId}});
    QVERIFY(!kiosk2.take(QStringLiteral("agent_joined")).isEmpty());
    desk.send({{QStringLiteral("type"), QStringLiteral("bye")}, {QStringLiteral("call_id"), secondId}, {QStringLiteral("reason"), QStringLiteral("hangup")}});
    QCOMPARE(kiosk2.take(QStringLiteral("bye")).value(QLatin1String("reason")).toString(), QStringLiteral("hangup"));
    QVERIFY(kiosk2.waitClosed());
}

void TestAssistCalls::opensACallsSocketOnlyWithItsTicketAndOnlyOnce()
{
    SignallingEnd desk(deskUrl(m_server));
    QVERIFY(desk.waitConnected());
    const PlatformResult r = waitFor(m_client->requestAssistCall(callRequest()));
    QVERIFY2(r.isOk(), qPrintable(r.summary()));
    const QUrl url(r.body.value(QLatin1String("signalling_url")).toString());

    QUrl forged = url;
    forged.setQuery(QStringLiteral("ticket=00112233445566778899aabbccddeeff"));
    SignallingEnd stranger(forged);
    QVERIFY(!stranger.waitConnected());

    SignallingEnd kiosk(url);
    QVERIFY(kiosk.waitConnected());
    SignallingEnd again(url);
    QVERIFY(!again.waitConnected());
}

void TestAssistCalls::tellsTheAgentWhenAKioskDropsMidCall()
{
    SignallingEnd desk(deskUrl(m_server));
    QVERIFY(desk.waitConnected());
    const PlatformResult r = waitFor(m_client->requestAssistCall(callRequest()));
    QVERIFY2(r.isOk(), qPrintable(r.summary()));
    const QString id = r.body.value(QLatin1String("call_id")).toString();
    SignallingEnd kiosk(QUrl(r.body.value(QLatin1String("signalling_url")).toString()));
    QVERIFY(kiosk.waitConnected());
    QVERIFY(!kiosk.take(QStringLiteral("queue")).isEmpty());
    desk.send({{QStringLiteral("type"), QStringLiteral("take")}, {QStringLiteral("call_id"), id}});
    QVERIFY(!kiosk.take(QStringLiteral("agent_joined")).isEmpty());

    kiosk.abort(); // the kiosk's network goes, with no bye
    const QJsonObject bye = desk.take(QStringLiteral("bye"));
    QCOMPARE(bye.value(QLatin1String("call_id")).toString(), id);
    QCOMPARE(bye.value(QLatin1String("reason")).toString(), QStringLiteral("error"));
}

void TestAssistCalls::endsACallNobodyAnswersWithinTheQueuesTime()
{
    RefPlatformProcess server;
    TerminalCredentials credentials;
    QVERIFY(startServer(server, {QStringLiteral("--assist-queue-s"), QStringLiteral("2")}, &credentials));
    PlatformClient client(settings(server, credentials));
    SignallingEnd desk(deskUrl(server));
    QVERIFY(desk.waitConnected());
    const PlatformResult r = waitFor(client.requestAssistCall(callRequest()));
    QVERIFY2(r.isOk(), qPrintable(r.summary()));
    QCOMPARE(r.body.value(QLatin1String("expires_in")).toInt(), 2);
    SignallingEnd kiosk(QUrl(r.body.value(QLatin1String("signalling_url")).toString()));
    QVERIFY(kiosk.waitConnected());
    QCOMPARE(kiosk.take(QStringLiteral("bye"), 8000).value(QLatin1String("reason")).toString(), QStringLiteral("timeout"));
    QVERIFY(kiosk.waitClosed());
    // The desk listed it while it waited, and no longer lists it.
    QVERIFY(desk.takeListing([](const QJsonArray &calls) { return calls.size() == 1; }).has_value());
    QVERIFY(desk.takeListing([](const QJsonArray &calls) { return calls.isEmpty(); }).has_value());
    const QJsonObject record = server.inspect(QStringLiteral("assist")).value(QLatin1String("calls")).toArray().at(0).toObject();
    QCOMPARE(record.value(QLatin1String("end_reason")).toString(), QStringLiteral("timeout"));
    QCOMPARE(record.value(QLatin1String("ended_by")).toString(), QStringLiteral("platform"));
}

void TestAssistCalls::saysWhenAClosedDeskOpens()
{
    // Hours that exclude the present hall time: they open two hours from now, for one hour.
    const QDateTime hallNow = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(8 * 3600));
    const QTime opens = QTime(hallNow.time().hour(), 0).addSecs(2 * 3600);
    const QString hours = opens.toString(QStringLiteral("HH:mm")) + QLatin1Char('-') + opens.addSecs(3600).toString(QStringLiteral("HH:mm"));
    RefPlatformProcess server;
    TerminalCredentials credentials;
    QVERIFY(startServer(server, {QStringLiteral("--desk-hours"), hours}, &credentials));
    PlatformClient client(settings(server, credentials));
    SignallingEnd desk(deskUrl(server));
    QVERIFY(desk.waitConnected());
    const PlatformResult r = waitFor(client.requestAssistCall(callRequest()));
    QCOMPARE(r.httpStatus, 409);
    QCOMPARE(r.errorCode, QStringLiteral("desk_closed"));
    const QDateTime opensAt = QDateTime::fromString(r.details.value(QLatin1String("opens_at")).toString(), Qt::ISODate);
    QVERIFY2(opensAt.isValid(), qPrintable(QJsonDocument(r.details).toJson()));
    QCOMPARE(opensAt.toTimeZone(QTimeZone(8 * 3600)).time(), opens);
    QVERIFY(opensAt > QDateTime::currentDateTimeUtc());
    QVERIFY(opensAt < QDateTime::currentDateTimeUtc().addSecs(3 * 3600));
}

void TestAssistCalls::servesTheDeskPageAndNoOtherSocket()
{
    QNetworkAccessManager network;
    QUrl url = m_server.httpUrl();
    url.setPath(QStringLiteral("/desk/"));
    std::unique_ptr<QNetworkReply> reply(network.get(QNetworkRequest(url)));
    QTRY_VERIFY(reply->isFinished());
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->header(QNetworkRequest::ContentTypeHeader).toString().startsWith(QStringLiteral("text/html")));
    const QByteArray page = reply->readAll();
    QVERIFY(page.contains("RTCPeerConnection"));
    QVERIFY(page.contains("/desk/ws"));
    // Who may open the desk off loopback is test_assistdeskaccess's; here: no other path upgrades.
    QUrl wrong = deskUrl(m_server);
    wrong.setPath(QStringLiteral("/desk/elsewhere"));
    SignallingEnd stray(wrong);
    QVERIFY(!stray.waitConnected());
}

QTEST_GUILESS_MAIN(TestAssistCalls)
#include "test_assistcalls.moc"
