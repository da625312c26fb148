#include "printer/printer.h"
#include "printer/printjob.h"
#include "printer/sim/printersimulator.h"
#include "printertestsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The simulated printer as the kiosk's demo runs it, outside the tests that read its spool:
// like a real printer it keeps no copy of what a resident printed, neither after the job nor
// from an earlier run.
class TestPrinterSimulatorSpool : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString spool() const { return m_dir.filePath(QStringLiteral("state/sim/printer-receipt_printer")); }

    // Everything in the spool but the simulator's own script and log.
    QStringList documents() const
    {
        QStringList names = QDir(spool()).entryList(QDir::Files);
        names.removeAll(QStringLiteral("print-command.sh"));
        names.removeAll(QStringLiteral("ippeveprinter.log"));
        return names;
    }

    bool startSimulator(PrinterSimulator &simulator)
    {
        PrinterSimulator::Options options;
        options.spoolDirectory = spool();
        QString error;
        const bool started = simulator.start(options, &error);
        if (!started)
            qWarning() << error;
        return started;
    }

private slots:
    void initTestCase()
    {
        // ctest keeps documents for every other test; this one checks the kiosk's own setting.
        qunsetenv("KIOSK_PRINTER_SIM_KEEP_DOCUMENTS");
        QVERIFY(m_dir.isValid());
        QString why;
        QVERIFY2(PrinterTestSupport::systemBusAnswers(&why), qPrintable(why));
        QVERIFY2(!PrinterSimulator::findExecutable().isEmpty(), "ippeveprinter (cups-ipp-utils) is required");
    }

    void printedReceiptLeavesNothingOnDisk()
    {
        PrinterSimulator simulator;
        QVERIFY(startSimulator(simulator));
        PrinterOptions options;
        options.address = PrinterAddress::uri(simulator.uri());
        options.statusPollMs = 300;
        Printer printer(QStringLiteral("receipt_printer"), options);
        QString error;
        QVERIFY2(printer.start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(printer.health().level, HealthLevel::Ok, 20000);

        PrintJob *job = printer.print(PrinterTestSupport::pdfWithText(QStringLiteral("Zhang San 110101199003074514")), QStringLiteral("receipt"));
        QSignalSpy finished(job, &PrintJob::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(job->succeeded());
        QTRY_COMPARE_WITH_TIMEOUT(documents(), QStringList(), 5000);
        QVERIFY(simulator.printedFiles().isEmpty());
    }

    void documentsOfAnEarlierRunAreErasedWhenTheSimulatorStarts()
    {
        QVERIFY(QDir().mkpath(spool()));
        QFile left(QDir(spool()).filePath(QStringLiteral("7-kiosk-receipt.pdf")));
        QVERIFY(left.open(QIODevice::WriteOnly));
        left.write(PrinterTestSupport::pdfWithText(QStringLiteral("Li Si 110101198001010013")));
        left.close();
        PrinterSimulator simulator;
        QVERIFY(startSimulator(simulator));
        QCOMPARE(documents(), QStringList());
    }
};

QTEST_MAIN(TestPrinterSimulatorSpool)
#include "test_printersimulatorspool.moc"
