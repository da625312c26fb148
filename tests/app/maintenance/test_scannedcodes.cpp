#include "device/deviceregistry.h"
#include "scanner/barcodescanner.h"
#include "scanner/sim/scannersimulatorhost.h"
#include "scannedcodes.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Staff codes are heard from every scanning device, whatever screen is up.
class TestScannedCodes : public QObject
{
    Q_OBJECT

private slots:
    void withoutDevicesNothingIsHeard()
    {
        ScannedCodes codes(nullptr);
        QSignalSpy heard(&codes, &ScannedCodes::codeScanned);
        QTest::qWait(50);
        QCOMPARE(heard.size(), 0);
    }

    void aCodeTheScannerReadsIsPassedOnAsItsText()
    {
        QTemporaryDir dir;
        DeviceRegistryOptions options;
        options.stateDirectory = dir.path();
        options.specs[QStringLiteral("barcode_scanner")] = QStringLiteral("simulated");
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY2(registry.build(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        ScannedCodes codes(&registry);
        QSignalSpy heard(&codes, &ScannedCodes::codeScanned);
        QVERIFY(registry.startAll(&errors));
        QTRY_VERIFY_WITH_TIMEOUT(registry.barcodeScanner()->health().level == HealthLevel::Ok, 10000);
        QVERIFY(registry.scannerSimulator()->execute(QStringLiteral("scan KIOSKADM1.test")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 1, 10000);
        QCOMPARE(heard.at(0).at(0).toString(), QStringLiteral("KIOSKADM1.test"));
        registry.stopAll();
    }
};

QTEST_GUILESS_MAIN(TestScannedCodes)
#include "test_scannedcodes.moc"
