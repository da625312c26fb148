#include "common/personaldata.h"

#include <QTest>

// What a log line, a diagnostics bundle or a staff screen may show of a person.
class TestPersonalData : public QObject
{
    Q_OBJECT

private slots:
    void masksIdNumbersToTheirEnds_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("masked");
        QTest::newRow("citizen") << "34010419900101123X" << "3401**********123X";
        QTest::newRow("foreign 2017") << "CHN340100170001" << "CHN3*******0001";
        QTest::newRow("surrounding spaces") << "  340104199001011234 " << "3401**********1234";
        QTest::newRow("too short to show anything") << "1234567" << "*******";
        QTest::newRow("empty") << "" << "";
    }

    void masksIdNumbersToTheirEnds()
    {
        QFETCH(QString, number);
        QFETCH(QString, masked);
        QCOMPARE(PersonalData::maskIdNumber(number), masked);
    }

    void masksNamesToTheirFirstCharacter_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("masked");
        QTest::newRow("two characters") << "张三" << "张*";
        QTest::newRow("three characters") << "欧阳娜" << "欧**";
        QTest::newRow("English keeps its spaces") << "John Smith" << "J*** *****";
        QTest::newRow("minority name with a dot") << "阿依古丽·买买提" << "阿*******";
        QTest::newRow("a character outside the BMP counts once") << QStringLiteral("𠀀明") << QStringLiteral("𠀀*");
    }

    void masksNamesToTheirFirstCharacter()
    {
        QFETCH(QString, name);
        QFETCH(QString, masked);
        QCOMPARE(PersonalData::maskName(name), masked);
    }

    void masksPhonesAndAddresses()
    {
        QCOMPARE(PersonalData::maskPhone(QStringLiteral("13912345678")), QStringLiteral("139******78"));
        QCOMPARE(PersonalData::maskAddress(QStringLiteral("安徽省合肥市蜀山区长江西路189号")), QStringLiteral("安徽省合肥市…"));
        QCOMPARE(PersonalData::maskAddress(QStringLiteral("合肥")), QStringLiteral("**"));
    }

    void aMaskNeverContainsTheMiddleOfTheValue()
    {
        const QString number = QStringLiteral("340104198806122521");
        const QString masked = PersonalData::maskIdNumber(number);
        QVERIFY(!masked.contains(number.mid(4, 10)));
        QCOMPARE(masked.size(), number.size());
    }
};

QTEST_GUILESS_MAIN(TestPersonalData)
#include "test_personaldata.moc"
