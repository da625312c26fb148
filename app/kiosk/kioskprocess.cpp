#include "kioskprocess.h"

#include "audiochannel.h"
#include "camera/framecapturemodule.h"
#include "halltime.h"
#include "hanzireadings.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "kioskwindow.h"
#include "maintenanceshell.h"
#include "recentlog.h"
#include "residentactivityfilter.h"
#include "sealedcredentials.h"
#include "slotconfirmation.h"
#include "systemdwatchdog.h"
#include "terminalsupervision.h"
#include "videohelp.h"
#include "voiceprompts.h"

#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QScreen>
#include <QTimer>

#include <cstdio>

namespace {

void fail(const QString &message)
{
    std::fprintf(stderr, "kiosk: %s\n", qPrintable(message));
}

} // namespace

KioskProcess::KioskProcess(QElapsedTimer sinceStart, QObject *parent)
    : QObject(parent)
    , m_sinceStart(sinceStart)
{
}

KioskProcess::~KioskProcess() = default;

std::optional<KioskConfig> KioskProcess::loadConfig(const KioskOptions &options, QStringList *messages)
{
    std::optional<KioskConfig> config;
    if (!options.configGiven && !QFileInfo::exists(options.configPath)) {
        messages->append(QStringLiteral("no configuration at %1: running the built-in demo configuration").arg(options.configPath));
        config = KioskConfig::builtInDemo();
    } else {
        QList<ConfigError> errors;
        config = KioskConfig::load(options.configPath, &errors);
        for (const ConfigError &e : errors)
            messages->append(QStringLiteral("%1: %2").arg(options.configPath, e.toString()));
        if (!config)
            return std::nullopt;
    }
    if (!options.language.isEmpty())
        config->set(QStringLiteral("kiosk/language"), options.language);
    // The secrets kiosk.service unsealed replace their plain files; one it could not is named.
    messages->append(SealedCredentials::useDelivered(&*config));
    return config;
}

std::optional<int> KioskProcess::start(const QStringList &arguments)
{
    QGuiApplication::setApplicationName(QStringLiteral("kiosk"));
    QGuiApplication::setApplicationVersion(QStringLiteral(KIOSK_VERSION));

    QString error;
    m_options = KioskOptions::parse(arguments, &error);
    if (!m_options) {
        fail(error);
        return 2;
    }

    QStringList messages;
    m_config = loadConfig(*m_options, &messages);
    for (const QString &message : std::as_const(messages))
        fail(message);
    if (!m_config)
        return 2;
    RecentLog::installForKiosk(m_config->string(QStringLiteral("kiosk/state_dir")));
    HallTime::apply(*m_config);

    FrameCaptureModule::holdUntilFirstFrame();
    m_runtime = KioskRuntime::create(*m_config, &error);
    if (!m_runtime) {
        fail(error);
        return 2;
    }
    m_shell = std::make_unique<KioskShell>(m_runtime.get());
    m_maintenance = std::make_unique<MaintenanceShell>(m_runtime.get());
    m_videoHelp = std::make_unique<VideoHelp>(m_runtime.get());
    // One audio channel for the prompts and reading mode, so that they never talk at once.
    m_audio = std::make_unique<AudioChannel>();
    m_voice = std::make_unique<VoicePrompts>(m_shell.get(), *m_config);
    m_activity = std::make_unique<ResidentActivityFilter>(m_runtime->session());
    QCoreApplication::instance()->installEventFilter(m_activity.get());
    if (m_options->elderMode)
        m_shell->toggleElderMode();
    if (!showScreen(m_options->screen)) {
        fail(QStringLiteral("--screen %1: no such screen or catalogue entry").arg(m_options->screen));
        return 2;
    }

    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_window = KioskWindow::load(*m_engine, &error);
    if (!m_window) {
        fail(error);
        return 1;
    }
    m_watchdog = std::make_unique<SystemdWatchdog>(m_window);
    m_videoHelp->setWindow(m_window);
    KioskWindow::serveRemoteCare(m_window, m_runtime.get());
    // The platform's `restart`: a clean exit, which systemd (Restart=always) answers with a start.
    connect(m_runtime->supervision(), &TerminalSupervision::restartRequested, qApp, &QCoreApplication::quit);
    showWindow();
    if (m_options->screen == QLatin1String("countdown"))
        m_runtime->session()->showCountdownNow();
    connect(m_window, &QQuickWindow::frameSwapped, this, &KioskProcess::onFrameSwapped);
    return std::nullopt;
}

// Puts the shell on the screen a screenshot or a test asked for, through the same calls a
// resident's taps make.
bool KioskProcess::showScreen(const QString &screen)
{
    if (screen.isEmpty() || screen == QLatin1String("attract"))
        return true;
    m_shell->start();
    if (screen == QLatin1String("home") || screen == QLatin1String("countdown"))
        return true;
    if (screen == QLatin1String("business")) {
        m_shell->showAudience(QStringLiteral("business"));
        return true;
    }
    if (screen.startsWith(QLatin1String("guide:")))
        return m_shell->openItem(screen.mid(6));
    if (screen.startsWith(QLatin1String("theme:")))
        return m_shell->openTheme(screen.mid(6));
    return false;
}

void KioskProcess::showWindow()
{
    const bool fullscreen = m_config->boolean(QStringLiteral("kiosk/fullscreen")) && !m_options->windowed
                            && m_options->screenshotPath.isEmpty();
    if (fullscreen) {
        QGuiApplication::setOverrideCursor(Qt::BlankCursor);
        // Sized for the screen before it is shown, so that the first frame is laid out for it.
        m_window->setGeometry(m_window->screen()->geometry());
        m_window->showFullScreen();
    } else {
        m_window->resize(m_options->windowSize);
        m_window->show();
    }
}

void KioskProcess::onFrameSwapped()
{
    if (m_firstFrameShown)
        return;
    m_firstFrameShown = true;
    // READY=1 went to systemd on this frame (SystemdWatchdog): one of the signs that an A/B slot serves.
    m_runtime->supervision()->slotConfirmation()->firstFrameShown();
    std::printf("first-frame %.1f ms\n", m_sinceStart.nsecsElapsed() / 1e6);
    std::fflush(stdout);
    if (m_options->exitAfterFirstFrame) {
        QTimer::singleShot(0, qApp, &QGuiApplication::quit);
        return;
    }
    // What the attract screen does not need is loaded after its first frame, not before: real
    // cameras' capture module (cameras waiting for it open now) and the pinyin readings that
    // search by initials uses.
    FrameCaptureModule::release();
    HanziReadings::prepare();
    // Let the first layout pass and image loads settle before taking the picture.
    if (!m_options->screenshotPath.isEmpty())
        QTimer::singleShot(300, this, &KioskProcess::saveScreenshot);
}

void KioskProcess::saveScreenshot()
{
    const QImage image = m_window->grabWindow();
    if (image.isNull() || !image.save(m_options->screenshotPath)) {
        fail(QStringLiteral("could not write the screenshot to %1").arg(m_options->screenshotPath));
        QGuiApplication::exit(1);
        return;
    }
    QGuiApplication::quit();
}
