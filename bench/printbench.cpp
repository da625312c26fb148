#include "printbench.h"

#include "common/eventwait.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "printer/sim/printersimulator.h"
#include "receiptrenderer.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>

namespace {

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    return EventWait::until(done, std::chrono::milliseconds(timeoutMs), std::chrono::milliseconds(1));
}

// An invented resident: the receipt prints them masked, as it would a real one.
ReceiptContent benchReceipt(int run)
{
    ReceiptContent content;
    content.hallName = {QStringLiteral("合肥市政务服务中心 24小时自助服务区"), QStringLiteral("Hefei Government Service Centre")};
    content.terminalId = QStringLiteral("340103-HALL-01");
    content.itemName = {QStringLiteral("居民身份证换领"), QStringLiteral("Renewal of resident ID card")};
    content.department = {QStringLiteral("合肥市公安局"), QStringLiteral("Hefei Public Security Bureau")};
    content.caseNumber = QStringLiteral("34010320261123%1").arg(run, 6, 10, QLatin1Char('0'));
    content.localReference = QStringLiteral("T340103000017-%1").arg(run, 6, 10, QLatin1Char('0'));
    content.filedAt = QDateTime::currentDateTime();
    content.applicantName = QStringLiteral("王小明");
    content.applicantIdNumber = QStringLiteral("340104199001011234");
    content.nextSteps = ReceiptContent::standardNextSteps(true);
    content.followUrl = ReceiptContent::followUrlFor(QStringLiteral("https://zwfw.example.gov.cn/case/{ref}"), content.caseNumber);
    return content;
}

} // namespace

int runPrintBench(CtlContext &context, const QStringList &args)
{
    int runs = 20;
    QString uri;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--runs") && i + 1 < args.size()) {
            runs = qMax(1, args.at(++i).toInt());
        } else if (args.at(i) == QLatin1String("--printer") && i + 1 < args.size()) {
            uri = args.at(++i);
        } else {
            context.err << "usage: kioskctl bench print [--runs N] [--printer URI]" << Qt::endl;
            return CtlExit::Error;
        }
    }
    QTemporaryDir dir;
    PrinterSimulator simulator;
    if (uri.isEmpty()) {
        PrinterSimulator::Options options;
        options.spoolDirectory = dir.filePath(QStringLiteral("spool"));
        options.name = QStringLiteral("Bench Receipt Printer");
        QString error;
        if (!simulator.start(options, &error)) {
            context.err << "kioskctl bench print: " << error << Qt::endl;
            return CtlExit::Error;
        }
        uri = simulator.uri();
    }
    PrinterOptions printerOptions;
    printerOptions.address = PrinterAddress::uri(uri);
    printerOptions.statusPollMs = 2000;
    Printer printer(QStringLiteral("receipt_printer"), printerOptions);
    if (!printer.start() || !waitUntil([&printer] { return printer.health().level != HealthLevel::Unknown; }, 15000)
        || !printer.health().isUsable()) {
        context.err << "kioskctl bench print: " << uri << " is not usable: " << printer.status().unreachableMessage << Qt::endl;
        return CtlExit::Error;
    }

    QList<double> render;
    QList<double> submit;
    QList<double> total;
    QList<double> completed;
    qint64 bytes = 0;
    QString error;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        const QByteArray pdf = ReceiptRenderer::render(benchReceipt(run), &error);
        if (pdf.isEmpty()) {
            context.err << "kioskctl bench print: " << error << Qt::endl;
            return CtlExit::Error;
        }
        const double rendered = clock.nsecsElapsed() / 1e6;
        bytes = pdf.size();
        PrintJob *job = printer.print(pdf, QStringLiteral("bench receipt"));
        double acceptedAt = -1;
        QObject::connect(job, &PrintJob::accepted, job, [&acceptedAt, &clock] { acceptedAt = clock.nsecsElapsed() / 1e6; });
        waitUntil([job] { return job->isFinished(); }, 60000);
        const double finishedAt = clock.nsecsElapsed() / 1e6;
        if (!job->succeeded() || acceptedAt < 0) {
            context.err << "kioskctl bench print: job " << PrinterStatusMapping::toString(job->state()) << " " << job->detail() << Qt::endl;
            return CtlExit::Error;
        }
        render << rendered;
        submit << acceptedAt - rendered;
        total << acceptedAt;
        completed << finishedAt;
        delete job;
    }
    context.out << "receipt print bench: " << runs << " receipts to " << uri << " (PDF " << bytes / 1024 << " KiB)\n"
                << QStringLiteral("  render (QPdfWriter, CJK font, QR):   median %1 ms\n").arg(median(render), 0, 'f', 1)
                << QStringLiteral("  submit (libcups, until accepted):    median %1 ms\n").arg(median(submit), 0, 'f', 1)
                << QStringLiteral("  render + submit:                     median %1 ms\n").arg(median(total), 0, 'f', 1)
                << QStringLiteral("  until the printer reports completed: median %1 ms (job polled every 250 ms)\n")
                       .arg(median(completed), 0, 'f', 1);
    context.out.flush();
    return CtlExit::Ok;
}
