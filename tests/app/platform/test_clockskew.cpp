#include "clockskew.h"
#include "residentidentity.h"

#include <QTest>
#include <QTimeZone>

// The kiosk's clock against the platform's, as read from a reply's Date, and what a clock far
// off must not do: refuse a resident's card as not yet valid or expired.
class TestClockSkew : public QObject
{
    Q_OBJECT

private:
    static IdCardHolder cardValidFrom(QDate from)
    {
        IdCardHolder h;
        h.name = QStringLiteral("王小明");
        h.idNumber = QStringLiteral("34010419900101123X");
        h.validFrom = from;
        h.validUntil = from.addYears(20);
        return h;
    }

private slots:
    void readsTheOffsetFromADateHeaderOfWholeSeconds()
    {
        const QDateTime received(QDate(2026, 11, 23), QTime(5, 0, 0, 200), QTimeZone::utc());
        const ClockSkew skew = ClockSkew::fromDateHeader(QDateTime(QDate(2026, 11, 23), QTime(6, 0, 0), QTimeZone::utc()), received);
        QVERIFY(skew.isKnown());
        // The platform's second runs from 06:00:00 to 06:00:01; its middle is the reading.
        QCOMPARE(skew.offsetMs, 3600 * 1000 + 300);
        QVERIFY(skew.isFarOff());
        QCOMPARE(skew.seconds(), QStringLiteral("+3600 s"));
        QCOMPARE(skew.corrected(received), received.addMSecs(3600 * 1000 + 300));
    }

    void aFewSecondsApartIsNotFarOff_data()
    {
        QTest::addColumn<int>("platformAheadS");
        QTest::addColumn<bool>("farOff");
        QTest::newRow("in step") << 0 << false;
        QTest::newRow("four minutes behind") << -240 << false;
        QTest::newRow("five minutes ahead") << 299 << false;
        QTest::newRow("six minutes behind") << -360 << true;
        QTest::newRow("a day ahead") << 86400 << true;
    }

    void aFewSecondsApartIsNotFarOff()
    {
        QFETCH(int, platformAheadS);
        QFETCH(bool, farOff);
        const QDateTime received(QDate(2026, 11, 23), QTime(5, 0), QTimeZone::utc());
        const ClockSkew skew = ClockSkew::fromDateHeader(received.addSecs(platformAheadS), received);
        QCOMPARE(skew.isFarOff(), farOff);
        QCOMPARE(skew.heartbeatDevice().value(QLatin1String("health")).toString(),
                 farOff ? QStringLiteral("warning") : QStringLiteral("ok"));
    }

    void anUnmeasuredClockIsTakenAsItIs()
    {
        const ClockSkew never;
        QVERIFY(!never.isKnown());
        QVERIFY(!never.isFarOff());
        const QDateTime local = QDateTime::currentDateTime();
        QCOMPARE(never.corrected(local), local);
        QCOMPARE(never.heartbeatDevice().value(QLatin1String("health")).toString(), QStringLiteral("unknown"));
        QVERIFY(!ClockSkew::fromDateHeader(QDateTime(), local).isKnown());
    }

    void aCardValidTodayIsAcceptedByAKioskWhoseClockFellBackYears()
    {
        // The real day, as the platform's Date says it, and a kiosk whose clock lost its battery.
        const QDateTime platformNow(QDate(2026, 11, 23), QTime(9, 0), QTimeZone::utc());
        const QDateTime kioskNow(QDate(2000, 1, 1), QTime(0, 0), QTimeZone::utc());
        const IdCardHolder issuedLastMonth = cardValidFrom(QDate(2026, 10, 20));

        ResidentIdentity byLocalClock;
        QCOMPARE(byLocalClock.acceptCard(issuedLastMonth, kioskNow.date()), ResidentIdentity::Refusal::NotYetValid);

        const ClockSkew skew = ClockSkew::fromDateHeader(platformNow, kioskNow);
        QVERIFY(skew.isFarOff());
        ResidentIdentity byPlatformClock;
        QCOMPARE(byPlatformClock.acceptCard(issuedLastMonth, skew.corrected(kioskNow).date()), ResidentIdentity::Refusal::None);

        // And a clock run years ahead does not call a good card expired.
        const QDateTime aheadNow(QDate(2048, 6, 1), QTime(12, 0), QTimeZone::utc());
        ResidentIdentity ahead;
        QCOMPARE(ahead.acceptCard(issuedLastMonth, ClockSkew::fromDateHeader(platformNow, aheadNow).corrected(aheadNow).date()),
                 ResidentIdentity::Refusal::None);
    }
};

QTEST_GUILESS_MAIN(TestClockSkew)
#include "test_clockskew.moc"
