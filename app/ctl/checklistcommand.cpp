#include "ctlcommand.h"
#include "common/eventwait.h"
#include "platformwait.h"

#include "devicesurvey.h"
#include "platformclient.h"
#include "provisioningchecklist.h"
#include "statusreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// `kioskctl checklist [--json]`: the provisioning checklist of the touch screen, for headless
// installs. Exit 0 only when every item is green, so an install script can stop on it.

int runChecklistCommand(CtlContext &context, const QStringList &args)
{
    const bool json = args == QStringList{QStringLiteral("--json")};
    if (!args.isEmpty() && !json) {
        context.err << "usage: kioskctl checklist [--json]" << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    ProvisioningChecklist checklist(*config);

    // The devices as `status` and `devices` see them: the running kiosk's, or else built privately.
    QString note;
    checklist.setDevices(DeviceSurvey::survey(*config, DeviceSurvey::WaitMs, &note));

    QString error;
    const std::optional<PlatformClientSettings> settings = PlatformClientSettings::fromConfig(*config, &error);
    if (!settings) {
        checklist.setPlatformReachable(false, error);
    } else {
        PlatformClient client(*settings);
        const PlatformResult result = settings->credentials ? waitFor(client.fetchCatalogue()) : waitFor(client.enroll({}, {}, {}, {}));
        const bool reachable = result.httpStatus != 0 && (!settings->credentials || result.isOk());
        checklist.setPlatformReachable(reachable, reachable ? QStringLiteral("HTTP %1 in %2 ms").arg(result.httpStatus).arg(result.elapsedMs)
                                                            : result.summary());
        checklist.setClock(client.clockSkew());
    }

    if (json) {
        QJsonArray items;
        for (const ProvisioningChecklist::Item &item : checklist.items())
            items.append(QJsonObject{{QStringLiteral("id"), item.id}, {QStringLiteral("ok"), item.ok}, {QStringLiteral("warning"), item.warning},
                                     {QStringLiteral("detail"), item.detail}});
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("green"), checklist.allGreen()},
                                                 {QStringLiteral("config_file"), config->sourcePath()},
                                                 {QStringLiteral("devices_note"), note},
                                                 {QStringLiteral("items"), items}})
                           .toJson(QJsonDocument::Indented);
    } else {
        context.out << "config: " << StatusReport::describeConfiguration(config->sourcePath()) << "\n";
        for (const ProvisioningChecklist::Item &item : checklist.items())
            context.out << (!item.ok ? "[FAIL] " : item.warning ? "[warn] " : "[ok]   ") << qSetFieldWidth(20) << Qt::left << item.id << qSetFieldWidth(0) << item.detail
                        << "\n";
        if (!note.isEmpty())
            context.out << "note: devices " << note << "\n";
        context.out << (checklist.allGreen() ? "all green: ready to go into service" : "not ready") << Qt::endl;
    }
    return checklist.allGreen() ? CtlExit::Ok : CtlExit::Negative;
}
