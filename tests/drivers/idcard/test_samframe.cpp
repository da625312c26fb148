#include "handbuiltbytes.h"
#include "idcard/samframe.h"
#include "idcard/samframeassembler.h"
#include "idcard/samstatus.h"

#include <QTest>

using namespace HandBuilt;

// The SAM frames against reference/devices.md §1 and frames built by hand: commands and replies
// encoded, frames assembled from a byte stream however it is cut, and every status byte mapped.
class TestSamFrame : public QObject
{
    Q_OBJECT

private:
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
};

QTEST_GUILESS_MAIN(TestSamFrame)
#include "test_samframe.moc"
