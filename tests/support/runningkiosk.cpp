#include "runningkiosk.h"

#include "kioskruntime.h"
#include "kioskshell.h"
#include "kioskwindow.h"
#include "maintenanceshell.h"
#include "outboxkey.h"
#include "residentactivityfilter.h"
#include "videohelp.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlError>
#include <QQuickWindow>
#include <QTest>

std::unique_ptr<RunningKiosk> RunningKiosk::startFromFile(const QString &configPath, QString *error)
{
    QList<ConfigError> problems;
    const std::optional<KioskConfig> config = KioskConfig::load(configPath, &problems);
    if (!config) {
        QStringList lines;
        for (const ConfigError &problem : problems)
            lines.append(problem.toString());
        *error = configPath + QStringLiteral(": ") + lines.join(QStringLiteral("; "));
        return nullptr;
    }
    return start(*config, error);
}

std::optional<KioskConfig> RunningKiosk::configIn(const QString &stateDir, const QHash<QString, QString> &overrides, QString *error)
{
    KioskConfig config = KioskConfig::defaults();
    config.set(QStringLiteral("kiosk/state_dir"), stateDir);
    const QString key = QDir(stateDir).filePath(QStringLiteral("outbox.key"));
    if (!QFile::exists(key) && (!QDir().mkpath(stateDir) || !OutboxKey::create(key).ok())) {
        *error = QStringLiteral("cannot make the outbox key ") + key;
        return std::nullopt;
    }
    config.set(QStringLiteral("offline/key_file"), key);
    config.set(QStringLiteral("monitoring/textfile"), QDir(stateDir).filePath(QStringLiteral("kiosk.prom")));
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        config.set(it.key(), it.value());
    return config;
}

ApplicationDesk *RunningKiosk::form() const
{
    return m_shell->applicationDesk();
}

std::unique_ptr<RunningKiosk> RunningKiosk::start(const KioskConfig &config, QString *error)
{
    std::unique_ptr<RunningKiosk> kiosk(new RunningKiosk);
    kiosk->m_runtime = KioskRuntime::create(config, error);
    if (!kiosk->m_runtime)
        return nullptr;
    kiosk->m_shell = std::make_unique<KioskShell>(kiosk->m_runtime.get());
    kiosk->m_maintenance = std::make_unique<MaintenanceShell>(kiosk->m_runtime.get());
    kiosk->m_videoHelp = std::make_unique<VideoHelp>(kiosk->m_runtime.get());
    kiosk->m_activity = std::make_unique<ResidentActivityFilter>(kiosk->m_runtime->session());
    qApp->installEventFilter(kiosk->m_activity.get());
    kiosk->m_engine = std::make_unique<QQmlApplicationEngine>();
    kiosk->m_window = KioskWindow::load(*kiosk->m_engine, error);
    if (!kiosk->m_window)
        return nullptr;
    // A script error on any screen (a TypeError from an enum QML cannot see, a binding to
    // undefined) fails the test that was running, not only prints a line under a passing test.
    QObject::connect(kiosk->m_engine.get(), &QQmlApplicationEngine::warnings, kiosk->m_engine.get(),
                     [](const QList<QQmlError> &warnings) {
                         for (const QQmlError &warning : warnings)
                             QTest::qFail(qPrintable(QStringLiteral("QML: ") + warning.toString()), __FILE__, __LINE__);
                     });
    KioskWindow::serveRemoteCare(kiosk->m_window, kiosk->m_runtime.get());
    kiosk->m_videoHelp->setWindow(kiosk->m_window);
    kiosk->m_window->resize(1080, 1920);
    kiosk->m_window->show();
    if (!QTest::qWaitForWindowExposed(kiosk->m_window)) {
        *error = QStringLiteral("the kiosk window was never exposed");
        return nullptr;
    }
    return kiosk;
}

RunningKiosk::~RunningKiosk()
{
    m_engine.reset();
    m_activity.reset();
    m_videoHelp.reset();
    m_maintenance.reset();
    m_shell.reset();
    m_runtime.reset();
}
