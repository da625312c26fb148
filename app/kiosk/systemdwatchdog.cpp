#include "systemdwatchdog.h"

#include <QGuiApplication>
#include <QLoggingCategory>
#include <QQuickWindow>

#include <systemd/sd-daemon.h>

#include <cstdlib>
#include <unistd.h>

namespace {

// systemd addresses the watchdog to the service's main process. Under cage that is the
// compositor, our parent, and the kiosk pings for it (the unit has NotifyAccess=all): a hung
// compositor shows nothing either, but a hung kiosk is what the watchdog must catch.
std::chrono::microseconds watchdogPeriod()
{
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0)
        return std::chrono::microseconds(usec);
    const QByteArray pid = qgetenv("WATCHDOG_PID");
    const QByteArray period = qgetenv("WATCHDOG_USEC");
    bool pidOk = false;
    bool periodOk = false;
    const qlonglong addressee = pid.toLongLong(&pidOk);
    const qulonglong value = period.toULongLong(&periodOk);
    if (pidOk && periodOk && value > 0 && addressee == static_cast<qlonglong>(getppid()))
        return std::chrono::microseconds(value);
    return std::chrono::microseconds(0);
}

void notify(const char *state)
{
    // A failed notification is not worth stopping the kiosk for: systemd, if it is there, will
    // notice the missing READY=1 or pings by itself.
    (void)sd_notify(0, state);
}

Q_LOGGING_CATEGORY(lcWatchdog, "kiosk.watchdog")

} // namespace

SystemdWatchdog::SystemdWatchdog(QQuickWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_listening(!qEnvironmentVariableIsEmpty("NOTIFY_SOCKET"))
{
    if (!m_listening)
        return;
    const std::chrono::microseconds period = watchdogPeriod();
    m_interval = std::chrono::duration_cast<std::chrono::milliseconds>(period / 2);
    if (period.count() > 0 && m_interval.count() == 0)
        m_interval = std::chrono::milliseconds(1);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &SystemdWatchdog::onPeriod);
    // Direct: counted on whichever thread renders, without waiting for the GUI thread.
    connect(window, &QQuickWindow::frameSwapped, this, [this] { m_framesSwapped.fetch_add(1); }, Qt::DirectConnection);
    connect(window, &QQuickWindow::frameSwapped, this, &SystemdWatchdog::onFirstFrame,
            static_cast<Qt::ConnectionType>(Qt::AutoConnection | Qt::SingleShotConnection));
    connect(qGuiApp, &QCoreApplication::aboutToQuit, this, &SystemdWatchdog::notifyStopping);
}

SystemdWatchdog::~SystemdWatchdog()
{
    notifyStopping();
}

void SystemdWatchdog::onFirstFrame()
{
    notify("READY=1\nSTATUS=Serving: the first frame is on the screen");
    if (m_interval.count() > 0) {
        m_framesAtLastPing = m_framesSwapped.load();
        ping();
        m_window->update();
        m_timer.start(m_interval);
    }
}

// A still screen swaps no frames by itself, so every period asks for one; the frame it brings is
// the proof the next period pings on.
void SystemdWatchdog::onPeriod()
{
    const quint64 frames = m_framesSwapped.load();
    if (frames != m_framesAtLastPing) {
        m_framesAtLastPing = frames;
        ping();
    } else {
        ++m_pingsWithheld;
        qCWarning(lcWatchdog) << "no frame reached the screen in the last" << m_interval.count()
                              << "ms: the watchdog ping is withheld";
    }
    m_window->update();
}

void SystemdWatchdog::ping()
{
    notify("WATCHDOG=1");
}

void SystemdWatchdog::notifyStopping()
{
    if (!m_listening || m_stopping)
        return;
    m_stopping = true;
    m_timer.stop();
    notify("STOPPING=1\nSTATUS=Stopping");
}
