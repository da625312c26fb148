#include "browseragent.h"
#include "camera/frameprovider.h"
#include "nullsinksound.h"
#include "paintedcamera.h"
#include "platformclient.h"
#include "platformwait.h"
#include "refplatformprocess.h"
#include "sessionmachine.h"
#include "videocall.h"

#include <QColor>
#include <QDir>
#include <QSignalSpy>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include <csignal>
#include <unistd.h>

namespace {

// The colours the kiosk's screen shows in four large blocks: a code the agent's page must read back.
const QList<QColor> palette = {Qt::red, Qt::green, Qt::blue, Qt::yellow, Qt::magenta, Qt::cyan, Qt::white, Qt::black};

QImage screenShowing(const QList<QColor> &code)
{
    QImage screen(1920, 1080, QImage::Format_RGB32);
    screen.fill(QColor(0x80, 0x80, 0x80));
    QPainter painter(&screen);
    for (int i = 0; i < code.size(); ++i)
        painter.fillRect(QRect(80 + i * 460, 340, 380, 400), code[i]);
    return screen;
}

QJsonArray samplePoints(int blocks)
{
    QJsonArray points;
    for (int i = 0; i < blocks; ++i)
        points.append(QJsonArray{(80 + i * 460 + 190) / 1920.0, 540 / 1080.0});
    return points;
}

// The processes below `root` (its children, theirs, …), from /proc.
QList<pid_t> descendantsOf(pid_t root)
{
    QHash<pid_t, QList<pid_t>> children;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const pid_t pid = pid_t(entry.toInt(&isPid));
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        // "pid (comm) state ppid …": the name may hold spaces, so read after its last ')'.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            children[pid_t(fields.at(1).toInt())].append(pid);
    }
    QList<pid_t> found;
    QList<pid_t> pending{root};
    while (!pending.isEmpty()) {
        for (const pid_t child : children.value(pending.takeFirst())) {
            found.append(child);
            pending.append(child);
        }
    }
    return found;
}

QString nameOf(pid_t pid)
{
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    return comm.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(comm.readAll()).trimmed() : QString();
}

int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

} // namespace

// Video help end to end with a real browser as the agent: Debian's chromium, headless with fake
// camera and microphone, runs the platform's desk page (tests/app/assist/deskagent.py drives it).
// The kiosk's VideoCall sends its camera, microphone and screen through webrtcbin; the page must
// receive all three with frames flowing and read back the code the kiosk's screen shows; the
// kiosk must receive the agent's video and hear the agent's voice on a PulseAudio null sink; and
// when the resident's session ends the page must see bye "session_ended".
class TestVideoCallBrowser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void anAgentInABrowserSeesAndHearsTheKioskAndIsSeenAndHeard();
    void withoutACameraTheAgentStillHearsTheResidentAndSeesTheScreen();
    void withoutAMicrophoneTheAgentStillSeesTheResidentAndTheScreen();
    void withNeitherCameraNorMicrophoneTheAgentStillSeesTheScreen();
    void aNetworkThatDropsMidCallEndsTheCallAndSaysSo();

private:
    [[nodiscard]] std::unique_ptr<PlatformClient> client() const;
    // Starts the desk page in headless chromium (BrowserAgent); `expected`: the tracks that must
    // arrive before it reports "media".
    void startAgent(BrowserAgent &agent, const QString &expected, const QJsonArray &points);
    // Asks for a call, agrees, and waits until the agent's page has what `expected` names.
    void callUntilMediaFlow(VideoCall &call, BrowserAgent &agent);

    QTemporaryDir m_dir;
    NullSinkSound m_sound;
    RefPlatformProcess m_server;
    TerminalCredentials m_credentials;
};

void TestVideoCallBrowser::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString problem;
    QVERIFY2(m_sound.start(m_dir.path(), &problem), qPrintable(problem));
    QVERIFY2(m_server.start({QStringLiteral("--enroll-token"), QStringLiteral("token-1")}), qPrintable(m_server.errorText()));
    PlatformClientSettings settings;
    settings.baseUrl = m_server.httpUrl();
    PlatformClient client(settings);
    const PlatformResult r = waitFor(client.enroll(QStringLiteral("token-1"), QStringLiteral("SN-1"), QStringLiteral("K-24"),
                                                 QStringLiteral("340103-HALL-01")));
    QVERIFY2(r.isOk(), qPrintable(r.summary()));
    m_credentials.terminalId = r.body.value(QLatin1String("terminal_id")).toString();
    m_credentials.secret = QByteArray::fromBase64(r.body.value(QLatin1String("secret")).toString().toLatin1());
    m_credentials.divisionCode = r.body.value(QLatin1String("division_code")).toString();
    QVERIFY(m_credentials.isValid());
}

void TestVideoCallBrowser::cleanupTestCase()
{
    m_server.stop();
    m_sound.stop();
}

void TestVideoCallBrowser::anAgentInABrowserSeesAndHearsTheKioskAndIsSeenAndHeard()
{
    PlatformClientSettings settings;
    settings.baseUrl = m_server.httpUrl();
    settings.credentials = m_credentials;
    PlatformClient client(settings);

    // The face camera's output as the camera driver publishes it: frames with a moving bar.
    PaintedCamera camera;

    QList<QColor> code;
    for (int i = 0; i < 4; ++i)
        code.append(palette[QRandomGenerator::global()->bounded(int(palette.size()))]);
    const QImage screen = screenShowing(code);

    CallMedia::Sources sources;
    sources.camera = camera.frames();
    sources.screen = [screen] { return screen; };
    sources.microphone = NullSinkSound::monitor();
    FrameProvider agentVideo(25);
    VideoCall call(&client, sources, &agentVideo);

    BrowserAgent agent;
    BrowserAgent::Options options;
    options.points = samplePoints(int(code.size()));
    options.screenshotDir = qEnvironmentVariable("KIOSK_SCREENSHOT_DIR");
    QVERIFY2(agent.start(m_server.httpUrl(), options), qPrintable(agent.errorText()));

    call.ask();
    QCOMPARE(call.state(), VideoCall::State::Consent);
    QElapsedTimer tap;
    tap.start();
    call.agree(QStringLiteral("zh"), QStringLiteral("form"), false);
    QCOMPARE(call.state(), VideoCall::State::Queued);
    QSignalSpy firstFrame(&call, &VideoCall::firstAgentFrame);
    QTRY_COMPARE_WITH_TIMEOUT(call.state(), VideoCall::State::InCall, 30000);
    QVERIFY(call.sendsCamera());
    QVERIFY(call.sendsMicrophone());
    QTRY_VERIFY_WITH_TIMEOUT(firstFrame.size() == 1, 20000);
    qInfo("tap to first agent frame: %lld ms", tap.elapsed());

    // The page received the camera, the microphone and the screen with frames flowing.
    QTRY_VERIFY2_WITH_TIMEOUT(agent.reached(QStringLiteral("media")), qPrintable(agent.errorOutput()), 40000);
    const QJsonObject stats = agent.mediaStats();
    QVERIFY2(stats.value(QLatin1String("camera")).toObject().value(QLatin1String("frames")).toInt() > 10, qPrintable(QJsonDocument(stats).toJson()));
    QVERIFY(stats.value(QLatin1String("screen")).toObject().value(QLatin1String("frames")).toInt() > 3);
    QVERIFY(stats.value(QLatin1String("audio")).toObject().value(QLatin1String("packets")).toInt() > 50);
    QCOMPARE(stats.value(QLatin1String("camera")).toObject().value(QLatin1String("width")).toInt(), 640);

    // The screen track shows what the kiosk shows: the page reads the code back.
    QTRY_VERIFY_WITH_TIMEOUT(agent.reached(QStringLiteral("screen")), 20000);
    const QJsonArray samples = agent.screenSamples();
    QCOMPARE(samples.size(), code.size());
    for (int i = 0; i < code.size(); ++i) {
        const QJsonArray rgb = samples.at(i).toArray();
        const int distance = qAbs(rgb.at(0).toInt() - code[i].red()) + qAbs(rgb.at(1).toInt() - code[i].green())
                             + qAbs(rgb.at(2).toInt() - code[i].blue());
        QVERIFY2(distance < 90, qPrintable(QStringLiteral("block %1: sent %2, the agent saw %3").arg(i).arg(code[i].name(),
                                                                                                   QString::fromUtf8(QJsonDocument(rgb).toJson(QJsonDocument::Compact)))));
    }

    // The kiosk sees the agent (frames flowing) and hears them on its speaker.
    const qint64 framesBefore = agentVideo.framesPublished();
    QTRY_VERIFY_WITH_TIMEOUT(agentVideo.framesPublished() > framesBefore + 10, 10000);
    QVERIFY(!agentVideo.latestFrame().isNull());
    const double level = NullSinkSound::speakerLevel();
    QVERIFY2(level > 100, qPrintable(QStringLiteral("the agent's voice at the kiosk: RMS %1").arg(level)));

    // The resident's session ends: the call with it, and the agent's page sees why.
    call.endForSession();
    QCOMPARE(call.state(), VideoCall::State::Idle);
    QVERIFY(agentVideo.latestFrame().isNull());
    QTRY_VERIFY_WITH_TIMEOUT(agent.reached(QStringLiteral("bye")), 20000);
    QCOMPARE(agent.byeReason(), QStringLiteral("session_ended"));
    QVERIFY(agent.waitForFinished(20000));
    QCOMPARE(agent.exitCode(), 0);
}

void TestVideoCallBrowser::startAgent(BrowserAgent &agent, const QString &expected, const QJsonArray &points)
{
    BrowserAgent::Options options;
    options.expected = expected;
    options.points = points;
    options.screenshotDir = m_dir.filePath(QStringLiteral("shots"));
    QVERIFY2(agent.start(m_server.httpUrl(), options), qPrintable(agent.errorText()));
}

std::unique_ptr<PlatformClient> TestVideoCallBrowser::client() const
{
    PlatformClientSettings settings;
    settings.baseUrl = m_server.httpUrl();
    settings.credentials = m_credentials;
    return std::make_unique<PlatformClient>(settings);
}

void TestVideoCallBrowser::callUntilMediaFlow(VideoCall &call, BrowserAgent &agent)
{
    call.ask();
    call.agree(QStringLiteral("zh"), QStringLiteral("form"), false);
    QTRY_COMPARE_WITH_TIMEOUT(call.state(), VideoCall::State::InCall, 30000);
    QTRY_VERIFY2_WITH_TIMEOUT(agent.reached(QStringLiteral("media")), qPrintable(agent.errorOutput()), 40000);
    QVERIFY2(!agent.mediaStats().isEmpty(), qPrintable(QJsonDocument(agent.step(QStringLiteral("media"))).toJson()));
}

void TestVideoCallBrowser::withoutACameraTheAgentStillHearsTheResidentAndSeesTheScreen()
{
    const auto platform = client();
    const QImage screen = screenShowing({Qt::red, Qt::blue});
    CallMedia::Sources sources;
    sources.camera = nullptr; // the face camera is unplugged, or its driver gave up
    sources.screen = [screen] { return screen; };
    sources.microphone = NullSinkSound::monitor();
    FrameProvider agentVideo(25);
    VideoCall call(platform.get(), sources, &agentVideo);
    BrowserAgent agent;
    startAgent(agent, QStringLiteral("screen,audio"), samplePoints(2));
    callUntilMediaFlow(call, agent);
    QVERIFY(!call.sendsCamera());
    QVERIFY(call.sendsMicrophone());
    const QJsonObject stats = agent.mediaStats();
    QVERIFY(stats.value(QLatin1String("screen")).toObject().value(QLatin1String("frames")).toInt() > 3);
    QVERIFY(stats.value(QLatin1String("audio")).toObject().value(QLatin1String("packets")).toInt() > 50);
    QVERIFY2(stats.value(QLatin1String("camera")).toObject().value(QLatin1String("frames")).toInt() == 0, qPrintable(QJsonDocument(stats).toJson()));
    // The kiosk still sees the agent.
    QTRY_VERIFY_WITH_TIMEOUT(agentVideo.framesPublished() > 10, 10000);
    call.hangUp();
    QCOMPARE(call.state(), VideoCall::State::Ended);
    QTRY_VERIFY_WITH_TIMEOUT(agent.reached(QStringLiteral("bye")), 20000);
    QCOMPARE(agent.byeReason(), QStringLiteral("hangup"));
    QVERIFY(agent.waitForFinished(20000));
}

void TestVideoCallBrowser::withoutAMicrophoneTheAgentStillSeesTheResidentAndTheScreen()
{
    const auto platform = client();
    PaintedCamera camera;
    const QImage screen = screenShowing({Qt::green, Qt::magenta});
    CallMedia::Sources sources;
    sources.camera = camera.frames();
    sources.screen = [screen] { return screen; };
    sources.microphone = QStringLiteral("no_such_microphone"); // unplugged: PulseAudio has no such source
    FrameProvider agentVideo(25);
    VideoCall call(platform.get(), sources, &agentVideo);
    BrowserAgent agent;
    startAgent(agent, QStringLiteral("camera,screen"), samplePoints(2));
    callUntilMediaFlow(call, agent);
    QVERIFY(call.sendsCamera());
    QVERIFY(!call.sendsMicrophone());
    const QJsonObject stats = agent.mediaStats();
    QVERIFY2(stats.value(QLatin1String("camera")).toObject().value(QLatin1String("frames")).toInt() > 10, qPrintable(QJsonDocument(stats).toJson()));
    QCOMPARE(stats.value(QLatin1String("camera")).toObject().value(QLatin1String("width")).toInt(), 640);
    QVERIFY(stats.value(QLatin1String("screen")).toObject().value(QLatin1String("frames")).toInt() > 3);
    QVERIFY2(stats.value(QLatin1String("audio")).toObject().value(QLatin1String("packets")).toInt() == 0, qPrintable(QJsonDocument(stats).toJson()));
    // The screen track is the screen, not the camera on the wrong line.
    QTRY_VERIFY_WITH_TIMEOUT(agent.reached(QStringLiteral("screen")), 20000);
    const QJsonArray samples = agent.screenSamples();
    QCOMPARE(samples.size(), 2);
    QVERIFY2(samples.at(0).toArray().at(1).toInt() > 150 && samples.at(0).toArray().at(0).toInt() < 100,
             qPrintable(QJsonDocument(samples).toJson(QJsonDocument::Compact)));
    // The kiosk still sees and hears the agent.
    QTRY_VERIFY_WITH_TIMEOUT(agentVideo.framesPublished() > 10, 10000);
    const double level = NullSinkSound::speakerLevel();
    QVERIFY2(level > 100, qPrintable(QStringLiteral("the agent's voice at the kiosk: RMS %1").arg(level)));
    call.hangUp();
    QTRY_VERIFY_WITH_TIMEOUT(agent.reached(QStringLiteral("bye")), 20000);
    QCOMPARE(agent.byeReason(), QStringLiteral("hangup"));
    QVERIFY(agent.waitForFinished(20000));
}

void TestVideoCallBrowser::withNeitherCameraNorMicrophoneTheAgentStillSeesTheScreen()
{
    const auto platform = client();
    const QImage screen = screenShowing({Qt::blue, Qt::yellow});
    CallMedia::Sources sources;
    sources.camera = nullptr;
    sources.screen = [screen] { return screen; };
    sources.microphone = QString();
    FrameProvider agentVideo(25);
    VideoCall call(platform.get(), sources, &agentVideo);
    BrowserAgent agent;
    startAgent(agent, QStringLiteral("screen"), samplePoints(2));
    callUntilMediaFlow(call, agent);
    QVERIFY(!call.sendsCamera());
    QVERIFY(!call.sendsMicrophone());
    const QJsonObject stats = agent.mediaStats();
    QVERIFY2(stats.value(QLatin1String("screen")).toObject().value(QLatin1String("frames")).toInt() > 3, qPrintable(QJsonDocument(stats).toJson()));
    QCOMPARE(stats.value(QLatin1String("camera")).toObject().value(QLatin1String("frames")).toInt(), 0);
    QCOMPARE(stats.value(QLatin1String("audio")).toObject().value(QLatin1String("packets")).toInt(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(agent.reached(QStringLiteral("screen")), 20000);
    const QJsonArray samples = agent.screenSamples();
    QCOMPARE(samples.size(), 2);
    const QJsonArray yellow = samples.at(1).toArray();
    QVERIFY2(yellow.at(0).toInt() > 150 && yellow.at(1).toInt() > 150 && yellow.at(2).toInt() < 100,
             qPrintable(QJsonDocument(samples).toJson(QJsonDocument::Compact)));
    QTRY_VERIFY_WITH_TIMEOUT(agentVideo.framesPublished() > 10, 10000);
    call.hangUp();
    QTRY_VERIFY_WITH_TIMEOUT(agent.reached(QStringLiteral("bye")), 20000);
    QVERIFY(agent.waitForFinished(20000));
}

void TestVideoCallBrowser::aNetworkThatDropsMidCallEndsTheCallAndSaysSo()
{
    const auto platform = client();
    PaintedCamera camera(QColor(0x60, 0x30, 0x30), false);
    const QImage screen = screenShowing({Qt::red});
    CallMedia::Sources sources;
    sources.camera = camera.frames();
    sources.screen = [screen] { return screen; };
    sources.microphone = NullSinkSound::monitor();
    FrameProvider agentVideo(25);
    SessionTimeouts timeouts;
    timeouts.idle[SessionState::ChooseService] = std::chrono::milliseconds(120000);
    SessionMachine session(timeouts);
    QVERIFY(session.advance(SessionState::ChooseService));
    const int threadsBefore = threadCount();
    VideoCall call(platform.get(), sources, &agentVideo);
    call.attachSession(&session);
    BrowserAgent agent;
    startAgent(agent, QStringLiteral("camera,screen,audio"), samplePoints(1));
    callUntilMediaFlow(call, agent);
    QTRY_VERIFY_WITH_TIMEOUT(agentVideo.framesPublished() > 10, 10000);
    // Media flowing, not just begun: on a loaded machine the first hundred packets take a while.
    QTRY_VERIFY_WITH_TIMEOUT(call.media().agentPacketsReceived() > 100, 30000);
    QVERIFY(session.idleHeld());

    // The path goes away without a word: the platform and the agent's browser stop dead, as
    // behind a pulled cable. No socket closes and no packet comes; the kiosk has to notice.
    QList<pid_t> frozen = descendantsOf(getpid());
    frozen.removeIf([](pid_t pid) {
        const QString name = nameOf(pid);
        return name == QLatin1String("pulseaudio") || name == QLatin1String("parec");
    });
    QVERIFY(frozen.size() >= 3); // the platform, the agent's script, chromedriver and chromium's processes
    for (const pid_t pid : frozen)
        ::kill(pid, SIGSTOP);
    const qint64 packetsAtDrop = call.media().agentPacketsReceived();
    QElapsedTimer sinceDrop;
    sinceDrop.start();
    // Six seconds of silence from the agent, or three unanswered pings of the platform: the call
    // ends as a dropped network well inside fifteen.
    QTRY_COMPARE_WITH_TIMEOUT(call.state(), VideoCall::State::Failed, 15000);
    const qint64 ended = sinceDrop.elapsed();
    for (const pid_t pid : frozen)
        ::kill(pid, SIGCONT);
    QCOMPARE(call.failure(), VideoCall::Failure::Network);
    qInfo("the drop was noticed after %lld ms (%lld packets from the agent before it)", ended, packetsAtDrop);
    QVERIFY(packetsAtDrop > 100);
    QVERIFY2(ended >= 3000, "ended before the path could be judged gone: something else ended it");
    // Nothing hangs: the countdown runs again, the agent's picture is gone, and the call's
    // streaming threads have ended.
    QVERIFY(!session.idleHeld());
    QVERIFY(!call.live());
    QVERIFY(agentVideo.latestFrame().isNull());
    QCOMPARE(call.media().agentPacketsReceived(), qint64(0));
    QTRY_VERIFY2_WITH_TIMEOUT(threadCount() <= threadsBefore + 2,
                              qPrintable(QStringLiteral("%1 threads before the call, %2 after it").arg(threadsBefore).arg(threadCount())), 10000);
    // The resident can ask again once the notice is closed.
    call.dismiss();
    QCOMPARE(call.state(), VideoCall::State::Idle);
    agent.kill();
    // The browser's processes the killed script leaves; the platform serves on for the others.
    for (const pid_t pid : frozen) {
        if (!nameOf(pid).startsWith(QLatin1String("kiosk-refplat")))
            ::kill(pid, SIGKILL);
    }
}

QTEST_MAIN(TestVideoCallBrowser)
#include "test_videocall_browser.moc"
