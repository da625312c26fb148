#include "applyjourneykiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// Materials of an application through the real QML and the document camera's simulator: a document
// photographed travels with the case, and each page taken shows as a thumbnail.
class TestApplyMaterials : public ApplyJourneyKiosk
{
    Q_OBJECT

private slots:
    void init() { startKiosk(); }
    void cleanup() { stopKiosk(); }

    void aResidentPhotographsADocumentAndItTravelsWithTheCase()
    {
        const QString pension = QStringLiteral("340100-000-ZZ-0002-01"); // household register page, contribution level
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(pension));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 20000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), m_phone));
        QVERIFY(tapWhenShown(QStringLiteral("option_contribution_level_500")));
        QTRY_VERIFY(m_kiosk->form()->complete());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));

        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("materialsScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 30000);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("materialsScreen"))).contains(QStringLiteral("已拍 1 页")), 30000);
        UiProbe::screenshot(m_window, QStringLiteral("materials-zh"));

        // The document camera stops mid-capture: the screen says so, the form and the page taken
        // are kept, and capturing goes on once the camera is back.
        QCOMPARE(m_shell->simulate(QStringLiteral("camera stall document_camera")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("cameraStopped")), 30000);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled());
        QVERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("materialsScreen"))).contains(QStringLiteral("已拍 1 页")));
        UiProbe::screenshot(m_window, QStringLiteral("materials-camera-stopped-zh"));
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("phone")), m_phone);
        QCOMPARE(m_runtime->draft()->pages(QStringLiteral("household_book")).size(), 1);
        QCOMPARE(m_runtime->session()->state(), SessionState::Materials);
        QCOMPARE(m_shell->simulate(QStringLiteral("camera resume document_camera")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview")), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 30000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("materialsScreen"))).contains(QStringLiteral("已拍 2 页")), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("materialsDoneButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 60000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);

        const QJsonArray cases = m_enrolled->platform()->inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray();
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("item_code")).toString(), pension);
        QCOMPARE(cases.first().toObject().value(QLatin1String("materials")).toInt(), 1);
        QCOMPARE(m_enrolled->platform()->inspect(QStringLiteral("materials")).value(QLatin1String("materials")).toArray().size(), 1);

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QVERIFY(tapWhenShown(QStringLiteral("skipRating")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(!m_runtime->draft()->isActive());
        QVERIFY(m_runtime->draft()->pages(QStringLiteral("household_book")).isEmpty());
        verifyNothingOfTheResidentIsStored();
    }

    void eachPageTakenShowsAsAThumbnailAndTheNextMaterialIsSelected()
    {
        const QString allowance = QStringLiteral("340100-000-ZZ-0008-01"); // birth certificate, bank card
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(allowance));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 20000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), m_phone));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("bank_account"), QStringLiteral("6222021234567890123")));
        QTRY_VERIFY(m_kiosk->form()->complete());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));

        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("materialsScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 30000);
        QCOMPARE(m_kiosk->form()->currentMaterial(), QStringLiteral("birth_certificate"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        // The page taken shows as a thumbnail, and the camera goes on to the next paper.
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("thumb_birth_certificate_0")), 30000);
        QTRY_COMPARE(m_kiosk->form()->currentMaterial(), QStringLiteral("bank_card"));
        // Image.Ready, with a picture drawn from the page in memory.
        QTRY_COMPARE(UiProbe::find(m_window, QStringLiteral("thumb_birth_certificate_0"))->property("status").toInt(), 1);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("thumb_birth_certificate_0"))->implicitWidth() > 0);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("addPage_birth_certificate")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("thumb_bank_card_0")), 30000);
        QCOMPARE(m_runtime->draft()->pages(QStringLiteral("bank_card")).size(), 1);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled());
        UiProbe::screenshot(m_window, QStringLiteral("materials-thumbnails-zh"));

        // A thumbnail opens large; "retake" replaces that page, and only that page.
        QSignalSpy taken(m_runtime->journey(), &ApplicationJourney::pageCaptured);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("thumb_birth_certificate_0")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("pageViewer")));
        QTRY_COMPARE(UiProbe::find(m_window, QStringLiteral("pageLarge"))->property("status").toInt(), 1);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("pageLarge"))->implicitWidth() > 0);
        UiProbe::screenshot(m_window, QStringLiteral("materials-page-large-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("retakePageButton")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("pageViewer")));
        QCOMPARE(m_kiosk->form()->currentMaterial(), QStringLiteral("birth_certificate"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_COMPARE_WITH_TIMEOUT(taken.size(), 1, 30000);
        // Replaced, not added: still one page of each.
        QCOMPARE(m_runtime->draft()->pages(QStringLiteral("birth_certificate")).size(), 1);
        QCOMPARE(m_runtime->draft()->pages(QStringLiteral("bank_card")).size(), 1);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("thumb_birth_certificate_0")));
        m_shell->endSession();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(m_runtime->draft()->pages(QStringLiteral("birth_certificate")).isEmpty());
    }
};

QTEST_MAIN(TestApplyMaterials)
#include "test_applymaterials.moc"
