#include "retrypolicy.h"

#include <QTest>

using namespace std::chrono_literals;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void ceilingDoublesUpToTheCap_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<qint64>("ceilingMs");
        QTest::newRow("first failure") << 0 << qint64(2000);
        QTest::newRow("second failure") << 1 << qint64(4000);
        QTest::newRow("fifth failure") << 4 << qint64(32000);
        QTest::newRow("just below the cap") << 8 << qint64(512000);
        QTest::newRow("at the cap") << 9 << qint64(900000);
        QTest::newRow("far past the cap") << 200 << qint64(900000);
    }
    void ceilingDoublesUpToTheCap()
    {
        QFETCH(int, step);
        QFETCH(qint64, ceilingMs);
        QCOMPARE(RetryPolicy{}.ceiling(step).count(), ceilingMs);
    }

    void delayStaysWithinZeroAndTheCeiling_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<double>("random");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("no wait when the draw is zero") << 3 << 0.0 << qint64(0);
        QTest::newRow("half the ceiling") << 3 << 0.5 << qint64(8000);
        QTest::newRow("just below the ceiling") << 3 << 0.999 << qint64(15984);
        QTest::newRow("capped") << 30 << 0.5 << qint64(450000);
        QTest::newRow("a draw out of range is clamped") << 0 << 7.0 << qint64(2000);
    }
    void delayStaysWithinZeroAndTheCeiling()
    {
        QFETCH(int, step);
        QFETCH(double, random);
        QFETCH(qint64, expectedMs);
        const RetryPolicy policy;
        const auto delay = policy.delay(step, random);
        QCOMPARE(delay.count(), expectedMs);
        QVERIFY(delay >= 0ms);
        QVERIFY(delay <= policy.ceiling(step));
    }

    void retryAfterIsAFloor_data()
    {
        QTest::addColumn<int>("step");
        QTest::addColumn<double>("random");
        QTest::addColumn<qint64>("retryAfterS");
        QTest::addColumn<qint64>("expectedMs");
        QTest::newRow("longer than the jitter") << 0 << 0.5 << qint64(30) << qint64(30000);
        QTest::newRow("shorter than the jitter") << 8 << 1.0 << qint64(1) << qint64(512000);
        QTest::newRow("zero") << 0 << 0.0 << qint64(0) << qint64(0);
        QTest::newRow("past the cap is still honoured") << 0 << 0.0 << qint64(1800) << qint64(1800000);
        QTest::newRow("absurd values are bounded") << 0 << 0.0 << qint64(86400 * 30) << qint64(3600000);
    }
    void retryAfterIsAFloor()
    {
        QFETCH(int, step);
        QFETCH(double, random);
        QFETCH(qint64, retryAfterS);
        QFETCH(qint64, expectedMs);
        QCOMPARE(RetryPolicy{}.delay(step, random, std::chrono::seconds(retryAfterS)).count(), expectedMs);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "test_retrypolicy.moc"
