#include "typedidnumber.h"

#include <QTest>

Q_DECLARE_METATYPE(IdCardHolder::CardType)
Q_DECLARE_METATYPE(TypedIdNumber::Problem)

// A card number typed by staff or an agent is checked as its card type lays it out before it
// goes anywhere: the check character (ISO 7064 MOD 11-2) of the 18-character numbers, each
// type's own prefix, and the letters-and-digits shape of the 2017 foreign permanent card.
class TestTypedIdNumber : public QObject
{
    Q_OBJECT

private slots:
    void checksEachCardTypesNumber_data()
    {
        using CardType = IdCardHolder::CardType;
        using Problem = TypedIdNumber::Problem;
        QTest::addColumn<CardType>("type");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<Problem>("problem");
        QTest::newRow("resident") << CardType::Resident << "340104195001010019" << Problem::None;
        QTest::newRow("resident ending in x, typed small") << CardType::Resident << "11010519491231002x" << Problem::None;
        QTest::newRow("resident with spaces") << CardType::Resident << "340104 19500101 0019" << Problem::None;
        QTest::newRow("resident, check character wrong") << CardType::Resident << "340104195001010010" << Problem::CheckFailed;
        QTest::newRow("resident, one digit short") << CardType::Resident << "34010419500101001" << Problem::WrongLength;
        QTest::newRow("resident, a letter inside") << CardType::Resident << "3401041950010100A9" << Problem::WrongShape;
        QTest::newRow("resident, empty") << CardType::Resident << "" << Problem::Empty;
        QTest::newRow("a permit's number is no resident's") << CardType::Resident << "810000199001010019" << Problem::WrongShape;
        QTest::newRow("Hong Kong permit") << CardType::HkMoTwPermit << "810000199001010019" << Problem::None;
        QTest::newRow("Macao permit") << CardType::HkMoTwPermit << "820000199001010029" << Problem::None;
        QTest::newRow("Taiwan permit") << CardType::HkMoTwPermit << "830000199001010039" << Problem::None;
        QTest::newRow("permit, check character wrong") << CardType::HkMoTwPermit << "830000199001010030" << Problem::CheckFailed;
        QTest::newRow("permit with a resident's number") << CardType::HkMoTwPermit << "340104195001010019" << Problem::WrongShape;
        QTest::newRow("foreign 2023") << CardType::ForeignPermanent2023 << "933110199001010041" << Problem::None;
        QTest::newRow("foreign 2023, check character wrong") << CardType::ForeignPermanent2023 << "933110199001010042" << Problem::CheckFailed;
        QTest::newRow("foreign 2023 not starting with 9") << CardType::ForeignPermanent2023 << "340104195001010019" << Problem::WrongShape;
        QTest::newRow("foreign 2017") << CardType::ForeignPermanent2017 << "USA330000000001" << Problem::None;
        QTest::newRow("foreign 2017, small letters") << CardType::ForeignPermanent2017 << "usa330000000001" << Problem::None;
        QTest::newRow("foreign 2017, digits first") << CardType::ForeignPermanent2017 << "330000000001USA" << Problem::WrongShape;
        QTest::newRow("foreign 2017, too long") << CardType::ForeignPermanent2017 << "USA3300000000011" << Problem::WrongLength;
    }

    void checksEachCardTypesNumber()
    {
        QFETCH(IdCardHolder::CardType, type);
        QFETCH(QString, typed);
        QFETCH(TypedIdNumber::Problem, problem);
        QCOMPARE(TypedIdNumber::check(type, typed), problem);
    }

    void keepsTheNumberAsCardsPrintIt()
    {
        QCOMPARE(TypedIdNumber::normalised(QStringLiteral(" 11010519491231002x ")), QStringLiteral("11010519491231002X"));
        QCOMPARE(TypedIdNumber::problemName(TypedIdNumber::Problem::CheckFailed), QStringLiteral("check_failed"));
        QCOMPARE(TypedIdNumber::problemName(TypedIdNumber::Problem::None), QString());
    }
};

QTEST_GUILESS_MAIN(TestTypedIdNumber)
#include "test_typedidnumber.moc"
