#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

class KioskConfig;
class QJsonArray;

// What a province's Prometheus learns of one terminal, in the text format that
// prometheus-node-exporter's textfile collector reads, so the kiosk opens no port of its own.
// The figures come from the contract's heartbeat body (devices, queue, disk, version), which the
// kiosk and kioskctl already build, plus what only the running kiosk knows; what is not known is
// left out rather than written as zero. toText() is a pure function of the fields.
struct FleetMetrics {
    QJsonObject heartbeat;            // the heartbeat body of reference/platform-api.md
    QString terminalId;               // empty while the terminal is not enrolled
    QString slot;                     // the booted A/B slot, empty when not booted from one
    std::optional<QString> connectivity; // "online", "degraded" or "offline" of the platform client
    std::optional<qint64> sessionsFinished;  // since the kiosk started
    std::optional<qint64> sessionsAbandoned; // timed out, cancelled, card taken, device failed
    QDateTime lastHeartbeat;          // the platform's last answer to a heartbeat; invalid if none
    std::optional<double> clockSkewS; // platform time minus local time
    QHash<QString, double> paperRemaining; // printer id → receipts left on the roll / a new roll's
    // Each device's statistics (DeviceSurvey's `statistics`): its worker restarts and, in every
    // counter named `<queue>_dropped`, what a bounded queue between threads had to drop.
    QMap<QString, QMap<QString, qint64>> deviceCounters;
    QDateTime generatedAt;

    [[nodiscard]] QByteArray toText() const;

    // The device class a device id belongs to: "printer", "camera", "id_card_reader", "scanner",
    // or for the kiosk's own entries (outbox, catalogue, clock) the id itself.
    [[nodiscard]] static QString deviceClass(const QString &deviceId);
    // The A/B slot RAUC booted (`rauc.slot=` on the kernel command line), empty when none.
    [[nodiscard]] static QString slotFromCommandLine(const QByteArray &cmdline);
    // The booted slot of this machine, from /proc/cmdline.
    [[nodiscard]] static QString bootedSlot();
    // What is left on each printer's roll, from the devices as DeviceSurvey::describe() gives them
    // (their jobs_completed statistic) and the roll staff last marked refilled.
    // Each device's statistics, from the devices as DeviceSurvey::describe() gives them.
    [[nodiscard]] static QMap<QString, QMap<QString, qint64>> countersOf(const QJsonArray &surveyedDevices);
    [[nodiscard]] static QHash<QString, double> paperRemainingOf(const QJsonArray &surveyedDevices, const KioskConfig &config);
};
