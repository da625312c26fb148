#include "applicationjourney.h"
#include "journeykiosk.h"
#include "receiptprinting.h"

#include "device/deviceregistry.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "printer/sim/printersimulator.h"

#include <QSignalSpy>
#include <QTest>

namespace {

const QString ReaderAndReceiptPrinter = QStringLiteral("barcode_scanner=none\nface_camera=none\ndocument_camera=none\n"
                                                       "receipt_printer=simulated\ndocument_printer=none\n");

// Files 退休人员医保待遇核定 for the identified resident; the platform is away, so it is queued.
bool queueAnApplication(JourneyKiosk &kiosk)
{
    KioskRuntime *runtime = kiosk.runtime();
    if (!kiosk.identify() || !runtime->journey()->beginApplication(QStringLiteral("340100-000-ZZ-0010-01")))
        return false;
    if (!runtime->draft()->setValue(QStringLiteral("phone"), QStringLiteral("13955123456")) || !runtime->session()->advance(SessionState::Review))
        return false;
    QSignalSpy finished(runtime->journey(), &ApplicationJourney::submissionFinished);
    return runtime->journey()->submitApplication() && finished.wait(60000)
           && runtime->journey()->lastOutcome().kind == CaseSubmission::Outcome::Kind::Queued;
}

} // namespace

// The receipt of the case just filed or queued: printed, reported, and only this session's news.
// The simulated receipt printer is a real IPP printer and needs the system bus
// (packaging/system-bus.sh).
class TestReceiptPrinting : public QObject
{
    Q_OBJECT

private slots:
    void thereIsNoReceiptBeforeACase()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderAndReceiptPrinter);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        QVERIFY(!kiosk.runtime()->receipts()->printReceipt(QStringLiteral("zh")));
    }

    void thereIsNoReceiptWithoutAReceiptPrinter()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, QStringLiteral("barcode_scanner=none\nface_camera=none\ndocument_camera=none\n"
                                                                         "receipt_printer=none\ndocument_printer=none\n"));
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        QVERIFY(queueAnApplication(kiosk));
        QVERIFY(!kiosk.runtime()->receipts()->receiptPrinterUsable());
        QVERIFY(!kiosk.runtime()->receipts()->printReceipt(QStringLiteral("zh")));
    }

    void theReceiptOfAQueuedCaseIsPrinted()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderAndReceiptPrinter);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        ReceiptPrinting *receipts = kiosk.runtime()->receipts();
        QTRY_VERIFY_WITH_TIMEOUT(receipts->receiptPrinterUsable(), 30000);
        QVERIFY(queueAnApplication(kiosk));
        QSignalSpy printed(receipts, &ReceiptPrinting::receiptPrinted);
        QVERIFY(receipts->printReceipt(QStringLiteral("zh")));
        QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 1, 60000);
        QVERIFY2(printed.first().first().toBool(), qPrintable(printed.first().at(1).toString()));
        PrinterSimulator *simulator = kiosk.runtime()->devices()->printerSimulator(QStringLiteral("receipt_printer"));
        QVERIFY(simulator);
        QTRY_COMPARE_WITH_TIMEOUT(simulator->printedFiles().size(), 1, 30000);
    }

    void aReceiptOfAnEarlierSessionIsNoNews()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderAndReceiptPrinter);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        ReceiptPrinting *receipts = runtime->receipts();
        QTRY_VERIFY_WITH_TIMEOUT(receipts->receiptPrinterUsable(), 30000);
        PrinterSimulator *simulator = runtime->devices()->printerSimulator(QStringLiteral("receipt_printer"));
        QVERIFY(simulator);
        QVERIFY(queueAnApplication(kiosk));

        // The paper runs out on the receipt: the resident is told at once.
        simulator->runOutOfPaperDuringNextJob();
        QSignalSpy printed(receipts, &ReceiptPrinting::receiptPrinted);
        QVERIFY(receipts->printReceipt(QStringLiteral("zh")));
        QTRY_COMPARE_WITH_TIMEOUT(printed.size(), 1, 60000);
        QCOMPARE(printed.first().first().toBool(), false);
        const QList<PrintJob *> held = runtime->devices()->printer(QStringLiteral("receipt_printer"))->findChildren<PrintJob *>();
        QCOMPARE(held.size(), 1);
        QSignalSpy done(held.first(), &PrintJob::finished);

        // The resident leaves; staff load paper, and the receipt comes out for nobody.
        QVERIFY(runtime->session()->end(SessionEnd::Cancelled));
        simulator->loadPaper();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 60000);
        QCOMPARE(done.first().first().value<PrintJobState>(), PrintJobState::Completed);
        QTest::qWait(200);
        QCOMPARE(printed.size(), 1);
    }
};

QTEST_MAIN(TestReceiptPrinting)
#include "test_receiptprinting.moc"
