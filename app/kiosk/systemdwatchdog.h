#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

class QQuickWindow;

// Keeps systemd told that the kiosk is alive: READY=1 once the window has shown its first frame,
// then WATCHDOG=1 from the GUI thread's event loop every half watchdog period, so a hung event
// loop stops the pings and systemd restarts the kiosk; STOPPING=1 when the kiosk quits.
// Without NOTIFY_SOCKET (development, tests, screenshots) it does nothing.
class SystemdWatchdog : public QObject
{
    Q_OBJECT

public:
    explicit SystemdWatchdog(QQuickWindow *window, QObject *parent = nullptr);
    ~SystemdWatchdog() override;

    // Whether systemd (or a test standing in for it) listens for notifications.
    [[nodiscard]] bool isListening() const { return m_listening; }
    // How often WATCHDOG=1 is sent; zero when systemd asked for no watchdog.
    [[nodiscard]] std::chrono::milliseconds pingInterval() const { return m_interval; }

private:
    void onFirstFrame();
    void ping();
    void notifyStopping();

    QTimer m_timer;
    std::chrono::milliseconds m_interval{0};
    bool m_listening = false;
    bool m_stopping = false;
};
