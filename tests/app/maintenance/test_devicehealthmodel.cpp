#include "device/device.h"
#include "device/deviceregistry.h"
#include "devicehealthmodel.h"
#include "idcard/idcardreader.h"
#include "idcard/sim/idcardsimulatorhost.h"
#include "scanner/barcodescanner.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The devices' list on the maintenance and provisioning screens, against a simulated scanner.
class TestDeviceHealthModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QVariant at(const DeviceHealthModel &model, int row, DeviceHealthModel::Role role)
    {
        return model.data(model.index(row), role);
    }

private slots:
    void withoutDevicesTheListIsEmpty()
    {
        DeviceHealthModel model(nullptr);
        QCOMPARE(model.rowCount(), 0);
        model.refresh();
        QCOMPARE(model.rowCount(), 0);
    }

    void eachRoleHasTheNameQmlReads()
    {
        const QHash<int, QByteArray> roles = DeviceHealthModel(nullptr).roleNames();
        QCOMPARE(roles.value(DeviceHealthModel::DeviceIdRole), QByteArray("deviceId"));
        QCOMPARE(roles.value(DeviceHealthModel::LevelRole), QByteArray("level"));
        QCOMPARE(roles.value(DeviceHealthModel::HasHintRole), QByteArray("hasHint"));
        QCOMPARE(roles.value(DeviceHealthModel::StatisticsRole), QByteArray("statistics"));
        QCOMPARE(roles.value(DeviceHealthModel::AttentionRole), QByteArray("attention"));
        QCOMPARE(roles.size(), 9);
    }

    void aDeviceStillStartingIsWatchedThenFineOnceItWorks()
    {
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(QStringLiteral("starting"));
        options.specs[QStringLiteral("barcode_scanner")] = QStringLiteral("simulated");
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY2(registry.build(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        DeviceHealthModel model(&registry);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(at(model, 0, DeviceHealthModel::DeviceIdRole).toString(), QStringLiteral("barcode_scanner"));
        QVERIFY(!at(model, 0, DeviceHealthModel::SpecRole).toString().isEmpty());
        QCOMPARE(at(model, 0, DeviceHealthModel::LevelRole).toString(), QStringLiteral("unknown"));
        QCOMPARE(at(model, 0, DeviceHealthModel::AttentionRole).toInt(), int(DeviceHealthModel::Attention::Watch));
        QVERIFY(!at(model, 0, DeviceHealthModel::UsableRole).toBool());

        QSignalSpy rowChanged(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy healthChanged(&model, &DeviceHealthModel::healthChanged);
        QVERIFY(registry.startAll(&errors));
        QTRY_VERIFY_WITH_TIMEOUT(registry.barcodeScanner()->health().level == HealthLevel::Ok, 10000);
        QVERIFY(rowChanged.size() >= 1);
        QVERIFY(healthChanged.size() >= 1);
        QCOMPARE(at(model, 0, DeviceHealthModel::LevelRole).toString(), QStringLiteral("ok"));
        QCOMPARE(at(model, 0, DeviceHealthModel::AttentionRole).toInt(), int(DeviceHealthModel::Attention::Fine));
        QVERIFY(at(model, 0, DeviceHealthModel::UsableRole).toBool());
        QVERIFY(!at(model, 0, DeviceHealthModel::HasHintRole).toBool());
        QCOMPARE(at(model, 0, DeviceHealthModel::HintRole).toString(), QStringLiteral("none"));
        registry.stopAll();
    }

    void anUnpluggedReaderAsksStaffToAct()
    {
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(QStringLiteral("unplugged"));
        options.specs[QStringLiteral("id_card_reader")] = QStringLiteral("simulated");
        options.idCardPollIntervalMs = 100;
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY2(registry.build(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        DeviceHealthModel model(&registry);
        QVERIFY(registry.startAll(&errors));
        QTRY_COMPARE_WITH_TIMEOUT(at(model, 0, DeviceHealthModel::AttentionRole).toInt(), int(DeviceHealthModel::Attention::Fine), 20000);
        QVERIFY(registry.idCardSimulator()->execute(QStringLiteral("fault unplug")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(at(model, 0, DeviceHealthModel::AttentionRole).toInt(), int(DeviceHealthModel::Attention::Act), 30000);
        QCOMPARE(at(model, 0, DeviceHealthModel::LevelRole).toString(), QStringLiteral("error"));
        QVERIFY(!at(model, 0, DeviceHealthModel::DetailRole).toString().isEmpty());
        QVERIFY(!at(model, 0, DeviceHealthModel::UsableRole).toBool());
        QVERIFY(!model.data(model.index(1), DeviceHealthModel::DeviceIdRole).isValid());
        registry.stopAll();
    }
};

QTEST_GUILESS_MAIN(TestDeviceHealthModel)
#include "test_devicehealthmodel.moc"
