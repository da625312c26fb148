#include "fleetmetrics.h"

#include "kioskconfig.h"
#include "paperroll.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

#include <utility>

namespace {

const QStringList HealthLevels = {QStringLiteral("ok"),   QStringLiteral("warning"),  QStringLiteral("error"),
                                  QStringLiteral("busy"), QStringLiteral("disabled"), QStringLiteral("unknown")};

QString labelValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    escaped.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return escaped;
}

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

// One metric family: its HELP and TYPE lines, then its samples, each with its labels.
class Family
{
public:
    Family(QString &out, const char *name, const char *type, const char *help)
        : m_out(out)
        , m_name(QLatin1String(name))
    {
        m_out += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n").arg(m_name, QLatin1String(help), QLatin1String(type));
    }

    void sample(double value, const QList<std::pair<const char *, QString>> &labels = {})
    {
        m_out += m_name;
        if (!labels.isEmpty()) {
            QStringList parts;
            for (const auto &[key, text] : labels)
                parts.append(QStringLiteral("%1=\"%2\"").arg(QLatin1String(key), labelValue(text)));
            m_out += QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
        }
        m_out += QLatin1Char(' ') + number(value) + QLatin1Char('\n');
    }

private:
    QString &m_out;
    QString m_name;
};

bool isPrinter(const QString &deviceId)
{
    return FleetMetrics::deviceClass(deviceId) == QLatin1String("printer");
}

} // namespace

QString FleetMetrics::deviceClass(const QString &deviceId)
{
    if (deviceId.endsWith(QLatin1String("_printer")))
        return QStringLiteral("printer");
    if (deviceId.endsWith(QLatin1String("_camera")))
        return QStringLiteral("camera");
    if (deviceId.endsWith(QLatin1String("_scanner")))
        return QStringLiteral("scanner");
    return deviceId;
}

QByteArray FleetMetrics::toText() const
{
    QString out;
    const QJsonObject queue = heartbeat.value(QLatin1String("queue")).toObject();
    const QJsonArray devices = heartbeat.value(QLatin1String("devices")).toArray();

    Family(out, "kiosk_info", "gauge", "The kiosk's version, its booted slot and its terminal id; always 1.")
        .sample(1, {{"version", heartbeat.value(QLatin1String("version")).toString()},
                    {"slot", slot.isEmpty() ? QStringLiteral("none") : slot},
                    {"terminal", terminalId.isEmpty() ? QStringLiteral("unenrolled") : terminalId}});
    if (heartbeat.contains(QLatin1String("uptime_s")))
        Family(out, "kiosk_uptime_seconds", "gauge", "Seconds since the kiosk process started.")
            .sample(heartbeat.value(QLatin1String("uptime_s")).toDouble());

    // A state set: one series per health level, 1 for the device's current one, so an alert can
    // ask "in error for five minutes" of a single series.
    Family health(out, "kiosk_device_health", "gauge",
                  "1 for the health a device (or the outbox, catalogue or clock) reports now, 0 for the others.");
    for (const QJsonValue &value : devices) {
        const QJsonObject device = value.toObject();
        const QString id = device.value(QLatin1String("id")).toString();
        const QString level = device.value(QLatin1String("health")).toString();
        for (const QString &candidate : HealthLevels)
            health.sample(candidate == level ? 1 : 0, {{"device", id}, {"class", deviceClass(id)}, {"health", candidate}});
    }
    Family low(out, "kiosk_printer_paper_low", "gauge", "1 while a printer reports that its paper is running low.");
    for (const QJsonValue &value : devices) {
        const QString id = value.toObject().value(QLatin1String("id")).toString();
        if (isPrinter(id))
            low.sample(value.toObject().value(QLatin1String("detail")).toString() == QLatin1String("media_low") ? 1 : 0, {{"device", id}});
    }
    Family empty(out, "kiosk_printer_paper_out", "gauge", "1 while a printer reports that it is out of paper.");
    for (const QJsonValue &value : devices) {
        const QString id = value.toObject().value(QLatin1String("id")).toString();
        if (isPrinter(id))
            empty.sample(value.toObject().value(QLatin1String("detail")).toString() == QLatin1String("media_empty") ? 1 : 0, {{"device", id}});
    }
    if (!paperRemaining.isEmpty()) {
        Family ratio(out, "kiosk_printer_paper_remaining_ratio", "gauge",
                     "Paper left on a printer's roll as a share of a new roll, estimated from the jobs printed since the last refill.");
        QStringList ids = paperRemaining.keys();
        ids.sort();
        for (const QString &id : std::as_const(ids))
            ratio.sample(paperRemaining.value(id), {{"device", id}});
    }

    if (!deviceCounters.isEmpty()) {
        Family restarts(out, "kiosk_device_worker_restarts_total", "counter",
                        "Times a device's worker thread stopped answering and the device was restarted on a new one.");
        for (auto it = deviceCounters.cbegin(); it != deviceCounters.cend(); ++it)
            restarts.sample(static_cast<double>(it->value(QStringLiteral("worker_restarts"))), {{"device", it.key()}});
        Family dropped(out, "kiosk_queue_dropped_total", "counter",
                       "What a bounded queue between threads dropped because it was full: camera frames, scans, print jobs.");
        for (auto it = deviceCounters.cbegin(); it != deviceCounters.cend(); ++it) {
            for (auto counter = it->cbegin(); counter != it->cend(); ++counter) {
                if (counter.key().endsWith(QLatin1String("_dropped")))
                    dropped.sample(static_cast<double>(counter.value()), {{"device", it.key()}, {"queue", counter.key().chopped(8)}});
            }
        }
    }
    if (!queue.isEmpty()) {
        Family(out, "kiosk_outbox_pending_entries", "gauge", "Cases and ratings queued for the platform.")
            .sample(queue.value(QLatin1String("pending")).toDouble());
        Family(out, "kiosk_outbox_oldest_pending_age_seconds", "gauge", "Age of the oldest entry still queued; 0 when none is.")
            .sample(queue.value(QLatin1String("oldest_s")).toDouble());
        Family(out, "kiosk_outbox_parked_entries", "gauge", "Entries the platform refused for good, waiting for staff.")
            .sample(queue.value(QLatin1String("failed")).toDouble());
    }
    if (connectivity) {
        Family platform(out, "kiosk_platform_connectivity", "gauge", "1 for the platform client's connectivity now, 0 for the others.");
        for (const char *state : {"online", "degraded", "offline"})
            platform.sample(*connectivity == QLatin1String(state) ? 1 : 0, {{"state", QLatin1String(state)}});
    }
    if (sessionsFinished)
        Family(out, "kiosk_sessions_finished_total", "counter", "Residents' sessions that ended with their errand done.")
            .sample(static_cast<double>(*sessionsFinished));
    if (sessionsAbandoned)
        Family(out, "kiosk_sessions_abandoned_total", "counter",
               "Residents' sessions that ended otherwise: cancelled, timed out, card taken, a device failed.")
            .sample(static_cast<double>(*sessionsAbandoned));
    if (lastHeartbeat.isValid())
        Family(out, "kiosk_heartbeat_last_success_timestamp_seconds", "gauge", "When the platform last answered a heartbeat.")
            .sample(static_cast<double>(lastHeartbeat.toSecsSinceEpoch()));
    if (clockSkewS)
        Family(out, "kiosk_clock_skew_seconds", "gauge", "The platform's clock minus the kiosk's.").sample(*clockSkewS);
    if (heartbeat.contains(QLatin1String("disk_free_mb")))
        Family(out, "kiosk_disk_free_bytes", "gauge", "Free space on the state directory's file system.")
            .sample(heartbeat.value(QLatin1String("disk_free_mb")).toDouble() * 1024 * 1024);
    const QJsonObject update = heartbeat.value(QLatin1String("update")).toObject();
    if (!update.isEmpty()) {
        Family state(out, "kiosk_update_state", "gauge", "1 for the state of the last system update the platform asked for.");
        for (const char *name : {"installing", "installed", "failed", "rolled_back"})
            state.sample(update.value(QLatin1String("state")).toString() == QLatin1String(name) ? 1 : 0,
                         {{"version", update.value(QLatin1String("version")).toString()}, {"state", QLatin1String(name)}});
    }
    if (generatedAt.isValid())
        Family(out, "kiosk_metrics_generated_timestamp_seconds", "gauge", "When the kiosk wrote these figures.")
            .sample(static_cast<double>(generatedAt.toSecsSinceEpoch()));
    return out.toUtf8();
}

QString FleetMetrics::slotFromCommandLine(const QByteArray &cmdline)
{
    static const QRegularExpression slot(QStringLiteral("(?:^|\\s)rauc\\.slot=(\\S+)"));
    return slot.match(QString::fromLatin1(cmdline)).captured(1);
}

QString FleetMetrics::bootedSlot()
{
    QFile cmdline(QStringLiteral("/proc/cmdline"));
    return cmdline.open(QIODevice::ReadOnly) ? slotFromCommandLine(cmdline.readAll()) : QString();
}

QMap<QString, QMap<QString, qint64>> FleetMetrics::countersOf(const QJsonArray &surveyedDevices)
{
    QMap<QString, QMap<QString, qint64>> counters;
    for (const QJsonValue &value : surveyedDevices) {
        const QJsonObject device = value.toObject();
        QMap<QString, qint64> &mine = counters[device.value(QLatin1String("id")).toString()];
        const QJsonObject statistics = device.value(QLatin1String("statistics")).toObject();
        for (auto it = statistics.begin(); it != statistics.end(); ++it)
            mine.insert(it.key(), it.value().toInteger());
    }
    return counters;
}

QHash<QString, double> FleetMetrics::paperRemainingOf(const QJsonArray &surveyedDevices, const KioskConfig &config)
{
    QHash<QString, double> remaining;
    const QString stateDir = config.string(QStringLiteral("kiosk/state_dir"));
    const int rollM = static_cast<int>(config.integer(QStringLiteral("devices/receipt_roll_length_m")));
    const int receiptMm = static_cast<int>(config.integer(QStringLiteral("devices/receipt_length_mm")));
    for (const QJsonValue &value : surveyedDevices) {
        const QJsonObject device = value.toObject();
        const QString id = device.value(QLatin1String("id")).toString();
        const QJsonObject statistics = device.value(QLatin1String("statistics")).toObject();
        // Only the receipt roll is counted in receipts; an A4 tray's sheets are not estimated.
        if (id != QLatin1String("receipt_printer") || !statistics.contains(QLatin1String("jobs_completed")))
            continue;
        const PaperRoll roll(stateDir, id, rollM, receiptMm);
        const qint64 jobs = statistics.value(QLatin1String("jobs_completed")).toInteger();
        if (roll.capacity() > 0)
            remaining.insert(id, static_cast<double>(roll.estimatedRemaining(jobs)) / static_cast<double>(roll.capacity()));
    }
    return remaining;
}
