#pragma once

#include "kioskconfig.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>

class ApplicationDesk;
class KioskRuntime;
class KioskShell;
class MaintenanceShell;
class QQmlApplicationEngine;
class QQuickWindow;
class ResidentActivityFilter;
class VideoHelp;

// The kiosk as its process runs it: the runtime, the shell, the activity filter and the real
// Main.qml in a 1080 × 1920 window, for tests that drive it by taps. Destroyed in the reverse
// order, screens first.
class RunningKiosk
{
public:
    [[nodiscard]] static std::unique_ptr<RunningKiosk> start(const KioskConfig &config, QString *error);
    // The same from a configuration file; a file that does not load is an error too.
    [[nodiscard]] static std::unique_ptr<RunningKiosk> startFromFile(const QString &configPath, QString *error);
    // The built-in configuration with its state in `stateDir`, an outbox key made there (so apply
    // items can be started) and `overrides` ("section/key" → value) set last; empty, with `error`
    // saying why, when the key cannot be made.
    [[nodiscard]] static std::optional<KioskConfig> configIn(const QString &stateDir, const QHash<QString, QString> &overrides,
                                                             QString *error);
    ~RunningKiosk();

    [[nodiscard]] KioskRuntime *runtime() const { return m_runtime.get(); }
    [[nodiscard]] KioskShell *shell() const { return m_shell.get(); }
    [[nodiscard]] ApplicationDesk *form() const;
    [[nodiscard]] MaintenanceShell *maintenance() const { return m_maintenance.get(); }
    [[nodiscard]] QQuickWindow *window() const { return m_window; }
    [[nodiscard]] VideoHelp *videoHelp() const { return m_videoHelp.get(); }

private:
    RunningKiosk() = default;

    std::unique_ptr<KioskRuntime> m_runtime;
    std::unique_ptr<KioskShell> m_shell;
    std::unique_ptr<MaintenanceShell> m_maintenance;
    std::unique_ptr<VideoHelp> m_videoHelp;
    std::unique_ptr<ResidentActivityFilter> m_activity;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};
