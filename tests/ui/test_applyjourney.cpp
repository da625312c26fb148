#include "applyjourneykiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// A resident's whole apply journey through the real QML, the real card reader driver (against its
// simulator on a pty), the outbox and the reference platform: card → form → review → case number
// → rating → wipe, and leaving part-way.
class TestApplyJourney : public ApplyJourneyKiosk
{
    Q_OBJECT

private slots:
    void init() { startKiosk(); }
    void cleanup() { stopKiosk(); }

    void aResidentFilesAnApplicationRatesItAndLeavesNothingBehind()
    {
        identifyAndFillTheForm();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 30000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);
        const QString caseNo = m_shell->caseNumber();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{20}$")).match(caseNo).hasMatch(), qPrintable(caseNo));
        QVERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("resultScreen"))).contains(caseNo));
        UiProbe::screenshot(m_window, QStringLiteral("result-filed-zh"));

        const QJsonArray cases = m_enrolled->platform()->inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray();
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("case_no")).toString(), caseNo);
        QCOMPARE(cases.first().toObject().value(QLatin1String("item_code")).toString(), m_item);
        // The reference platform keeps the applicant masked; what it received was checked in full.
        QVERIFY(cases.first().toObject().value(QLatin1String("applicant")).toString().contains(
            PersonalData::maskIdNumber(SimCards::card(QStringLiteral("resident"))->idNumber)));

        // The receipt comes out of the (simulated, real IPP) receipt printer with the case number
        // and the applicant masked.
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        const QString spool = PrinterSimulator::defaultSpoolDirectory(m_enrolled->directory()->filePath(QStringLiteral("state")), QStringLiteral("receipt_printer"));
        const QStringList printed = QDir(spool).entryList({QStringLiteral("*.pdf")}, QDir::Files);
        QCOMPARE(printed.size(), 1);
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {QDir(spool).filePath(printed.first()), QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(30000));
        const QString receipt = QString::fromUtf8(pdftotext.readAllStandardOutput());
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        QVERIFY2(receipt.contains(caseNo), qPrintable(receipt));
        QVERIFY2(receipt.contains(PersonalData::maskIdNumber(card.idNumber)), qPrintable(receipt));
        QVERIFY(!receipt.contains(card.idNumber));
        QVERIFY(!receipt.contains(card.name));
        UiProbe::screenshot(m_window, QStringLiteral("result-printed-zh"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("score_2")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("tag_0")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("sendRating"))->isEnabled());
        UiProbe::screenshot(m_window, QStringLiteral("rating-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("tag_0")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("sendRating"))->isEnabled());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("sendRating")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));

        QTRY_COMPARE_WITH_TIMEOUT(m_enrolled->platform()->inspect(QStringLiteral("evaluations")).value(QLatin1String("evaluations")).toArray().size(), 1, 30000);
        const QJsonObject rating = m_enrolled->platform()->inspect(QStringLiteral("evaluations")).value(QLatin1String("evaluations")).toArray().first().toObject();
        QCOMPARE(rating.value(QLatin1String("case_no")).toString(), caseNo);
        QCOMPARE(rating.value(QLatin1String("score")).toVariant().toInt(), 2);
        QVERIFY2(rating.value(QLatin1String("tags")).toVariant().toString().contains(QLatin1String("too_many_steps")),
                 QJsonDocument(rating).toJson().constData());

        QVERIFY(!m_runtime->identity()->isIdentified());
        QVERIFY(!m_runtime->draft()->isActive());
        QVERIFY(m_kiosk->form()->fields().isEmpty());
        QVERIFY(m_shell->caseNumber().isEmpty());
        verifyNothingOfTheResidentIsStored();
    }

    void leavingWithWhatWasEnteredAsksFirstAndWithNothingEnteredLeavesAtOnce()
    {
        // The phone was typed: 退出 asks, and going on keeps everything.
        identifyAndFillTheForm();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("exitConfirmation")));
        QCOMPARE(m_runtime->session()->state(), SessionState::Review);
        QStringList shown = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("exitConfirmation")));
        QVERIFY2(shown.contains(QStringLiteral("继续办理")) && shown.contains(QStringLiteral("退出并清除")), qPrintable(shown.join(QLatin1Char('|'))));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("keepApplicationButton"))->height() >= 96);
        UiProbe::screenshot(m_window, QStringLiteral("exit-confirmation-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keepApplicationButton")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("exitConfirmation")));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("phone")), m_phone);

        // Asked again in English, the resident leaves and everything is cleared.
        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("exitConfirmation")));
        shown = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("exitConfirmation")));
        QVERIFY2(shown.contains(QStringLiteral("Continue")) && shown.contains(QStringLiteral("Leave and clear")), qPrintable(shown.join(QLatin1Char('|'))));
        UiProbe::screenshot(m_window, QStringLiteral("exit-confirmation-en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitAndClearButton")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(!m_runtime->draft()->holdsResidentInput());
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("exitConfirmation")));

        // Nothing typed yet, only the card's values: 退出 leaves at once.
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QTest::qWait(2000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(m_item));
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("exitConfirmation")));
    }
};

QTEST_MAIN(TestApplyJourney)
#include "test_applyjourney.moc"
