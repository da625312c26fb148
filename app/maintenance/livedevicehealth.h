#pragma once

#include <QJsonArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

class DeviceRegistry;
class KioskConfig;

// The health of the devices the running kiosk holds, published in its state directory while it
// runs, so that `kioskctl status`, `devices`, `checklist` and `diag bundle` report what the kiosk
// sees. Opening the devices a second time beside the kiosk cannot: a reader, scanner or camera the
// kiosk holds refuses a second user and would show an error that is not there.
class LiveDeviceHealth : public QObject
{
    Q_OBJECT

public:
    // Publishes at once, again whenever a device's health changes, and every half minute (the
    // statistics move without a change of health).
    LiveDeviceHealth(const DeviceRegistry &registry, const KioskConfig &config, QObject *parent = nullptr);
    // The kiosk no longer holds the devices: the file goes with it.
    ~LiveDeviceHealth() override;

    [[nodiscard]] static QString pathIn(const QString &stateDir);

    // The devices as DeviceSurvey::describe() gives them, as the kiosk running on `stateDir` last
    // published them; none when no kiosk runs there (no file, its process gone, or the file left
    // stale by a kiosk that stopped without removing it). `pid` is the kiosk's process.
    [[nodiscard]] static std::optional<QJsonArray> read(const QString &stateDir, qint64 *pid = nullptr);

    void publish();

private:
    const DeviceRegistry &m_registry;
    const KioskConfig &m_config;
    QString m_path;
    QTimer m_soon;
    QTimer m_periodic;
};
