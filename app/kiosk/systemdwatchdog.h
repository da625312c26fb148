#pragma once

#include <QObject>
#include <QTimer>

#include <atomic>
#include <chrono>

class QQuickWindow;

// Keeps systemd told that the kiosk is alive: READY=1 once the window has shown its first frame,
// then, every half watchdog period, WATCHDOG=1 only if a frame reached the screen since the last
// ping, and a request for the next frame. A running event loop is not enough: a render loop that
// hangs (a stuck GPU, a scene graph that stopped swapping) leaves residents a frozen screen while
// timers still fire, so it too must stop the pings and have systemd restart the kiosk.
// STOPPING=1 when the kiosk quits. Without NOTIFY_SOCKET (development, tests, screenshots) it
// does nothing.
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
    // How many frames the window has swapped, and how many periods passed without one (each a
    // ping withheld).
    [[nodiscard]] quint64 framesSwapped() const { return m_framesSwapped.load(); }
    [[nodiscard]] quint64 pingsWithheld() const { return m_pingsWithheld; }

private:
    void onFirstFrame();
    void onPeriod();
    void ping();
    void notifyStopping();

    QQuickWindow *m_window = nullptr;
    QTimer m_timer;
    // Counted on the render thread (frameSwapped is emitted there with the threaded render loop),
    // read on the GUI thread.
    std::atomic<quint64> m_framesSwapped{0};
    quint64 m_framesAtLastPing = 0;
    quint64 m_pingsWithheld = 0;
    std::chrono::milliseconds m_interval{0};
    bool m_listening = false;
    bool m_stopping = false;
};
