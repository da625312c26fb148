#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

class KioskConfig;

// One screen of everything a maintainer needs, from the configuration and the state directory
// alone (the kiosk process need not run): versions, the terminal and its hall, the platform and
// whether it answers, each device's health and statistics, the outbox's figures, free disk, the
// last audit entries and log lines. It never holds personal data.
class StatusReport
{
public:
    struct Options {
        // Sign and send one call to the platform (kioskctl). The kiosk itself reports what its
        // own client last met instead, so it never waits on the network.
        bool checkPlatform = true;
        std::optional<QString> platformConnectivity;
        // Devices described by the caller (the kiosk's running registry); otherwise surveyed.
        std::optional<QJsonArray> devices;
        int deviceWaitMs = 10000;
        int auditEntries = 10;
        int logLines = 20;
    };

    [[nodiscard]] static QJsonObject collect(const KioskConfig &config, const Options &options);
    // Which configuration a report was made from, for its first line: the file, or (with no file)
    // the built-in demo configuration, whose devices are simulators and prove nothing of a hall.
    [[nodiscard]] static QString describeConfiguration(const QString &sourcePath);
    [[nodiscard]] static QString toText(const QJsonObject &report);
    // The heartbeat body of the platform contract, made from a report: what a diagnostics bundle
    // collected by kioskctl holds where the kiosk would put its own last heartbeat.
    [[nodiscard]] static QJsonObject heartbeatFrom(const QJsonObject &report);
};
