#pragma once

#include "platformresult.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>

class PlatformClient;

// Sends POST /heartbeat every interval (the contract's 60 s by default) with the report the
// kiosk supplies, and hands on the answer: each command once, and the platform's catalogue
// version so the kiosk can fetch a newer catalogue. Its beats are also what brings the client's
// connectivity back to online after an outage.
class PlatformHeartbeat : public QObject
{
    Q_OBJECT
public:
    // Builds the body: version, uptime_s, queue, devices, disk_free_mb (reference/platform-api.md).
    using ReportSource = std::function<QJsonObject()>;

    PlatformHeartbeat(PlatformClient &client, ReportSource source, QObject *parent = nullptr);

    void setInterval(std::chrono::milliseconds interval);
    // Beats at once, then every interval; a beat still in flight is never doubled.
    void start();
    void stop();
    void beatNow();

signals:
    void commandReceived(const QString &id, const QString &name);
    void catalogueVersionAnnounced(const QString &version);
    void beaten(const PlatformResult &result);

private:
    void handle(const PlatformResult &result);

    PlatformClient &m_client;
    ReportSource m_source;
    QTimer m_timer;
    bool m_inFlight = false;
    QStringList m_seenCommands; // the most recent command ids, so a replayed answer acts once
};
