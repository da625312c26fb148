#include "maintenancepin.h"

#include <QTest>

class TestMaintenancePin : public QObject
{
    Q_OBJECT

private slots:
    void hashNamesSchemeIterationsSaltAndKey()
    {
        const QString stored = MaintenancePin::hash(QStringLiteral("482915"));
        const QStringList parts = stored.split(QLatin1Char('$'));
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts.at(0), QStringLiteral("pbkdf2-sha256"));
        QVERIFY(parts.at(1).toInt() >= 100000);
        QCOMPARE(QByteArray::fromBase64(parts.at(2).toLatin1()).size(), 16);
        QCOMPARE(QByteArray::fromBase64(parts.at(3).toLatin1()).size(), 32);
        QVERIFY(!stored.contains(QStringLiteral("482915")));
        QVERIFY(MaintenancePin::isWellFormed(stored));
    }

    void newHashesTakeOwaspsSixHundredThousandRounds()
    {
        const QString stored = MaintenancePin::hash(QStringLiteral("482915"));
        QCOMPARE(stored.split(QLatin1Char('$')).at(1), QStringLiteral("600000"));
        QVERIFY(!MaintenancePin::needsRehash(stored));
    }

    void anOlderHashWithFewerRoundsStillOpensButAsksToBeRehashed()
    {
        const QString old = MaintenancePin::hash(QStringLiteral("482915"), 100000);
        QCOMPARE(old.split(QLatin1Char('$')).at(1), QStringLiteral("100000"));
        QVERIFY(MaintenancePin::isWellFormed(old));
        QVERIFY(MaintenancePin::matches(QStringLiteral("482915"), old));
        QVERIFY(!MaintenancePin::matches(QStringLiteral("482916"), old));
        QVERIFY(MaintenancePin::needsRehash(old));
        QVERIFY(!MaintenancePin::needsRehash(QStringLiteral("482915")));
    }

    void samePinHashesDifferentlyEachTime()
    {
        QVERIFY(MaintenancePin::hash(QStringLiteral("482915")) != MaintenancePin::hash(QStringLiteral("482915")));
    }

    void acceptsTheRightPinAndRefusesAWrongOne()
    {
        const QString stored = MaintenancePin::hash(QStringLiteral("482915"));
        QVERIFY(MaintenancePin::matches(QStringLiteral("482915"), stored));
        QVERIFY(!MaintenancePin::matches(QStringLiteral("482916"), stored));
        QVERIFY(!MaintenancePin::matches(QStringLiteral("48291"), stored));
        QVERIFY(!MaintenancePin::matches(QString(), stored));
    }

    void refusesMalformedHash_data()
    {
        QTest::addColumn<QString>("stored");
        const QString good = MaintenancePin::hash(QStringLiteral("482915"));
        const QStringList parts = good.split(QLatin1Char('$'));
        QTest::newRow("empty") << QString();
        QTest::newRow("plain pin") << QStringLiteral("482915");
        QTest::newRow("other scheme") << QStringList{QStringLiteral("md5"), parts[1], parts[2], parts[3]}.join(QLatin1Char('$'));
        QTest::newRow("too few iterations") << QStringList{parts[0], QStringLiteral("1000"), parts[2], parts[3]}.join(QLatin1Char('$'));
        QTest::newRow("iterations not a number") << QStringList{parts[0], QStringLiteral("lots"), parts[2], parts[3]}.join(QLatin1Char('$'));
        QTest::newRow("salt not base64") << QStringList{parts[0], parts[1], QStringLiteral("!!!!"), parts[3]}.join(QLatin1Char('$'));
        QTest::newRow("short key") << QStringList{parts[0], parts[1], parts[2], QStringLiteral("AAAA")}.join(QLatin1Char('$'));
        QTest::newRow("missing part") << QStringList{parts[0], parts[1], parts[2]}.join(QLatin1Char('$'));
    }

    void refusesMalformedHash()
    {
        QFETCH(QString, stored);
        QVERIFY(!MaintenancePin::isWellFormed(stored));
        QVERIFY(!MaintenancePin::matches(QStringLiteral("482915"), stored));
    }

    void refusesWeakPins_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("reason");
        QTest::newRow("five digits") << QStringLiteral("48291") << QStringLiteral("too-short");
        QTest::newRow("empty") << QString() << QStringLiteral("too-short");
        QTest::newRow("letters") << QStringLiteral("48a915") << QStringLiteral("not-digits");
        QTest::newRow("all zeros") << QStringLiteral("000000") << QStringLiteral("repeated");
        QTest::newRow("all sevens, eight long") << QStringLiteral("77777777") << QStringLiteral("repeated");
        QTest::newRow("rising run") << QStringLiteral("123456") << QStringLiteral("sequence");
        QTest::newRow("falling run") << QStringLiteral("987654") << QStringLiteral("sequence");
        QTest::newRow("run through zero") << QStringLiteral("7890123") << QStringLiteral("sequence");
    }

    void refusesWeakPins()
    {
        QFETCH(QString, pin);
        QFETCH(QString, reason);
        QCOMPARE(MaintenancePin::weaknessOf(pin), reason);
        QVERIFY(!MaintenancePin::describeWeakness(reason).isEmpty());
    }

    void acceptsReasonablePins_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::newRow("six mixed") << QStringLiteral("482915");
        QTest::newRow("almost a run") << QStringLiteral("123457");
        QTest::newRow("almost repeated") << QStringLiteral("111112");
        QTest::newRow("ten digits") << QStringLiteral("5092837461");
    }

    void acceptsReasonablePins()
    {
        QFETCH(QString, pin);
        QCOMPARE(MaintenancePin::weaknessOf(pin), QString());
    }
};

QTEST_GUILESS_MAIN(TestMaintenancePin)
#include "test_maintenancepin.moc"
