#include "idcard/sim/usbreaderemulation.h"
#include "kioskctlrun.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// `kioskctl card read --usb VID:PID` as a technician runs it, against the reader emulated as a
// USB device by umockdev in this process. The test runs under umockdev-wrapper, and kioskctl,
// started from here, inherits the preload library and the testbed: its libusb finds the
// emulated reader and its URBs are answered by this process.
class TestKioskctlIdCardUsb : public QObject
{
    Q_OBJECT

private:
    using Result = KioskctlRun;

    QTemporaryDir m_dir;
    QString m_config;

    Result readCard(const QStringList &args)
    {
        return KioskctlRun::run(m_config, QStringList{QStringLiteral("card"), QStringLiteral("read"), QStringLiteral("--timeout"),
                                                      QStringLiteral("20")}
                                              + args);
    }

private slots:
    void initTestCase()
    {
        m_config = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[kiosk]\nstate_dir=" + m_dir.filePath(QStringLiteral("state")).toUtf8() + "\n[devices]\nid_card_reader=none\n");
    }

    void readsACardOverUsb_data()
    {
        QTest::addColumn<QString>("usb");
        QTest::addColumn<bool>("preamble");
        QTest::newRow("frames with preamble") << QStringLiteral("04b4:5a01") << true;
        QTest::newRow("frames without preamble") << QStringLiteral("04b4:5a01,preamble=no") << false;
    }

    void readsACardOverUsb()
    {
        QFETCH(QString, usb);
        QFETCH(bool, preamble);
        UsbReaderEmulation reader({0x04b4, 0x5a01, preamble});
        QString error;
        QVERIFY2(reader.start(&error), qPrintable(error));
        QCOMPARE(reader.execute(QStringLiteral("card present foreign_permanent_2023")), QStringLiteral("ok"));
        const Result result = readCard({QStringLiteral("--usb"), usb, QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("type")).toString(), QStringLiteral("foreign_permanent_2023"));
        QCOMPARE(json.value(QLatin1String("nationality")).toString(), QStringLiteral("GBR"));
        QCOMPARE(json.value(QLatin1String("id_number")).toString(), QStringLiteral("9348**********0015"));
        QVERIFY(!result.out.contains(QStringLiteral("WILLIAMS")));
        QVERIFY(reader.commandsAnswered() >= 4);
    }

    void explainsASamFaultOverUsb()
    {
        UsbReaderEmulation reader({0x04b4, 0x5a01, true});
        QString error;
        QVERIFY2(reader.start(&error), qPrintable(error));
        reader.execute(QStringLiteral("fault sam_failure"));
        const Result result = readCard({QStringLiteral("--usb"), QStringLiteral("04b4:5a01")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("sam_self_test_failed")), qPrintable(result.err));
        QVERIFY(reader.samResetsReceived() >= 1);
    }

    void saysWhenNoSuchUsbReaderIsThere()
    {
        UsbReaderEmulation reader({0x04b4, 0x5a01, true});
        QString error;
        QVERIFY2(reader.start(&error), qPrintable(error));
        const Result result = readCard({QStringLiteral("--usb"), QStringLiteral("10c4:ea60")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("no_device")), qPrintable(result.err));
        QCOMPARE(reader.commandsAnswered(), 0);
    }
};

QTEST_GUILESS_MAIN(TestKioskctlIdCardUsb)
#include "test_kioskctlidcardusb.moc"
