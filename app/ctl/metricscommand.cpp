#include "ctlcommand.h"

#include "camera/camera.h"
#include "fleetmetrics.h"
#include "metricstextfile.h"
#include "statusreport.h"

#include <QFileInfo>
#include <QJsonArray>

// `kioskctl metrics [--out FILE] [--no-platform]`: the figures the province's Prometheus reads
// (docs/fleet.md), from the same report as `kioskctl status`; with --out written the way the
// kiosk writes them, whole or not at all, for node-exporter's textfile collector.
int runMetricsCommand(CtlContext &context, const QStringList &args)
{
    QString out;
    StatusReport::Options options;
    bool usage = false;
    for (qsizetype i = 0; i < args.size() && !usage; ++i) {
        if (args.at(i) == QLatin1String("--out") && i + 1 < args.size())
            out = args.at(++i);
        else if (args.at(i) == QLatin1String("--no-platform"))
            options.checkPlatform = false;
        else
            usage = true;
    }
    if (usage) {
        context.err << "usage: kioskctl metrics [--out FILE.prom] [--no-platform]" << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    Camera::registerWithDeviceRegistry();
    const QJsonObject report = StatusReport::collect(*config, options);

    FleetMetrics metrics;
    metrics.heartbeat = StatusReport::heartbeatFrom(report);
    metrics.terminalId = report.value(QLatin1String("terminal")).toObject().value(QLatin1String("id")).toString();
    metrics.slot = FleetMetrics::bootedSlot();
    const QString reachable = report.value(QLatin1String("platform")).toObject().value(QLatin1String("reachable")).toString();
    // One call answered or not is all kioskctl knows; the kiosk's own client also knows "degraded".
    if (reachable == QLatin1String("yes"))
        metrics.connectivity = QStringLiteral("online");
    else if (reachable == QLatin1String("no"))
        metrics.connectivity = QStringLiteral("offline");
    metrics.paperRemaining = FleetMetrics::paperRemainingOf(report.value(QLatin1String("devices")).toArray(), *config);
    metrics.generatedAt = QDateTime::currentDateTimeUtc();
    const QByteArray text = metrics.toText();

    if (out.isEmpty()) {
        context.out << QString::fromUtf8(text);
        context.out.flush();
        return CtlExit::Ok;
    }
    QString error;
    if (!MetricsTextfile::write(out, text, &error)) {
        context.err << "kioskctl metrics: " << error << Qt::endl;
        return CtlExit::Error;
    }
    context.out << "wrote " << QFileInfo(out).absoluteFilePath() << Qt::endl;
    return CtlExit::Ok;
}
