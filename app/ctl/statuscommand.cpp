#include "ctlcommand.h"

#include "camera/camera.h"
#include "devicesurvey.h"
#include "statusreport.h"

#include <QJsonArray>
#include <QJsonDocument>

// `kioskctl status`: one screen of everything a maintainer needs, whether the kiosk runs or not.
namespace {

// Something a maintainer must act on: the platform does not answer or refuses the terminal, the
// terminal's clock is far from the platform's, a
// configured device cannot be used, the configured catalogue file does not load, or the outbox
// cannot be opened, has no usable key or left a damaged file set aside.
bool needsAttention(const QJsonObject &report)
{
    const QJsonObject platform = report.value(QStringLiteral("platform")).toObject();
    if (platform.value(QStringLiteral("reachable")).toString() == QLatin1String("no")
        || platform.value(QStringLiteral("signature")).toString() == QLatin1String("refused")
        || platform.value(QStringLiteral("clock")).toString() == QLatin1String("far off"))
        return true;
    for (const QJsonValue &value : report.value(QStringLiteral("devices")).toArray()) {
        if (DeviceSurvey::isUnusable(value.toObject()))
            return true;
    }
    if (report.value(QStringLiteral("catalogue")).toObject().value(QStringLiteral("health")).toString() == QLatin1String("warning"))
        return true;
    const QJsonObject outbox = report.value(QStringLiteral("outbox")).toObject();
    return !outbox.value(QStringLiteral("available")).toBool() || outbox.value(QStringLiteral("health")).toString() != QLatin1String("ok");
}

} // namespace

int runStatusCommand(CtlContext &context, const QStringList &args)
{
    bool json = false;
    StatusReport::Options options;
    for (const QString &arg : args) {
        if (arg == QLatin1String("--json")) {
            json = true;
        } else if (arg == QLatin1String("--no-platform")) {
            options.checkPlatform = false;
        } else {
            context.err << "usage: kioskctl status [--json] [--no-platform]" << Qt::endl;
            return CtlExit::Error;
        }
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    Camera::registerWithDeviceRegistry();
    const QJsonObject report = StatusReport::collect(*config, options);
    if (json)
        context.out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    else
        context.out << StatusReport::toText(report);
    context.out.flush();
    return needsAttention(report) ? CtlExit::Negative : CtlExit::Ok;
}
