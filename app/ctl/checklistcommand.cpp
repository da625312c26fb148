#include "ctlcommand.h"
#include "common/eventwait.h"
#include "platformwait.h"

#include "device/deviceregistry.h"
#include "platformclient.h"
#include "provisioningchecklist.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

// `kioskctl checklist [--json]`: the provisioning checklist of the touch screen, for headless
// installs. Exit 0 only when every item is green, so an install script can stop on it.
namespace {

const QStringList DeviceKeys = {QStringLiteral("id_card_reader"), QStringLiteral("barcode_scanner"),
                                QStringLiteral("face_camera"),    QStringLiteral("document_camera"),
                                QStringLiteral("receipt_printer"), QStringLiteral("document_printer")};

void spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    (void)EventWait::until(done, std::chrono::milliseconds(timeoutMs));
}

} // namespace

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

    // The devices as the kiosk builds them. Simulators run under a private directory, so they
    // never collide with those of a kiosk running on the same state directory.
    DeviceRegistryOptions options;
    options.stateDirectory = config->string(QStringLiteral("kiosk/state_dir"));
    options.idCardPollIntervalMs = int(config->integer(QStringLiteral("devices/id_card_poll_ms")));
    options.idCardCommandTimeoutMs = int(config->integer(QStringLiteral("devices/id_card_timeout_ms")));
    std::unique_ptr<QTemporaryDir> privateState;
    for (const QString &key : DeviceKeys) {
        const QString spec = config->string(QStringLiteral("devices/") + key);
        options.specs.insert(key, spec);
        if (spec == QLatin1String("simulated") && !privateState) {
            privateState = std::make_unique<QTemporaryDir>();
            options.stateDirectory = privateState->path();
        }
    }
    DeviceRegistry registry(options);
    QStringList errors;
    registry.build(&errors);
    registry.startAll(&errors);
    for (Device *device : registry.devices())
        spinUntil([device] { return device->health().level != HealthLevel::Unknown; }, options.idCardCommandTimeoutMs * 8 + 15000);
    checklist.setDevices(registry.devices());

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
    }
    registry.stopAll();

    if (json) {
        QJsonArray items;
        for (const ProvisioningChecklist::Item &item : checklist.items())
            items.append(QJsonObject{{QStringLiteral("id"), item.id}, {QStringLiteral("ok"), item.ok}, {QStringLiteral("detail"), item.detail}});
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("green"), checklist.allGreen()}, {QStringLiteral("items"), items}})
                           .toJson(QJsonDocument::Indented);
    } else {
        for (const ProvisioningChecklist::Item &item : checklist.items())
            context.out << (item.ok ? "[ok]   " : "[FAIL] ") << qSetFieldWidth(20) << Qt::left << item.id << qSetFieldWidth(0) << item.detail
                        << "\n";
        context.out << (checklist.allGreen() ? "all green: ready to go into service" : "not ready") << Qt::endl;
    }
    return checklist.allGreen() ? CtlExit::Ok : CtlExit::Negative;
}
