#include "idcard/idcardreader.h"
#include "idcard/sim/usbreaderemulation.h"
#include "idcard/usbtransport.h"

#include <QSignalSpy>
#include <QTest>

// The real reader driver through libusb against the reader emulated as a USB device by
// umockdev in this process. Runs under umockdev-wrapper (see CMakeLists.txt).
class TestIdCardUsb : public QObject
{
    Q_OBJECT

private:
    static constexpr int Patience = 15000;

    static std::unique_ptr<IdCardReader> makeReader(bool preamble, const QString &ids = QStringLiteral("04b4:5a01"))
    {
        IdCardReaderOptions options;
        options.spec = *DeviceSpec::parse(QStringLiteral("usb:%1,in=0x81,out=0x02,preamble=%2").arg(ids, preamble ? "yes" : "no"));
        options.pollIntervalMs = 100;
        options.reopenIntervalMs = 200;
        return std::make_unique<IdCardReader>(QStringLiteral("id_card_reader"), options);
    }

private slots:
    void readsEveryCardTypeOverUsb_data()
    {
        QTest::addColumn<bool>("preamble");
        QTest::addColumn<QString>("card");
        for (bool preamble : {true, false}) {
            const char *framing = preamble ? "with preamble" : "without preamble";
            for (const char *card : {"resident", "hk_mo_tw_permit", "foreign_permanent_2017", "foreign_permanent_2023"})
                QTest::addRow("%s, %s", card, framing) << preamble << QString::fromLatin1(card);
        }
    }

    void readsEveryCardTypeOverUsb()
    {
        QFETCH(bool, preamble);
        QFETCH(QString, card);
        UsbReaderEmulation usb({0x04b4, 0x5a01, preamble});
        QString error;
        QVERIFY2(usb.start(&error), qPrintable(error));
        auto reader = makeReader(preamble);
        QSignalSpy read(reader.get(), &IdCardReader::cardRead);
        QSignalSpy removed(reader.get(), &IdCardReader::cardRemoved);
        QVERIFY(reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(reader->health().level, HealthLevel::Ok, Patience);
        usb.execute(QStringLiteral("card present ") + card);
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        const auto holder = read.at(0).at(0).value<IdCardHolder>();
        QCOMPARE(IdCardHolder::typeName(holder.type), card);
        QVERIFY(holder.problems().isEmpty());
        QCOMPARE(holder.photo.size(), 1024);
        QTest::qWait(500);
        QCOMPARE(read.size(), 1);
        usb.execute(QStringLiteral("card remove"));
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, Patience);
        reader->close();
    }

    void readsThroughFaultsOverUsb_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("failure");
        // The statistic in which the driver records what it survived: it stays at zero on a
        // clean line, so each row proves its fault really reached the driver.
        QTest::addColumn<QString>("survived");
        QTest::newRow("41 read failure") << QStringLiteral("read_failure") << QStringLiteral("read_failed") << QStringLiteral("read_failures");
        QTest::newRow("torn frames") << QStringLiteral("torn_frames") << QString() << QStringLiteral("torn_replies");
        QTest::newRow("bad checksum") << QStringLiteral("bad_checksum") << QString() << QStringLiteral("bad_frames");
        QTest::newRow("noise") << QStringLiteral("noise") << QString() << QStringLiteral("noise_bytes");
        QTest::newRow("slow replies") << QStringLiteral("slow") << QString() << QStringLiteral("slow_replies");
        QTest::newRow("a stall and a late reply") << QStringLiteral("late") << QString() << QStringLiteral("stale_replies");
    }

    void readsThroughFaultsOverUsb()
    {
        QFETCH(QString, fault);
        QFETCH(QString, failure);
        QFETCH(QString, survived);
        UsbReaderEmulation usb({0x04b4, 0x5a01, true});
        QString error;
        QVERIFY2(usb.start(&error), qPrintable(error));
        auto reader = makeReader(true);
        QSignalSpy read(reader.get(), &IdCardReader::cardRead);
        QSignalSpy failed(reader.get(), &IdCardReader::cardReadFailed);
        QVERIFY(reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(reader->health().level, HealthLevel::Ok, Patience);
        QCOMPARE(usb.execute(QStringLiteral("fault ") + fault), QStringLiteral("ok"));
        usb.execute(QStringLiteral("card present resident"));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        QCOMPARE(read.at(0).at(0).value<IdCardHolder>().idNumber, QStringLiteral("340104198806122521"));
        if (failure.isEmpty()) {
            QCOMPARE(failed.size(), 0);
        } else {
            QCOMPARE(failed.size(), 1);
            QCOMPARE(failed.at(0).at(0).toString(), failure);
        }
        QVERIFY2(reader->statistics().value(survived) >= 1, qPrintable(survived));
        QCOMPARE(reader->health().level, HealthLevel::Ok);
        reader->close();
    }

    void findsNoCardOverUsbWhileTheFieldIsEmpty()
    {
        UsbReaderEmulation usb({0x04b4, 0x5a01, true});
        QString error;
        QVERIFY2(usb.start(&error), qPrintable(error));
        auto reader = makeReader(true);
        QSignalSpy detected(reader.get(), &IdCardReader::cardDetected);
        QVERIFY(reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(reader->health().level, HealthLevel::Ok, Patience);
        usb.execute(QStringLiteral("fault no_card"));
        usb.execute(QStringLiteral("card present resident"));
        // Ten more polls, each answered "no card", find nothing to report.
        const int answered = usb.commandsAnswered();
        QTRY_VERIFY_WITH_TIMEOUT(usb.commandsAnswered() >= answered + 10, Patience);
        QCOMPARE(detected.size(), 0);
        QCOMPARE(reader->health().level, HealthLevel::Ok);
        usb.execute(QStringLiteral("fault none"));
        QTRY_COMPARE_WITH_TIMEOUT(detected.size(), 1, Patience);
        reader->close();
    }

    void resetsTheSamAfterASamFaultOverUsb_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::newRow("self-test failure until reset") << QStringLiteral("sam_failure_until_reset");
        QTest::newRow("24 during a read") << QStringLiteral("sam_read_error 24");
        QTest::newRow("31 during a read") << QStringLiteral("sam_read_error 31");
        QTest::newRow("47 during a read") << QStringLiteral("sam_read_error 47");
        QTest::newRow("66 during a read") << QStringLiteral("sam_read_error 66");
    }

    void resetsTheSamAfterASamFaultOverUsb()
    {
        QFETCH(QString, fault);
        UsbReaderEmulation usb({0x04b4, 0x5a01, true});
        QString error;
        QVERIFY2(usb.start(&error), qPrintable(error));
        auto reader = makeReader(true);
        QSignalSpy read(reader.get(), &IdCardReader::cardRead);
        QVERIFY(reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(reader->health().level, HealthLevel::Ok, Patience);
        QSignalSpy health(reader.get(), &Device::healthChanged);
        QCOMPARE(usb.samResetsReceived(), 0);
        QCOMPARE(usb.execute(QStringLiteral("fault ") + fault), QStringLiteral("ok"));
        usb.execute(QStringLiteral("card present foreign_permanent_2017"));
        // The fault clears only when a real 10 FF frame reaches the reader; nobody says `fault none`.
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        QVERIFY(usb.samResetsReceived() >= 1);
        QVERIFY(reader->statistics().value(QStringLiteral("sam_resets")) >= 1);
        QCOMPARE(reader->health().level, HealthLevel::Ok);
        // Reset at once, the fault never showed as an error that would have hidden services.
        for (const QList<QVariant> &change : std::as_const(health))
            QVERIFY(change.at(0).value<DeviceHealth>().level != HealthLevel::Error);
        reader->close();
    }

    void reportsSamSelfTestFailureOverUsb()
    {
        UsbReaderEmulation usb({0x04b4, 0x5a01, true});
        QString error;
        QVERIFY2(usb.start(&error), qPrintable(error));
        usb.execute(QStringLiteral("fault sam_failure"));
        auto reader = makeReader(true);
        QVERIFY(reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(reader->health().detail, QStringLiteral("sam_self_test_failed"), Patience);
        QCOMPARE(reader->health().hint, StaffHint::CallService);
        reader->close();
    }

    void reportsNoDeviceForAnotherVendorsReader()
    {
        UsbReaderEmulation usb({0x04b4, 0x5a01, true});
        QString error;
        QVERIFY2(usb.start(&error), qPrintable(error));
        auto reader = makeReader(true, QStringLiteral("10c4:ea60"));
        QVERIFY(reader->start());
        QTRY_COMPARE_WITH_TIMEOUT(reader->health().detail, QStringLiteral("no_device"), Patience);
        QVERIFY(!reader->isPresent());
        reader->close();
    }

    void hotplugCallbacksTellTheTransportTheReaderLeftAndCameBack()
    {
        UsbReaderEmulation usb({0x04b4, 0x5a01, true});
        QString error;
        QVERIFY2(usb.start(&error), qPrintable(error));
        UsbTransport transport({0x04b4, 0x5a01, 0x81, 0x02, 0, true});
        QVERIFY2(transport.open(&error), qPrintable(error));
        QCOMPARE(transport.presence(), IdCardTransport::Presence::Present);
        // Only libusb's hotplug callback ever says Absent: no command is sent here that could fail.
        usb.execute(QStringLiteral("fault unplug"));
        QTRY_COMPARE_WITH_TIMEOUT(transport.presence(), IdCardTransport::Presence::Absent, Patience);
        transport.close();
        usb.execute(QStringLiteral("fault none"));
        QTRY_COMPARE_WITH_TIMEOUT(transport.presence(), IdCardTransport::Presence::Present, Patience);
    }

    void reportsUnplugWithTheCardRemovedAndReopensOverUsb()
    {
        UsbReaderEmulation usb({0x04b4, 0x5a01, true});
        QString error;
        QVERIFY2(usb.start(&error), qPrintable(error));
        auto reader = makeReader(true);
        QSignalSpy read(reader.get(), &IdCardReader::cardRead);
        QSignalSpy removed(reader.get(), &IdCardReader::cardRemoved);
        QVERIFY(reader->start());
        QTRY_VERIFY_WITH_TIMEOUT(reader->isPresent(), Patience);
        usb.execute(QStringLiteral("card present resident"));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        usb.execute(QStringLiteral("fault unplug"));
        QTRY_VERIFY_WITH_TIMEOUT(!reader->isPresent(), Patience);
        QCOMPARE(reader->health().detail, QStringLiteral("no_device"));
        // The card went with the reader: the session holding it must end.
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, Patience);
        usb.execute(QStringLiteral("card remove"));
        usb.execute(QStringLiteral("fault none"));
        QTRY_VERIFY_WITH_TIMEOUT(reader->isPresent(), Patience);
        usb.execute(QStringLiteral("card present foreign_permanent_2023"));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 2, Patience);
        QCOMPARE(read.at(1).at(0).value<IdCardHolder>().nationality, QStringLiteral("GBR"));
        reader->close();
    }
};

QTEST_GUILESS_MAIN(TestIdCardUsb)
#include "test_idcardusb.moc"
