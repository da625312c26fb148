#include "device/deviceregistry.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "printer/sim/printersimulator.h"
#include "printertestsupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// The libcups driver against a real IPP Everywhere printer: ippeveprinter on a loopback port,
// keeping each job's document in its spool directory.
class TestPrinterIpp : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void idlePrinterReportsHealthyAndPresent();
    void printedPdfArrivesInSpoolWithItsText();
    void platformPdfIsPrintedByteForByte();
    void jobThatFailsAfterSubmissionIsReportedAborted();
    void printerOutOfPaperMidJobStopsTheJobUntilPaperIsLoaded();
    void jobOutOfPaperPastItsTimeoutFailsSayingSo();
    void cancelledJobIsReportedCancelled();
    void jobOutlastingItsTimeoutIsReportedAborted();
    void printerIsBusyWhilePrinting();
    void healthCheckAnswersWithPrinterHealth();
    void printerInErrorRefusesJobsBeforeSubmitting();
    void unreachablePrinterReportsNoResponse();
    void simulatorThatCannotStartSaysWhy();
    void simulatorThatExitsAtStartRepeatsItsReason();
    void unavailablePrinterReportsNoDeviceAndRefusesJobs();
    void registryBuildsSimulatedReceiptPrinterThatPrints();

private:
    std::unique_ptr<Printer> startPrinter(const QString &uri, int jobTimeoutS = 60);

    QTemporaryDir *m_dir = nullptr;
    PrinterSimulator *m_simulator = nullptr;
};

void TestPrinterIpp::initTestCase()
{
    QString why;
    QVERIFY2(PrinterTestSupport::systemBusAnswers(&why), qPrintable(why));
    QVERIFY2(!PrinterSimulator::findExecutable().isEmpty(), "ippeveprinter (cups-ipp-utils) is required");
}

void TestPrinterIpp::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_simulator = new PrinterSimulator;
    PrinterSimulator::Options options;
    options.spoolDirectory = m_dir->filePath(QStringLiteral("spool"));
    options.name = QStringLiteral("Test Receipt Printer");
    QString error;
    QVERIFY2(m_simulator->start(options, &error), qPrintable(error));
}

void TestPrinterIpp::cleanup()
{
    delete m_simulator;
    m_simulator = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

std::unique_ptr<Printer> TestPrinterIpp::startPrinter(const QString &uri, int jobTimeoutS)
{
    PrinterOptions options;
    options.address = PrinterAddress::uri(uri);
    options.statusPollMs = 300;
    options.jobTimeoutS = jobTimeoutS;
    auto printer = std::make_unique<Printer>(QStringLiteral("receipt_printer"), options);
    QString error;
    if (!printer->start(&error))
        qWarning() << error;
    return printer;
}

void TestPrinterIpp::idlePrinterReportsHealthyAndPresent()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_simulator->uri());
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);
    QVERIFY(printer->isPresent());
    QVERIFY(printer->status().reachable);
    QCOMPARE(printer->status().state, 3);
    QCOMPARE(printer->state(), Device::State::Idle);
}

void TestPrinterIpp::printedPdfArrivesInSpoolWithItsText()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_simulator->uri());
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);

    PrintJob *job = printer->print(PrinterTestSupport::pdfWithText(QStringLiteral("Case 3401-2026-000042 printed")),
                                   QStringLiteral("receipt"));
    QSignalSpy accepted(job, &PrintJob::accepted);
    QSignalSpy finished(job, &PrintJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(accepted.size(), 1);
    QVERIFY(job->jobId() > 0);
    QCOMPARE(job->state(), PrintJobState::Completed);
    QVERIFY(job->succeeded());

    const QStringList files = m_simulator->printedFiles();
    QCOMPARE(files.size(), 1);
    QVERIFY2(files.first().contains(QStringLiteral("%1-").arg(job->jobId())), qPrintable(files.first()));
    const QString text = PrinterTestSupport::pdfText(files.first());
    QVERIFY2(text.contains(QStringLiteral("Case 3401-2026-000042 printed")), qPrintable(text));
    QCOMPARE(printer->statistics().value(QStringLiteral("jobs_completed")), 1);
}

void TestPrinterIpp::platformPdfIsPrintedByteForByte()
{
    // A platform document (an e-licence) is printed as it is: nothing re-renders it on the way.
    const std::unique_ptr<Printer> printer = startPrinter(m_simulator->uri());
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);
    const QByteArray document = PrinterTestSupport::pdfWithText(QStringLiteral("Business licence 91340100MA2N0000X1"));
    PrintJob *job = printer->print(document, QStringLiteral("licence"));
    QSignalSpy finished(job, &PrintJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(job->state(), PrintJobState::Completed);
    QCOMPARE(m_simulator->printedFiles().size(), 1);
    QFile spooled(m_simulator->printedFiles().first());
    QVERIFY(spooled.open(QIODevice::ReadOnly));
    QCOMPARE(spooled.readAll(), document);
}

void TestPrinterIpp::jobThatFailsAfterSubmissionIsReportedAborted()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_simulator->uri());
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);

    m_simulator->failNextJob();
    PrintJob *job = printer->print(PrinterTestSupport::pdfWithText(QStringLiteral("will jam")), QStringLiteral("receipt"));
    QSignalSpy accepted(job, &PrintJob::accepted);
    QSignalSpy finished(job, &PrintJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(accepted.size(), 1); // the printer took it: the failure came after submission
    QCOMPARE(job->state(), PrintJobState::Aborted);
    QVERIFY(!job->succeeded());
    QVERIFY(!job->detail().isEmpty());
    QCOMPARE(printer->statistics().value(QStringLiteral("jobs_failed")), 1);

    // The next job prints again: a reprint works.
    PrintJob *reprint = printer->print(PrinterTestSupport::pdfWithText(QStringLiteral("reprint")), QStringLiteral("receipt"));
    QSignalSpy reprinted(reprint, &PrintJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(reprinted.size(), 1, 30000);
    QCOMPARE(reprint->state(), PrintJobState::Completed);
}

void TestPrinterIpp::printerOutOfPaperMidJobStopsTheJobUntilPaperIsLoaded()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_simulator->uri());
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);

    m_simulator->runOutOfPaperDuringNextJob();
    PrintJob *job = printer->print(PrinterTestSupport::pdfWithText(QStringLiteral("Case 34010320261123000042 receipt")),
                                   QStringLiteral("receipt"));
    QSignalSpy finished(job, &PrintJob::finished);
    // The printer took the job, then said it has no paper: the job is stopped, and says why first.
    QTRY_COMPARE_WITH_TIMEOUT(job->state(), PrintJobState::Stopped, 30000);
    QVERIFY(job->jobId() > 0);
    QVERIFY2(job->detail().startsWith(QStringLiteral("media-empty")), qPrintable(job->detail()));
    QCOMPARE(printer->health().level, HealthLevel::Error);
    QCOMPARE(printer->health().detail, QStringLiteral("media_empty"));
    QCOMPARE(printer->health().hint, StaffHint::ReplaceConsumable);
    QCOMPARE(printer->state(), Device::State::Error);
    QCOMPARE(finished.size(), 0);

    // Staff load paper: the same job comes out, and the printer is healthy again.
    m_simulator->loadPaper();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(job->state(), PrintJobState::Completed);
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);
    QCOMPARE(m_simulator->printedFiles().size(), 1);
    const QString text = PrinterTestSupport::pdfText(m_simulator->printedFiles().first());
    QVERIFY2(text.contains(QStringLiteral("Case 34010320261123000042 receipt")), qPrintable(text));
}

void TestPrinterIpp::jobOutOfPaperPastItsTimeoutFailsSayingSo()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_simulator->uri(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);

    m_simulator->runOutOfPaperDuringNextJob();
    PrintJob *job = printer->print(PrinterTestSupport::pdfWithText(QStringLiteral("no paper")), QStringLiteral("receipt"));
    QSignalSpy finished(job, &PrintJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(job->state(), PrintJobState::Aborted);
    // What a screen keys on ("printer:media-empty…"): the printer's reason, then the timeout.
    QVERIFY2(job->detail().startsWith(QStringLiteral("media-empty: timed_out")), qPrintable(job->detail()));
    QCOMPARE(printer->statistics().value(QStringLiteral("jobs_failed")), 1);
}

void TestPrinterIpp::cancelledJobIsReportedCancelled()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_simulator->uri());
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);

    m_simulator->slowNextJob();
    PrintJob *job = printer->print(PrinterTestSupport::pdfWithText(QStringLiteral("changed my mind")), QStringLiteral("receipt"));
    QSignalSpy finished(job, &PrintJob::finished);
    QTRY_VERIFY_WITH_TIMEOUT(job->jobId() > 0, 20000);
    job->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(job->state(), PrintJobState::Cancelled);
    QVERIFY(!job->succeeded());
}

void TestPrinterIpp::jobOutlastingItsTimeoutIsReportedAborted()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_simulator->uri(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);

    m_simulator->slowNextJob(); // four seconds, against a one-second timeout
    PrintJob *job = printer->print(PrinterTestSupport::pdfWithText(QStringLiteral("slow")), QStringLiteral("receipt"));
    QSignalSpy finished(job, &PrintJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(job->state(), PrintJobState::Aborted);
    QVERIFY2(job->detail().startsWith(QStringLiteral("timed_out")), qPrintable(job->detail()));
}

void TestPrinterIpp::printerIsBusyWhilePrinting()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_simulator->uri());
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);
    QSignalSpy states(printer.get(), &Device::stateChanged);

    m_simulator->slowNextJob();
    PrintJob *job = printer->print(PrinterTestSupport::pdfWithText(QStringLiteral("busy")), QStringLiteral("receipt"));
    QCOMPARE(printer->state(), Device::State::Busy);
    QCOMPARE(printer->activeJobs(), 1);
    QSignalSpy finished(job, &PrintJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(job->state(), PrintJobState::Completed);
    QTRY_COMPARE_WITH_TIMEOUT(printer->state(), Device::State::Idle, 20000);
    QCOMPARE(printer->activeJobs(), 0);
    QVERIFY(states.size() >= 2);
}

void TestPrinterIpp::healthCheckAnswersWithPrinterHealth()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_simulator->uri());
    QSignalSpy checked(printer.get(), &Device::healthChecked);
    printer->checkHealth(HealthCheckLevel::Internal);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
    QCOMPARE(checked.first().at(0).value<HealthCheckLevel>(), HealthCheckLevel::Internal);
    QCOMPARE(checked.first().at(1).value<DeviceHealth>().level, HealthLevel::Ok);

    m_simulator->stop();
    printer->checkHealth(HealthCheckLevel::External);
    QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 2, 20000);
    QCOMPARE(checked.at(1).at(1).value<DeviceHealth>().detail, QStringLiteral("no_response"));
}

void TestPrinterIpp::printerInErrorRefusesJobsBeforeSubmitting()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_simulator->uri());
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);
    m_simulator->stop();
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().detail, QStringLiteral("no_response"), 20000);
    QCOMPARE(printer->state(), Device::State::Error);
    QVERIFY(!printer->isPresent());

    PrintJob *job = printer->print(PrinterTestSupport::pdfWithText(QStringLiteral("nowhere")), QStringLiteral("receipt"));
    QSignalSpy finished(job, &PrintJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(job->state(), PrintJobState::Refused);
    QVERIFY(job->detail().startsWith(QStringLiteral("no_response")));
}

void TestPrinterIpp::unreachablePrinterReportsNoResponse()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    const std::unique_ptr<Printer> printer = startPrinter(QStringLiteral("ipp://127.0.0.1:%1/ipp/print").arg(port));
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Error, 20000);
    QCOMPARE(printer->health().detail, QStringLiteral("no_response"));
    QCOMPARE(printer->health().hint, StaffHint::Retry);
    QVERIFY(!printer->status().unreachableMessage.isEmpty());
}

void TestPrinterIpp::simulatorThatCannotStartSaysWhy()
{
    PrinterSimulator simulator;
    PrinterSimulator::Options options;
    options.spoolDirectory = m_dir->filePath(QStringLiteral("other"));
    options.executable = m_dir->filePath(QStringLiteral("no-such-ippeveprinter"));
    QString error;
    QVERIFY(!simulator.start(options, &error));
    QVERIFY2(error.contains(QStringLiteral("ippeveprinter")), qPrintable(error));
    QVERIFY(!simulator.isRunning());
}

// What CI once met: ippeveprinter without a live system bus prints one line and exits. The
// simulator must say so at once, not wait for a port that will never open.
void TestPrinterIpp::simulatorThatExitsAtStartRepeatsItsReason()
{
    const QString fake = m_dir->filePath(QStringLiteral("exiting-ippeveprinter"));
    QFile script(fake);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\necho 'Error: Unable to initialize DNS-SD.'\nexit 1\n");
    script.close();
    script.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    PrinterSimulator simulator;
    PrinterSimulator::Options options;
    options.spoolDirectory = m_dir->filePath(QStringLiteral("exiting"));
    options.executable = fake;
    QString error;
    QVERIFY(!simulator.start(options, &error));
    QVERIFY2(error.contains(QStringLiteral("exited at start: Error: Unable to initialize DNS-SD.")), qPrintable(error));
    QVERIFY(!simulator.isRunning());
}

void TestPrinterIpp::unavailablePrinterReportsNoDeviceAndRefusesJobs()
{
    PrinterOptions options;
    options.address = PrinterAddress{PrinterAddress::Kind::Simulated, {}};
    options.unavailableDetail = QStringLiteral("no_device");
    options.unavailableMessage = QStringLiteral("the simulated printer did not start: ippeveprinter is not installed");
    Printer printer(QStringLiteral("receipt_printer"), options);
    QVERIFY(printer.start());
    QCOMPARE(printer.health().level, HealthLevel::Error);
    QCOMPARE(printer.health().detail, QStringLiteral("no_device"));
    QVERIFY(printer.status().unreachableMessage.contains(QStringLiteral("did not start")));

    PrintJob *job = printer.print(PrinterTestSupport::pdfWithText(QStringLiteral("x")), QStringLiteral("receipt"));
    QSignalSpy finished(job, &PrintJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(job->state(), PrintJobState::Refused);
}

void TestPrinterIpp::registryBuildsSimulatedReceiptPrinterThatPrints()
{
    DeviceRegistryOptions options;
    options.stateDirectory = m_dir->filePath(QStringLiteral("state"));
    options.specs[QStringLiteral("receipt_printer")] = QStringLiteral("simulated");
    options.specs[QStringLiteral("document_printer")] = QStringLiteral("none");
    options.printerStatusPollMs = 300;
    DeviceRegistry registry(options);
    QStringList errors;
    QVERIFY2(registry.build(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
    QVERIFY(registry.unsupported().isEmpty());
    QVERIFY(!registry.printer(QStringLiteral("document_printer")));
    Printer *printer = registry.printer(QStringLiteral("receipt_printer"));
    QVERIFY(printer);
    QVERIFY(registry.startAll(&errors));
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 20000);

    PrintJob *job = printer->print(PrinterTestSupport::pdfWithText(QStringLiteral("from the registry")), QStringLiteral("receipt"));
    QSignalSpy finished(job, &PrintJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(job->state(), PrintJobState::Completed);
    PrinterSimulator *simulator = registry.printerSimulator(QStringLiteral("receipt_printer"));
    QVERIFY(simulator);
    QVERIFY(simulator->spoolDirectory().startsWith(options.stateDirectory));
    QCOMPARE(simulator->printedFiles().size(), 1);
    QVERIFY(PrinterTestSupport::pdfText(simulator->printedFiles().first()).contains(QStringLiteral("from the registry")));
}

QTEST_MAIN(TestPrinterIpp)
#include "test_printeripp.moc"
