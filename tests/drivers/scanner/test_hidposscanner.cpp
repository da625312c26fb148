#include "scanner/barcodescanner.h"
#include "scanner/hidposreport.h"
#include "scanner/scannerspec.h"
#include "scanner/sim/hidposemulation.h"

#include <QSignalSpy>
#include <QTest>

// The HID-POS scanner driver through libusb against a Newland-style scanner emulated by umockdev
// in this process: short and long (multi-report) codes, a code ending on silence, hot-plug.
class TestHidPosScanner : public QObject
{
    Q_OBJECT

private:
    HidPosEmulation m_emulation;
    std::unique_ptr<BarcodeScanner> m_scanner;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_emulation.start(&error), qPrintable(error));
        const std::optional<ScannerSpec> spec = ScannerSpec::parse(QStringLiteral("hidpos:1eab:1d06"), &error);
        QVERIFY(spec.has_value());
        m_scanner = std::make_unique<BarcodeScanner>(QStringLiteral("barcode_scanner"), *spec);
        QVERIFY2(m_scanner->start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(m_scanner->health().level == HealthLevel::Ok, 10000);
    }

    void cleanupTestCase()
    {
        m_scanner.reset();
    }

    void deliversShortCodeWithItsSymbology()
    {
        QSignalSpy scans(m_scanner.get(), &BarcodeScanner::codeScanned);
        m_emulation.scan(QByteArray("CASE-2026-000042"), 'Q');
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("QRCode"));
        QCOMPARE(scans.at(0).at(1).toString(), QStringLiteral("CASE-2026-000042"));
    }

    void assemblesCodeSpanningSeveralReports()
    {
        QSignalSpy scans(m_scanner.get(), &BarcodeScanner::codeScanned);
        const QString text = QStringLiteral("https://zwfw.ah.gov.cn/eid?t=") + QStringLiteral("安徽政务").repeated(20);
        m_emulation.scan(text.toUtf8(), 'Q');
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(1).toString(), text);
    }

    void endsCodeOfExactlyFullReportsOnSilence()
    {
        QSignalSpy scans(m_scanner.get(), &BarcodeScanner::codeScanned);
        const QByteArray payload(HidPosReportAssembler::MaxPayloadPerReport * 2, 'Z');
        m_emulation.scan(payload, 'j');
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("Code128"));
        QCOMPARE(scans.at(0).at(1).toString(), QString::fromLatin1(payload));
    }

    void survivesMalformedReport()
    {
        QSignalSpy scans(m_scanner.get(), &BarcodeScanner::codeScanned);
        QByteArray bad(64, '\0');
        bad[0] = char(0x02);
        bad[1] = char(60);
        m_emulation.sendReport(bad);
        m_emulation.scan(QByteArray("after-bad"), 'Q');
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(1).toString(), QStringLiteral("after-bad"));
        QTRY_VERIFY_WITH_TIMEOUT(m_scanner->statistics().value(QStringLiteral("bad_reports")) >= 1, 10000);
    }

    void reportsUnplugAndScansAgainAfterReplug()
    {
        QSignalSpy presence(m_scanner.get(), &Device::presenceChanged);
        m_emulation.unplug();
        QTRY_VERIFY_WITH_TIMEOUT(!m_scanner->isPresent(), 10000);
        QCOMPARE(m_scanner->health().detail, QStringLiteral("no_device"));
        m_emulation.plug();
        QTRY_VERIFY_WITH_TIMEOUT(m_scanner->isPresent(), 15000);
        QSignalSpy scans(m_scanner.get(), &BarcodeScanner::codeScanned);
        m_emulation.scan(QByteArray("back"), 'Q');
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(1).toString(), QStringLiteral("back"));
    }
};

QTEST_GUILESS_MAIN(TestHidPosScanner)
#include "test_hidposscanner.moc"
