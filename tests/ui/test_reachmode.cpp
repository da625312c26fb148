#include "residentwalk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <memory>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// Reach mode (低位模式) on the tall 1080 x 1920 kiosk, the one display with a part out of a seated
// resident's reach: tapped on from the bottom of the screen, it keeps every enabled control of
// every screen below the reach line (the upper 40 % of the panel, ScreenChecks::reachLine), and
// the screens it lays out stay as readable and as easy to hit as the walk requires of any other
// (test_accessibility).
class TestReachMode : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ResidentWalk> m_walk;

private slots:
    void init()
    {
        m_walk = std::make_unique<ResidentWalk>();
        m_walk->start(QSize(1080, 1920));
    }

    void cleanup()
    {
        if (QTest::currentTestFailed() && m_walk->checking())
            m_walk->checks().warnProblems("reach mode (before the failed step):");
        m_walk.reset();
    }

    void everyControlOfEveryScreenLiesInTheLowerPartOfATallPanel()
    {
        m_walk->setVariant(QStringLiteral("reach"));
        m_walk->everyScreen();
        if (QTest::currentTestFailed())
            return;
        const ScreenChecks &checks = m_walk->checks();
        qInfo("reach: %lld screens, %d targets measured against the reach line", qlonglong(checks.screensSeen().size()), checks.targetsInReachChecked());
        QVERIFY(checks.screensSeen().size() > 30);
        QVERIFY(checks.targetsInReachChecked() > 50);
        checks.warnProblems("reach mode:");
        QVERIFY2(checks.problems().isEmpty(), qPrintable(QStringLiteral("\n") + checks.problems().join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestReachMode)
#include "test_reachmode.moc"
