#include "errandskiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// Errands the platform answers at once (秒办) through the real QML: a certificate printed with its
// receipt and rated, and e-licences shown only to a resident the platform verified by face or by
// the app's code, one printed.
class TestErrandsPrinting : public ErrandsKiosk
{
    Q_OBJECT

private slots:
    void init() { startKiosk(); }
    void cleanup() { stopKiosk(); }

    void aCertificateIsIssuedAtOncePrintedWithItsReceiptAndRated()
    {
        QString caseNo;
        printCertificate(&caseNo);
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{20}$")).match(caseNo).hasMatch(), qPrintable(caseNo));
        QVERIFY(Services()->documentPrinted());
        UiProbe::screenshot(m_window, QStringLiteral("delivery-done-zh"));

        // The platform filed the case on a card check (no face for this item).
        const QJsonArray cases = table(QStringLiteral("cases"));
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("item_code")).toString(), m_certificateItem);
        QCOMPARE(cases.first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("approved"));
        const QJsonArray checks = table(QStringLiteral("verifications"));
        QCOMPARE(checks.size(), 1);
        QCOMPARE(checks.first().toObject().value(QLatin1String("face")).toInt(), 0);
        // The platform learns which SAM read the card (the simulator's, read with 12 FF).
        QCOMPARE(checks.first().toObject().value(QLatin1String("sam_id")).toString(), QStringLiteral("0500-0000-3401-0000-0000-0000-1234-5678"));

        // The certificate came out of the document printer, the receipt out of the receipt printer.
        QTRY_COMPARE_WITH_TIMEOUT(spooledTexts(QStringLiteral("document_printer")).size(), 1, 30000);
        const QString document = spooledTexts(QStringLiteral("document_printer")).first();
        QVERIFY2(document.contains(QStringLiteral("Certificate")) && document.contains(caseNo), qPrintable(document));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        const QString receipt = spooledTexts(QStringLiteral("receipt_printer")).value(0);
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        QVERIFY2(receipt.contains(caseNo), qPrintable(receipt));
        QVERIFY(!receipt.contains(card.idNumber));
        // Each job is named for its paper, never for the item or the resident (item 18).
        QCOMPARE(spooledNames(QStringLiteral("document_printer")), QStringList{QStringLiteral("kiosk-a4-certificate.pdf")});
        QCOMPARE(spooledNames(QStringLiteral("receipt_printer")), QStringList{QStringLiteral("kiosk-receipt.pdf")});

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QVERIFY(m_shell->rate(5, {}));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QTRY_COMPARE_WITH_TIMEOUT(table(QStringLiteral("evaluations")).size(), 1, 30000);
        QCOMPARE(table(QStringLiteral("evaluations")).first().toObject().value(QLatin1String("case_no")).toString(), caseNo);

        QVERIFY(!m_runtime->verification()->isVerified());
        QVERIFY(m_runtime->verification()->holderToken().isEmpty());
        QCOMPARE(m_runtime->delivery()->caseNumber(), QString());
        verifyNothingOfTheResidentIsStored();
    }

    void aCardAloneShowsNoLicencesButTheAppsCodeDoes()
    {
        // A card left on the reader, and the resident declines the face check: no licence is shown.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("licencesErrand")));
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("consentPanel")), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("declineButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("alternatives")));
        QTest::qWait(1000);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("licencesScreen")));
        QCOMPARE(m_runtime->records()->licences().size(), 0);
        QVERIFY(!m_runtime->errands()->printLicence(QStringLiteral("any")));
        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QTest::qWait(2000);

        // The app's code: the app verified its holder, so the licences are shown at once.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("licencesErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/demo-resident")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("licencesScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(Services()->licences().size(), 2, 30000);
    }

    void anELicenceIsListedAndPrinted()
    {
        m_shell->setLanguage(QStringLiteral("en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("licencesErrand")));
        presentCard();
        // The card alone does not show them: the resident agrees to a face check first, with the
        // other ways offered as for any item.
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("consentPanel")), 30000);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("licencesScreen")));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("declineButton")));
        QCOMPARE(table(QStringLiteral("verifications")).size(), 0);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("agreeButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("licencesScreen")), 60000);
        QCOMPARE(m_runtime->verification()->verifiedBy(), QStringLiteral("idcard+face"));
        QTRY_COMPARE_WITH_TIMEOUT(Services()->licences().size(), 2, 30000);
        const QVariantMap first = Services()->licences().first().toMap();
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("Household register"));
        UiProbe::screenshot(m_window, QStringLiteral("licences-en"));
        QVERIFY(tapWhenShown(QStringLiteral("printLicence-") + first.value(QStringLiteral("id")).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(Services()->deliveryStage(), DocumentDelivery::Stage::Done, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(spooledTexts(QStringLiteral("document_printer")).size(), 1, 30000);
        const QString document = spooledTexts(QStringLiteral("document_printer")).first();
        QVERIFY2(document.contains(QStringLiteral("Electronic licence")) && document.contains(first.value(QStringLiteral("id")).toString()),
                 qPrintable(document));
        // The job is named "kiosk-a4-licence", not after the licence (居民户口簿 became "_").
        QCOMPARE(spooledNames(QStringLiteral("document_printer")), QStringList{QStringLiteral("kiosk-a4-licence.pdf")});
        // Nothing was filed: printing one's own licence is no application.
        QCOMPARE(table(QStringLiteral("cases")).size(), 0);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QCOMPARE(m_runtime->records()->licences().size(), 0);
        verifyNothingOfTheResidentIsStored();
    }
};

QTEST_MAIN(TestErrandsPrinting)
#include "test_errandsprinting.moc"
