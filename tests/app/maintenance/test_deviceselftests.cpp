#include "camera/camera.h"
#include "camera/frameprovider.h"
#include "common/personaldata.h"
#include "device/deviceregistry.h"
#include "deviceselftests.h"
#include "idcard/idcardreader.h"
#include "idcard/sim/idcardsimulatorhost.h"
#include "idcard/sim/simcards.h"
#include "scanner/barcodescanner.h"
#include "scanner/sim/scannersimulatorhost.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The self-tests staff run from the maintenance screen, against the simulated devices.
class TestDeviceSelfTests : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<DeviceRegistry> startDevices(const QString &name, const QMap<QString, QString> &specs)
    {
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(name);
        options.specs = specs;
        options.idCardPollIntervalMs = 100;
        options.cameraFps = 10;
        auto registry = std::make_unique<DeviceRegistry>(options);
        QStringList errors;
        if (!registry->build(&errors) || !registry->startAll(&errors)) {
            qWarning() << errors;
            return {};
        }
        return registry;
    }

private slots:
    void initTestCase()
    {
        Camera::registerWithDeviceRegistry();
    }

    void withoutDevicesEachTestSaysSoAndWritesNoAudit()
    {
        DeviceSelfTests tests(nullptr);
        QSignalSpy performed(&tests, &DeviceSelfTests::performed);
        QCOMPARE(tests.card(), DeviceSelfTests::Progress::NotRun);
        tests.startCardTest();
        QCOMPARE(tests.card(), DeviceSelfTests::Progress::Unavailable);
        tests.startScanTest();
        QCOMPARE(tests.scan(), DeviceSelfTests::Progress::Unavailable);
        QVERIFY(!tests.printTestPage({}));
        QCOMPARE(tests.print(), DeviceSelfTests::Progress::Failed);
        QCOMPARE(tests.printDetail(), QStringLiteral("no_printer"));
        tests.measureCamera(QStringLiteral("document_camera"));
        QCOMPARE(tests.camera(), DeviceSelfTests::Progress::Unavailable);
        QCOMPARE(performed.size(), 0);
    }

    void theCardTestKeepsOnlyTheMaskedNameAndNumber()
    {
        const QString name = SimCards::names().first();
        const IdCardHolder card = *SimCards::card(name);
        auto devices = startDevices(QStringLiteral("card"), {{QStringLiteral("id_card_reader"), QStringLiteral("simulated")}});
        QVERIFY(devices);
        QTRY_VERIFY_WITH_TIMEOUT(devices->idCardReader()->health().isUsable(), 20000);
        DeviceSelfTests tests(devices.get());
        QSignalSpy performed(&tests, &DeviceSelfTests::performed);
        tests.startCardTest();
        QCOMPARE(tests.card(), DeviceSelfTests::Progress::Waiting);
        QVERIFY(devices->idCardSimulator()->execute(QStringLiteral("card present ") + name).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(tests.card(), DeviceSelfTests::Progress::Done, 20000);
        QCOMPARE(tests.cardText(), DeviceSelfTests::maskedCard(card.name, card.nameEn, card.idNumber));
        QVERIFY(tests.cardText().contains(PersonalData::maskIdNumber(card.idNumber)));
        QVERIFY(!tests.cardText().contains(card.idNumber));
        QCOMPARE(performed.size(), 1);
        QCOMPARE(performed.at(0).at(0).toString(), QStringLiteral("selftest.card"));
        QCOMPARE(performed.at(0).at(1).toString(), QStringLiteral("ok"));
        QVERIFY(performed.at(0).at(2).toString().isEmpty());
        devices->stopAll();
    }

    void aForeignCardWithoutAChineseNameShowsTheEnglishOneMasked()
    {
        QCOMPARE(DeviceSelfTests::maskedCard({}, QStringLiteral("SMITH JOHN"), QStringLiteral("340104199001011234")),
                 PersonalData::maskName(QStringLiteral("SMITH JOHN")) + QStringLiteral("  ")
                     + PersonalData::maskIdNumber(QStringLiteral("340104199001011234")));
    }

    void theScanTestShowsTheCodeButAuditsOnlyItsLength()
    {
        auto devices = startDevices(QStringLiteral("scan"), {{QStringLiteral("barcode_scanner"), QStringLiteral("simulated")}});
        QVERIFY(devices);
        QTRY_VERIFY_WITH_TIMEOUT(devices->barcodeScanner()->health().level == HealthLevel::Ok, 10000);
        DeviceSelfTests tests(devices.get());
        QSignalSpy performed(&tests, &DeviceSelfTests::performed);
        tests.startScanTest();
        QCOMPARE(tests.scan(), DeviceSelfTests::Progress::Waiting);
        QVERIFY(devices->scannerSimulator()->execute(QStringLiteral("scan TEST-4711")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(tests.scan(), DeviceSelfTests::Progress::Done, 10000);
        QCOMPARE(tests.scanText(), QStringLiteral("TEST-4711"));
        QCOMPARE(performed.size(), 1);
        QCOMPARE(performed.at(0).at(0).toString(), QStringLiteral("selftest.scan"));
        QCOMPARE(performed.at(0).at(2).toString(), QStringLiteral("9 characters"));

        // Leaving maintenance stops listening and forgets what was shown.
        tests.reset();
        QCOMPARE(tests.scan(), DeviceSelfTests::Progress::NotRun);
        QVERIFY(tests.scanText().isEmpty());
        QVERIFY(devices->scannerSimulator()->execute(QStringLiteral("scan AGAIN")).startsWith(QLatin1String("ok")));
        QTest::qWait(500);
        QCOMPARE(tests.scan(), DeviceSelfTests::Progress::NotRun);
        QCOMPARE(performed.size(), 1);
        devices->stopAll();
    }

    void theCameraIsMeasuredOnItsNewestFrame()
    {
        auto devices = startDevices(QStringLiteral("camera"), {{QStringLiteral("document_camera"), QStringLiteral("simulated")}});
        QVERIFY(devices);
        auto *camera = qobject_cast<Camera *>(devices->device(QStringLiteral("document_camera")));
        QVERIFY(camera);
        QTRY_VERIFY_WITH_TIMEOUT(camera->frameProvider()->framesPublished() > 0, 30000);
        DeviceSelfTests tests(devices.get());
        QSignalSpy changed(&tests, &DeviceSelfTests::changed);
        tests.measureCamera(QStringLiteral("document_camera"));
        QCOMPARE(tests.camera(), DeviceSelfTests::Progress::Done);
        QVERIFY(tests.brightness() > 0);
        QVERIFY(tests.focus() >= 0);
        QCOMPARE(changed.size(), 1);
        // A camera that is not configured has no frame to measure.
        tests.measureCamera(QStringLiteral("face_camera"));
        QCOMPARE(tests.camera(), DeviceSelfTests::Progress::Unavailable);
        devices->stopAll();
    }
};

QTEST_GUILESS_MAIN(TestDeviceSelfTests)
#include "test_deviceselftests.moc"
