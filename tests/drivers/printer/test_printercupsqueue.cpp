#include "printer/printer.h"
#include "printer/printjob.h"
#include "printer/sim/printersimulator.h"
#include "printertestsupport.h"
#include "privatecupsd.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The driver's `cups:QUEUE` path as a hall runs it: a real cupsd (the test's own, on loopback)
// with a driverless IPP Everywhere queue made by lpadmin, in front of ippeveprinter. Jobs go
// through the scheduler and its filters; the printer's status is what cupsd says of the queue.
class TestPrinterCupsQueue : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void queueReportsHealthyThroughCupsd();
    void pdfPrintedToQueueArrivesAtPrinterWithItsText();
    void pausedQueueIsAnErrorAndRefusesJobsUntilResumed();
    void queueRejectingJobsIsAnError();
    void unknownQueueReportsNoDevice();

private:
    std::unique_ptr<Printer> startPrinter(const QString &queue);

    QTemporaryDir m_dir;
    PrinterSimulator m_printer;
    PrivateCupsd m_cupsd;
    const QString m_queue = QStringLiteral("receipt");
};

void TestPrinterCupsQueue::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // cupsd's filters run as lp and must reach its spool under here.
    QVERIFY(QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                    | QFileDevice::ExeGroup | QFileDevice::ExeOther));
    QString why;
    QVERIFY2(PrinterTestSupport::systemBusAnswers(&why), qPrintable(why));
    QVERIFY2(!PrinterSimulator::findExecutable().isEmpty(), "ippeveprinter (cups-ipp-utils) is required");

    PrinterSimulator::Options options;
    options.spoolDirectory = m_dir.filePath(QStringLiteral("printer"));
    options.name = QStringLiteral("Hall Receipt Printer");
    QVERIFY2(m_printer.start(options, &why), qPrintable(why));

    QVERIFY2(m_cupsd.start(m_dir.filePath(QStringLiteral("cups")), &why), qPrintable(why));
    // libcups (in this process and in the CUPS commands) finds the scheduler through CUPS_SERVER;
    // each printer thread reads it afresh.
    qputenv("CUPS_SERVER", m_cupsd.server().toUtf8());
    // The queue is made only once the printer answers: lpadmin -m everywhere asks it what it can do.
    QVERIFY2(m_cupsd.addEverywhereQueue(m_queue, m_printer.uri(), &why), qPrintable(why));
}

void TestPrinterCupsQueue::cleanupTestCase()
{
    qunsetenv("CUPS_SERVER");
    m_cupsd.stop();
    m_printer.stop();
}

std::unique_ptr<Printer> TestPrinterCupsQueue::startPrinter(const QString &queue)
{
    PrinterOptions options;
    QString error;
    options.address = *PrinterAddress::parse(QStringLiteral("cups:") + queue, &error);
    options.statusPollMs = 300;
    options.jobTimeoutS = 90;
    auto printer = std::make_unique<Printer>(QStringLiteral("receipt_printer"), options);
    if (!printer->start(&error))
        qWarning() << error;
    return printer;
}

void TestPrinterCupsQueue::queueReportsHealthyThroughCupsd()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_queue);
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 30000);
    QVERIFY(printer->isPresent());
    QCOMPARE(printer->spec(), QStringLiteral("cups:receipt"));
    QVERIFY(printer->status().reachable);
    QCOMPARE(printer->status().state, 3);
    QVERIFY(printer->status().acceptingJobs);
    // The model cupsd names for a queue lpadmin made driverless.
    QVERIFY2(printer->status().makeAndModel.contains(QStringLiteral("IPP Everywhere")), qPrintable(printer->status().makeAndModel));
}

void TestPrinterCupsQueue::pdfPrintedToQueueArrivesAtPrinterWithItsText()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_queue);
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 30000);
    const int printedBefore = int(m_printer.printedFiles().size());

    PrintJob *job = printer->print(PrinterTestSupport::pdfWithText(QStringLiteral("Case 34010320261123000042 through the queue")),
                                   QStringLiteral("receipt"));
    QSignalSpy accepted(job, &PrintJob::accepted);
    QSignalSpy finished(job, &PrintJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 90000);
    QCOMPARE(accepted.size(), 1);
    QVERIFY2(job->state() == PrintJobState::Completed, qPrintable(PrinterStatusMapping::toString(job->state()) + QLatin1Char(' ') + job->detail()));
    QCOMPARE(printer->statistics().value(QStringLiteral("jobs_completed")), 1);

    // cupsd's filters and its ipp backend passed the document on to the printer.
    const QStringList files = m_printer.printedFiles();
    QCOMPARE(files.size(), printedBefore + 1);
    const QString text = PrinterTestSupport::pdfText(files.last());
    QVERIFY2(text.contains(QStringLiteral("Case 34010320261123000042 through the queue")), qPrintable(text));
}

void TestPrinterCupsQueue::pausedQueueIsAnErrorAndRefusesJobsUntilResumed()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_queue);
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 30000);

    QString why;
    QVERIFY2(m_cupsd.run(QStringLiteral("cupsdisable"), {m_queue}, &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().detail, QStringLiteral("paused"), 30000);
    QCOMPARE(printer->health().level, HealthLevel::Error);
    QCOMPARE(printer->status().state, 5);
    QCOMPARE(printer->state(), Device::State::Error);
    PrintJob *job = printer->print(PrinterTestSupport::pdfWithText(QStringLiteral("held back")), QStringLiteral("receipt"));
    QSignalSpy finished(job, &PrintJob::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(job->state(), PrintJobState::Refused);

    QVERIFY2(m_cupsd.run(QStringLiteral("cupsenable"), {m_queue}, &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 30000);
}

void TestPrinterCupsQueue::queueRejectingJobsIsAnError()
{
    const std::unique_ptr<Printer> printer = startPrinter(m_queue);
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 30000);

    QString why;
    QVERIFY2(m_cupsd.run(QStringLiteral("cupsreject"), {m_queue}, &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().detail, QStringLiteral("not_accepting_jobs"), 30000);
    QVERIFY(!printer->status().acceptingJobs);
    QVERIFY2(m_cupsd.run(QStringLiteral("cupsaccept"), {m_queue}, &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Ok, 30000);
}

void TestPrinterCupsQueue::unknownQueueReportsNoDevice()
{
    const std::unique_ptr<Printer> printer = startPrinter(QStringLiteral("no-such-queue"));
    QTRY_COMPARE_WITH_TIMEOUT(printer->health().level, HealthLevel::Error, 30000);
    QCOMPARE(printer->health().detail, QStringLiteral("no_device"));
    QVERIFY2(printer->status().unreachableMessage.contains(QStringLiteral("CUPS has no queue named no-such-queue")),
             qPrintable(printer->status().unreachableMessage));
}

QTEST_MAIN(TestPrinterCupsQueue)
#include "test_printercupsqueue.moc"
