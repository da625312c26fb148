#include "ctlcommand.h"

#include "devicesurvey.h"
#include "statusreport.h"

#include "common/eventwait.h"
#include "device/deviceregistry.h"
#include "device/devicespec.h"
#include "idcard/idcardreader.h"
#include "idcard/sim/idcardsimulator.h"
#include "sim/simcontrolclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

// `kioskctl devices`: the configured devices with their health, as `status` and `checklist` see
// them; `kioskctl device check ID`: one device built the way the kiosk builds it, and checked.
namespace {

// Waits, with the event loop running, until `done` holds or `timeoutMs` passes.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    return EventWait::until(done, std::chrono::milliseconds(timeoutMs));
}

struct Setup {
    DeviceRegistryOptions options;
    QString note;
    std::unique_ptr<QTemporaryDir> privateState;
};

// Only the device asked about is built, in a private directory, so nothing of a running kiosk's
// (its simulators, its statistics) is touched. A simulated ID card reader is the running
// simulator's pty when there is one (the kiosk's or kiosk-devsim's), or else a private simulator.
Setup setupFrom(const KioskConfig &config, const QString &id)
{
    Setup setup;
    const QString stateDir = config.string(QStringLiteral("kiosk/state_dir"));
    setup.privateState = std::make_unique<QTemporaryDir>();
    setup.options.stateDirectory = setup.privateState->path();
    setup.options.idCardPollIntervalMs = int(config.integer(QStringLiteral("devices/id_card_poll_ms")));
    setup.options.idCardCommandTimeoutMs = int(config.integer(QStringLiteral("devices/id_card_timeout_ms")));
    setup.options.idCardPhotoDecoderPlugin = config.string(QStringLiteral("devices/id_card_photo_decoder"));
    setup.options.specs.insert(id, config.string(QStringLiteral("devices/") + id));
    if (id == QLatin1String("id_card_reader") && setup.options.specs.value(id) == QLatin1String("simulated")) {
        QString reply;
        if (SimControlClient::send(IdCardSimulator::defaultControlSocketPath(stateDir), QStringLiteral("status"), &reply, nullptr, 1000)) {
            setup.options.specs.insert(id, QStringLiteral("serial:") + IdCardSimulator::defaultTtyLinkPath(stateDir));
            setup.note = QStringLiteral("id_card_reader: the running simulator's pty");
        } else {
            setup.note = QStringLiteral("id_card_reader: no simulator running; checked a private one");
        }
    }
    return setup;
}

QString describe(const DeviceHealth &health)
{
    QString text = DeviceVocabulary::toString(health.level);
    if (!health.detail.isEmpty())
        text += QStringLiteral(" (%1)").arg(health.detail);
    if (health.hint != StaffHint::None)
        text += QStringLiteral(", staff: %1").arg(DeviceVocabulary::toString(health.hint));
    return text;
}

int waitBudgetMs(const DeviceRegistryOptions &options)
{
    return options.idCardCommandTimeoutMs * 8 + 2000;
}

// The same survey as `status` and `checklist` (DeviceSurvey): what a running kiosk holds, or
// else the configured devices built privately.
int listDevices(CtlContext &context, const KioskConfig &config)
{
    QString note;
    const QJsonArray devices = DeviceSurvey::survey(config, DeviceSurvey::WaitMs, &note);
    context.out << "config: " << StatusReport::describeConfiguration(config.sourcePath()) << "\n";
    int unusable = 0;
    for (const QJsonValue &value : devices) {
        const QJsonObject device = value.toObject();
        context.out << qSetFieldWidth(18) << Qt::left << device.value(QStringLiteral("id")).toString() << qSetFieldWidth(0) << " "
                    << device.value(QStringLiteral("spec")).toString() << "\n";
        const QString detail = device.value(QStringLiteral("detail")).toString();
        QString described = device.value(QStringLiteral("health")).toString() + (detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail));
        if (const QString hint = device.value(QStringLiteral("hint")).toString(); !hint.isEmpty())
            described += QStringLiteral(", staff: %1").arg(hint);
        if (device.contains(QStringLiteral("present"))) {
            context.out << "    found: " << (device.value(QStringLiteral("present")).toBool() ? "yes" : "no")
                        << "  state: " << device.value(QStringLiteral("state")).toString() << "  health: " << described << "\n";
        } else {
            context.out << "    health: " << described << "\n";
        }
        const QJsonObject statistics = device.value(QStringLiteral("statistics")).toObject();
        if (!statistics.isEmpty()) {
            context.out << "    statistics:";
            for (auto it = statistics.begin(); it != statistics.end(); ++it)
                context.out << " " << it.key() << "=" << it.value().toInteger();
            context.out << "\n";
        }
        if (DeviceSurvey::isUnusable(device))
            ++unusable;
    }
    if (!note.isEmpty())
        context.out << "note: " << note << "\n";
    context.out.flush();
    return unusable == 0 ? CtlExit::Ok : CtlExit::Negative;
}

// The interactive check exists where a person has something to present: the ID card reader
// (lay a card on it). The scanner's is `kioskctl scan listen`, the cameras' `kioskctl camera check`.
constexpr int defaultInteractiveS = 30;

int checkDevice(CtlContext &context, const KioskConfig &config, const QStringList &args)
{
    QString id;
    HealthCheckLevel level = HealthCheckLevel::Internal;
    int interactiveS = defaultInteractiveS;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--level") && i + 1 < args.size()) {
            if (!DeviceVocabulary::parse(args.at(++i), &level)) {
                context.err << "kioskctl device check: --level is internal, external or interactive" << Qt::endl;
                return CtlExit::Error;
            }
        } else if (args.at(i) == QLatin1String("--timeout") && i + 1 < args.size()) {
            bool ok = false;
            interactiveS = args.at(++i).toInt(&ok);
            if (!ok || interactiveS < 1 || interactiveS > 600) {
                context.err << "kioskctl device check: --timeout is 1..600 seconds" << Qt::endl;
                return CtlExit::Error;
            }
        } else if (id.isEmpty() && !args.at(i).startsWith(QLatin1String("--"))) {
            id = args.at(i);
        } else {
            context.err << "kioskctl device check: unexpected " << args.at(i) << Qt::endl;
            return CtlExit::Error;
        }
    }
    if (!DeviceSurvey::deviceIds().contains(id)) {
        context.err << "usage: kioskctl device check ID --level internal|external|interactive [--timeout S]  (ID: "
                    << DeviceSurvey::deviceIds().join(QStringLiteral(", ")) << ")" << Qt::endl;
        return CtlExit::Error;
    }
    const bool interactive = level == HealthCheckLevel::Interactive;
    if (interactive && id != QLatin1String("id_card_reader")) {
        context.err << "kioskctl device check: the interactive check is the ID card reader's; for " << id << " use "
                    << (id == QLatin1String("barcode_scanner") ? "kioskctl scan listen"
                        : id.endsWith(QLatin1String("camera")) ? "kioskctl camera check"
                                                                : "kioskctl print test")
                    << Qt::endl;
        return CtlExit::Error;
    }
    Setup setup = setupFrom(config, id);
    setup.options.idCardInteractiveCheckMs = interactiveS * 1000;
    DeviceRegistry registry(setup.options);
    QStringList errors;
    registry.build(&errors);
    Device *device = registry.device(id);
    if (!device) {
        context.err << id << ": " << (errors.isEmpty() ? QStringLiteral("not configured, or no driver in this build") : errors.join(u'\n'))
                    << Qt::endl;
        return CtlExit::Error;
    }
    QString error;
    if (!device->start(&error)) {
        context.err << id << ": " << error << Qt::endl;
        return CtlExit::Error;
    }
    waitFor([device] { return device->health().level != HealthLevel::Unknown; }, waitBudgetMs(setup.options));
    std::optional<DeviceHealth> result;
    QObject::connect(device, &Device::healthChecked, device, [&result](HealthCheckLevel, const DeviceHealth &health) { result = health; });
    bool cardRead = false;
    if (auto *reader = qobject_cast<IdCardReader *>(device); reader && interactive) {
        // Only the masked card the driver hands over is printed: type, 张*, 3401**********123X.
        QObject::connect(reader, &IdCardReader::interactiveCheckRead, device, [&context, &cardRead](const QString &maskedCard) {
            cardRead = true;
            context.out << "read: " << maskedCard << Qt::endl;
        });
        context.out << id << ": lay an ID card on the reader within " << interactiveS << " s" << Qt::endl;
    }
    device->checkHealth(level);
    const int budgetMs = waitBudgetMs(setup.options) + (interactive ? interactiveS * 1000 : 0);
    if (!waitFor([&result] { return result.has_value(); }, budgetMs)) {
        context.err << id << ": the " << DeviceVocabulary::toString(level) << " check did not finish" << Qt::endl;
        return CtlExit::Error;
    }
    context.out << id << " " << DeviceVocabulary::toString(level) << " check: " << describe(*result) << Qt::endl;
    if (!setup.note.isEmpty())
        context.out << "note: " << setup.note << Qt::endl;
    // An interactive check passes only when the card laid on the reader was read.
    return result->isUsable() && (!interactive || cardRead) ? CtlExit::Ok : CtlExit::Negative;
}

} // namespace

int runDevicesCommand(CtlContext &context, const QStringList &args)
{
    if (!args.isEmpty()) {
        context.err << "usage: kioskctl devices" << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    return listDevices(context, *config);
}

int runDeviceCommand(CtlContext &context, const QStringList &args)
{
    if (args.isEmpty() || args.first() != QLatin1String("check")) {
        context.err << "usage: kioskctl device check ID --level internal|external|interactive [--timeout S]" << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    return checkDevice(context, *config, args.mid(1));
}
