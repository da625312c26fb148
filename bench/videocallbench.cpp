#include "videocallbench.h"

#include "browseragent.h"
#include "enrolledkiosk.h"
#include "kioskshell.h"
#include "nullsinksound.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
#include "uiprobe.h"
#include "videohelp.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutex>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <thread>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

// The CPU time this process has used, user and system, from /proc/self/stat (fields 14 and 15,
// in clock ticks): every thread of the kiosk's, GStreamer's streaming threads included.
double cpuSeconds()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // "pid (comm) state ppid …": the name may hold spaces, so count fields after its last ')'.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

// The kiosk window's swapped frames, stamped where they are swapped (the render thread with the
// threaded loop, the GUI thread otherwise).
class FrameClock
{
public:
    explicit FrameClock(QQuickWindow *window)
    {
        m_clock.start();
        m_swapped = QObject::connect(window, &QQuickWindow::frameSwapped, window, [this] {
            const QMutexLocker lock(&m_mutex);
            m_stamps.append(m_clock.nsecsElapsed());
        }, Qt::DirectConnection);
    }
    // The window outlives the clock (it goes with the kiosk, after): a frame it swaps while it is
    // torn down must not reach a clock that is gone.
    ~FrameClock() { QObject::disconnect(m_swapped); }
    FrameClock(const FrameClock &) = delete;
    FrameClock &operator=(const FrameClock &) = delete;
    void clear()
    {
        const QMutexLocker lock(&m_mutex);
        m_stamps.clear();
    }
    [[nodiscard]] QList<qint64> stamps()
    {
        const QMutexLocker lock(&m_mutex);
        return m_stamps;
    }

private:
    QMetaObject::Connection m_swapped;
    QElapsedTimer m_clock;
    QMutex m_mutex;
    QList<qint64> m_stamps;
};

struct Window {
    double cpuPercent = 0;  // of one core
    double framesPerSecond = 0;
    double longestGapMs = 0;
};

void idle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

Window measure(FrameClock &frames, int seconds)
{
    frames.clear();
    QElapsedTimer wall;
    wall.start();
    const double cpuBefore = cpuSeconds();
    idle(seconds * 1000);
    const double cpu = cpuSeconds() - cpuBefore;
    const double elapsed = wall.nsecsElapsed() / 1e9;
    const QList<qint64> stamps = frames.stamps();
    Window w;
    w.cpuPercent = 100.0 * cpu / elapsed;
    w.framesPerSecond = double(stamps.size()) / elapsed;
    for (qsizetype i = 1; i < stamps.size(); ++i)
        w.longestGapMs = std::max(w.longestGapMs, (stamps.at(i) - stamps.at(i - 1)) / 1e6);
    return w;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        usleep(5000);
    }
    return true;
}

bool shown(QQuickWindow *window, const QString &name)
{
    const QQuickItem *item = UiProbe::find(window, name);
    return item && item->isVisible();
}

// A tap once the item is shown and a frame with it has been drawn, as a finger would land.
bool tapWhenDrawn(QQuickWindow *window, FrameClock &frames, const QString &name, int timeoutMs)
{
    if (!waitUntil([&] { return shown(window, name); }, timeoutMs))
        return false;
    const qsizetype drawn = frames.stamps().size();
    window->update();
    if (!waitUntil([&] { return frames.stamps().size() > drawn; }, 5000))
        return false;
    return UiProbe::tap(window, name);
}

// The same redraw load in both phases: a dot of 4 × 4 pixels in the window's corner, turned by a
// running animation, so that the window is asked for a frame on every tick of the animation
// driver whether or not a call is on. Without it an idle home screen draws about once a second
// (its clock) and a frame rate would compare nothing.
QQuickItem *addMetronome(QQuickWindow *window, QString *error)
{
    QQmlEngine *engine = qmlEngine(window);
    if (!engine) {
        *error = QStringLiteral("the kiosk window has no QML engine");
        return nullptr;
    }
    QQmlComponent component(engine);
    component.setData("import QtQuick\n"
                      "Rectangle { width: 4; height: 4; z: 100000; color: Qt.rgba(0, 0, 0, 0.05)\n"
                      "  RotationAnimation on rotation { from: 0; to: 360; duration: 1000; loops: Animation.Infinite } }\n",
                      // A local URL: the type loader compiles a local document at once, where a
                      // URL of another scheme is loaded on its thread and may not be ready yet.
                      QUrl::fromLocalFile(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("metronome.qml"))));
    QDeadlineTimer ready(10000);
    while (component.isLoading() && !ready.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    auto *item = qobject_cast<QQuickItem *>(component.create());
    if (!item) {
        *error = component.errorString();
        return nullptr;
    }
    item->setParent(window->contentItem());
    item->setParentItem(window->contentItem());
    return item;
}

QString besideUs(const QStringList &candidates)
{
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : candidates) {
        if (QFileInfo(here.filePath(candidate)).isExecutable())
            return QFileInfo(here.filePath(candidate)).canonicalFilePath();
    }
    return {};
}

QString describe(const char *name, const Window &w)
{
    return QStringLiteral("  %1 CPU %2 % of one core (%3 % of 2 cores)   frames %4 /s   longest gap %5 ms\n")
        .arg(QLatin1String(name), -38)
        .arg(w.cpuPercent, 5, 'f', 1)
        .arg(w.cpuPercent / 2, 5, 'f', 1)
        .arg(w.framesPerSecond, 5, 'f', 1)
        .arg(w.longestGapMs, 5, 'f', 1);
}

// After a failure the bench ends with its reason within a bounded time, whatever the kiosk in this
// process does while it is torn down: a teardown that waits on something that never comes (the QML
// type loader waiting for the GUI thread, as when the metronome was left loading) once kept the
// bench until ctest's timeout. The processes the bench started are stopped before (the caller's
// part), so none outlives it; the temporary directories are removed here when the deadline passes.
void leaveWithinDeadline(int seconds, const QStringList &directories)
{
    std::thread([seconds, directories] {
        std::this_thread::sleep_for(std::chrono::seconds(seconds));
        std::fprintf(stderr, "bench videocall: the kiosk was not torn down within %d s of the failure above; leaving without it\n", seconds);
        std::fflush(stderr);
        for (const QString &directory : directories)
            QDir(directory).removeRecursively();
        _exit(CtlExit::Error);
    }).detach();
}

} // namespace

// The phases run in this order: the home screen without a call, N calls (the first measured for
// CPU and frames once media flows both ways), the home screen again; the baseline is the mean of
// the two home-screen windows, so that a machine growing busier weighs on both sides alike.
int runVideoCallBench(CtlContext &context, const QStringList &args)
{
    int calls = 5;
    int seconds = 10;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--calls") && i + 1 < args.size())
            calls = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == QLatin1String("--window") && i + 1 < args.size())
            seconds = std::max(1, args.at(++i).toInt());
        else {
            context.err << "usage: kioskctl bench videocall [--calls N] [--window SECONDS]" << Qt::endl;
            return CtlExit::Error;
        }
    }
    // The platform and kioskctl (which enrols the terminal) beside kiosk-bench, as the build tree
    // has them, unless the environment names them.
    if (qEnvironmentVariableIsEmpty("KIOSK_REFPLATFORM"))
        qputenv("KIOSK_REFPLATFORM", besideUs({QStringLiteral("kiosk-refplatform"), QStringLiteral("../refplatform/kiosk-refplatform")}).toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("KIOSKCTL"))
        qputenv("KIOSKCTL", besideUs({QStringLiteral("kioskctl"), QStringLiteral("../app/ctl/kioskctl")}).toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("KIOSK_REFPLATFORM") || qEnvironmentVariableIsEmpty("KIOSKCTL")) {
        context.err << "bench videocall: kiosk-refplatform or kioskctl is not next to kiosk-bench; name them in KIOSK_REFPLATFORM and KIOSKCTL"
                    << Qt::endl;
        return CtlExit::Error;
    }
    QTemporaryDir soundDir;
    NullSinkSound sound;
    EnrolledKiosk enrolled;
    auto fail = [&](const QString &why) {
        context.err << "bench videocall: " << why << Qt::endl;
        enrolled.platform()->stop();
        sound.stop();
        leaveWithinDeadline(30, {soundDir.path(), enrolled.directory()->path()});
        return CtlExit::Error;
    };

    QString problem;
    if (!soundDir.isValid() || !sound.start(soundDir.path(), &problem))
        return fail(QStringLiteral("no sound server: ") + problem);
    if (!enrolled.start(QStringLiteral("bench-video-1")))
        return fail(enrolled.errorText());
    QQuickWindow *window = enrolled.kiosk()->window();
    VideoHelp *help = enrolled.kiosk()->videoHelp();
    FrameClock frames(window);
    if (!addMetronome(window, &problem))
        return fail(QStringLiteral("the metronome: ") + problem);
    auto goHome = [&] {
        if (shown(window, QStringLiteral("homeScreen")))
            return true;
        return UiProbe::tapWhenShown(window, QStringLiteral("startArea"), 20000)
               && waitUntil([&] { return shown(window, QStringLiteral("homeScreen")); }, 20000);
    };
    if (!goHome())
        return fail(QStringLiteral("the home screen never showed"));
    idle(2000); // the home screen's own start-up work done
    const Window before = measure(frames, seconds);

    QList<double> tapToFrame;
    QList<double> tapToConsent;
    QList<double> tapToAnswer;
    QList<double> answerToFrame;
    Window inCall;
    QJsonObject received;
    bool sentCamera = false;
    bool sentMicrophone = false;
    for (int call = 0; call < calls; ++call) {
        if (!goHome())
            return fail(QStringLiteral("call %1: the home screen never showed").arg(call + 1));
        BrowserAgent agent;
        BrowserAgent::Options options;
        options.expected = QStringLiteral("screen");
        if (!agent.start(enrolled.platform()->httpUrl(), options))
            return fail(QStringLiteral("call %1: %2").arg(call + 1).arg(agent.errorText()));
        bool firstFrame = false;
        const QMetaObject::Connection seen = QObject::connect(help->call(), &VideoCall::firstAgentFrame, help, [&] { firstFrame = true; });
        QElapsedTimer tap;
        double answeredMs = -1;
        const QMetaObject::Connection answered = QObject::connect(help->call(), &VideoCall::stateChanged, help, [&] {
            if (help->state() == VideoCall::State::Connecting && answeredMs < 0)
                answeredMs = tap.nsecsElapsed() / 1e6;
        });
        if (!waitUntil([&] { return shown(window, QStringLiteral("videoHelpButton")); }, 20000))
            return fail(QStringLiteral("call %1: no video help button").arg(call + 1));
        tap.start();
        if (!UiProbe::tap(window, QStringLiteral("videoHelpButton")))
            return fail(QStringLiteral("call %1: the video help button did not take the tap").arg(call + 1));
        if (!tapWhenDrawn(window, frames, QStringLiteral("videoHelpAgree"), 20000))
            return fail(QStringLiteral("call %1: the consent never showed").arg(call + 1));
        tapToConsent.append(tap.nsecsElapsed() / 1e6);
        if (!waitUntil([&] { return firstFrame; }, 60000)) {
            return fail(QStringLiteral("call %1: no frame from the agent (state %2): %3")
                            .arg(call + 1)
                            .arg(int(help->state()))
                            .arg(agent.errorOutput()));
        }
        // Shown: the first window frame swapped after the agent's first frame arrived.
        const qsizetype drawn = frames.stamps().size();
        if (!waitUntil([&] { return frames.stamps().size() > drawn; }, 5000))
            return fail(QStringLiteral("call %1: the window drew nothing after the agent's first frame").arg(call + 1));
        tapToFrame.append(tap.nsecsElapsed() / 1e6);
        tapToAnswer.append(answeredMs);
        answerToFrame.append(tapToFrame.last() - answeredMs);
        QObject::disconnect(seen);
        QObject::disconnect(answered);

        // Every call runs until the agent's page has the screen's frames and waits for the bye.
        if (!agent.waitFor(QStringLiteral("waiting_for_bye"), 60000) || agent.mediaStats().isEmpty())
            return fail(QStringLiteral("call %1: the agent's page received no media: %2").arg(call + 1).arg(agent.errorOutput()));
        if (call == 0) {
            sentCamera = help->sendsCamera();
            sentMicrophone = help->sendsMicrophone();
            inCall = measure(frames, seconds);
            if (!help->live())
                return fail(QStringLiteral("the call ended while it was measured (state %1)").arg(int(help->state())));
            received = agent.mediaStats();
        }
        if (!tapWhenDrawn(window, frames, QStringLiteral("videoCallHangUp"), 10000))
            return fail(QStringLiteral("call %1: no hang-up button").arg(call + 1));
        if (!agent.waitFor(QStringLiteral("bye"), 30000))
            return fail(QStringLiteral("call %1: the agent's page never saw the bye").arg(call + 1));
        if (!agent.waitForFinished(30000))
            return fail(QStringLiteral("call %1: the agent did not finish").arg(call + 1));
        if (!tapWhenDrawn(window, frames, QStringLiteral("videoHelpClose"), 10000))
            return fail(QStringLiteral("call %1: the call's end was not shown").arg(call + 1));
        if (!waitUntil([&] { return help->state() == VideoCall::State::Idle; }, 10000))
            return fail(QStringLiteral("call %1: video help did not go back to idle").arg(call + 1));
    }
    if (!goHome())
        return fail(QStringLiteral("the home screen never showed after the calls"));
    idle(2000);
    const Window after = measure(frames, seconds);
    Window baseline;
    baseline.cpuPercent = (before.cpuPercent + after.cpuPercent) / 2;
    baseline.framesPerSecond = (before.framesPerSecond + after.framesPerSecond) / 2;
    baseline.longestGapMs = std::max(before.longestGapMs, after.longestGapMs);

    context.out << "videocall: the kiosk (real QML, offscreen, " << window->width() << "x" << window->height()
                << ") and the reference platform on loopback, the agent in headless chromium on /desk/; " << calls << " calls, "
                << QThread::idealThreadCount() << " cores\n"
                << QStringLiteral("  tap on 视频帮办 -> consent drawn: median %1 ms\n").arg(median(tapToConsent), 0, 'f', 1)
                << QStringLiteral("  tap on 视频帮办 -> consent -> agree -> first agent frame shown: median %1 ms (min %2, max %3)\n")
                       .arg(median(tapToFrame), 0, 'f', 1)
                       .arg(*std::min_element(tapToFrame.cbegin(), tapToFrame.cend()), 0, 'f', 1)
                       .arg(*std::max_element(tapToFrame.cbegin(), tapToFrame.cend()), 0, 'f', 1)
                << QStringLiteral("    of which tap -> the agent's page answered (its script looks for calls every 0.2 s): median %1 ms; "
                                  "answered -> first agent frame shown (WebRTC set-up, ICE, DTLS, first VP8 key frame): median %2 ms\n")
                       .arg(median(tapToAnswer), 0, 'f', 1)
                       .arg(median(answerToFrame), 0, 'f', 1)
                << QStringLiteral("  the call measured sends camera %1, microphone %2, screen yes; the agent received: %3\n")
                       .arg(sentCamera ? QStringLiteral("yes") : QStringLiteral("no"), sentMicrophone ? QStringLiteral("yes") : QStringLiteral("no"),
                            QString::fromUtf8(QJsonDocument(received).toJson(QJsonDocument::Compact)))
                << "  windows of " << seconds << " s; baseline = the home screen with no call, before and after the calls (mean),\n"
                << "  both with the same 4x4 px animated dot so that the window is asked for a frame on every animation tick\n"
                << describe("home screen, before the calls", before) << describe("home screen, after the calls", after)
                << describe("in a call (first call, media flowing)", inCall)
                << QStringLiteral("  ratios to the baseline: CPU x%1   frame rate x%2   longest gap x%3\n")
                       .arg(baseline.cpuPercent > 0 ? inCall.cpuPercent / baseline.cpuPercent : 0, 0, 'f', 2)
                       .arg(baseline.framesPerSecond > 0 ? inCall.framesPerSecond / baseline.framesPerSecond : 0, 0, 'f', 2)
                       .arg(baseline.longestGapMs > 0 ? inCall.longestGapMs / baseline.longestGapMs : 0, 0, 'f', 2);
    context.out.flush();
    return CtlExit::Ok;
}
