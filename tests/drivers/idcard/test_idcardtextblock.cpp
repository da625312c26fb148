#include "handbuiltbytes.h"
#include "idcard/citizennumber.h"
#include "idcard/idcardholder.h"
#include "idcard/idcardtextblock.h"
#include "idcard/nation.h"
#include "idcard/samframe.h"
#include "idcard/samframeassembler.h"

#include <QTest>

using namespace HandBuilt;

// A card's read reply split into its text, photo and fingerprint, and the text block of every
// card type read field by field, against blocks built by hand.
class TestIdCardTextBlock : public QObject
{
    Q_OBJECT

private slots:
    void splitsAReadReplyOf1295Bytes()
    {
        const QByteArray text = block({{0, QStringLiteral("张三")}});
        const QByteArray photo(1024, 'p');
        const QByteArray frame = SamFrame::encodeResponse(0x90, IdCardTextBlock::encodeReadData({text, photo, {}}, false));
        QCOMPARE(frame.size(), 1295);
        QCOMPARE(frame.left(14), hex("AAAAAA9669 0508 000090 0100 0400"));
        QCOMPARE(frame.mid(14, 256), text);
        QCOMPARE(frame.mid(270, 1024), photo);

        SamFrameAssembler assembler;
        assembler.feed(frame);
        const auto response = SamFrame::parseResponse(assembler.next()->body);
        const auto card = IdCardTextBlock::parseReadData(response->data, false);
        QVERIFY(card);
        QCOMPARE(card->text, text);
        QCOMPARE(card->photo, photo);
        QVERIFY(card->fingerprint.isEmpty());
    }

    void splitsAReadReplyWithFingerprint_data()
    {
        QTest::addColumn<int>("fingerprintSize");
        QTest::newRow("card with fingerprints") << 1024;
        QTest::newRow("card without fingerprints") << 0;
    }

    void splitsAReadReplyWithFingerprint()
    {
        QFETCH(int, fingerprintSize);
        const IdCardTextBlock::CardData sent{QByteArray(256, 't'), QByteArray(1024, 'p'), QByteArray(fingerprintSize, 'f')};
        const QByteArray data = IdCardTextBlock::encodeReadData(sent, true);
        QCOMPARE(data.size(), 6 + 256 + 1024 + fingerprintSize);
        const auto card = IdCardTextBlock::parseReadData(data, true);
        QVERIFY(card);
        QCOMPARE(card->fingerprint, sent.fingerprint);
        QCOMPARE(card->photo, sent.photo);
    }

    void rejectsAReadReplyWhoseLengthsDisagree()
    {
        QByteArray data = IdCardTextBlock::encodeReadData({QByteArray(256, 't'), QByteArray(1024, 'p'), {}}, false);
        data.chop(1);
        QString error;
        QVERIFY(!IdCardTextBlock::parseReadData(data, false, &error));
        QVERIFY(error.contains(QStringLiteral("lengths")));
        QVERIFY(!IdCardTextBlock::parseReadData(QByteArray(3, '\0'), false, &error));
    }

    void readsResidentCard()
    {
        const QByteArray text = block({{0, QStringLiteral("李文静")}, {30, QStringLiteral("2")}, {32, QStringLiteral("01")},
                                       {36, QStringLiteral("19880612")}, {52, QStringLiteral("安徽省合肥市蜀山区长江西路189号")},
                                       {122, QStringLiteral("340104198806122521")}, {158, QStringLiteral("合肥市公安局蜀山分局")},
                                       {188, QStringLiteral("20160301")}, {204, QStringLiteral("20360301")}});
        const auto holder = IdCardTextBlock::parse(text);
        QVERIFY(holder);
        QCOMPARE(holder->type, IdCardHolder::CardType::Resident);
        QCOMPARE(holder->name, QStringLiteral("李文静"));
        QCOMPARE(holder->gender, IdCardHolder::Gender::Female);
        QCOMPARE(holder->nationCode, 1);
        QCOMPARE(holder->birthDate, QDate(1988, 6, 12));
        QCOMPARE(holder->address, QStringLiteral("安徽省合肥市蜀山区长江西路189号"));
        QCOMPARE(holder->idNumber, QStringLiteral("340104198806122521"));
        QCOMPARE(holder->issuer, QStringLiteral("合肥市公安局蜀山分局"));
        QCOMPARE(holder->validFrom, QDate(2016, 3, 1));
        QCOMPARE(holder->validUntil, QDate(2036, 3, 1));
        QVERIFY(!holder->validLongTerm);
        QVERIFY2(holder->problems().isEmpty(), qPrintable(holder->problems().join(QStringLiteral("; "))));
    }

    void readsLongTermValidity()
    {
        const QByteArray text = block({{122, QStringLiteral("340102195503081519")}, {36, QStringLiteral("19550308")},
                                       {32, QStringLiteral("03")}, {188, QStringLiteral("20120920")}, {204, QStringLiteral("长期")}});
        const auto holder = IdCardTextBlock::parse(text);
        QVERIFY(holder->validLongTerm);
        QVERIFY(!holder->validUntil.isValid());
        QCOMPARE(holder->toJson(false).value(QLatin1String("valid_until")).toString(), QStringLiteral("long_term"));
        QVERIFY(holder->problems().isEmpty());
    }

    void readsHongKongMacaoTaiwanResidencePermit()
    {
        const QByteArray text = block({{0, QStringLiteral("陈嘉欣")}, {30, QStringLiteral("2")}, {36, QStringLiteral("19900215")},
                                       {122, QStringLiteral("81000019900215302X")}, {188, QStringLiteral("20240701")},
                                       {204, QStringLiteral("20290701")}, {220, QStringLiteral("H12345678")},
                                       {238, QStringLiteral("02")}, {248, QStringLiteral("J")}});
        const auto holder = IdCardTextBlock::parse(text);
        QCOMPARE(holder->type, IdCardHolder::CardType::HkMoTwPermit);
        QCOMPARE(holder->passNumber, QStringLiteral("H12345678"));
        QCOMPARE(holder->issueCount, QStringLiteral("02"));
        QCOMPARE(holder->idNumber, QStringLiteral("81000019900215302X"));
        QCOMPARE(holder->toJson(true).value(QLatin1String("type")).toString(), QStringLiteral("hk_mo_tw_permit"));
    }

    void readsForeignPermanentResidentCard2017()
    {
        const QByteArray text = block({{0, QStringLiteral("SMITH, JOHN ANDREW")}, {120, QStringLiteral("1")},
                                       {122, QStringLiteral("USA340080011601")}, {152, QStringLiteral("USA")},
                                       {158, QStringLiteral("史密斯")}, {188, QStringLiteral("20190520")},
                                       {204, QStringLiteral("20290519")}, {220, QStringLiteral("19800116")},
                                       {236, QStringLiteral("01")}, {240, QStringLiteral("3400")}, {248, QStringLiteral("I")}});
        const auto holder = IdCardTextBlock::parse(text);
        QCOMPARE(holder->type, IdCardHolder::CardType::ForeignPermanent2017);
        QCOMPARE(holder->nameEn, QStringLiteral("SMITH, JOHN ANDREW"));
        QCOMPARE(holder->name, QStringLiteral("史密斯"));
        QCOMPARE(holder->gender, IdCardHolder::Gender::Male);
        QCOMPARE(holder->idNumber, QStringLiteral("USA340080011601"));
        QCOMPARE(holder->nationality, QStringLiteral("USA"));
        QCOMPARE(holder->birthDate, QDate(1980, 1, 16));
        QCOMPARE(holder->cardVersion, QStringLiteral("01"));
        QCOMPARE(holder->issuingOffice, QStringLiteral("3400"));
        QVERIFY(holder->problems().isEmpty());
    }

    void readsForeignPermanentResidentCard2023()
    {
        const QString english = QStringLiteral("WILLIAMS-BROWN, CHARLOTTE ELIZABETH VICTORIA");
        const QByteArray text = block({{0, QStringLiteral("威廉斯")}, {30, QStringLiteral("2")}, {32, QStringLiteral("00")},
                                       {36, QStringLiteral("19850315")}, {52, english.left(35)},
                                       {122, QStringLiteral("934826198503150015")}, {188, QStringLiteral("20231201")},
                                       {204, QStringLiteral("20331130")}, {220, english.mid(35)},
                                       {242, QStringLiteral("GBR")}, {248, QStringLiteral("Y")}});
        const auto holder = IdCardTextBlock::parse(text);
        QCOMPARE(holder->type, IdCardHolder::CardType::ForeignPermanent2023);
        QCOMPARE(holder->nameEn, english);
        QCOMPARE(holder->name, QStringLiteral("威廉斯"));
        QCOMPARE(holder->renewalCount, QStringLiteral("00"));
        QCOMPARE(holder->nationality, QStringLiteral("GBR"));
        QCOMPARE(holder->idNumber, QStringLiteral("934826198503150015"));
        QVERIFY(holder->problems().isEmpty());
    }

    void readsGender_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("gender");
        QTest::newRow("0 unknown") << QStringLiteral("0") << int(IdCardHolder::Gender::Unknown);
        QTest::newRow("1 male") << QStringLiteral("1") << int(IdCardHolder::Gender::Male);
        QTest::newRow("2 female") << QStringLiteral("2") << int(IdCardHolder::Gender::Female);
        QTest::newRow("9 unstated") << QStringLiteral("9") << int(IdCardHolder::Gender::Unstated);
    }

    void readsGender()
    {
        QFETCH(QString, code);
        QFETCH(int, gender);
        QCOMPARE(int(IdCardTextBlock::parse(block({{30, code}}))->gender), gender);
    }

    void namesEveryNation_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("zh");
        const char *names[] = {"汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白",
                               "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西",
                               "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
                               "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
                               "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺"};
        for (int code = 1; code <= 56; ++code)
            QTest::addRow("%02d", code) << code << QString::fromUtf8(names[code - 1]);
        QTest::newRow("97") << 97 << QStringLiteral("其他");
        QTest::newRow("98") << 98 << QStringLiteral("外国血统中国籍人士");
    }

    void namesEveryNation()
    {
        QFETCH(int, code);
        QFETCH(QString, zh);
        const auto holder = IdCardTextBlock::parse(block({{32, QStringLiteral("%1").arg(code, 2, 10, QLatin1Char('0'))}}));
        QCOMPARE(holder->nationCode, code);
        QCOMPARE(Nation::nameZh(holder->nationCode), zh);
        QVERIFY(!Nation::nameEn(code).isEmpty());
        QCOMPARE(holder->toJson(false).value(QLatin1String("nation")).toString(), zh);
    }

    void rejectsUnknownNationCodes()
    {
        QVERIFY(!Nation::isKnown(0));
        QVERIFY(!Nation::isKnown(57));
        QVERIFY(!Nation::isKnown(99));
        QVERIFY(!IdCardTextBlock::parse(block({{32, QStringLiteral("57")}}))->problems().isEmpty());
    }

    void rejectsATextBlockOfTheWrongSize()
    {
        QString error;
        QVERIFY(!IdCardTextBlock::parse(QByteArray(255, ' '), &error));
        QVERIFY(!error.isEmpty());
    }

    void checksCitizenNumbers_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("GB 11643 example with X") << QStringLiteral("11010519491231002X") << true;
        QTest::newRow("lower-case x") << QStringLiteral("11010519491231002x") << true;
        QTest::newRow("GB 11643 example with 4") << QStringLiteral("440524188001010014") << true;
        QTest::newRow("Hefei resident") << QStringLiteral("340104198806122521") << true;
        QTest::newRow("wrong check digit") << QStringLiteral("340104198806122522") << false;
        QTest::newRow("two digits swapped") << QStringLiteral("340104198860122521") << false;
        QTest::newRow("X where a digit belongs") << QStringLiteral("44052418800101001X") << false;
        QTest::newRow("17 characters") << QStringLiteral("34010419880612252") << false;
        QTest::newRow("letter in the body") << QStringLiteral("34010419880612A521") << false;
    }

    void checksCitizenNumbers()
    {
        QFETCH(QString, number);
        QFETCH(bool, valid);
        QCOMPARE(CitizenNumber::isValid(number), valid);
    }

    void roundTripsEveryCardType_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("resident") << int(IdCardHolder::CardType::Resident);
        QTest::newRow("permit") << int(IdCardHolder::CardType::HkMoTwPermit);
        QTest::newRow("2017") << int(IdCardHolder::CardType::ForeignPermanent2017);
        QTest::newRow("2023") << int(IdCardHolder::CardType::ForeignPermanent2023);
    }

    void roundTripsEveryCardType()
    {
        QFETCH(int, type);
        IdCardHolder holder;
        holder.type = static_cast<IdCardHolder::CardType>(type);
        holder.name = QStringLiteral("王小明");
        holder.gender = IdCardHolder::Gender::Male;
        holder.birthDate = QDate(2001, 12, 31);
        holder.validFrom = QDate(2020, 1, 2);
        holder.validUntil = QDate(2030, 1, 2);
        holder.idNumber = holder.type == IdCardHolder::CardType::ForeignPermanent2017 ? QStringLiteral("CAN340012311201")
                                                                                     : QStringLiteral("34010220011231001X");
        const QByteArray encoded = IdCardTextBlock::encode(holder);
        QCOMPARE(encoded.size(), 256);
        const auto parsed = IdCardTextBlock::parse(encoded);
        QCOMPARE(int(parsed->type), type);
        QCOMPARE(parsed->name, holder.name);
        QCOMPARE(parsed->idNumber, holder.idNumber);
        QCOMPARE(parsed->birthDate, holder.birthDate);
        QCOMPARE(parsed->validUntil, holder.validUntil);
    }
};

QTEST_GUILESS_MAIN(TestIdCardTextBlock)
#include "test_idcardtextblock.moc"
