#pragma once

#include "fleetmetrics.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

class DeviceRegistry;
class KioskConfig;
class PlatformClient;
class SessionMachine;
class TerminalSupervision;

// The running kiosk's figures for the province's Prometheus: the heartbeat's report plus what only
// this process knows (sessions finished and abandoned, the platform's last answer, the clock's
// skew), written every monitoring/interval_s to monitoring/textfile for node-exporter's textfile
// collector. A folder that cannot be written is logged once, not at every interval.
class TerminalMetrics : public QObject
{
    Q_OBJECT
public:
    struct Parts {
        const KioskConfig *config = nullptr;
        SessionMachine *session = nullptr;
        TerminalSupervision *supervision = nullptr;
        PlatformClient *platform = nullptr; // none when the client did not start
        const DeviceRegistry *devices = nullptr;
    };

    explicit TerminalMetrics(const Parts &parts, QObject *parent = nullptr);

    // Writes now and then every interval; nothing when no textfile is configured.
    void start();
    [[nodiscard]] FleetMetrics collect() const;
    // Writes the file now; false (and logged) when it cannot be written.
    bool writeNow();

private:
    void followHeartbeat();

    Parts m_parts;
    QString m_path;
    QTimer m_timer;
    qint64 m_finished = 0;
    qint64 m_abandoned = 0;
    QDateTime m_lastHeartbeat;
    bool m_failing = false;
};
