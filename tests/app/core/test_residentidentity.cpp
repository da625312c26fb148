#include "residentidentity.h"

#include <QSignalSpy>
#include <QTest>

namespace {

IdCardHolder card(QDate from, QDate until, bool longTerm = false)
{
    IdCardHolder h;
    h.name = QStringLiteral("王小明");
    h.idNumber = QStringLiteral("34010419900101123X");
    h.address = QStringLiteral("安徽省合肥市蜀山区黄山路1号");
    h.validFrom = from;
    h.validUntil = until;
    h.validLongTerm = longTerm;
    return h;
}

const QDate Today(2026, 11, 23);

} // namespace

class TestResidentIdentity : public QObject
{
    Q_OBJECT

private slots:
    void acceptsACardValidToday()
    {
        ResidentIdentity identity;
        QCOMPARE(identity.acceptCard(card(QDate(2016, 5, 1), QDate(2036, 5, 1)), Today), ResidentIdentity::Refusal::None);
        QVERIFY(identity.isIdentified());
        QCOMPARE(identity.maskedName(), QStringLiteral("王**"));
        QCOMPARE(identity.maskedIdNumber(), QStringLiteral("3401**********123X"));
    }

    void acceptsALongTermCardWithoutAnEndDate()
    {
        ResidentIdentity identity;
        QCOMPARE(identity.acceptCard(card(QDate(2010, 1, 1), QDate(), true), Today), ResidentIdentity::Refusal::None);
    }

    void refusesCardsOutsideTheirValidity_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("until");
        QTest::addColumn<QString>("reason");
        QTest::newRow("expired yesterday") << QDate(2006, 11, 22) << QDate(2026, 11, 22) << "card_expired";
        QTest::newRow("valid from tomorrow") << QDate(2026, 11, 24) << QDate(2046, 11, 24) << "card_not_yet_valid";
        QTest::newRow("dates unreadable") << QDate() << QDate(2036, 1, 1) << "card_unreadable";
    }

    void refusesCardsOutsideTheirValidity()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, until);
        QFETCH(QString, reason);
        ResidentIdentity identity;
        const ResidentIdentity::Refusal refusal = identity.acceptCard(card(from, until), Today);
        QCOMPARE(ResidentIdentity::refusalName(refusal), reason);
        QVERIFY(!identity.isIdentified());
        QVERIFY(identity.maskedName().isEmpty());
    }

    void theLastDayOfValidityStillCounts()
    {
        ResidentIdentity identity;
        QCOMPARE(identity.acceptCard(card(QDate(2006, 11, 23), Today), Today), ResidentIdentity::Refusal::None);
    }

    void aRefusedCardReplacesNothingItShouldNot()
    {
        ResidentIdentity identity;
        QVERIFY(identity.acceptCard(card(QDate(2016, 5, 1), QDate(2036, 5, 1)), Today) == ResidentIdentity::Refusal::None);
        // A second, expired card does not leave the first resident identified in its place.
        QVERIFY(identity.acceptCard(card(QDate(2000, 1, 1), QDate(2020, 1, 1)), Today) == ResidentIdentity::Refusal::Expired);
        QVERIFY(!identity.isIdentified());
    }

    void labelsFollowTheDocumentTheResidentShowed_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("number");
        QTest::newRow("resident") << int(IdCardHolder::CardType::Resident) << "来自身份证" << "公民身份号码";
        QTest::newRow("permit") << int(IdCardHolder::CardType::HkMoTwPermit) << "来自居住证" << "证件号码";
        QTest::newRow("foreign 2017") << int(IdCardHolder::CardType::ForeignPermanent2017) << "来自永久居留身份证" << "永久居留身份证号码";
        QTest::newRow("foreign 2023") << int(IdCardHolder::CardType::ForeignPermanent2023) << "来自永久居留身份证" << "永久居留身份证号码";
    }

    void labelsFollowTheDocumentTheResidentShowed()
    {
        QFETCH(int, type);
        QFETCH(QString, source);
        QFETCH(QString, number);
        ResidentIdentity identity;
        QVERIFY(identity.documentSource().isEmpty());
        IdCardHolder holder = card(QDate(2016, 5, 1), QDate(2036, 5, 1));
        holder.type = static_cast<IdCardHolder::CardType>(type);
        QCOMPARE(identity.acceptCard(holder, Today), ResidentIdentity::Refusal::None);
        QCOMPARE(identity.documentSource().zh, source);
        QCOMPARE(identity.numberLabel().zh, number);
        QVERIFY(identity.prefilledNote().zh.startsWith(source));
        QVERIFY(!identity.documentSource().en.isEmpty());
    }

    void theWipeForgetsTheResident()
    {
        ResidentIdentity identity;
        QSignalSpy changed(&identity, &ResidentIdentity::changed);
        QVERIFY(identity.acceptCard(card(QDate(2016, 5, 1), QDate(2036, 5, 1)), Today) == ResidentIdentity::Refusal::None);
        identity.wipeSessionData();
        QVERIFY(!identity.isIdentified());
        QVERIFY(identity.holder() == nullptr);
        QVERIFY(identity.maskedIdNumber().isEmpty());
        QCOMPARE(changed.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestResidentIdentity)
#include "test_residentidentity.moc"
