#include "scanner/hidposreport.h"
#include "scanner/newlandcommand.h"
#include "scanner/scanpayload.h"
#include "scanner/wedgekeydecoder.h"

#include <QStringEncoder>
#include <QTest>

#include <linux/input-event-codes.h>

// The scanner's pure protocol code: payload decoding, HID-POS report assembly and keyboard-wedge
// key decoding, each against the byte sequences real scanners send (reference/devices.md §2).
class TestScannerProtocol : public QObject
{
    Q_OBJECT

private:
    static QByteArray gb18030(const QString &text)
    {
        QStringEncoder encoder("GB18030");
        return encoder.encode(text);
    }

    // Everything typed, line breaks included, as the driver would hand it over after a silence.
    static QByteArray decodeKeys(const QList<WedgeKeyDecoder::KeyEvent> &events)
    {
        WedgeKeyDecoder decoder;
        for (const WedgeKeyDecoder::KeyEvent &event : events)
            decoder.feed(WedgeKeyDecoder::EventKey, event.code, event.value);
        return decoder.finish().value_or(QByteArray());
    }

    static QList<WedgeKeyDecoder::KeyEvent> taps(const QList<int> &codes)
    {
        QList<WedgeKeyDecoder::KeyEvent> events;
        for (const int code : codes)
            events << WedgeKeyDecoder::KeyEvent{code, 1} << WedgeKeyDecoder::KeyEvent{code, 0};
        return events;
    }

private slots:
    void decodesPayloadAsUtf8ElseGb18030_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("encoding");
        const int utf8 = int(ScanPayload::Encoding::Utf8);
        const int gb = int(ScanPayload::Encoding::Gb18030);
        QTest::newRow("ascii with CR LF") << QByteArray("https://zwfw.example.cn/q?c=42\r\n") << QStringLiteral("https://zwfw.example.cn/q?c=42") << utf8;
        QTest::newRow("utf-8 chinese") << QStringLiteral("合肥市政务服务中心\r").toUtf8() << QStringLiteral("合肥市政务服务中心") << utf8;
        QTest::newRow("gb18030 chinese") << gb18030(QStringLiteral("受理编号：皖2026第001号")) + "\r\n"
                                         << QStringLiteral("受理编号：皖2026第001号") << gb;
        QTest::newRow("gb18030 four-byte character") << gb18030(QStringLiteral("𠀀号")) << QStringLiteral("𠀀号") << gb;
        QTest::newRow("leading CR kept out") << QByteArray("\r\nABC123\n") << QStringLiteral("ABC123") << utf8;
        QTest::newRow("inner line break kept") << QByteArray("line1\r\nline2\r\n") << QStringLiteral("line1\r\nline2") << utf8;
        QTest::newRow("only line ends") << QByteArray("\r\n\r\n") << QString() << utf8;
    }

    void decodesPayloadAsUtf8ElseGb18030()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(int, encoding);
        const ScanPayload::Text decoded = ScanPayload::decode(bytes);
        QCOMPARE(decoded.text, text);
        QCOMPARE(int(decoded.encoding), encoding);
    }

    void describesScanWithoutItsContent()
    {
        const QString secret = QStringLiteral("340104199001011234");
        const QString line = ScanPayload::describe(QStringLiteral("QRCode"), secret);
        QVERIFY(!line.contains(secret));
        QVERIFY(!line.contains(QStringLiteral("1990")));
        QVERIFY(line.contains(QStringLiteral("18")));
    }

    void assemblesHidPosReports_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("reports");
        QTest::newRow("short code, one report") << QByteArray("P1234567") << 1;
        QTest::newRow("55 bytes, one report") << QByteArray(55, 'a') << 1;
        QTest::newRow("57 bytes, two reports") << QByteArray(57, 'b') << 2;
        QTest::newRow("300 bytes, six reports") << QByteArray(300, 'c') << 6;
        QTest::newRow("chinese utf-8 across reports") << QStringLiteral("电子证照").repeated(8).toUtf8() << 2;
    }

    void assemblesHidPosReports()
    {
        QFETCH(QByteArray, payload);
        QFETCH(int, reports);
        const QList<QByteArray> encoded = HidPosReportAssembler::encode(payload, 'Q');
        QCOMPARE(encoded.size(), reports);
        HidPosReportAssembler assembler;
        HidPosReportAssembler::Scan scan;
        for (qsizetype i = 0; i < encoded.size(); ++i) {
            QCOMPARE(encoded.at(i).size(), HidPosReportAssembler::ReportSize);
            const auto verdict = assembler.feed(encoded.at(i), &scan);
            QCOMPARE(verdict, i + 1 < encoded.size() ? HidPosReportAssembler::Verdict::Incomplete : HidPosReportAssembler::Verdict::Complete);
        }
        QCOMPARE(scan.payload, payload);
        QCOMPARE(HidPosReportAssembler::symbologyName(scan.symbology), QStringLiteral("QRCode"));
        QVERIFY(!assembler.isPending());
    }

    void endsHidPosScanOfExactlyFullReportsOnSilence()
    {
        const QByteArray payload(112, 'x');
        HidPosReportAssembler assembler;
        HidPosReportAssembler::Scan scan;
        for (const QByteArray &report : HidPosReportAssembler::encode(payload, 'Q'))
            QCOMPARE(assembler.feed(report, &scan), HidPosReportAssembler::Verdict::Incomplete);
        QVERIFY(assembler.isPending());
        const std::optional<HidPosReportAssembler::Scan> finished = assembler.finish();
        QVERIFY(finished.has_value());
        QCOMPARE(finished->payload, payload);
        QVERIFY(!assembler.finish().has_value());
    }

    void rejectsHidPosReportClaimingMoreThanItCarries()
    {
        QByteArray report(64, '\0');
        report[0] = char(0x02);
        report[1] = char(57);
        HidPosReportAssembler assembler;
        HidPosReportAssembler::Scan scan;
        QCOMPARE(assembler.feed(report, &scan), HidPosReportAssembler::Verdict::Malformed);
        report = QByteArray(10, '\0');
        report[0] = char(0x02);
        report[1] = char(20);
        QCOMPARE(assembler.feed(report, &scan), HidPosReportAssembler::Verdict::Malformed);
        QVERIFY(!assembler.isPending());
    }

    void ignoresReportsWithAnotherId()
    {
        QByteArray report = HidPosReportAssembler::encode("abc", 'Q').first();
        report[0] = char(0x01);
        HidPosReportAssembler assembler;
        HidPosReportAssembler::Scan scan;
        QCOMPARE(assembler.feed(report, &scan), HidPosReportAssembler::Verdict::Ignored);
        QVERIFY(scan.payload.isEmpty());
    }

    void decodesWedgeKeysWithShiftAndEnter()
    {
        const QList<WedgeKeyDecoder::KeyEvent> events = {
            {KEY_LEFTSHIFT, 1}, {KEY_A, 1}, {KEY_A, 0}, {KEY_LEFTSHIFT, 0}, {KEY_B, 1}, {KEY_B, 0},
            {KEY_1, 1}, {KEY_1, 0}, {KEY_LEFTSHIFT, 1}, {KEY_SLASH, 1}, {KEY_SLASH, 0}, {KEY_LEFTSHIFT, 0},
            {KEY_ENTER, 1}, {KEY_ENTER, 0},
        };
        QCOMPARE(decodeKeys(events), QByteArray("Ab1?\n"));
    }

    void keepsEnterInsideScanAsLineBreak()
    {
        WedgeKeyDecoder decoder;
        for (const WedgeKeyDecoder::KeyEvent &event : taps({KEY_A, KEY_ENTER, KEY_B}))
            decoder.feed(WedgeKeyDecoder::EventKey, event.code, event.value);
        QVERIFY(!decoder.endsWithLineBreak()); // more came after the Enter: not the end
        for (const WedgeKeyDecoder::KeyEvent &event : taps({KEY_KPENTER}))
            decoder.feed(WedgeKeyDecoder::EventKey, event.code, event.value);
        QVERIFY(decoder.endsWithLineBreak()); // the caller now waits for a short silence
        const QByteArray bytes = decoder.finish().value_or(QByteArray());
        QCOMPARE(bytes, QByteArray("a\nb\n"));
        QCOMPARE(ScanPayload::decode(bytes).text, QStringLiteral("a\nb"));
    }

    void decodesKeypadDigitsWithoutAlt()
    {
        // Scanners set to keypad emulation type numbers on the keypad, NumLock on, no Alt.
        QCOMPARE(decodeKeys(taps({KEY_KP3, KEY_KP4, KEY_KP0, KEY_KPMINUS, KEY_KP1, KEY_KPDOT, KEY_KP9, KEY_KPSLASH, KEY_KPASTERISK,
                                  KEY_KPPLUS})),
                 QByteArray("340-1.9/*+"));
    }

    void swapsLettersUnderCapsLock()
    {
        // CapsLock on: letters without Shift are capitals, with Shift small; digits and marks
        // keep their Shift meaning. CapsLock again turns it off.
        QList<WedgeKeyDecoder::KeyEvent> events = taps({KEY_CAPSLOCK, KEY_A, KEY_1, KEY_MINUS});
        events << WedgeKeyDecoder::KeyEvent{KEY_LEFTSHIFT, 1} << taps({KEY_B, KEY_1, KEY_SLASH})
               << WedgeKeyDecoder::KeyEvent{KEY_LEFTSHIFT, 0} << taps({KEY_CAPSLOCK, KEY_C});
        QCOMPARE(decodeKeys(events), QByteArray("A1-b!?c"));
    }

    void decodesAltNumpadAsGb18030Pair()
    {
        // 合 is BA CF in GB18030: Alt + 47823 on the keypad, as a Windows-minded scanner sends it.
        const QByteArray expected = gb18030(QStringLiteral("合"));
        QCOMPARE(expected, QByteArray("\xba\xcf"));
        const int code = (quint8(expected.at(0)) << 8) | quint8(expected.at(1));
        QList<WedgeKeyDecoder::KeyEvent> events = {{KEY_LEFTALT, 1}};
        const int keypad[10] = {KEY_KP0, KEY_KP1, KEY_KP2, KEY_KP3, KEY_KP4, KEY_KP5, KEY_KP6, KEY_KP7, KEY_KP8, KEY_KP9};
        for (const QChar digit : QString::number(code))
            events << WedgeKeyDecoder::KeyEvent{keypad[digit.digitValue()], 1} << WedgeKeyDecoder::KeyEvent{keypad[digit.digitValue()], 0};
        events << WedgeKeyDecoder::KeyEvent{KEY_LEFTALT, 0} << WedgeKeyDecoder::KeyEvent{KEY_KPENTER, 1};
        const QByteArray bytes = decodeKeys(events);
        QCOMPARE(ScanPayload::decode(bytes).text, QStringLiteral("合"));
    }

    void ignoresAutorepeatAndReleases()
    {
        const QList<WedgeKeyDecoder::KeyEvent> events = {{KEY_X, 1}, {KEY_X, 2}, {KEY_X, 2}, {KEY_X, 0}, {KEY_ENTER, 1}};
        QCOMPARE(decodeKeys(events), QByteArray("x\n"));
    }

    void roundTripsWedgeEncoding_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("url") << QByteArray("https://gov.example.cn/a?b=1&c=[x]{y}|~`\\'\"");
        QTest::newRow("gb18030 text") << gb18030(QStringLiteral("安徽省合肥市蜀山区 12345"));
        QTest::newRow("control byte") << QByteArray("A\x1d" "B");
        QTest::newRow("two lines") << QByteArray("CASE 42\nDATE 2026-11-23");
        QTest::newRow("all printable ascii") << [] {
            QByteArray all;
            for (char c = 0x20; c < 0x7f; ++c)
                all += c;
            return all;
        }();
    }

    void roundTripsWedgeEncoding()
    {
        QFETCH(QByteArray, bytes);
        QCOMPARE(decodeKeys(WedgeKeyDecoder::encode(bytes)), bytes + '\n');
    }

    void framesNewlandHostCommands_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<int>("persistence");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("trigger a scan") << QByteArray(NewlandCommand::TriggerScan) << int(NewlandCommand::Persistence::Temporary)
                                        << QByteArray::fromHex("7e01303030302353434e545247313b03");
        QTest::newRow("command-triggered mode, kept") << QByteArray(NewlandCommand::CommandTriggeredMode)
                                                      << int(NewlandCommand::Persistence::Persistent)
                                                      << QByteArray::fromHex("7e01303030304053434e4d4f44303b03");
    }

    void framesNewlandHostCommands()
    {
        QFETCH(QByteArray, command);
        QFETCH(int, persistence);
        QFETCH(QByteArray, bytes);
        QCOMPARE(NewlandCommand::frame(command, NewlandCommand::Persistence(persistence)), bytes);
        QCOMPARE(NewlandCommand::parse(bytes).value_or(QByteArray()), command);
    }

    void rejectsMalformedNewlandFrames_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("no terminator") << QByteArray::fromHex("7e01303030302353434e54524731");
        QTest::newRow("wrong header") << QByteArray::fromHex("7e02303030302353434e545247313b03");
        QTest::newRow("unknown persistence") << QByteArray::fromHex("7e01303030302453434e545247313b03");
        QTest::newRow("too short") << QByteArray::fromHex("7e01303030");
    }

    void rejectsMalformedNewlandFrames()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(!NewlandCommand::parse(bytes).has_value());
    }

    void keepsUnterminatedWedgeScanForSilence()
    {
        WedgeKeyDecoder decoder;
        decoder.feed(WedgeKeyDecoder::EventKey, KEY_Q, 1);
        QVERIFY(decoder.isPending());
        QVERIFY(!decoder.endsWithLineBreak());
        QCOMPARE(decoder.finish().value_or(QByteArray()), QByteArray("q"));
        QVERIFY(!decoder.finish().has_value());
    }

    void dropsHidPosScanLongerThanTheCapAndKeepsTheNext()
    {
        // A scanner that never ends its scan: full reports past the cap. The scan is dropped once,
        // the rest of it is ignored, and the next scan arrives whole.
        HidPosReportAssembler assembler;
        HidPosReportAssembler::Scan scan;
        const QList<QByteArray> flood = HidPosReportAssembler::encode(QByteArray(ScanPayload::MaxBytes + 500, 'x'), 'Q');
        int tooLong = 0;
        for (const QByteArray &report : flood) {
            const HidPosReportAssembler::Verdict verdict = assembler.feed(report, &scan);
            QVERIFY(verdict != HidPosReportAssembler::Verdict::Complete);
            tooLong += verdict == HidPosReportAssembler::Verdict::TooLong ? 1 : 0;
            QVERIFY(assembler.bufferedBytes() <= ScanPayload::MaxBytes);
        }
        QCOMPARE(tooLong, 1);
        QVERIFY(!assembler.isPending());
        const QList<QByteArray> next = HidPosReportAssembler::encode("NEXT-1", 'Q');
        QCOMPARE(assembler.feed(next.first(), &scan), HidPosReportAssembler::Verdict::Complete);
        QCOMPARE(scan.payload, QByteArray("NEXT-1"));
    }

    void keepsHidPosScanOfExactlyTheCap()
    {
        const QByteArray payload(ScanPayload::MaxBytes, 'y');
        HidPosReportAssembler assembler;
        HidPosReportAssembler::Scan scan;
        const QList<QByteArray> reports = HidPosReportAssembler::encode(payload, 'Q');
        for (qsizetype i = 0; i < reports.size(); ++i) {
            QCOMPARE(assembler.feed(reports.at(i), &scan),
                     i + 1 < reports.size() ? HidPosReportAssembler::Verdict::Incomplete : HidPosReportAssembler::Verdict::Complete);
        }
        QCOMPARE(scan.payload, payload);
    }

    void dropsWedgeScanLongerThanTheCap()
    {
        WedgeKeyDecoder decoder;
        for (qsizetype i = 0; i < ScanPayload::MaxBytes + 10; ++i) {
            decoder.feed(WedgeKeyDecoder::EventKey, KEY_A, 1);
            decoder.feed(WedgeKeyDecoder::EventKey, KEY_A, 0);
            QVERIFY(decoder.bufferedBytes() <= ScanPayload::MaxBytes);
        }
        QVERIFY(decoder.isPending());
        QVERIFY(!decoder.finish().has_value());
        QCOMPARE(decoder.takeDroppedScans(), 1);
        QCOMPARE(decoder.takeDroppedScans(), 0);
        QVERIFY(!decoder.isPending());
        // The cap itself still passes.
        QCOMPARE(decodeKeys(taps(QList<int>(ScanPayload::MaxBytes, KEY_B))).size(), ScanPayload::MaxBytes);
    }

    void ignoresAltCodeTooLongWithoutOverflowing()
    {
        // Forty keypad digits under Alt would overflow a plain int accumulator (undefined
        // behaviour, and some value typed); the capped one types nothing and carries on.
        QList<WedgeKeyDecoder::KeyEvent> events = {{KEY_LEFTALT, 1}};
        for (int i = 0; i < 40; ++i)
            events << WedgeKeyDecoder::KeyEvent{KEY_KP9, 1} << WedgeKeyDecoder::KeyEvent{KEY_KP9, 0};
        events << WedgeKeyDecoder::KeyEvent{KEY_LEFTALT, 0} << taps({KEY_O, KEY_K});
        QCOMPARE(decodeKeys(events), QByteArray("ok"));
        // 65535, the largest pair, still types its two bytes.
        events = {{KEY_LEFTALT, 1}};
        for (const int code : {KEY_KP6, KEY_KP5, KEY_KP5, KEY_KP3, KEY_KP5})
            events << WedgeKeyDecoder::KeyEvent{code, 1} << WedgeKeyDecoder::KeyEvent{code, 0};
        events << WedgeKeyDecoder::KeyEvent{KEY_LEFTALT, 0};
        QCOMPARE(decodeKeys(events), QByteArray("\xff\xff"));
    }
};

QTEST_GUILESS_MAIN(TestScannerProtocol)
#include "test_scannerprotocol.moc"
