#include "staffidletimer.h"

#include <QKeyEvent>
#include <QSignalSpy>
#include <QTest>

// Maintenance left open by staff who walked away closes itself; any press or key keeps it open.
class TestStaffIdleTimer : public QObject
{
    Q_OBJECT

private:
    static void pressAKey()
    {
        QObject anywhere;
        QKeyEvent press(QEvent::KeyPress, Qt::Key_5, Qt::NoModifier, QStringLiteral("5"));
        QCoreApplication::sendEvent(&anywhere, &press);
    }

private slots:
    void itTimesOutOnlyOnceStarted()
    {
        StaffIdleTimer idle(100);
        QSignalSpy timedOut(&idle, &StaffIdleTimer::timedOut);
        QTest::qWait(250);
        QCOMPARE(timedOut.size(), 0);
        idle.start();
        QVERIFY(idle.isActive());
        QTRY_COMPARE(timedOut.size(), 1);
        QVERIFY(!idle.isActive());
    }

    void aKeyAnywhereRestartsTheWait()
    {
        StaffIdleTimer idle(400);
        QSignalSpy timedOut(&idle, &StaffIdleTimer::timedOut);
        idle.start();
        for (int i = 0; i < 5; ++i) {
            QTest::qWait(200);
            pressAKey();
        }
        QCOMPARE(timedOut.size(), 0);
        QTRY_COMPARE(timedOut.size(), 1);
    }

    void stoppedItNeverTimesOutAndKeysDoNotWakeIt()
    {
        StaffIdleTimer idle(100);
        QSignalSpy timedOut(&idle, &StaffIdleTimer::timedOut);
        idle.start();
        idle.stop();
        pressAKey();
        QTest::qWait(300);
        QCOMPARE(timedOut.size(), 0);
        QVERIFY(!idle.isActive());
    }
};

QTEST_MAIN(TestStaffIdleTimer)
#include "test_staffidletimer.moc"
