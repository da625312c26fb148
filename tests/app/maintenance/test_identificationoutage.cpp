#include "device/device.h"
#include "device/deviceregistry.h"
#include "identificationoutage.h"
#include "idcard/idcardreader.h"
#include "idcard/sim/idcardsimulatorhost.h"
#include "scanner/barcodescanner.h"

#include <QTemporaryDir>
#include <QTest>

// When the kiosk is out of service because no resident could identify: the card reader has
// failed and no other identification device works either.
class TestIdentificationOutage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void withoutDevicesNothingIsOutOfService()
    {
        QVERIFY(IdentificationOutage::reasonIn(nullptr).isEmpty());
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(QStringLiteral("none"));
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY(registry.build(&errors));
        QVERIFY(IdentificationOutage::reasonIn(&registry).isEmpty());
    }

    void onlyAFailedReaderWithNoWorkingScannerTakesTheKioskOutOfService_data()
    {
        QTest::addColumn<QString>("scanner");
        QTest::addColumn<bool>("outOfService");
        QTest::newRow("reader failed, no scanner") << QStringLiteral("none") << true;
        QTest::newRow("reader failed, scanner works") << QStringLiteral("simulated") << false;
    }

    void onlyAFailedReaderWithNoWorkingScannerTakesTheKioskOutOfService()
    {
        QFETCH(QString, scanner);
        QFETCH(bool, outOfService);
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(outOfService ? QStringLiteral("alone") : QStringLiteral("both"));
        options.specs[QStringLiteral("id_card_reader")] = QStringLiteral("simulated");
        options.specs[QStringLiteral("barcode_scanner")] = scanner;
        options.idCardPollIntervalMs = 100;
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY2(registry.build(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        // A reader still starting (health unknown) does not count as failed.
        QVERIFY(IdentificationOutage::reasonIn(&registry).isEmpty());
        QVERIFY(registry.startAll(&errors));
        QTRY_VERIFY_WITH_TIMEOUT(registry.idCardReader()->health().isUsable(), 20000);
        QVERIFY(IdentificationOutage::reasonIn(&registry).isEmpty());
        QVERIFY(registry.idCardSimulator()->execute(QStringLiteral("fault unplug")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(registry.idCardReader()->health().level, HealthLevel::Error, 30000);
        const QString reason = IdentificationOutage::reasonIn(&registry);
        if (outOfService) {
            QCOMPARE(reason, QStringLiteral("id_card_reader: %1").arg(registry.idCardReader()->health().detail));
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(registry.barcodeScanner()->health().level == HealthLevel::Ok, 10000);
            QVERIFY(IdentificationOutage::reasonIn(&registry).isEmpty());
        }
        registry.stopAll();
    }
};

QTEST_GUILESS_MAIN(TestIdentificationOutage)
#include "test_identificationoutage.moc"
