// A window under SystemdWatchdog that a test can break on purpose, in a process of its own so
// that the test keeps running while its render loop is frozen:
//   SIGUSR1 toggles a frozen render loop: the render pass blocks before drawing;
//   SIGUSR2 toggles a render loop that stops producing frames while the event loop runs on (the
//   window is withdrawn from the screen, so update() swaps nothing).
// It prints "tick" every 100 ms from the GUI thread's event loop, so the test can tell a frozen
// event loop from one that runs without frames.
#include "systemdwatchdog.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

std::atomic<bool> g_frozen{false};
std::atomic<bool> g_withdrawn{false};

void toggle(int signal)
{
    if (signal == SIGUSR1)
        g_frozen = !g_frozen;
    else
        g_withdrawn = !g_withdrawn;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QQuickWindow window;
    window.setColor(Qt::darkBlue);
    window.resize(320, 240);
    SystemdWatchdog watchdog(&window);

    // On the render thread (the GUI thread with the basic render loop): a frozen render pass.
    QObject::connect(&window, &QQuickWindow::beforeRendering, &window, [] {
        while (g_frozen)
            usleep(1000);
    }, Qt::DirectConnection);

    struct sigaction action{};
    action.sa_handler = toggle;
    sigaction(SIGUSR1, &action, nullptr);
    sigaction(SIGUSR2, &action, nullptr);

    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &window, [&window] {
        std::printf("tick %llu\n", static_cast<unsigned long long>(window.isVisible() ? 1 : 0));
        std::fflush(stdout);
        if (g_withdrawn == window.isVisible())
            window.setVisible(!g_withdrawn);
    });
    tick.start(100);
    window.show();
    return app.exec();
}
