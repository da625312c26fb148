#include "common/eventwait.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace std::chrono_literals;

// The local event-loop wait of kioskctl and the benchmarks: it ends on a signal, on a condition
// or at its deadline, and events keep arriving while it waits.
class TestEventWait : public QObject
{
    Q_OBJECT

private slots:
    void aSignalEndsTheWaitBeforeTheDeadline()
    {
        QTimer source;
        source.setSingleShot(true);
        EventWait wait(5s);
        wait.endOn(&source, &QTimer::timeout);
        QElapsedTimer clock;
        clock.start();
        source.start(20);
        QVERIFY(wait.exec());
        QVERIFY(clock.elapsed() < 4000);
    }

    void theDeadlineEndsAWaitNoSignalEnds()
    {
        QObject silent;
        EventWait wait(50ms);
        wait.endOn(&silent, &QObject::objectNameChanged);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!wait.exec());
        QVERIFY(clock.elapsed() >= 45);
    }

    void aSignalEndsTheWaitOnlyOnceItsConditionHolds()
    {
        QTimer ticker;
        ticker.setInterval(5);
        int ticks = 0;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        EventWait wait(5s);
        wait.endOn(&ticker, &QTimer::timeout, [&ticks] { return ticks >= 3; });
        ticker.start();
        QVERIFY(wait.exec());
        QCOMPARE(ticks, 3);
    }

    void aHandlerOnTheContextReadsTheArgumentsAndEndsTheWait()
    {
        QObject sender;
        QString name;
        EventWait wait(5s);
        connect(&sender, &QObject::objectNameChanged, wait.context(), [&](const QString &newName) {
            name = newName;
            wait.end();
        });
        QTimer::singleShot(10, &sender, [&sender] { sender.setObjectName(QStringLiteral("answered")); });
        QVERIFY(wait.exec());
        QCOMPARE(name, QStringLiteral("answered"));
    }

    void endingBeforeExecMakesExecReturnAtOnce()
    {
        EventWait wait;
        wait.end();
        QVERIFY(wait.exec());
    }

    void untilReturnsOnceTheConditionHolds()
    {
        int polls = 0;
        bool flag = false;
        QTimer::singleShot(30, this, [&flag] { flag = true; });
        QVERIFY(EventWait::until([&] { ++polls; return flag; }, 5s, 5ms));
        QVERIFY(polls > 1);
    }

    void untilGivesUpAtTheTimeout()
    {
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!EventWait::until([] { return false; }, 60ms, 10ms));
        QVERIFY(clock.elapsed() >= 60);
    }

    void untilDoesNotRunTheLoopWhenTheConditionAlreadyHolds()
    {
        bool ran = false;
        QTimer::singleShot(0, this, [&ran] { ran = true; });
        QVERIFY(EventWait::until([] { return true; }, 1s));
        QVERIFY(!ran);
    }
};

QTEST_GUILESS_MAIN(TestEventWait)
#include "test_eventwait.moc"
