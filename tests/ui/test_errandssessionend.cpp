#include "errandskiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// How an errand's session ends through the real QML: the card and the receipt asked for on screen
// and aloud, after the idle countdown too, and a platform gone away named as the cause rather than a
// failed identity.
class TestErrandsSessionEnd : public ErrandsKiosk
{
    Q_OBJECT

private slots:
    void init() { startKiosk(); }
    void cleanup() { stopKiosk(); }

    void aSessionThatReadACardEndsAskingForTheCardAndTheReceipt()
    {
        QStringList heard;
        VoicePrompts voice(m_shell, std::make_unique<RecordingPlayer>(&heard), 1.0);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("finishButton")));

        // The session is wiped; the card is still on the reader and the resident is asked for it,
        // in large type, on screen and aloud.
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(!m_runtime->identity()->isIdentified());
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("farewellScreen")));
        const QStringList asked = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("farewellScreen")));
        QVERIFY2(asked.contains(QStringLiteral("请取走您的身份证和回执")), qPrintable(asked.join(QLatin1Char('|'))));
        QVERIFY2(asked.contains(QStringLiteral("Please take your ID card and receipt")), qPrintable(asked.join(QLatin1Char('|'))));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("farewellZh"))->property("font").value<QFont>().pixelSize() >= 60);
        QCOMPARE(heard.constLast(), QStringLiteral(":/voice/zh/take_card.wav"));
        UiProbe::screenshot(m_window, QStringLiteral("session-end-take-card-zh"));

        // The reader sees the card go: a short thank-you, then the attract screen alone.
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->farewell(), KioskShell::Farewell::ThankYou, 20000);
        QTRY_VERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("farewellScreen"))).contains(QStringLiteral("感谢使用，再见")));
        QCOMPARE(heard.constLast(), QStringLiteral(":/voice/zh/goodbye.wav"));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->farewell(), KioskShell::Farewell::None, 20000);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("farewellScreen")));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));

        // A resident in English and elder mode who leaves with 退出 is asked in their voice; a card
        // nobody lifts is asked for only a few seconds.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        m_shell->toggleElderMode();
        m_shell->endSession();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("farewellScreen")));
        QCOMPARE(heard.constLast(), QStringLiteral(":/voice/en/take_card-slow.wav"));
        UiProbe::screenshot(m_window, QStringLiteral("session-end-take-card-en"));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->farewell(), KioskShell::Farewell::ThankYou, 20000);
        QCOMPARE(heard.constLast(), QStringLiteral(":/voice/en/goodbye-slow.wav"));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->farewell(), KioskShell::Farewell::None, 20000);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
    }

    void aSessionEndedByTheIdleCountdownAlsoAsksForTheCard()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        m_runtime->session()->showCountdownNow();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("idleCountdown")));
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->session()->state(), SessionState::Attract, 60000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("farewellScreen")));
        // The next resident need not wait: a touch starts their session.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("farewellScreen")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QCOMPARE(m_shell->farewell(), KioskShell::Farewell::None);
    }

    void aPlatformAwayIsNamedAsTheCauseNotAFailedIdentity()
    {
        // The platform goes away as the resident asks for their progress: the card check cannot
        // be made, and the screen says the platform is away, not that their identity failed.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        m_enrolled->platform()->kill();
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("verifyScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(Services()->verifyStage(), ServiceDesk::VerifyStage::Failed, 30000);
        QCOMPARE(Services()->verifyProblem(), QStringLiteral("platform_offline"));
        const QString title = UiProbe::find(m_window, QStringLiteral("verifyTitle"))->property("text").toString();
        QCOMPARE(title, QStringLiteral("暂时连不上政务服务平台"));
        QVERIFY(!UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("verifyScreen"))).contains(QStringLiteral("身份核验未通过")));
        UiProbe::screenshot(m_window, QStringLiteral("verify-platform-away-zh"));
        m_shell->endSession();

        // Once the kiosk knows, the home screen says so once, and which services wait for it.
        m_runtime->heartbeat()->beatNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->platform()->connectivity(), PlatformClient::Connectivity::Offline, 30000);
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("platformAwayNotice")));
        const QString notice = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("platformAwayNotice"))).join(QString());
        QVERIFY2(notice.contains(QStringLiteral("政务服务平台暂时连不上")) && notice.contains(QStringLiteral("办件查询")), qPrintable(notice));
        UiProbe::screenshot(m_window, QStringLiteral("home-platform-away-zh"));
    }
};

QTEST_MAIN(TestErrandsSessionEnd)
#include "test_errandssessionend.moc"
