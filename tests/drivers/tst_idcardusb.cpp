#include "idcard/idcardreader.h"
#include "idcard/sim/usbreaderemulation.h"

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
        QTest::newRow("41 read failure") << QStringLiteral("read_failure") << QStringLiteral("read_failed");
        QTest::newRow("torn frames") << QStringLiteral("torn_frames") << QString();
        QTest::newRow("bad checksum") << QStringLiteral("bad_checksum") << QString();
        QTest::newRow("noise") << QStringLiteral("noise") << QString();
        QTest::newRow("slow replies") << QStringLiteral("slow") << QString();
        QTest::newRow("a stall and a late reply") << QStringLiteral("late") << QString();
    }

    void readsThroughFaultsOverUsb()
    {
        QFETCH(QString, fault);
        QFETCH(QString, failure);
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
        if (failure.isEmpty()) {
            QCOMPARE(failed.size(), 0);
        } else {
            QCOMPARE(failed.size(), 1);
            QCOMPARE(failed.at(0).at(0).toString(), failure);
        }
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

    void reportsUnplugAndReopensOverUsb()
    {
        UsbReaderEmulation usb({0x04b4, 0x5a01, true});
        QString error;
        QVERIFY2(usb.start(&error), qPrintable(error));
        auto reader = makeReader(true);
        QSignalSpy read(reader.get(), &IdCardReader::cardRead);
        QVERIFY(reader->start());
        QTRY_VERIFY_WITH_TIMEOUT(reader->isPresent(), Patience);
        usb.execute(QStringLiteral("fault unplug"));
        QTRY_VERIFY_WITH_TIMEOUT(!reader->isPresent(), Patience);
        QCOMPARE(reader->health().detail, QStringLiteral("no_device"));
        usb.execute(QStringLiteral("fault none"));
        QTRY_VERIFY_WITH_TIMEOUT(reader->isPresent(), Patience);
        usb.execute(QStringLiteral("card present foreign_permanent_2023"));
        QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, Patience);
        reader->close();
    }
};

QTEST_GUILESS_MAIN(TestIdCardUsb)
#include "tst_idcardusb.moc"
