#include "statusreport.h"

#include "auditlog.h"
#include "bytesize.h"
#include "devicesurvey.h"
#include "kioskconfig.h"
#include "recentlog.h"

#include "cataloguechoice.h"
#include "outboxcondition.h"
#include "outboxstore.h"
#include "clockskew.h"
#include "platformcall.h"
#include "platformclient.h"
#include "platformwait.h"

#include <QDir>
#include <QJsonDocument>
#include <QStorageInfo>
#include <QSysInfo>
#include <QTextStream>

namespace {

// The status check must answer within a glance, whatever the configured platform timeout.
constexpr int PlatformCheckTimeoutMs = 10000;

QString stateDirOf(const KioskConfig &config)
{
    return config.string(QStringLiteral("kiosk/state_dir"));
}

QJsonObject versions()
{
    return {
        {QStringLiteral("kiosk"), QStringLiteral(KIOSK_VERSION)},
        {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("os"), QSysInfo::prettyProductName()},
        {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
        {QStringLiteral("host"), QSysInfo::machineHostName()},
    };
}

// The terminal and the platform: enrolled or not, and (when asked) one signed call to see that
// the platform answers and accepts this terminal's signature.
void addPlatform(const KioskConfig &config, const StatusReport::Options &options, QJsonObject *report)
{
    QJsonObject terminal{{QStringLiteral("hall"), config.string(QStringLiteral("kiosk/hall_name"))},
                         {QStringLiteral("site"), config.string(QStringLiteral("kiosk/site"))},
                         {QStringLiteral("enrolled"), false}};
    QJsonObject platform{{QStringLiteral("url"), config.string(QStringLiteral("platform/url"))}};
    QString error;
    std::optional<PlatformClientSettings> settings = PlatformClientSettings::fromConfig(config, &error);
    if (!settings) {
        platform.insert(QStringLiteral("reachable"), QStringLiteral("not checked"));
        platform.insert(QStringLiteral("problem"), error);
    } else {
        if (settings->credentials) {
            terminal.insert(QStringLiteral("enrolled"), true);
            terminal.insert(QStringLiteral("id"), settings->credentials->terminalId);
            terminal.insert(QStringLiteral("division"), settings->credentials->divisionCode);
        }
        if (options.platformConnectivity) {
            platform.insert(QStringLiteral("reachable"), *options.platformConnectivity);
        } else if (!options.checkPlatform) {
            platform.insert(QStringLiteral("reachable"), QStringLiteral("not checked"));
        } else {
            // A status check must not replace the kiosk's cached catalogue (nor leave a file
            // owned by whoever ran kioskctl).
            settings->catalogueCachePath.clear();
            settings->timeoutMs = qMin(settings->timeoutMs, PlatformCheckTimeoutMs);
            PlatformClient client(*settings);
            const bool enrolled = settings->credentials.has_value();
            const PlatformResult result = waitFor(enrolled ? client.fetchCatalogue() : client.enroll({}, {}, {}, {}));
            platform.insert(QStringLiteral("reachable"), result.httpStatus != 0 ? QStringLiteral("yes") : QStringLiteral("no"));
            platform.insert(QStringLiteral("latency_ms"), result.elapsedMs);
            if (result.httpStatus != 0)
                platform.insert(QStringLiteral("http_status"), result.httpStatus);
            if (enrolled && result.httpStatus != 0)
                platform.insert(QStringLiteral("signature"), result.isOk() ? QStringLiteral("accepted") : QStringLiteral("refused"));
            if (!result.isOk() && (enrolled || result.httpStatus == 0))
                platform.insert(QStringLiteral("problem"), result.summary());
            // The platform's Date against this terminal's clock: far off, cards' validity and
            // signatures go by the platform's time, but logs, receipts and the hall's hours do not.
            if (client.clockSkew().isKnown()) {
                platform.insert(QStringLiteral("clock_skew_s"), client.clockSkew().offsetMs / 1000);
                platform.insert(QStringLiteral("clock"), client.clockSkew().isFarOff() ? QStringLiteral("far off") : QStringLiteral("ok"));
            }
        }
    }
    report->insert(QStringLiteral("terminal"), terminal);
    report->insert(QStringLiteral("platform"), platform);
}

// The outbox's figures, read without its key, and its condition: whether the configured key opens
// it (checked without reading anything personal) and damaged files set aside at a start.
QJsonObject outboxFigures(const KioskConfig &config)
{
    OutboxOptions options;
    options.stateDir = stateDirOf(config);
    options.budgetBytes = config.integer(QStringLiteral("offline/budget_mb")) * 1024 * 1024;
    // Inspect only, without the key: nothing personal can be read, and a damaged file is left
    // for the kiosk to deal with at its start.
    options.recoverCorruption = false;
    QJsonObject figures{{QStringLiteral("available"), false}};
    std::optional<OutboxError> problem;
    OutboxResult<std::unique_ptr<OutboxStore>> opened = OutboxStore::open(options);
    const OutboxResult<OutboxStats> stats = opened ? opened.value()->stats() : OutboxResult<OutboxStats>(opened.error());
    if (!stats) {
        problem = stats.error();
        figures.insert(QStringLiteral("problem"), stats.error().message);
    } else {
        figures = {
            {QStringLiteral("available"), true},
            {QStringLiteral("pending"), stats.value().pending},
            {QStringLiteral("waiting"), stats.value().waiting},
            {QStringLiteral("failed"), stats.value().parked},
            {QStringLiteral("delivered"), stats.value().delivered},
            {QStringLiteral("oldest_s"), stats.value().oldestPendingS},
            {QStringLiteral("payload_bytes"), stats.value().payloadBytes},
            {QStringLiteral("budget_bytes"), stats.value().budgetBytes},
        };
        options.keyFile = config.string(QStringLiteral("offline/key_file"));
        if (const OutboxResult<OutboxOk> key = OutboxStore::verifyKey(options); !key)
            problem = key.error();
    }
    const QJsonObject condition = OutboxCondition::assess(options.stateDir, problem).toJson();
    for (auto it = condition.begin(); it != condition.end(); ++it)
        figures.insert(it.key(), it.value());
    return figures;
}

QJsonObject diskFigures(const QString &stateDir)
{
    // The state directory may not exist yet on a fresh machine: measure the nearest folder that does.
    QString existing = stateDir;
    while (!existing.isEmpty() && !QFileInfo::exists(existing) && existing != QDir(existing).absoluteFilePath(QStringLiteral("..")))
        existing = QFileInfo(existing).absolutePath();
    const QStorageInfo disk(existing);
    return {{QStringLiteral("path"), stateDir},
            {QStringLiteral("free_mb"), disk.bytesAvailable() / (1024 * 1024)},
            {QStringLiteral("total_mb"), disk.bytesTotal() / (1024 * 1024)}};
}

QJsonArray auditEntries(const QString &stateDir, int count)
{
    QJsonArray entries;
    for (const AuditEntry &entry : AuditLog(AuditLog::pathIn(stateDir)).recent(count)) {
        entries.append(QJsonObject{{QStringLiteral("at"), entry.at.toString(Qt::ISODate)},
                                   {QStringLiteral("actor"), entry.actor},
                                   {QStringLiteral("action"), entry.action},
                                   {QStringLiteral("result"), entry.result},
                                   {QStringLiteral("detail"), entry.detail}});
    }
    return entries;
}

QString text(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isBool())
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

} // namespace

QJsonObject StatusReport::collect(const KioskConfig &config, const Options &options)
{
    const QString stateDir = stateDirOf(config);
    QJsonObject report{{QStringLiteral("generated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                       {QStringLiteral("versions"), versions()},
                       {QStringLiteral("config_file"), config.sourcePath()},
                       {QStringLiteral("config_builtin_demo"), config.sourcePath().isEmpty()},
                       {QStringLiteral("state_dir"), stateDir}};
    addPlatform(config, options, &report);
    QString note;
    const QJsonArray devices = options.devices ? *options.devices : DeviceSurvey::survey(config, options.deviceWaitMs, &note);
    report.insert(QStringLiteral("devices"), devices);
    if (!note.isEmpty())
        report.insert(QStringLiteral("devices_note"), note);
    report.insert(QStringLiteral("catalogue"), CatalogueChoice::choose(config).toJson());
    report.insert(QStringLiteral("outbox"), outboxFigures(config));
    report.insert(QStringLiteral("disk"), diskFigures(stateDir));
    report.insert(QStringLiteral("audit"), auditEntries(stateDir, options.auditEntries));
    const QStringList lines = RecentLog(QDir(RecentLog::directoryIn(stateDir)).filePath(QStringLiteral("kiosk.log"))).tail(options.logLines);
    report.insert(QStringLiteral("log"), QJsonArray::fromStringList(lines));
    return report;
}

QString StatusReport::describeConfiguration(const QString &sourcePath)
{
    if (sourcePath.isEmpty()) {
        return QStringLiteral("the built-in demo configuration (no file at %1): every device is simulated")
            .arg(KioskConfig::defaultPath());
    }
    return sourcePath;
}

QString StatusReport::toText(const QJsonObject &report)
{
    QString result;
    QTextStream out(&result);
    const QJsonObject versions = report.value(QStringLiteral("versions")).toObject();
    const QJsonObject terminal = report.value(QStringLiteral("terminal")).toObject();
    const QJsonObject platform = report.value(QStringLiteral("platform")).toObject();
    const QJsonObject outbox = report.value(QStringLiteral("outbox")).toObject();
    const QJsonObject disk = report.value(QStringLiteral("disk")).toObject();
    out << "kiosk      " << text(versions, "kiosk") << " (Qt " << text(versions, "qt") << ", " << text(versions, "os") << ")\n";
    out << "config     " << describeConfiguration(text(report, "config_file")) << "\n";
    out << "terminal   "
        << (terminal.value(QStringLiteral("enrolled")).toBool() ? text(terminal, "id") : QStringLiteral("not enrolled (kioskctl enroll)"))
        << "\n";
    out << "hall       " << text(terminal, "hall") << " [" << text(terminal, "site") << "]\n";
    out << "platform   " << text(platform, "url") << "\n";
    out << "           reachable: " << text(platform, "reachable");
    if (platform.contains(QStringLiteral("latency_ms")))
        out << " (" << text(platform, "latency_ms") << " ms)";
    if (platform.contains(QStringLiteral("signature")))
        out << ", signature " << text(platform, "signature");
    if (platform.contains(QStringLiteral("problem")))
        out << ", " << text(platform, "problem");
    if (platform.contains(QStringLiteral("clock_skew_s"))) {
        const ClockSkew skew{platform.value(QStringLiteral("clock_skew_s")).toInteger() * 1000, {}};
        out << "\n           clock: the platform's is " << skew.seconds() << " from this terminal's";
        if (text(platform, "clock") == QLatin1String("far off"))
            out << ": far off, set this terminal's time (its NTP servers: [time] ntp_servers)";
    }
    out << "\ndevices\n";
    for (const QJsonValue &value : report.value(QStringLiteral("devices")).toArray()) {
        const QJsonObject device = value.toObject();
        out << "  " << QStringLiteral("%1").arg(text(device, "id"), -17) << " " << QStringLiteral("%1").arg(text(device, "health"), -9);
        if (!text(device, "detail").isEmpty())
            out << " " << text(device, "detail");
        if (!text(device, "hint").isEmpty())
            out << " (staff: " << text(device, "hint") << ")";
        out << "  [" << text(device, "spec") << "]\n";
        const QJsonObject statistics = device.value(QStringLiteral("statistics")).toObject();
        if (!statistics.isEmpty()) {
            QStringList counters;
            for (auto it = statistics.begin(); it != statistics.end(); ++it)
                counters << it.key() + QLatin1Char('=') + QString::number(it.value().toInteger());
            out << "  " << QString(18, QLatin1Char(' ')) << counters.join(QLatin1Char(' ')) << "\n";
        }
    }
    if (report.contains(QStringLiteral("devices_note")))
        out << "  note: " << report.value(QStringLiteral("devices_note")).toString() << "\n";
    const QJsonObject catalogue = report.value(QStringLiteral("catalogue")).toObject();
    out << "catalogue  " << text(catalogue, "version") << " (" << text(catalogue, "items") << " items) from the " << text(catalogue, "source")
        << " catalogue" << (text(catalogue, "path").isEmpty() ? QString() : QStringLiteral(" (%1)").arg(text(catalogue, "path"))) << "\n";
    if (!text(catalogue, "problem").isEmpty())
        out << "           " << text(catalogue, "health") << " (" << text(catalogue, "detail") << "): " << text(catalogue, "problem") << "\n";
    out << "outbox     ";
    if (outbox.value(QStringLiteral("available")).toBool()) {
        out << text(outbox, "pending") << " pending (oldest " << text(outbox, "oldest_s") << " s), " << text(outbox, "failed")
            << " failed, " << text(outbox, "delivered") << " delivered, " << ByteSize::text(outbox.value(QStringLiteral("payload_bytes")).toInteger()) << " of "
            << ByteSize::text(outbox.value(QStringLiteral("budget_bytes")).toInteger()) << "\n";
    } else {
        out << "not available: " << text(outbox, "problem") << "\n";
    }
    if (!text(outbox, "message").isEmpty())
        out << "           " << text(outbox, "health") << " (" << text(outbox, "detail") << "): " << text(outbox, "message") << "\n";
    constexpr qint64 MiB = 1024 * 1024;
    out << "disk       " << ByteSize::text(disk.value(QStringLiteral("free_mb")).toInteger() * MiB) << " free of "
        << ByteSize::text(disk.value(QStringLiteral("total_mb")).toInteger() * MiB) << " at " << text(disk, "path")
        << "\n";
    out << "audit\n";
    const QJsonArray audit = report.value(QStringLiteral("audit")).toArray();
    if (audit.isEmpty())
        out << "  (none)\n";
    for (const QJsonValue &value : audit) {
        const QJsonObject entry = value.toObject();
        out << "  " << text(entry, "at") << " " << text(entry, "actor") << " " << text(entry, "action") << " " << text(entry, "result");
        if (!text(entry, "detail").isEmpty())
            out << ": " << text(entry, "detail");
        out << "\n";
    }
    out << "log\n";
    const QJsonArray log = report.value(QStringLiteral("log")).toArray();
    if (log.isEmpty())
        out << "  (none)\n";
    for (const QJsonValue &line : log)
        out << "  " << line.toString() << "\n";
    out.flush();
    return result;
}

QJsonObject StatusReport::heartbeatFrom(const QJsonObject &report)
{
    const QJsonObject outbox = report.value(QStringLiteral("outbox")).toObject();
    QJsonArray devices;
    for (const QJsonValue &value : report.value(QStringLiteral("devices")).toArray()) {
        const QJsonObject device = value.toObject();
        devices.append(QJsonObject{{QStringLiteral("class"), device.value(QStringLiteral("id"))},
                                   {QStringLiteral("id"), device.value(QStringLiteral("id"))},
                                   {QStringLiteral("health"), device.value(QStringLiteral("health"))},
                                   {QStringLiteral("detail"), device.value(QStringLiteral("detail"))}});
    }
    devices.append(QJsonObject{{QStringLiteral("class"), QStringLiteral("outbox")},
                               {QStringLiteral("id"), QStringLiteral("outbox")},
                               {QStringLiteral("health"), outbox.value(QStringLiteral("health"))},
                               {QStringLiteral("detail"), outbox.value(QStringLiteral("detail"))}});
    const QJsonObject catalogue = report.value(QStringLiteral("catalogue")).toObject();
    devices.append(QJsonObject{{QStringLiteral("class"), QStringLiteral("catalogue")},
                               {QStringLiteral("id"), QStringLiteral("catalogue")},
                               {QStringLiteral("health"), catalogue.value(QStringLiteral("health"))},
                               {QStringLiteral("detail"), catalogue.value(QStringLiteral("detail"))}});
    return {{QStringLiteral("version"), report.value(QStringLiteral("versions")).toObject().value(QStringLiteral("kiosk"))},
            {QStringLiteral("queue"),
             QJsonObject{{QStringLiteral("pending"), outbox.value(QStringLiteral("pending")).toInt()},
                         {QStringLiteral("oldest_s"), outbox.value(QStringLiteral("oldest_s")).toInteger()},
                         {QStringLiteral("failed"), outbox.value(QStringLiteral("failed")).toInt()}}},
            {QStringLiteral("devices"), devices},
            {QStringLiteral("disk_free_mb"), report.value(QStringLiteral("disk")).toObject().value(QStringLiteral("free_mb"))}};
}
