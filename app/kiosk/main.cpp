#include "kioskoptions.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "kioskwindow.h"
#include "maintenanceshell.h"
#include "recentlog.h"
#include "residentactivityfilter.h"
#include "systemdwatchdog.h"
#include "voiceprompts.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

namespace {

void fail(const QString &message)
{
    std::fprintf(stderr, "kiosk: %s\n", qPrintable(message));
}

// Puts the shell on the screen a screenshot or a test asked for, through the same calls a
// resident's taps make.
bool showScreen(KioskShell &shell, const QString &screen)
{
    if (screen.isEmpty() || screen == QLatin1String("attract"))
        return true;
    shell.start();
    if (screen == QLatin1String("home") || screen == QLatin1String("countdown"))
        return true;
    if (screen == QLatin1String("business")) {
        shell.showAudience(QStringLiteral("business"));
        return true;
    }
    if (screen.startsWith(QLatin1String("guide:")))
        return shell.openItem(screen.mid(6));
    if (screen.startsWith(QLatin1String("theme:")))
        return shell.openTheme(screen.mid(6));
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("kiosk"));
    QGuiApplication::setApplicationVersion(QStringLiteral(KIOSK_VERSION));

    QString error;
    const std::optional<KioskOptions> options = KioskOptions::parse(app.arguments().mid(1), &error);
    if (!options) {
        fail(error);
        return 2;
    }

    std::optional<KioskConfig> config;
    if (!options->configGiven && !QFileInfo::exists(options->configPath)) {
        fail(QStringLiteral("no configuration at %1: running the built-in demo configuration").arg(options->configPath));
        config = KioskConfig::defaults();
    } else {
        QList<ConfigError> errors;
        config = KioskConfig::load(options->configPath, &errors);
        for (const ConfigError &e : errors)
            fail(QStringLiteral("%1: %2").arg(options->configPath, e.toString()));
        if (!config)
            return 2;
    }
    if (!options->language.isEmpty())
        config->set(QStringLiteral("kiosk/language"), options->language);
    RecentLog::installForKiosk(config->string(QStringLiteral("kiosk/state_dir")));

    std::unique_ptr<KioskRuntime> runtime = KioskRuntime::create(*config, &error);
    if (!runtime) {
        fail(error);
        return 2;
    }
    KioskShell shell(runtime.get());
    MaintenanceShell maintenance(runtime.get());
    VoicePrompts voice(&shell, *config);
    ResidentActivityFilter activity(runtime->session());
    app.installEventFilter(&activity);
    if (options->elderMode)
        shell.toggleElderMode();
    if (!showScreen(shell, options->screen)) {
        fail(QStringLiteral("--screen %1: no such screen or catalogue entry").arg(options->screen));
        return 2;
    }

    QQmlApplicationEngine engine;
    QQuickWindow *window = KioskWindow::load(engine, &error);
    if (!window) {
        fail(error);
        return 1;
    }
    SystemdWatchdog watchdog(window);

    const bool fullscreen = config->boolean(QStringLiteral("kiosk/fullscreen")) && !options->windowed
                            && options->screenshotPath.isEmpty();
    if (fullscreen) {
        QGuiApplication::setOverrideCursor(Qt::BlankCursor);
        window->showFullScreen();
    } else {
        window->resize(options->windowSize);
        window->show();
    }
    if (options->screen == QLatin1String("countdown"))
        runtime->session()->showCountdownNow();

    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&, window] {
        static bool first = true;
        if (!first)
            return;
        first = false;
        std::printf("first-frame %.1f ms\n", sinceStart.nsecsElapsed() / 1e6);
        std::fflush(stdout);
        if (options->exitAfterFirstFrame)
            QTimer::singleShot(0, &app, &QGuiApplication::quit);
        if (!options->screenshotPath.isEmpty()) {
            // Let the first layout pass and image loads settle before taking the picture.
            QTimer::singleShot(300, &app, [&, window] {
                const QImage image = window->grabWindow();
                if (image.isNull() || !image.save(options->screenshotPath)) {
                    fail(QStringLiteral("could not write the screenshot to %1").arg(options->screenshotPath));
                    QGuiApplication::exit(1);
                    return;
                }
                QGuiApplication::quit();
            });
        }
    });
    return QGuiApplication::exec();
}
