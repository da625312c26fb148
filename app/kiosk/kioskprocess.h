#pragma once

#include "kioskconfig.h"
#include "kioskoptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

class AudioChannel;
class KioskRuntime;
class KioskShell;
class MaintenanceShell;
class QQmlApplicationEngine;
class QQuickWindow;
class ResidentActivityFilter;
class SystemdWatchdog;
class VideoHelp;
class VoicePrompts;

// The kiosk process's wiring: its options and configuration, the runtime, the UI's shells and
// window, the systemd watchdog, and the first frame it reports. main() makes the application, starts
// this and runs the event loop; everything the process owns is released here, before the application.
class KioskProcess : public QObject
{
    Q_OBJECT

public:
    // `sinceStart` runs from the top of main(), so the first-frame figure counts the application's
    // own start as the startup benchmark always has.
    explicit KioskProcess(QElapsedTimer sinceStart, QObject *parent = nullptr);
    ~KioskProcess() override;

    // Starts the kiosk with the command line's arguments (without the program name). Returns an exit
    // code when the process must stop now: 2 for bad options, configuration or runtime, 1 without a
    // window; nothing when the event loop should run.
    [[nodiscard]] std::optional<int> start(const QStringList &arguments);

    // The configuration the options ask for. Without --config and without a file at the default
    // path the built-in demo configuration runs; a file that fails validation yields nothing. Every
    // line the operator should read is appended to `messages`.
    [[nodiscard]] static std::optional<KioskConfig> loadConfig(const KioskOptions &options, QStringList *messages);

private:
    bool showScreen(const QString &screen);
    void showWindow();
    void onFrameSwapped();
    void saveScreenshot();

    QElapsedTimer m_sinceStart;
    std::optional<KioskOptions> m_options;
    std::optional<KioskConfig> m_config;
    // Declared in the order they are built, so they are released in the reverse order: the
    // watchdog and the window first, the runtime the shells and QML read from last.
    std::unique_ptr<KioskRuntime> m_runtime;
    std::unique_ptr<KioskShell> m_shell;
    std::unique_ptr<MaintenanceShell> m_maintenance;
    std::unique_ptr<VideoHelp> m_videoHelp;
    std::unique_ptr<AudioChannel> m_audio;
    std::unique_ptr<VoicePrompts> m_voice;
    std::unique_ptr<ResidentActivityFilter> m_activity;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr; // owned by m_engine
    std::unique_ptr<SystemdWatchdog> m_watchdog;
    bool m_firstFrameShown = false;
};
