#include "device/deviceregistry.h"
#include "scanner/barcodescanner.h"
#include "scanner/scannerspec.h"
#include "scanner/sim/scannersimulatorhost.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <linux/input.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// The scanner driver end to end: over a pty against the serial scanner simulator, and as a
// keyboard-wedge scanner reading a recorded evdev stream (tests/drivers/scanner/data) through a
// FIFO.
class TestBarcodeScanner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Rig {
        ScannerSimulatorHost simulator;
        std::unique_ptr<BarcodeScanner> scanner;
    };

    bool startSerialRig(Rig *rig, const QString &name)
    {
        ScannerSimulator::Options options;
        options.ttyLinkPath = m_dir.filePath(name + QStringLiteral("-tty"));
        options.controlSocketPath = m_dir.filePath(name + QStringLiteral(".sock"));
        options.baud = 115200;
        QString error;
        if (!rig->simulator.start(options, &error)) {
            qWarning() << error;
            return false;
        }
        const std::optional<ScannerSpec> spec = ScannerSpec::parse(QStringLiteral("serial:%1@115200").arg(options.ttyLinkPath), &error);
        if (!spec)
            return false;
        rig->scanner = std::make_unique<BarcodeScanner>(QStringLiteral("barcode_scanner"), *spec);
        rig->scanner->setStateDirectory(m_dir.filePath(name)); // statistics of its own
        return rig->scanner->start(&error);
    }

    // The recorded stream of a wedge scanner (tests/drivers/scanner/data/README.md).
    static QByteArray recording(const QString &name)
    {
        QFile file(QDir(qEnvironmentVariable("KIOSK_SOURCE_DIR")).filePath(QStringLiteral("tests/drivers/scanner/data/") + name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void parsesScannerSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("serial") << QStringLiteral("serial:/dev/ttyACM0") << QStringLiteral("serial:/dev/ttyACM0@115200");
        QTest::newRow("serial baud") << QStringLiteral("serial:/dev/ttyS1@9600") << QStringLiteral("serial:/dev/ttyS1@9600");
        QTest::newRow("hidpos") << QStringLiteral("hidpos:1EAB:1d06") << QStringLiteral("hidpos:1eab:1d06");
        QTest::newRow("usb means hidpos") << QStringLiteral("usb:1eab:1d06") << QStringLiteral("hidpos:1eab:1d06");
        QTest::newRow("evdev") << QStringLiteral("evdev:/dev/input/by-id/usb-scanner-event-kbd")
                               << QStringLiteral("evdev:/dev/input/by-id/usb-scanner-event-kbd");
        QTest::newRow("evdev without grab") << QStringLiteral("evdev:/tmp/x,grab=no") << QStringLiteral("evdev:/tmp/x,grab=no");
    }

    void readsScanTimingOptions()
    {
        QString error;
        const std::optional<ScannerSpec> defaults = ScannerSpec::parse(QStringLiteral("serial:/dev/ttyACM0"), &error);
        QVERIFY(defaults.has_value());
        QCOMPARE(defaults->silenceMs, 100);
        QCOMPARE(defaults->lineEndSilenceMs, 30);
        const std::optional<ScannerSpec> serial = ScannerSpec::parse(QStringLiteral("serial:/dev/ttyACM0@9600,line_end_ms=60,silence_ms=250"), &error);
        QVERIFY2(serial.has_value(), qPrintable(error));
        QCOMPARE(serial->lineEndSilenceMs, 60);
        QCOMPARE(serial->silenceMs, 250);
        const std::optional<ScannerSpec> wedge = ScannerSpec::parse(QStringLiteral("evdev:/dev/input/event7,line_end_ms=80"), &error);
        QVERIFY2(wedge.has_value(), qPrintable(error));
        QCOMPARE(wedge->lineEndSilenceMs, 80);
    }

    void parsesScannerSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(QString, canonical);
        QString error;
        const std::optional<ScannerSpec> parsed = ScannerSpec::parse(spec, &error);
        QVERIFY2(parsed.has_value(), qPrintable(error));
        QCOMPARE(parsed->toString(), canonical);
    }

    void refusesSpecsThatAreNotScanners()
    {
        QString error;
        QVERIFY(!ScannerSpec::parse(QStringLiteral("v4l2:/dev/video0"), &error).has_value());
        QVERIFY(!error.isEmpty());
        QVERIFY(!ScannerSpec::parse(QStringLiteral("hidpos:zz:1"), &error).has_value());
        QVERIFY(!ScannerSpec::parse(QStringLiteral("evdev:"), &error).has_value());
    }

    void deliversSerialScanOncePerCode()
    {
        Rig rig;
        QVERIFY(startSerialRig(&rig, QStringLiteral("utf8")));
        QSignalSpy scans(rig.scanner.get(), &BarcodeScanner::codeScanned);
        QTRY_VERIFY_WITH_TIMEOUT(rig.scanner->health().level == HealthLevel::Ok, 10000);
        QVERIFY(rig.simulator.execute(QStringLiteral("scan 电子证照 EID-2026-0042")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(1).toString(), QStringLiteral("电子证照 EID-2026-0042"));
        QVERIFY(rig.simulator.execute(QStringLiteral("scan second")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 2, 10000);
        QCOMPARE(scans.at(1).at(1).toString(), QStringLiteral("second"));
        QCOMPARE(rig.scanner->statistics().value(QStringLiteral("scans")), 2);
    }

    void decodesGb18030FromSerialScanner()
    {
        Rig rig;
        QVERIFY(startSerialRig(&rig, QStringLiteral("gb")));
        QSignalSpy scans(rig.scanner.get(), &BarcodeScanner::codeScanned);
        QTRY_VERIFY_WITH_TIMEOUT(rig.scanner->health().level == HealthLevel::Ok, 10000);
        QVERIFY(rig.simulator.execute(QStringLiteral("scan --gb18030 受理回执 皖0042")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(1).toString(), QStringLiteral("受理回执 皖0042"));
    }

    void endsUnterminatedScanAfterSilence()
    {
        Rig rig;
        QVERIFY(startSerialRig(&rig, QStringLiteral("silent")));
        QSignalSpy scans(rig.scanner.get(), &BarcodeScanner::codeScanned);
        QTRY_VERIFY_WITH_TIMEOUT(rig.scanner->health().level == HealthLevel::Ok, 10000);
        QVERIFY(rig.simulator.execute(QStringLiteral("scan --no-terminator NO-CR-9")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(1).toString(), QStringLiteral("NO-CR-9"));
    }

    void keepsLineBreaksInsideSerialScan()
    {
        Rig rig;
        QVERIFY(startSerialRig(&rig, QStringLiteral("lines")));
        QSignalSpy scans(rig.scanner.get(), &BarcodeScanner::codeScanned);
        QTRY_VERIFY_WITH_TIMEOUT(rig.scanner->health().level == HealthLevel::Ok, 10000);
        // A receipt's code of three lines, CR LF between them and after them.
        QVERIFY(rig.simulator.execute(QStringLiteral("scan --escapes 受理编号 340103-0042\\r\\n事项 营业执照\\r\\n日期 2026-11-23"))
                    .startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(1).toString(), QStringLiteral("受理编号 340103-0042\r\n事项 营业执照\r\n日期 2026-11-23"));
        // The next code, read a moment later, is a scan of its own.
        QVERIFY(rig.simulator.execute(QStringLiteral("scan --escapes A\\nB")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 2, 10000);
        QCOMPARE(scans.at(1).at(1).toString(), QStringLiteral("A\nB"));
    }

    void dropsScansMadeWhileDisabled()
    {
        Rig rig;
        QVERIFY(startSerialRig(&rig, QStringLiteral("disabled")));
        QSignalSpy scans(rig.scanner.get(), &BarcodeScanner::codeScanned);
        QTRY_VERIFY_WITH_TIMEOUT(rig.scanner->health().level == HealthLevel::Ok, 10000);
        rig.scanner->disable();
        QVERIFY(rig.simulator.execute(QStringLiteral("scan too-early")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(rig.scanner->statistics().value(QStringLiteral("scans")), 1, 10000);
        QString error;
        QVERIFY(rig.scanner->enable(&error));
        QVERIFY(rig.simulator.execute(QStringLiteral("scan on-time")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(1).toString(), QStringLiteral("on-time"));
    }

    void dropsSerialScanLongerThanTheCap()
    {
        Rig rig;
        QVERIFY(startSerialRig(&rig, QStringLiteral("toolong")));
        QSignalSpy scans(rig.scanner.get(), &BarcodeScanner::codeScanned);
        QTRY_VERIFY_WITH_TIMEOUT(rig.scanner->health().level == HealthLevel::Ok, 10000);
        const QString flood(9000, QLatin1Char('z'));
        QVERIFY(rig.simulator.execute(QStringLiteral("scan ") + flood).startsWith(QLatin1String("ok")));
        // Counted once the line has gone quiet after it, so the next scan is a scan of its own.
        QTRY_COMPARE_WITH_TIMEOUT(rig.scanner->statistics().value(QStringLiteral("scans_too_long")), 1, 10000);
        QCOMPARE(scans.size(), 0);
        QVERIFY(rig.simulator.execute(QStringLiteral("scan after-flood")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(1).toString(), QStringLiteral("after-flood"));
        QCOMPARE(rig.scanner->statistics().value(QStringLiteral("scans_too_long")), 1);
    }

    void triggersSerialEngineWithNewlandCommand()
    {
        Rig rig;
        QVERIFY(startSerialRig(&rig, QStringLiteral("trigger")));
        QTRY_VERIFY_WITH_TIMEOUT(rig.scanner->health().level == HealthLevel::Ok, 10000);
        rig.scanner->triggerScan();
        QTRY_VERIFY_WITH_TIMEOUT(rig.simulator.execute(QStringLiteral("status")).contains(QStringLiteral("commands=1 last=SCNTRG1")), 10000);
    }

    void readsWedgeScannerFromRecordedEvdevStream()
    {
        static_assert(sizeof(input_event) == 24, "the recording holds x86-64 struct input_event records");
        const QByteArray stream = recording(QStringLiteral("wedge-scans.events"));
        QCOMPARE(stream.size() % 24, 0);
        QVERIFY(stream.size() > 1000);
        const QString fifo = m_dir.filePath(QStringLiteral("wedge-event"));
        QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        QString error;
        // A FIFO cannot be grabbed; the real node is, and the next test shows a refused grab.
        const std::optional<ScannerSpec> spec = ScannerSpec::parse(QStringLiteral("evdev:%1,grab=no").arg(fifo), &error);
        QVERIFY(spec.has_value());
        BarcodeScanner scanner(QStringLiteral("barcode_scanner"), *spec);
        QSignalSpy scans(&scanner, &BarcodeScanner::codeScanned);
        QVERIFY(scanner.start(&error));
        QTRY_VERIFY_WITH_TIMEOUT(scanner.health().level == HealthLevel::Ok, 10000);

        // All four scans at once, as a reader that fell behind gets them: the events' own
        // timestamps say where one scan ended and the next began.
        const int writer = ::open(fifo.toLocal8Bit().constData(), O_WRONLY);
        QVERIFY(writer >= 0);
        qsizetype written = 0;
        while (written < stream.size()) {
            const ssize_t n = ::write(writer, stream.constData() + written, size_t(stream.size() - written));
            QVERIFY(n > 0);
            written += n;
        }
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 4, 10000);
        ::close(writer);
        QCOMPARE(scans.at(0).at(1).toString(), QStringLiteral("Https://ZWFW.ah.gov.cn/q?c=42"));
        QCOMPARE(scans.at(1).at(1).toString(), QStringLiteral("CASE 340103-0042\nDATE 2026-11-23"));
        QCOMPARE(scans.at(2).at(1).toString(), QStringLiteral("ABC-7F3Kx"));
        QCOMPARE(scans.at(3).at(1).toString(), QStringLiteral("预约号：A017"));
    }

    void replaysARecordingInsteadOfANode()
    {
        // evdev: naming a recording instead of a node replays it, as the demo can.
        const QString path = QDir(qEnvironmentVariable("KIOSK_SOURCE_DIR")).filePath(QStringLiteral("tests/drivers/scanner/data/wedge-scans.events"));
        QString error;
        const std::optional<ScannerSpec> spec = ScannerSpec::parse(QStringLiteral("evdev:%1").arg(path), &error);
        QVERIFY(spec.has_value());
        BarcodeScanner scanner(QStringLiteral("barcode_scanner"), *spec);
        QSignalSpy scans(&scanner, &BarcodeScanner::codeScanned);
        QVERIFY(scanner.start(&error));
        QTRY_VERIFY_WITH_TIMEOUT(scanner.health().level == HealthLevel::Ok, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 4, 60000);
        QCOMPARE(scans.at(1).at(1).toString(), QStringLiteral("CASE 340103-0042\nDATE 2026-11-23"));
        QCOMPARE(scans.at(3).at(1).toString(), QStringLiteral("预约号：A017"));
        QCOMPARE(scanner.health().level, HealthLevel::Ok);
    }

    void refusesWedgeScannerItCannotGrab()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("ungrabbable"));
        QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        QString error;
        const std::optional<ScannerSpec> spec = ScannerSpec::parse(QStringLiteral("evdev:%1").arg(fifo), &error);
        QVERIFY(spec.has_value());
        BarcodeScanner scanner(QStringLiteral("barcode_scanner"), *spec);
        QVERIFY(scanner.start(&error));
        QTRY_COMPARE_WITH_TIMEOUT(scanner.health().detail, QStringLiteral("grab_failed"), 10000);
        QCOMPARE(scanner.health().level, HealthLevel::Error);
    }

    void registryRunsSimulatedScanner()
    {
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(QStringLiteral("registry"));
        options.specs[QStringLiteral("barcode_scanner")] = QStringLiteral("simulated");
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY2(registry.build(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        BarcodeScanner *scanner = registry.barcodeScanner();
        QVERIFY(scanner);
        QVERIFY(registry.scannerSimulator());
        QVERIFY(QFileInfo::exists(ScannerSimulator::defaultControlSocketPath(options.stateDirectory)));
        QSignalSpy scans(scanner, &BarcodeScanner::codeScanned);
        QVERIFY(registry.startAll(&errors));
        QTRY_VERIFY_WITH_TIMEOUT(scanner->health().level == HealthLevel::Ok, 10000);
        QVERIFY(registry.scannerSimulator()->execute(QStringLiteral("scan 皖事通 A1")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(1).toString(), QStringLiteral("皖事通 A1"));
    }

    void registryRefusesScannerSpecItCannotRead()
    {
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(QStringLiteral("registry-bad"));
        options.specs[QStringLiteral("barcode_scanner")] = QStringLiteral("v4l2:/dev/video0");
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY(!registry.build(&errors));
        QCOMPARE(errors.size(), 1);
        QVERIFY(!registry.barcodeScanner());
    }

    void reportsMissingSerialScanner()
    {
        QString error;
        const std::optional<ScannerSpec> spec = ScannerSpec::parse(QStringLiteral("serial:%1").arg(m_dir.filePath(QStringLiteral("nothing"))), &error);
        QVERIFY(spec.has_value());
        BarcodeScanner scanner(QStringLiteral("barcode_scanner"), *spec);
        QVERIFY(scanner.start(&error));
        QTRY_COMPARE_WITH_TIMEOUT(scanner.health().detail, QStringLiteral("no_device"), 10000);
        QVERIFY(!scanner.isPresent());
    }
};

QTEST_GUILESS_MAIN(TestBarcodeScanner)
#include "test_barcodescanner.moc"
