#include "applyjourneykiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// An application's receipt through the real QML and a real IPP printer: one that fails after filing
// reprinted on screen and later from the outbox, paper running out mid-job, and a receipt held for
// paper that is no news to the next resident.
class TestApplyReceipts : public ApplyJourneyKiosk
{
    Q_OBJECT

private slots:
    void init() { startKiosk(); }
    void cleanup() { stopKiosk(); }

    void aReceiptThatFailsAfterFilingIsReprintedOnScreenAndLaterFromTheOutbox()
    {
        // The printer accepts the receipt and then fails it (a jam).
        fileWhileTheReceiptFails(&PrinterSimulator::failNextJob);
        if (QTest::currentTestFailed())
            return;
        const QString caseNo = m_shell->caseNumber();
        const QString localRef = m_shell->localReference();
        QVERIFY(!caseNo.isEmpty() && !localRef.isEmpty());
        UiProbe::screenshot(m_window, QStringLiteral("result-receipt-failed-zh"));

        const qsizetype spooledBefore = receiptPrinter()->printedFiles().size();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reprintButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        QCOMPARE(receiptPrinter()->printedFiles().size(), spooledBefore + 1);
        const QString reprinted = lastReceiptText();
        QVERIFY2(reprinted.contains(caseNo), qPrintable(reprinted));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QVERIFY(tapWhenShown(QStringLiteral("skipRating")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(m_shell->caseNumber().isEmpty());

        // The resident has gone; staff print the receipt again from the outbox tombstone, on the
        // same printer, with the kiosk running.
        QProcess kioskctl;
        kioskctl.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("--config"), m_config, QStringLiteral("print"), QStringLiteral("receipt"),
                                                           QStringLiteral("--local-ref"), localRef, QStringLiteral("--printer"), receiptPrinter()->uri()});
        QVERIFY(kioskctl.waitForFinished(120000));
        const QString said = QString::fromUtf8(kioskctl.readAllStandardOutput() + kioskctl.readAllStandardError());
        QVERIFY2(kioskctl.exitCode() == 0 && said.contains(QStringLiteral("completed")), qPrintable(said));
        QCOMPARE(receiptPrinter()->printedFiles().size(), spooledBefore + 2);
        const QString fromTombstone = lastReceiptText();
        QVERIFY2(fromTombstone.contains(caseNo), qPrintable(fromTombstone));
        QVERIFY(fromTombstone.contains(localRef));
        verifyNothingOfTheResidentIsStored();
    }

    void aReceiptPrinterOutOfPaperMidJobTellsTheResidentAndPrintsOnceRefilled()
    {
        // The paper runs out on the receipt: the resident is told at once (not after the job
        // timeout) and keeps the case number on screen; the case is safe at the platform.
        fileWhileTheReceiptFails(&PrinterSimulator::runOutOfPaperDuringNextJob);
        if (QTest::currentTestFailed())
            return;
        const QString caseNo = m_shell->caseNumber();
        QVERIFY2(m_shell->receiptProblem().startsWith(QStringLiteral("media-empty")), qPrintable(m_shell->receiptProblem()));
        QCOMPARE(m_runtime->session()->state(), SessionState::Result);
        QTRY_VERIFY_WITH_TIMEOUT(!m_shell->receiptPrinterUsable(), 30000);
        const QJsonArray cases = m_enrolled->platform()->inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray();
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("case_no")).toString(), caseNo);
        UiProbe::screenshot(m_window, QStringLiteral("result-receipt-out-of-paper-zh"));

        // Staff load paper while the resident is still there: the held receipt comes out.
        receiptPrinter()->loadPaper();
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->receiptPrinterUsable(), 30000);
        const QString receipt = lastReceiptText();
        QVERIFY2(receipt.contains(caseNo), qPrintable(receipt));
    }

    // The resident leaves while their receipt waits for paper; staff refill later. The receipt
    // comes out, but the next resident's session hears nothing of it.
    void aReceiptHeldForPaperThatComesOutAfterTheResidentLeftIsNoNewsToTheNext()
    {
        fileWhileTheReceiptFails(&PrinterSimulator::runOutOfPaperDuringNextJob);
        if (QTest::currentTestFailed())
            return;
        Printer *printer = m_runtime->devices()->printer(QStringLiteral("receipt_printer"));
        const QList<PrintJob *> held = printer->findChildren<PrintJob *>();
        QCOMPARE(held.size(), 1);
        QSignalSpy done(held.first(), &PrintJob::finished);

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QVERIFY(tapWhenShown(QStringLiteral("skipRating")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QCOMPARE(m_shell->receiptState(), KioskShell::ReceiptState::None);

        receiptPrinter()->loadPaper();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QCOMPARE(done.first().first().value<PrintJobState>(), PrintJobState::Completed);
        QCOMPARE(m_shell->receiptState(), KioskShell::ReceiptState::None);
        QCOMPARE(m_shell->receiptProblem(), QString());
    }
};

QTEST_MAIN(TestApplyReceipts)
#include "test_applyreceipts.moc"
