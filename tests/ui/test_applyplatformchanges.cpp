#include "applyjourneykiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// The apply journey as the reference platform changes under it: its catalogue replacing the built-in
// one between residents, the terminal locked and unlocked through the heartbeat, a guide's start
// withdrawn the moment the platform goes away, and an application queued while it is away.
class TestApplyPlatformChanges : public ApplyJourneyKiosk
{
    Q_OBJECT

private slots:
    void init() { startKiosk(); }
    void cleanup() { stopKiosk(); }

    void thePlatformsCatalogueReplacesTheBuiltInOneBetweenResidents()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->catalogue().version(), m_platformCatalogueVersion, 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("audienceBusiness")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("audienceBusiness")));
        QTRY_VERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("homeScreen"))).contains(m_renamedItem));
    }

    void thePlatformLocksAndUnlocksTheTerminalThroughTheHeartbeat()
    {
        QVERIFY(m_runtime->heartbeat());
        // The test sets the period it waits on: beatNow() is not doubled while a beat is in
        // flight, so a command posted then comes with the next periodic beat, which would
        // otherwise be the contract's 60 s away.
        m_runtime->heartbeat()->setInterval(std::chrono::milliseconds(250));
        const QString terminal = m_enrolled->platform()->inspect(QStringLiteral("terminals")).value(QLatin1String("terminals")).toArray()
                                     .first().toObject().value(QLatin1String("terminal_id")).toString();
        QVERIFY(!terminal.isEmpty());
        QVERIFY(m_enrolled->platform()->post(QStringLiteral("commands"), {{QStringLiteral("name"), QStringLiteral("lock")}, {QStringLiteral("terminal_id"), terminal}})
                    .contains(QLatin1String("id")));
        m_runtime->heartbeat()->beatNow();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("outOfServiceScreen")), 30000);
        UiProbe::screenshot(m_window, QStringLiteral("out-of-service"));
        // A touch does not start a session while the terminal is locked.
        m_shell->start();
        QCOMPARE(m_runtime->session()->state(), SessionState::Attract);

        QVERIFY(m_enrolled->platform()->post(QStringLiteral("commands"), {{QStringLiteral("name"), QStringLiteral("unlock")}, {QStringLiteral("terminal_id"), terminal}})
                    .contains(QLatin1String("id")));
        m_runtime->heartbeat()->beatNow();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("attractScreen")), 30000);
    }

    void aGuideWithdrawsStartTheMomentThePlatformGoesAway()
    {
        const QString needsPlatform = QStringLiteral("340100-000-ZZ-0012-01"); // not offline_ok
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(needsPlatform));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("startButton")) && UiProbe::find(m_window, QStringLiteral("startButton"))->isEnabled(), 30000);
        // The platform goes away while the resident reads the guide: the next contact finds out,
        // and the open guide says so without being reopened.
        m_enrolled->platform()->kill();
        m_runtime->heartbeat()->beatNow();
        QTRY_VERIFY_WITH_TIMEOUT(!UiProbe::find(m_window, QStringLiteral("startButton"))->isEnabled(), 30000);
        QCOMPARE(m_shell->selectedItemUnavailable(), QStringLiteral("platform_offline"));
        UiProbe::screenshot(m_window, QStringLiteral("guide-platform-away-zh"));
    }

    void whileThePlatformIsAwayTheApplicationIsQueuedAndSentLater()
    {
        identifyAndFillTheForm();
        m_enrolled->platform()->kill();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 30000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Queued);
        const QString localRef = m_shell->localReference();
        QVERIFY(!localRef.isEmpty());
        QVERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("resultScreen"))).contains(localRef));
        UiProbe::screenshot(m_window, QStringLiteral("result-queued-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("skipRating")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("skipRating")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(!m_runtime->identity()->isIdentified());
        const auto entry = m_runtime->outbox()->find(localRef);
        QVERIFY(entry.ok() && entry.value().has_value());
    }
};

QTEST_MAIN(TestApplyPlatformChanges)
#include "test_applyplatformchanges.moc"
