#pragma once

#include "platformresult.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <functional>

class PlatformClient;

// Sends POST /heartbeat every interval (the contract's 60 s by default) with the report the
// kiosk supplies, and hands on the answer: each command once, and the platform's catalogue
// version so the kiosk can fetch a newer catalogue. The outcome of each command goes back in
// the next heartbeat's `acks` (contract 1.1), and again in the one after if that beat failed.
// Its beats are also what brings the client's connectivity back to online after an outage.
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
    // The outcome of command `id`, sent with the next heartbeat that reaches the platform.
    void acknowledge(const QString &id, bool ok, const QString &detail);
    // Acknowledgements not yet accepted by the platform.
    [[nodiscard]] qsizetype pendingAcks() const { return m_acks.size(); }

signals:
    // `command` is the whole object of the answer, with the command's arguments.
    void commandReceived(const QString &id, const QString &name, const QJsonObject &command);
    void catalogueVersionAnnounced(const QString &version);
    void beaten(const PlatformResult &result);

private:
    void handle(const PlatformResult &result);

    PlatformClient &m_client;
    ReportSource m_source;
    QTimer m_timer;
    bool m_inFlight = false;
    QStringList m_seenCommands; // the most recent command ids, so a replayed answer acts once
    QJsonArray m_acks;          // outcomes not yet delivered
    qsizetype m_acksInFlight = 0; // how many of m_acks the beat in flight carries
};
