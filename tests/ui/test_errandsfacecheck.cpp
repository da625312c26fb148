#include "errandskiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// The face check of an errand through the real QML and the face camera's simulator: consent first,
// the other ways shown to a resident who declines, a photo slid sideways never sent as a face, and
// the camera's advice spoken when it holds and again when not followed.
class TestErrandsFaceCheck : public ErrandsKiosk
{
    Q_OBJECT

private slots:
    void init() { startKiosk(); }
    void cleanup() { stopKiosk(); }

    void aFaceCheckAsksConsentFirstThenVerifiesALiveFace()
    {
        presentCardFor(m_faceItem);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("verifyScreen")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("consentPanel")));
        UiProbe::screenshot(m_window, QStringLiteral("verify-consent-zh"));
        // Nothing has been filmed or sent before the resident agrees.
        QCOMPARE(table(QStringLiteral("verifications")).size(), 0);

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("agreeButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("verifyPreview"))->property("live").toBool(), 30000);
        UiProbe::screenshot(m_window, QStringLiteral("verify-face-zh"));
        // The simulated resident turns their head; the live face goes to the platform once.
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("deliveryScreen")), 60000);
        const QJsonArray checks = table(QStringLiteral("verifications"));
        QCOMPARE(checks.size(), 1);
        const QJsonObject check = checks.first().toObject();
        QCOMPARE(check.value(QLatin1String("method")).toString(), QStringLiteral("idcard"));
        QCOMPARE(check.value(QLatin1String("face")).toInt(), 1);
        QVERIFY2(check.value(QLatin1String("face_bytes")).toInt() > 2000, "the face sent was no JPEG of a face");
        QCOMPARE(check.value(QLatin1String("verified")).toInt(), 1);

        QTRY_COMPARE_WITH_TIMEOUT(Services()->deliveryStage(), DocumentDelivery::Stage::Done, 60000);
        QCOMPARE(table(QStringLiteral("cases")).first().toObject().value(QLatin1String("item_code")).toString(), m_faceItem);
        QCOMPARE(m_runtime->verification()->verifiedBy(), QStringLiteral("idcard+face"));
        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(m_runtime->verification()->holderToken().isEmpty());
        verifyNothingOfTheResidentIsStored();
    }

    void aResidentWhoDeclinesTheFaceCheckIsShownTheOtherWays()
    {
        m_shell->setLanguage(QStringLiteral("en"));
        presentCardFor(m_faceItem);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("consentPanel")));
        UiProbe::screenshot(m_window, QStringLiteral("verify-consent-en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("declineButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("alternatives")));
        const QStringList shown = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("verifyScreen")));
        QVERIFY2(shown.join(QLatin1Char('|')).contains(QStringLiteral("counter")), qPrintable(shown.join(QLatin1Char('|'))));
        UiProbe::screenshot(m_window, QStringLiteral("verify-declined-en"));
        QCOMPARE(table(QStringLiteral("verifications")).size(), 0);
        QCOMPARE(table(QStringLiteral("cases")).size(), 0);
        // Changing one's mind is allowed: the check can still be started from here.
        QVERIFY(UiProbe::find(m_window, QStringLiteral("agreeButton")));
    }

    void aPhotoSlidSidewaysIsNotSentAsAFace()
    {
        auto *camera = qobject_cast<Camera *>(m_runtime->devices()->device(QStringLiteral("face_camera")));
        QVERIFY(camera);
        camera->showSimulatedFace(Camera::SimulatedFace::Photo);
        presentCardFor(m_faceItem);
        QVERIFY(tapWhenShown(QStringLiteral("agreeButton")));
        // The face is seen, and the resident is asked to turn; a photo slid sideways is no turn,
        // and nothing goes to the platform.
        QTRY_COMPARE_WITH_TIMEOUT(Services()->faceGuidance(), QStringLiteral("good"), 30000);
        QTest::qWait(6000);
        QCOMPARE(Services()->verifyStage(), ServiceDesk::VerifyStage::Face);
        QCOMPARE(table(QStringLiteral("verifications")).size(), 0);
        // The resident then moves: the same check completes.
        camera->showSimulatedFace(Camera::SimulatedFace::Live);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("deliveryScreen")), 60000);
    }

    void theCameraAdviceIsSpokenOnceItHoldsAndAgainIfNotFollowed()
    {
        QStringList heard;
        auto player = std::make_unique<RecordingPlayer>(&heard);
        RecordingPlayer *speaker = player.get();
        VoicePrompts voice(m_shell, std::move(player), 1.0);
        const auto timesHeard = [&heard](const QString &prompt) {
            return heard.count(VoicePrompts::recording(prompt, QStringLiteral("zh"), false));
        };
        auto *camera = qobject_cast<Camera *>(m_runtime->devices()->device(QStringLiteral("face_camera")));
        QVERIFY(camera);
        camera->showSimulatedFace(Camera::SimulatedFace::Absent);
        presentCardFor(m_faceItem);
        QVERIFY(tapWhenShown(QStringLiteral("agreeButton")));

        // Nobody before the camera: once the step's own prompt has played, the resident is asked to look at it.
        QTRY_COMPARE_WITH_TIMEOUT(Services()->faceGuidance(), QStringLiteral("no_face"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(heard.constLast(), QStringLiteral(":/voice/zh/verify.wav"), 30000);
        speaker->finishPlaying();
        QTRY_COMPARE_WITH_TIMEOUT(timesHeard(QStringLiteral("face_look")), 1, 30000);
        speaker->finishPlaying();

        // A photo held up is a face that does not turn: the resident is asked to turn, and asked
        // again a while later, but not over and over.
        camera->showSimulatedFace(Camera::SimulatedFace::Photo);
        QTRY_COMPARE_WITH_TIMEOUT(Services()->faceGuidance(), QStringLiteral("good"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(timesHeard(QStringLiteral("face_turn")), 1, 30000);
        speaker->finishPlaying();
        QTest::qWait(2000);
        QCOMPARE(timesHeard(QStringLiteral("face_turn")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(timesHeard(QStringLiteral("face_turn")), 2, 30000);
        QCOMPARE(timesHeard(QStringLiteral("face_look")), 1);

        // Once the live resident has turned and the check has gone to the platform, the camera's advice stops.
        camera->showSimulatedFace(Camera::SimulatedFace::Live);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("deliveryScreen")), 60000);
        speaker->finishPlaying();
        const qsizetype heardByThen = heard.size();
        QTest::qWait(10000);
        for (qsizetype i = heardByThen; i < heard.size(); ++i)
            QVERIFY2(!heard.at(i).contains(QLatin1String("/face_")), qPrintable(heard.at(i)));
        for (const QString &recording : std::as_const(heard))
            QVERIFY2(recording == QLatin1String("(stop)") || QFile::exists(recording), qPrintable(recording));
    }
};

QTEST_MAIN(TestErrandsFaceCheck)
#include "test_errandsfacecheck.moc"
