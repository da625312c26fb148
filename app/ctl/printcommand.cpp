#include "ctlcommand.h"

#include "bytesize.h"
#include "printjobname.h"
#include "auditlog.h"
#include "common/eventwait.h"

#include "acknowledgementrenderer.h"
#include "cataloguechoice.h"
#include "device/deviceregistry.h"
#include "outboxstore.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "printer/sim/printersimulator.h"
#include "receiptrenderer.h"
#include "responseshape.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <memory>

// `kioskctl print …` and `kioskctl printer status`: a test page, a (re)printed receipt or A4
// acknowledgement, and what each configured printer says about itself. A `simulated` printer
// is a fresh ippeveprinter under the state directory for the length of the command.
namespace {

const char *printUsage =
    "usage: kioskctl print test [--printer QUEUE|URI] [--pdf FILE]\n"
    "       kioskctl print receipt (--local-ref REF | --case-no NO) [--item CODE] [--applicant NAME] [--language zh|en]\n"
    "                              [--a4] [--printer QUEUE|URI] [--pdf FILE]";
const char *printerUsage = "usage: kioskctl printer status [--printer QUEUE|URI] [--json]";

struct Options {
    QString verb;
    QString printer;
    QString pdfFile;
    QString localRef;
    QString caseNo;
    QString item;
    QString applicant;
    QString language = QStringLiteral("zh");
    bool a4 = false;
    bool json = false;
};

std::optional<Options> parse(QStringList args)
{
    Options options;
    if (args.isEmpty())
        return std::nullopt;
    options.verb = args.takeFirst();
    while (!args.isEmpty()) {
        const QString arg = args.takeFirst();
        const auto value = [&args](QString *target) {
            if (args.isEmpty())
                return false;
            *target = args.takeFirst();
            return true;
        };
        bool ok = true;
        if (arg == QLatin1String("--printer"))
            ok = value(&options.printer);
        else if (arg == QLatin1String("--pdf"))
            ok = value(&options.pdfFile);
        else if (arg == QLatin1String("--local-ref"))
            ok = value(&options.localRef);
        else if (arg == QLatin1String("--case-no"))
            ok = value(&options.caseNo);
        else if (arg == QLatin1String("--item"))
            ok = value(&options.item);
        else if (arg == QLatin1String("--applicant"))
            ok = value(&options.applicant);
        else if (arg == QLatin1String("--language"))
            ok = value(&options.language) && (options.language == QLatin1String("zh") || options.language == QLatin1String("en"));
        else if (arg == QLatin1String("--a4"))
            options.a4 = true;
        else if (arg == QLatin1String("--json"))
            options.json = true;
        else
            ok = false;
        if (!ok)
            return std::nullopt;
    }
    return options;
}

// Runs the event loop until `done` holds or `timeoutMs` passes; true when `done` held.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    return EventWait::until(done, std::chrono::milliseconds(timeoutMs), std::chrono::milliseconds(20));
}

// One printer for the command, from --printer or the configuration, started and read once.
class CtlPrinter
{
public:
    bool open(const KioskConfig &config, const QString &id, const QString &override, QString *error)
    {
        QString spec = override.isEmpty() ? config.string(QStringLiteral("devices/") + id) : override;
        if (!override.isEmpty() && !spec.contains(QLatin1Char(':')))
            spec = QStringLiteral("cups:") + spec; // a bare name is a CUPS queue
        DeviceRegistryOptions options;
        options.stateDirectory = config.string(QStringLiteral("kiosk/state_dir"));
        options.specs[id] = spec;
        options.printJobTimeoutS = int(config.integer(QStringLiteral("devices/print_job_timeout_s")));
        options.printerStatusPollMs = 500;
        m_registry = std::make_unique<DeviceRegistry>(options);
        QStringList errors;
        const bool built = m_registry->build(&errors);
        m_printer = m_registry->printer(id);
        if (!m_printer) {
            *error = built ? QStringLiteral("%1 is configured as none").arg(id) : errors.join(QLatin1String("; "));
            return false;
        }
        if (!m_registry->startAll(&errors)) {
            *error = errors.join(QLatin1String("; "));
            return false;
        }
        // The first reading decides whether printing is worth trying.
        waitUntil([this] { return m_printer->health().level != HealthLevel::Unknown; }, 15000);
        return true;
    }

    [[nodiscard]] Printer *printer() const { return m_printer; }
    [[nodiscard]] PrinterSimulator *simulator() const { return m_registry->printerSimulator(m_printer->id()); }

private:
    std::unique_ptr<DeviceRegistry> m_registry;
    Printer *m_printer = nullptr;
};

QString describe(const DeviceHealth &health)
{
    QString text = DeviceVocabulary::toString(health.level);
    if (!health.detail.isEmpty())
        text += QStringLiteral(" (%1, staff: %2)").arg(health.detail, DeviceVocabulary::toString(health.hint));
    return text;
}

int printPdf(CtlContext &context, const KioskConfig &config, const QString &id, const Options &options, const QByteArray &pdf,
             const QString &title)
{
    if (!options.pdfFile.isEmpty()) {
        QFile file(options.pdfFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size()) {
            context.err << "kioskctl print: cannot write " << options.pdfFile << ": " << file.errorString() << Qt::endl;
            return CtlExit::Error;
        }
        context.out << "wrote " << options.pdfFile << " (" << ByteSize::text(pdf.size()) << ")" << Qt::endl;
        return CtlExit::Ok;
    }
    CtlPrinter ctlPrinter;
    QString error;
    if (!ctlPrinter.open(config, id, options.printer, &error)) {
        context.err << "kioskctl print: " << error << Qt::endl;
        return CtlExit::Error;
    }
    Printer *printer = ctlPrinter.printer();
    if (!printer->health().isUsable()) {
        context.err << "kioskctl print: " << printer->spec() << " is " << describe(printer->health());
        if (!printer->status().unreachableMessage.isEmpty())
            context.err << ": " << printer->status().unreachableMessage;
        context.err << Qt::endl;
        return CtlExit::Negative;
    }
    PrintJob *job = printer->print(pdf, title);
    const int timeoutMs = int(config.integer(QStringLiteral("devices/print_job_timeout_s"))) * 1000 + 5000;
    waitUntil([job] { return job->isFinished(); }, timeoutMs);
    context.out << printer->spec() << ": job " << job->jobId() << " " << PrinterStatusMapping::toString(job->state());
    if (!job->succeeded() && !job->detail().isEmpty())
        context.out << " (" << job->detail() << ")";
    context.out << Qt::endl;
    if (job->succeeded() && ctlPrinter.simulator() && !ctlPrinter.simulator()->printedFiles().isEmpty()) {
        // Every kioskctl run starts its own simulated printer, whose job ids start again at 1:
        // this job's file is the one written last, whatever its number.
        const QStringList files = ctlPrinter.simulator()->printedFiles();
        const auto newest = std::max_element(files.cbegin(), files.cend(), [](const QString &a, const QString &b) {
            return QFileInfo(a).lastModified() < QFileInfo(b).lastModified();
        });
        context.out << "spooled: " << *newest << Qt::endl;
    }
    AuditLog::recordCtl(config, QStringLiteral("print.") + id, job->succeeded() ? QStringLiteral("ok") : QStringLiteral("failed"), title);
    return job->succeeded() ? CtlExit::Ok : CtlExit::Negative;
}

int runTestPage(CtlContext &context, const KioskConfig &config, const Options &options)
{
    TestPageContent content;
    content.hallName = {config.string(QStringLiteral("kiosk/hall_name")), config.string(QStringLiteral("kiosk/hall_name_en"))};
    content.terminalId = config.string(QStringLiteral("kiosk/site"));
    content.printerName = options.printer.isEmpty() ? config.string(QStringLiteral("devices/receipt_printer")) : options.printer;
    content.softwareVersion = QStringLiteral(KIOSK_VERSION);
    content.printedAt = QDateTime::currentDateTime();
    QString error;
    const QByteArray pdf = ReceiptRenderer::renderTestPage(content, &error);
    if (pdf.isEmpty()) {
        context.err << "kioskctl print test: " << error << Qt::endl;
        return CtlExit::Error;
    }
    return printPdf(context, config, QStringLiteral("receipt_printer"), options, pdf, PrintJobName::of(PrintJobName::Document::TestPage));
}

int runReceipt(CtlContext &context, const KioskConfig &config, const Options &options)
{
    if (options.localRef.isEmpty() == options.caseNo.isEmpty()) {
        context.err << printUsage << Qt::endl;
        return CtlExit::Error;
    }
    // A receipt carries the number the resident will quote on the phone: only the platform's
    // format (reference/platform-api.md) is printed, never a mistyped one.
    if (!options.caseNo.isEmpty() && !ResponseShape::isCaseNumber(options.caseNo)) {
        context.err << "kioskctl print receipt: \"" << options.caseNo
                    << "\" is not a case number (20 digits: the 6-digit division, the 8-digit date, a 6-digit sequence)" << Qt::endl;
        return CtlExit::Error;
    }
    QString caseNumber = options.caseNo;
    QString localReference;
    QDateTime filedAt;
    QString itemCode = options.item;
    if (!options.localRef.isEmpty()) {
        // The outbox's tombstone: references, item and times, never the applicant.
        OutboxOptions outbox;
        outbox.stateDir = config.string(QStringLiteral("kiosk/state_dir"));
        outbox.recoverCorruption = false;
        OutboxResult<std::unique_ptr<OutboxStore>> opened = OutboxStore::open(outbox);
        if (!opened) {
            context.err << "kioskctl print receipt: " << opened.error().message << Qt::endl;
            return opened.error().code == OutboxErrorCode::NotFound ? CtlExit::Negative : CtlExit::Error;
        }
        const OutboxResult<std::optional<OutboxEntry>> found = opened.value()->find(options.localRef);
        if (!found || !found.value()) {
            context.err << "kioskctl print receipt: no outbox entry " << options.localRef
                        << (found ? QString() : QStringLiteral(": ") + found.error().message) << Qt::endl;
            return found ? CtlExit::Negative : CtlExit::Error;
        }
        const OutboxEntry &entry = *found.value();
        localReference = entry.localRef;
        if (entry.state == EntryState::Delivered && entry.kind == EntryKind::Case)
            caseNumber = entry.resultRef;
        filedAt = QDateTime::fromMSecsSinceEpoch(entry.createdAtMs);
        if (itemCode.isEmpty())
            itemCode = entry.itemCode;
    }
    QString error;
    const CatalogueChoice choice = CatalogueChoice::choose(config);
    const CatalogueItem *item = choice.catalogue().item(itemCode);
    ReceiptContent content = ReceiptContent::forCase(config, item, caseNumber, localReference, filedAt, options.language);
    if (!item)
        content.itemName = {itemCode.isEmpty() ? QStringLiteral("—") : itemCode, {}};
    content.applicantName = options.applicant;

    const QByteArray pdf = options.a4 ? AcknowledgementRenderer::render(content, &error) : ReceiptRenderer::render(content, &error);
    if (pdf.isEmpty()) {
        context.err << "kioskctl print receipt: " << error << Qt::endl;
        return CtlExit::Error;
    }
    return printPdf(context, config, options.a4 ? QStringLiteral("document_printer") : QStringLiteral("receipt_printer"), options, pdf,
                    PrintJobName::of(options.a4 ? PrintJobName::Document::Acknowledgement : PrintJobName::Document::Receipt));
}

QJsonObject statusJson(const Printer &printer)
{
    const PrinterStatus status = printer.status();
    QJsonArray markers;
    for (const PrinterMarker &marker : status.markers)
        markers.append(QJsonObject{{QStringLiteral("name"), marker.name}, {QStringLiteral("type"), marker.type},
                                   {QStringLiteral("level"), marker.level}, {QStringLiteral("low_level"), marker.lowLevel}});
    return {
        {QStringLiteral("id"), printer.id()},
        {QStringLiteral("spec"), printer.spec()},
        {QStringLiteral("level"), DeviceVocabulary::toString(printer.health().level)},
        {QStringLiteral("detail"), printer.health().detail},
        {QStringLiteral("hint"), DeviceVocabulary::toString(printer.health().hint)},
        {QStringLiteral("reachable"), status.reachable},
        {QStringLiteral("printer_state"), status.state},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(status.reasons)},
        {QStringLiteral("message"), status.reachable ? status.stateMessage : status.unreachableMessage},
        {QStringLiteral("make_and_model"), status.makeAndModel},
        {QStringLiteral("markers"), markers},
    };
}

int runStatus(CtlContext &context, const KioskConfig &config, const Options &options)
{
    QStringList ids;
    if (!options.printer.isEmpty()) {
        ids << QStringLiteral("receipt_printer");
    } else {
        for (const QString &id : {QStringLiteral("receipt_printer"), QStringLiteral("document_printer")}) {
            if (config.string(QStringLiteral("devices/") + id) != QLatin1String("none"))
                ids << id;
        }
    }
    QJsonArray all;
    bool allUsable = true;
    for (const QString &id : std::as_const(ids)) {
        CtlPrinter ctlPrinter;
        QString error;
        if (!ctlPrinter.open(config, id, options.printer, &error) && !ctlPrinter.printer()) {
            context.err << "kioskctl printer status: " << id << ": " << error << Qt::endl;
            return CtlExit::Error;
        }
        Printer *printer = ctlPrinter.printer();
        allUsable = allUsable && printer->health().isUsable();
        if (options.json) {
            all.append(statusJson(*printer));
            continue;
        }
        const PrinterStatus status = printer->status();
        context.out << id << ": " << printer->spec() << "\n"
                    << "  health:  " << describe(printer->health()) << "\n";
        if (status.reachable) {
            context.out << "  printer: " << status.makeAndModel << ", state " << status.state << " ("
                        << (status.reasons.isEmpty() ? QStringLiteral("no reasons") : status.reasons.join(QLatin1String(", "))) << ")\n";
            if (!status.stateMessage.isEmpty())
                context.out << "  message: " << status.stateMessage << "\n";
            for (const PrinterMarker &marker : status.markers)
                context.out << "  supply:  " << marker.name << " " << marker.level << "% (low at " << marker.lowLevel << "%)\n";
        } else {
            context.out << "  reason:  " << status.unreachableMessage << "\n";
        }
        if (PrinterSimulator *simulator = ctlPrinter.simulator())
            context.out << "  simulated: " << simulator->uri() << ", spool " << simulator->spoolDirectory() << "\n";
    }
    if (options.json)
        context.out << QJsonDocument(all).toJson(QJsonDocument::Indented);
    context.out.flush();
    return allUsable ? CtlExit::Ok : CtlExit::Negative;
}

} // namespace

int runPrintCommand(CtlContext &context, const QStringList &args)
{
    const std::optional<Options> options = parse(args);
    if (!options || (options->verb != QLatin1String("test") && options->verb != QLatin1String("receipt"))) {
        context.err << printUsage << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    return options->verb == QLatin1String("test") ? runTestPage(context, *config, *options) : runReceipt(context, *config, *options);
}

int runPrinterCommand(CtlContext &context, const QStringList &args)
{
    const std::optional<Options> options = parse(args);
    if (!options || options->verb != QLatin1String("status")) {
        context.err << printerUsage << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    return runStatus(context, *config, *options);
}
