#include "residentwalktest.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// Reach mode (低位模式) on the tall 1080 x 1920 kiosk, the one display with a part out of a seated
// resident's reach: tapped on from the bottom of the screen, it keeps every enabled control of
// every screen below the reach line (the upper 40 % of the panel, ScreenChecks::reachLine), and
// the screens it lays out stay as readable and as easy to hit as the walk requires of any other
// (test_accessibility).
class TestReachMode : public ResidentWalkTest
{
    Q_OBJECT

public:
    TestReachMode()
        : ResidentWalkTest(QSize(1080, 1920), "reach mode")
    {
    }

private slots:
    void everyControlOfEveryScreenLiesInTheLowerPartOfATallPanel()
    {
        walk().setVariant(QStringLiteral("reach"));
        walk().everyScreen();
        if (QTest::currentTestFailed())
            return;
        const ScreenChecks &checks = walk().checks();
        qInfo("reach: %lld screens, %d targets measured against the reach line", qlonglong(checks.screensSeen().size()), checks.targetsInReachChecked());
        QVERIFY(checks.screensSeen().size() > 30);
        QVERIFY(checks.targetsInReachChecked() > 50);
        verifyNoFindings();
    }
};

QTEST_MAIN(TestReachMode)
#include "test_reachmode.moc"
