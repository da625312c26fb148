#include "errandskiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// The resident's app code (网证) instead of a card through the real QML: who it identifies and the
// form it fills, with a live face for an item that needs one, a card laid down while it is checked,
// and an item that needs the card saying so.
class TestErrandsAppCode : public ErrandsKiosk
{
    Q_OBJECT

private slots:
    void init() { startKiosk(); }
    void cleanup() { stopKiosk(); }

    void anAppCodeIdentifiesTheResidentAndFillsTheFormAsTheirCardWould()
    {
        const QString item = QStringLiteral("340100-000-ZZ-0010-01"); // apply, no face, phone only
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(item));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("appCodeHint")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);

        // An expired code on the scanner: refused by the platform, and the resident told what to do.
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/expired-demo")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->cardProblem(), QStringLiteral("code_qr_expired"), 30000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("cardProblem")));
        QVERIFY(!m_shell->identified());
        UiProbe::screenshot(m_window, QStringLiteral("identify-code-expired-zh"));

        // A fresh code held up to the camera: the platform says whose it is.
        auto *camera = qobject_cast<Camera *>(m_runtime->devices()->device(QStringLiteral("face_camera")));
        QVERIFY(camera);
        camera->showSimulatedCode(QStringLiteral("https://netid.example.gov.cn/v1/demo-resident"));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 30000);
        camera->showSimulatedCode(QString());
        QCOMPARE(m_shell->cardType(), QStringLiteral("netid"));
        QCOMPARE(m_shell->maskedName(), PersonalData::maskName(card.name));
        QCOMPARE(m_shell->maskedIdNumber(), PersonalData::maskIdNumber(card.idNumber));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifiedCard")));
        UiProbe::screenshot(m_window, QStringLiteral("identify-code-zh"));

        // The form is prefilled from what the platform said (零填报), as from a card.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("continueButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("formScreen")), 30000);
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("name")), card.name);
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("id_number")), card.idNumber);
        QVERIFY(m_runtime->draft()->isPrefilled(QStringLiteral("id_number")));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
        QTRY_VERIFY(m_kiosk->form()->complete());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));
        QVERIFY(tapWhenShown(QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 60000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);

        // One check at the platform, by code; the case filed for the code's holder.
        const QJsonArray checks = table(QStringLiteral("verifications"));
        QCOMPARE(checks.size(), 2);
        QCOMPARE(checks.at(0).toObject().value(QLatin1String("verified")).toInt(), 0);
        QCOMPARE(checks.at(1).toObject().value(QLatin1String("method")).toString(), QStringLiteral("netid_qr"));
        QCOMPARE(checks.at(1).toObject().value(QLatin1String("verified")).toInt(), 1);
        const QJsonArray cases = table(QStringLiteral("cases"));
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("item_code")).toString(), item);
        QVERIFY(cases.first().toObject().value(QLatin1String("applicant")).toString().contains(PersonalData::maskIdNumber(card.idNumber)));

        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(m_runtime->identity()->codePayload().isEmpty());
        QVERIFY(!m_runtime->verification()->codeHolder());
        QVERIFY(m_runtime->verification()->holderToken().isEmpty());
        verifyNothingOfTheResidentIsStored();
    }

    void anAppCodeAndALiveFaceServeAnItemThatNeedsAFace()
    {
        presentCodeFor(m_faceItem);
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QVERIFY(tapWhenShown(QStringLiteral("agreeButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("deliveryScreen")), 90000);
        QTRY_COMPARE_WITH_TIMEOUT(Services()->deliveryStage(), DocumentDelivery::Stage::Done, 60000);
        // The code, then the code with the face: the platform compared the face with the code's holder.
        const QJsonArray checks = table(QStringLiteral("verifications"));
        QCOMPARE(checks.size(), 2);
        for (const QJsonValue &check : checks) {
            QCOMPARE(check.toObject().value(QLatin1String("method")).toString(), QStringLiteral("netid_qr"));
            QCOMPARE(check.toObject().value(QLatin1String("verified")).toInt(), 1);
        }
        QCOMPARE(checks.at(1).toObject().value(QLatin1String("face")).toInt(), 1);
        QVERIFY(m_runtime->verification()->faceChecked());
        QCOMPARE(m_runtime->verification()->verifiedBy(), QStringLiteral("netid_qr"));
        QCOMPARE(table(QStringLiteral("cases")).first().toObject().value(QLatin1String("item_code")).toString(), m_faceItem);
        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        verifyNothingOfTheResidentIsStored();
    }

    void aCardLaidDownWhileACodeIsCheckedIsWhoTheResidentIs()
    {
        const IdCardHolder card = *SimCards::card(QStringLiteral("hk_mo_tw_permit"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0010-01")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        // A slow platform: the code's answer comes after the card.
        QVERIFY(!m_enrolled->platform()->post(QStringLiteral("faults"), {{QStringLiteral("latency_ms"), 4000}}).isEmpty());
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/demo-resident")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->codeBeingChecked(), 20000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("codeBeingChecked")));
        UiProbe::screenshot(m_window, QStringLiteral("identify-code-checking-zh"));
        QVERIFY(m_shell->simulate(QStringLiteral("card present hk_mo_tw_permit")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_shell->codeBeingChecked(), 30000);
        QTest::qWait(500);
        QCOMPARE(m_shell->cardType(), QStringLiteral("hk_mo_tw_permit"));
        QCOMPARE(m_shell->maskedIdNumber(), PersonalData::maskIdNumber(card.idNumber));
        QVERIFY(!m_runtime->verification()->isVerified());
        QVERIFY(m_runtime->verification()->holderToken().isEmpty());
    }

    void anItemThatNeedsTheCardSaysSoWhenShownACode()
    {
        m_shell->setLanguage(QStringLiteral("en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0012-01"))); // idcard only
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("appCodeHint")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/demo-resident")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->cardProblem(), QStringLiteral("code_not_for_item"), 30000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("cardProblem")));
        UiProbe::screenshot(m_window, QStringLiteral("identify-code-refused-en"));
        QVERIFY(!m_shell->identified());
        QCOMPARE(table(QStringLiteral("verifications")).size(), 0);
    }
};

QTEST_MAIN(TestErrandsAppCode)
#include "test_errandsappcode.moc"
