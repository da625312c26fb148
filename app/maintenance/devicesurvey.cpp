#include "devicesurvey.h"

#include "common/eventwait.h"
#include "kioskconfig.h"
#include "livedevicehealth.h"

#include "device/deviceregistry.h"
#include "idcard/sim/idcardsimulator.h"
#include "sim/simcontrolclient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

namespace DeviceSurvey {

namespace {

QJsonObject describeDevice(const Device &device)
{
    const DeviceHealth health = device.health();
    QJsonObject statistics;
    const QMap<QString, qint64> &counters = device.statistics().counters();
    for (auto it = counters.begin(); it != counters.end(); ++it)
        statistics.insert(it.key(), it.value());
    return {
        {QStringLiteral("present"), device.isPresent()},
        {QStringLiteral("state"), Device::toString(device.state())},
        {QStringLiteral("health"), DeviceVocabulary::toString(health.level)},
        {QStringLiteral("usable"), health.isUsable()},
        {QStringLiteral("detail"), health.detail},
        {QStringLiteral("hint"), health.hint == StaffHint::None ? QString() : DeviceVocabulary::toString(health.hint)},
        {QStringLiteral("statistics"), statistics},
    };
}

void waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    (void)EventWait::until(done, std::chrono::milliseconds(timeoutMs));
}

} // namespace

const QStringList &deviceIds()
{
    static const QStringList ids{QStringLiteral("id_card_reader"),  QStringLiteral("barcode_scanner"),
                                 QStringLiteral("face_camera"),     QStringLiteral("document_camera"),
                                 QStringLiteral("receipt_printer"), QStringLiteral("document_printer")};
    return ids;
}

QJsonArray describe(const DeviceRegistry &registry, const KioskConfig &config)
{
    QJsonArray devices;
    for (const QString &id : deviceIds()) {
        const QString spec = config.string(QStringLiteral("devices/") + id);
        QJsonObject entry;
        if (const Device *device = registry.device(id)) {
            entry = describeDevice(*device);
        } else if (spec == QLatin1String("none")) {
            entry = {{QStringLiteral("health"), QStringLiteral("disabled")}, {QStringLiteral("usable"), false}};
        } else if (registry.unsupported().contains(id)) {
            entry = {{QStringLiteral("health"), QStringLiteral("unknown")},
                     {QStringLiteral("usable"), false},
                     {QStringLiteral("detail"), QStringLiteral("no driver for this class in this program")}};
        } else {
            entry = {{QStringLiteral("health"), QStringLiteral("failed")},
                     {QStringLiteral("usable"), false},
                     {QStringLiteral("detail"), QStringLiteral("not built: see the log")}};
        }
        entry.insert(QStringLiteral("id"), id);
        entry.insert(QStringLiteral("spec"), spec);
        devices.append(entry);
    }
    return devices;
}

QJsonArray survey(const KioskConfig &config, int waitMs, QString *note)
{
    // The devices are built in a private directory, so a survey never writes statistics or starts
    // simulators on the kiosk's own paths; the statistics shown are the kiosk's, read from its files.
    const QString stateDir = config.string(QStringLiteral("kiosk/state_dir"));
    qint64 kiosk = 0;
    if (std::optional<QJsonArray> held = LiveDeviceHealth::read(stateDir, &kiosk)) {
        if (note)
            *note = QStringLiteral("as the running kiosk (process %1) holds them").arg(kiosk);
        return *held;
    }
    QTemporaryDir privateState;
    DeviceRegistryOptions options;
    options.stateDirectory = privateState.path();
    options.idCardPollIntervalMs = int(config.integer(QStringLiteral("devices/id_card_poll_ms")));
    options.idCardCommandTimeoutMs = int(config.integer(QStringLiteral("devices/id_card_timeout_ms")));
    options.idCardPhotoDecoderPlugin = config.string(QStringLiteral("devices/id_card_photo_decoder"));
    for (const QString &id : deviceIds())
        options.specs.insert(id, config.string(QStringLiteral("devices/") + id));
    QStringList notes;
    if (options.specs.value(QStringLiteral("id_card_reader")) == QLatin1String("simulated")) {
        QString reply;
        if (SimControlClient::send(IdCardSimulator::defaultControlSocketPath(stateDir), QStringLiteral("status"), &reply, nullptr, 1000)) {
            options.specs.insert(QStringLiteral("id_card_reader"), QStringLiteral("serial:") + IdCardSimulator::defaultTtyLinkPath(stateDir));
            notes << QStringLiteral("id_card_reader: checked through the running kiosk's simulator");
        } else {
            notes << QStringLiteral("id_card_reader: no kiosk running; checked a private simulator");
        }
    }
    DeviceRegistry registry(options);
    QStringList errors;
    registry.build(&errors);
    registry.startAll(&errors);
    for (Device *device : registry.devices())
        waitUntil([device] { return device->health().level != HealthLevel::Unknown; }, waitMs);
    QJsonArray devices = describe(registry, config);
    registry.stopAll();
    for (qsizetype i = 0; i < devices.size(); ++i) {
        QJsonObject entry = devices.at(i).toObject();
        DeviceStatistics kept(QDir(stateDir).filePath(QStringLiteral("devices/%1.json").arg(entry.value(QStringLiteral("id")).toString())));
        if (!kept.load())
            continue;
        QJsonObject statistics;
        for (auto it = kept.counters().begin(); it != kept.counters().end(); ++it)
            statistics.insert(it.key(), it.value());
        entry.insert(QStringLiteral("statistics"), statistics);
        devices.replace(i, entry);
    }
    if (!errors.isEmpty())
        notes << errors;
    if (note)
        *note = notes.join(QStringLiteral("; "));
    return devices;
}

bool isUnusable(const QJsonObject &device)
{
    return device.value(QStringLiteral("spec")).toString() != QLatin1String("none") && !device.value(QStringLiteral("usable")).toBool();
}

} // namespace DeviceSurvey
