#include "ctlcommand.h"

#include "common/eventwait.h"
#include "common/personaldata.h"
#include "device/devicespec.h"
#include "idcard/idcardreader.h"
#include "idcard/samstatus.h"
#include "idcard/sim/idcardsimulator.h"
#include "sim/simcontrolclient.h"

#include <QJsonDocument>
#include <QTimer>

// `kioskctl card read`: waits for one card on a reader and prints its holder, masked unless
// --reveal, or says clearly why it could not (the SW3 meaning, or the reader's health).
namespace {

struct ReadRequest {
    QString spec;
    int baud = 115200;
    int timeoutSeconds = 30;
    bool json = false;
    bool reveal = false;
    bool fingerprint = false; // read with 30 10, so fingerprint_bytes says what the card holds
};

void usage(QTextStream &err)
{
    err << "usage: kioskctl card read [--port PATH | --usb VID:PID] [--baud N] [--timeout S] [--json] [--reveal] [--fingerprint]"
        << Qt::endl;
}

// Without --port or --usb: the configured reader; `simulated` means the running simulator's pty.
QString configuredSpec(CtlContext &context, QString *error)
{
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config) {
        *error = QStringLiteral("the configuration did not load");
        return {};
    }
    const QString spec = config->string(QStringLiteral("devices/id_card_reader"));
    if (spec == QLatin1String("none")) {
        *error = QStringLiteral("no ID card reader is configured (devices/id_card_reader = none); use --port or --usb");
        return {};
    }
    if (spec != QLatin1String("simulated"))
        return spec;
    const QString stateDir = config->string(QStringLiteral("kiosk/state_dir"));
    if (!SimControlClient::send(IdCardSimulator::defaultControlSocketPath(stateDir), QStringLiteral("status"), nullptr, nullptr, 1000)) {
        *error = QStringLiteral("the reader is simulated but no simulator is running; start the kiosk or kiosk-devsim, or use --port");
        return {};
    }
    return QStringLiteral("serial:") + IdCardSimulator::defaultTtyLinkPath(stateDir);
}

void printText(QTextStream &out, const IdCardHolder &holder, bool reveal)
{
    const QJsonObject json = holder.toJson(reveal);
    const auto line = [&out, &json](const char *label, const char *key) {
        const QJsonValue value = json.value(QLatin1String(key));
        if (value.isUndefined())
            return;
        out << qSetFieldWidth(22) << Qt::left << QString::fromUtf8(label) << qSetFieldWidth(0)
            << (value.isDouble() ? QString::number(value.toInteger()) : value.toString()) << "\n";
    };
    line("card type", "type");
    line("name", "name");
    line("English name", "name_en");
    line("gender", "gender");
    line("nation", "nation");
    line("birth date", "birth_date");
    line("address", "address");
    line("number", "id_number");
    line("issuer", "issuer");
    line("valid from", "valid_from");
    line("valid until", "valid_until");
    line("pass number", "pass_number");
    line("issue count", "issue_count");
    line("renewal count", "renewal_count");
    line("nationality", "nationality");
    line("card version", "card_version");
    line("issuing office", "issuing_office");
    line("previous card", "previous_card_number");
    line("photo bytes", "photo_bytes");
    line("fingerprint bytes", "fingerprint_bytes");
    for (const QString &problem : holder.problems())
        out << "warning: " << problem << "\n";
    if (!reveal)
        out << "(personal fields masked; --reveal shows them)\n";
    out.flush();
}

int readCard(CtlContext &context, const ReadRequest &request)
{
    QString error;
    std::optional<DeviceSpec> spec = DeviceSpec::parse(request.spec, &error);
    if (!spec || (spec->kind != DeviceSpec::Kind::Serial && spec->kind != DeviceSpec::Kind::Usb)) {
        context.err << "kioskctl card read: " << (spec ? QStringLiteral("%1 is not a serial or USB reader").arg(request.spec) : error)
                    << Qt::endl;
        return CtlExit::Error;
    }
    IdCardReaderOptions options;
    options.spec = *spec;
    options.pollIntervalMs = 300;
    options.readFingerprint = request.fingerprint;
    IdCardReader reader(QStringLiteral("id_card_reader"), options);

    int exitCode = CtlExit::Negative;
    EventWait wait(std::chrono::seconds(request.timeoutSeconds));
    QObject::connect(&reader, &IdCardReader::cardDetected, wait.context(), [&context, &request] {
        if (!request.json)
            context.err << "card found, reading…" << Qt::endl;
    });
    QObject::connect(&reader, &IdCardReader::cardRead, wait.context(), [&](const IdCardHolder &read) {
        IdCardHolder holder = read;
        if (request.json)
            context.out << QJsonDocument(holder.toJson(request.reveal)).toJson(QJsonDocument::Indented);
        else
            printText(context.out, holder, request.reveal);
        context.out.flush();
        holder.wipe();
        exitCode = CtlExit::Ok;
        wait.end();
    });
    // A failed read is what a card that moved or lies askew gives: the reader tries again while
    // the card stays, as the kiosk's screen waits for it, until the read succeeds or time is up.
    QString lastFailure;
    QObject::connect(&reader, &IdCardReader::cardReadFailed, wait.context(),
                     [&](const QString &detail, const QString &zh, const QString &en) {
                         lastFailure = QStringLiteral("%1 / %2 (%3)").arg(en, zh, detail);
                         context.err << "card not read: " << lastFailure << "; trying again while the card stays on the reader"
                                     << Qt::endl;
                     });
    QObject::connect(&reader, &Device::healthChanged, wait.context(), [&](const DeviceHealth &health) {
        if (health.level == HealthLevel::Busy) {
            context.err << "the reader is in use by another process (is the kiosk running?)" << Qt::endl;
            exitCode = CtlExit::Error;
            wait.end();
            return;
        }
        if (health.level != HealthLevel::Error)
            return;
        context.err << "reader unusable: " << health.detail << " (staff: " << DeviceVocabulary::toString(health.hint) << ")";
        if (health.detail == QLatin1String("sam_self_test_failed"))
            context.err << ": " << SamStatus::fromSw3(0x60).messageEn << " / " << SamStatus::fromSw3(0x60).messageZh;
        context.err << Qt::endl;
        exitCode = CtlExit::Error;
        wait.end();
    });
    if (!reader.start(&error)) {
        context.err << "kioskctl card read: " << error << Qt::endl;
        return CtlExit::Error;
    }
    if (!request.json)
        context.err << "waiting for a card on " << request.spec << " …" << Qt::endl;
    if (!wait.exec()) {
        if (lastFailure.isEmpty())
            context.err << "no card within " << request.timeoutSeconds << " s" << Qt::endl;
        else
            context.err << "card not read within " << request.timeoutSeconds << " s: " << lastFailure << Qt::endl;
        exitCode = CtlExit::Negative;
    }
    reader.close();
    return exitCode;
}

} // namespace

int runCardCommand(CtlContext &context, const QStringList &args)
{
    if (args.isEmpty() || args.first() != QLatin1String("read")) {
        usage(context.err);
        return CtlExit::Error;
    }
    ReadRequest request;
    QString port;
    QString usb;
    bool baudGiven = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const bool hasValue = i + 1 < args.size();
        bool ok = true;
        if (arg == QLatin1String("--port") && hasValue) {
            port = args.at(++i);
        } else if (arg == QLatin1String("--usb") && hasValue) {
            usb = args.at(++i);
        } else if (arg == QLatin1String("--baud") && hasValue) {
            request.baud = args.at(++i).toInt(&ok);
            baudGiven = true;
        } else if (arg == QLatin1String("--timeout") && hasValue) {
            request.timeoutSeconds = args.at(++i).toInt(&ok);
        } else if (arg == QLatin1String("--json")) {
            request.json = true;
        } else if (arg == QLatin1String("--reveal")) {
            request.reveal = true;
        } else if (arg == QLatin1String("--fingerprint")) {
            request.fingerprint = true;
        } else {
            ok = false;
        }
        if (!ok || request.baud <= 0 || request.timeoutSeconds <= 0) {
            usage(context.err);
            return CtlExit::Error;
        }
    }
    if (!port.isEmpty() && !usb.isEmpty()) {
        usage(context.err);
        return CtlExit::Error;
    }
    if (!port.isEmpty()) {
        request.spec = QStringLiteral("serial:%1@%2").arg(port).arg(request.baud);
    } else if (!usb.isEmpty()) {
        request.spec = QStringLiteral("usb:") + usb;
    } else {
        QString error;
        request.spec = configuredSpec(context, &error);
        if (request.spec.isEmpty()) {
            context.err << "kioskctl card read: " << error << Qt::endl;
            return CtlExit::Error;
        }
        if (baudGiven && request.spec.startsWith(QLatin1String("serial:")))
            request.spec = request.spec.section(QLatin1Char('@'), 0, 0) + QStringLiteral("@%1").arg(request.baud);
    }
    return readCard(context, request);
}
