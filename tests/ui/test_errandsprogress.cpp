#include "errandskiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// A case's progress through the real QML: by card, by the receipt's QR code on the scanner, and by
// a case number typed or a receipt shown on the home screen.
class TestErrandsProgress : public ErrandsKiosk
{
    Q_OBJECT

private slots:
    void init() { startKiosk(); }
    void cleanup() { stopKiosk(); }

    void progressIsShownByCardAndByTheReceiptsQrCode()
    {
        QString caseNo;
        printCertificate(&caseNo);
        QVERIFY(!caseNo.isEmpty());
        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);

        // By card: the resident's cases, newest first, with their status.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("receiptCodeHint")));
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("progressScreen")))
                                     .join(QLatin1Char('|')).contains(caseNo), 30000);
        QVERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("progressScreen"))).contains(QStringLiteral("已办结")));
        UiProbe::screenshot(m_window, QStringLiteral("progress-card-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);

        // By the receipt's QR code on the scanner, without a card: what the receipt's code carries.
        // The catalogue's own progress item leads to the same errand.
        m_shell->start();
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0014-01")));
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        ScannerSimulatorHost *scanner = m_runtime->devices()->scannerSimulator();
        QVERIFY(scanner);
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        // A code that is not a receipt's is refused with a reason.
        QVERIFY(scanner->execute(QStringLiteral("scan https://example.com/not-a-receipt")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->cardProblem(), QStringLiteral("code_not_a_receipt"), 20000);
        QVERIFY(scanner->execute(QStringLiteral("scan https://zwfw.example.gov.cn/case/") + caseNo).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("progressScreen")))
                                     .join(QLatin1Char('|')).contains(caseNo), 30000);
        UiProbe::screenshot(m_window, QStringLiteral("progress-receipt-zh"));
    }

    void aTypedCaseNumberOrAReceiptShownOnTheHomeScreenOpensItsProgress()
    {
        QString caseNo;
        printCertificate(&caseNo);
        QVERIFY(!caseNo.isEmpty());
        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);

        // The number typed on the keypad, without a card: a wrong one is said to be wrong.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        QVERIFY(tapWhenShown(QStringLiteral("typeCaseNumberButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        for (const QChar digit : QStringLiteral("123"))
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("key_") + digit));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
        QTRY_COMPARE(m_shell->cardProblem(), QStringLiteral("case_number_not_found"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("cardProblem")));
        QVERIFY(tapWhenShown(QStringLiteral("typeCaseNumberButton")));
        for (const QChar digit : caseNo)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("key_") + digit));
        QTRY_VERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("caseNumberEntry"))).contains(caseNo));
        UiProbe::screenshot(m_window, QStringLiteral("progress-typed-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("progressScreen")))
                                     .join(QLatin1Char('|')).contains(caseNo), 30000);
        QVERIFY(!m_shell->identified());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);

        // The receipt's QR code shown on the home screen opens its progress as well.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://zwfw.example.gov.cn/case/") + caseNo).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("progressScreen")))
                                     .join(QLatin1Char('|')).contains(caseNo), 30000);
        QVERIFY(!m_shell->identified());
    }
};

QTEST_MAIN(TestErrandsProgress)
#include "test_errandsprogress.moc"
