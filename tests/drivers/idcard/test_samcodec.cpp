#include "idcard/citizennumber.h"
#include "idcard/idcardholder.h"
#include "idcard/idcardtextblock.h"
#include "idcard/nation.h"
#include "idcard/samframe.h"
#include "idcard/samframeassembler.h"
#include "idcard/samstatus.h"

#include <QDebug>
#include <QTest>

// The SAM codec against the frames of reference/devices.md §1 and frames built by hand here.
class TestSamCodec : public QObject
{
    Q_OBJECT

private:
    static QByteArray hex(const char *text) { return QByteArray::fromHex(text); }

    // A text block written field by field in this test, independently of IdCardTextBlock::encode.
    static QByteArray block(const QList<std::pair<int, QString>> &fields)
    {
        QByteArray bytes(256, '\0');
        for (int i = 0; i < 256; i += 2)
            bytes[i] = ' ';
        for (const auto &[offset, text] : fields) {
            for (qsizetype i = 0; i < text.size(); ++i) {
                bytes[offset + 2 * i] = static_cast<char>(text.at(i).unicode() & 0xFF);
                bytes[offset + 2 * i + 1] = static_cast<char>(text.at(i).unicode() >> 8);
            }
        }
        return bytes;
    }

    static QList<SamFrameAssembler::Result> drain(SamFrameAssembler &assembler)
    {
        QList<SamFrameAssembler::Result> results;
        while (auto result = assembler.next())
            results.append(*result);
        return results;
    }

private slots:
    void formatsTheSamIdAsItsSixteenBytesInHexGroups()
    {
        QCOMPARE(SamFrame::formatSamId(hex("05000000340100000000000012345678")),
                 QStringLiteral("0500-0000-3401-0000-0000-0000-1234-5678"));
        QVERIFY(SamFrame::formatSamId(hex("0500000034")).isEmpty());
        QVERIFY(SamFrame::formatSamId(QByteArray()).isEmpty());
    }

    void encodesEveryCommand_data()
    {
        QTest::addColumn<int>("command");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("frame");
        using C = SamFrame::Command;
        QTest::newRow("find card") << int(C::FindCard) << QByteArray() << hex("AAAAAA9669000320 0122");
        QTest::newRow("select card") << int(C::SelectCard) << QByteArray() << hex("AAAAAA966900032002 21");
        QTest::newRow("read text+photo") << int(C::ReadText) << QByteArray() << hex("AAAAAA966900033001 32");
        QTest::newRow("reset SAM") << int(C::ResetSam) << QByteArray() << hex("AAAAAA96690003 10FF EC");
        QTest::newRow("SAM status") << int(C::SamStatus) << QByteArray() << hex("AAAAAA96690003 11FF ED");
        QTest::newRow("read SAM id") << int(C::ReadSamId) << QByteArray() << hex("AAAAAA96690003 12FF EE");
        QTest::newRow("read with fingerprint") << int(C::ReadTextAndFingerprint) << QByteArray() << hex("AAAAAA96690003 3010 23");
        QTest::newRow("read appended address") << int(C::ReadAppendedAddress) << QByteArray() << hex("AAAAAA96690003 3003 30");
        QTest::newRow("set max RF frame bytes") << int(C::SetMaxRfFrameBytes) << hex("50") << hex("AAAAAA96690004 61FF 50 CA");
    }

    void encodesEveryCommand()
    {
        QFETCH(int, command);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, frame);
        QCOMPARE(SamFrame::encodeCommand(static_cast<SamFrame::Command>(command), data).toHex(' '), frame.toHex(' '));
    }

    void encodesTheReferenceReplies()
    {
        QCOMPARE(SamFrame::encodeResponse(0x90), hex("AAAAAA9669000400009094"));
        QCOMPARE(SamFrame::encodeResponse(0x80), hex("AAAAAA9669000400008084"));
    }

    void parsesAStatusReply()
    {
        SamFrameAssembler assembler;
        assembler.feed(hex("AAAAAA9669000400009094"));
        const auto result = assembler.next();
        QVERIFY(result);
        QCOMPARE(result->error, SamFrameAssembler::Error::None);
        const auto response = SamFrame::parseResponse(result->body);
        QVERIFY(response);
        QCOMPARE(response->sw3, quint8(0x90));
        QVERIFY(response->data.isEmpty());
    }

    void assemblesAFrameSplitAtEveryByte_data()
    {
        QTest::addColumn<int>("split");
        const QByteArray frame = SamFrame::encodeResponse(0x9F, hex("00000000"));
        for (int split = 1; split < frame.size(); ++split)
            QTest::addRow("split after %d", split) << split;
    }

    void assemblesAFrameSplitAtEveryByte()
    {
        QFETCH(int, split);
        const QByteArray frame = SamFrame::encodeResponse(0x9F, hex("00000000"));
        SamFrameAssembler assembler;
        assembler.feed(frame.left(split));
        QVERIFY(!assembler.next());
        assembler.feed(frame.mid(split));
        const auto result = assembler.next();
        QVERIFY(result);
        QCOMPARE(result->error, SamFrameAssembler::Error::None);
        QCOMPARE(SamFrame::parseResponse(result->body)->sw3, quint8(0x9F));
    }

    void assemblesAFrameFedOneByteAtATime()
    {
        const QByteArray frame = SamFrame::encodeResponse(0x90, QByteArray(4 + 256 + 1024, 'x'));
        QCOMPARE(frame.size(), 1295);
        SamFrameAssembler assembler;
        QList<SamFrameAssembler::Result> results;
        for (char byte : frame) {
            assembler.feed(QByteArrayView(&byte, 1));
            results += drain(assembler);
        }
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().body.size(), 1295 - 8);
    }

    void resynchronisesAfterNoiseBeforeThePreamble_data()
    {
        QTest::addColumn<QByteArray>("noise");
        QTest::newRow("zeros") << QByteArray(17, '\0');
        QTest::newRow("partial preamble") << hex("AAAAAA96");
        QTest::newRow("preamble-like bytes") << hex("AAAAAAAAAA9600AA");
        QTest::newRow("line noise") << hex("FF00FE13375AA5");
    }

    void resynchronisesAfterNoiseBeforeThePreamble()
    {
        QFETCH(QByteArray, noise);
        SamFrameAssembler assembler;
        assembler.feed(noise + SamFrame::encodeResponse(0x80));
        const auto results = drain(assembler);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.first().error, SamFrameAssembler::Error::None);
        QCOMPARE(results.first().skippedNoise, noise.size());
        QCOMPARE(SamFrame::parseResponse(results.first().body)->sw3, quint8(0x80));
    }

    void rejectsFrameWithBadChecksum()
    {
        QByteArray frame = SamFrame::encodeResponse(0x90);
        frame[frame.size() - 1] = static_cast<char>(frame.back() ^ 0x01);
        SamFrameAssembler assembler;
        assembler.feed(frame + SamFrame::encodeResponse(0x80));
        const auto results = drain(assembler);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).error, SamFrameAssembler::Error::BadChecksum);
        QCOMPARE(results.at(1).error, SamFrameAssembler::Error::None);
        QCOMPARE(SamFrame::parseResponse(results.at(1).body)->sw3, quint8(0x80));
    }

    void rejectsFrameWithBadLength_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("too short for a response") << hex("AAAAAA96690003");
        QTest::newRow("zero") << hex("AAAAAA96690000");
        QTest::newRow("longer than any reply") << hex("AAAAAA9669FFFF");
    }

    void rejectsFrameWithBadLength()
    {
        QFETCH(QByteArray, header);
        SamFrameAssembler assembler;
        assembler.feed(header + SamFrame::encodeResponse(0x90));
        const auto results = drain(assembler);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).error, SamFrameAssembler::Error::BadLength);
        QCOMPARE(results.at(1).error, SamFrameAssembler::Error::None);
    }

    void acceptsBareCommandsWhenAssemblingRequests()
    {
        SamFrameAssembler assembler(3);
        assembler.feed(hex("AAAAAA9669000320 0122 AAAAAA966900033001 32"));
        const auto results = drain(assembler);
        QCOMPARE(results.size(), 2);
        QCOMPARE(SamFrame::parseRequest(results.at(0).body)->code(), quint16(0x2001));
        QCOMPARE(SamFrame::parseRequest(results.at(1).body)->code(), quint16(0x3001));
    }

    void recognisesRepliesThatCannotAnswerTheCommand_data()
    {
        QTest::addColumn<int>("command");
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<bool>("plausible");
        using C = SamFrame::Command;
        QTest::newRow("find: card found") << int(C::FindCard) << SamFrame::encodeResponse(0x9F, QByteArray(4, 0)) << true;
        QTest::newRow("find: no card") << int(C::FindCard) << SamFrame::encodeResponse(0x80) << true;
        QTest::newRow("find: a select's success") << int(C::FindCard) << SamFrame::encodeResponse(0x90, QByteArray(8, 0)) << false;
        QTest::newRow("select: selected") << int(C::SelectCard) << SamFrame::encodeResponse(0x90, QByteArray(8, 0)) << true;
        QTest::newRow("select: failed") << int(C::SelectCard) << SamFrame::encodeResponse(0x81) << true;
        QTest::newRow("select: a find's card found") << int(C::SelectCard) << SamFrame::encodeResponse(0x9F, QByteArray(4, 0)) << false;
        QTest::newRow("select: a status reply") << int(C::SelectCard) << SamFrame::encodeResponse(0x90) << false;
        QTest::newRow("read: card data") << int(C::ReadText) << SamFrame::encodeResponse(0x90, QByteArray(1284, 0)) << true;
        QTest::newRow("read: read failed") << int(C::ReadText) << SamFrame::encodeResponse(0x41) << true;
        QTest::newRow("read: a select's success") << int(C::ReadText) << SamFrame::encodeResponse(0x90, QByteArray(8, 0)) << true;
        QTest::newRow("read: a find's card found") << int(C::ReadText) << SamFrame::encodeResponse(0x9F, QByteArray(4, 0)) << false;
        QTest::newRow("status: ok") << int(C::SamStatus) << SamFrame::encodeResponse(0x90) << true;
        QTest::newRow("status: self-test failed") << int(C::SamStatus) << SamFrame::encodeResponse(0x60) << true;
        QTest::newRow("status: card data") << int(C::SamStatus) << SamFrame::encodeResponse(0x90, QByteArray(1284, 0)) << false;
        QTest::newRow("SAM id") << int(C::ReadSamId) << SamFrame::encodeResponse(0x90, QByteArray(16, 0)) << true;
        QTest::newRow("SAM id: too short") << int(C::ReadSamId) << SamFrame::encodeResponse(0x90, QByteArray(8, 0)) << false;
    }

    void recognisesRepliesThatCannotAnswerTheCommand()
    {
        QFETCH(int, command);
        QFETCH(QByteArray, reply);
        QFETCH(bool, plausible);
        SamFrameAssembler assembler;
        assembler.feed(reply);
        const auto response = SamFrame::parseResponse(assembler.next()->body);
        QCOMPARE(SamFrame::isPlausibleReply(static_cast<SamFrame::Command>(command), *response), plausible);
    }

    void mapsEveryStatusByte_data()
    {
        QTest::addColumn<int>("sw3");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("hint");
        QTest::addColumn<bool>("samFault");
        using S = SamStatus::Code;
        using H = StaffHint;
        QTest::newRow("90") << 0x90 << int(S::Success) << int(H::None) << false;
        QTest::newRow("91") << 0x91 << int(S::NoContent) << int(H::None) << false;
        QTest::newRow("9F") << 0x9F << int(S::CardFound) << int(H::None) << false;
        QTest::newRow("10") << 0x10 << int(S::HostChecksumError) << int(H::Retry) << false;
        QTest::newRow("11") << 0x11 << int(S::HostLengthError) << int(H::Retry) << false;
        QTest::newRow("21") << 0x21 << int(S::BadCommand) << int(H::CallService) << false;
        QTest::newRow("23") << 0x23 << int(S::NotPermitted) << int(H::CallService) << false;
        QTest::newRow("24") << 0x24 << int(S::UnrecognisedError) << int(H::Reset) << true;
        QTest::newRow("31") << 0x31 << int(S::CardRejectedSam) << int(H::Reset) << true;
        QTest::newRow("32") << 0x32 << int(S::SamRejectedCard) << int(H::Retry) << false;
        QTest::newRow("33") << 0x33 << int(S::InformationCheckFailed) << int(H::Retry) << false;
        QTest::newRow("37") << 0x37 << int(S::FingerprintCheckFailed) << int(H::Retry) << false;
        QTest::newRow("3F") << 0x3F << int(S::InformationLengthError) << int(H::Retry) << false;
        QTest::newRow("40") << 0x40 << int(S::UnrecognisedCardType) << int(H::None) << false;
        QTest::newRow("41") << 0x41 << int(S::ReadFailed) << int(H::Retry) << false;
        QTest::newRow("47") << 0x47 << int(S::RandomNumberFailed) << int(H::Reset) << true;
        QTest::newRow("60") << 0x60 << int(S::SamSelfTestFailed) << int(H::CallService) << true;
        QTest::newRow("66") << 0x66 << int(S::SamNotAuthorised) << int(H::CallService) << true;
        QTest::newRow("80") << 0x80 << int(S::NoCard) << int(H::None) << false;
        QTest::newRow("81") << 0x81 << int(S::SelectFailed) << int(H::Retry) << false;
        QTest::newRow("unknown 55") << 0x55 << int(S::Unknown) << int(H::CallService) << false;
    }

    void mapsEveryStatusByte()
    {
        QFETCH(int, sw3);
        QFETCH(int, code);
        QFETCH(int, hint);
        QFETCH(bool, samFault);
        const SamStatus status = SamStatus::fromSw3(static_cast<quint8>(sw3));
        QCOMPARE(int(status.code), code);
        QCOMPARE(int(status.hint), hint);
        QCOMPARE(status.isSamFault(), samFault);
        QVERIFY(!status.messageZh.isEmpty());
        QVERIFY(!status.messageEn.isEmpty());
        QVERIFY(!status.detail.isEmpty());
        QVERIFY(status.messageZh != status.messageEn);
    }

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

    void printsHolderMaskedByDefault()
    {
        IdCardHolder holder;
        holder.name = QStringLiteral("李文静");
        holder.idNumber = QStringLiteral("340104198806122521");
        holder.address = QStringLiteral("安徽省合肥市蜀山区长江西路189号");
        QString printed;
        QDebug(&printed) << holder;
        QVERIFY(!printed.contains(QStringLiteral("340104198806122521")));
        QVERIFY(!printed.contains(QStringLiteral("文静")));
        QVERIFY(printed.contains(QStringLiteral("3401**********2521")));

        const QJsonObject masked = holder.toJson(false);
        QCOMPARE(masked.value(QLatin1String("id_number")).toString(), QStringLiteral("3401**********2521"));
        QVERIFY(!masked.value(QLatin1String("address")).toString().contains(QStringLiteral("189")));
        QCOMPARE(holder.toJson(true).value(QLatin1String("id_number")).toString(), QStringLiteral("340104198806122521"));
    }

    void wipesEveryPersonalField()
    {
        IdCardHolder holder = *IdCardTextBlock::parse(block({{0, QStringLiteral("李文静")}, {122, QStringLiteral("340104198806122521")}}));
        holder.photo = QByteArray(1024, 'p');
        holder.wipe();
        QVERIFY(holder.name.isEmpty());
        QVERIFY(holder.idNumber.isEmpty());
        QVERIFY(holder.photo.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSamCodec)
#include "test_samcodec.moc"
