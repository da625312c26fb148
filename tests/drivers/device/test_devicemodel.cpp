#include "device/device.h"
#include "device/deviceregistry.h"
#include "device/devicespec.h"
#include "device/devicestatistics.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The device model every device class shares: the life cycle, the vocabulary, the spec strings
// and statistics that survive a restart.
class TestDeviceModel : public QObject
{
    Q_OBJECT

private:
    // A device whose hooks record the order they ran in and can be told to refuse.
    class RecordingDevice : public Device
    {
    public:
        RecordingDevice()
            : Device(QStringLiteral("test_device"), QStringLiteral("test"), QStringLiteral("simulated"))
        {
        }
        QStringList calls;
        bool refuseClaim = false;
        void bump() { count(QStringLiteral("pages")); }

    protected:
        bool onOpen(QString *) override { return calls << QStringLiteral("open"), true; }
        bool onClaim(QString *error) override
        {
            calls << QStringLiteral("claim");
            if (refuseClaim)
                *error = QStringLiteral("claimed by another process");
            return !refuseClaim;
        }
        bool onEnable(QString *) override { return calls << QStringLiteral("enable"), true; }
        void onDisable() override { calls << QStringLiteral("disable"); }
        void onRelease() override { calls << QStringLiteral("release"); }
        void onClose() override { calls << QStringLiteral("close"); }
    };

private slots:
    void refusesToEnableBeforeClaiming()
    {
        RecordingDevice device;
        QString error;
        QVERIFY(!device.enable(&error));
        QVERIFY(error.contains(QStringLiteral("claimed")));
        QVERIFY(!device.claim(&error));
        QVERIFY(device.open(&error));
        QVERIFY(!device.enable(&error));
        QVERIFY(device.calls == QStringList{QStringLiteral("open")});
        QVERIFY(!device.open(&error));
    }

    void runsTheLifeCycleForwardAndBackInOrder()
    {
        RecordingDevice device;
        QSignalSpy states(&device, &Device::stateChanged);
        QVERIFY(device.start());
        QCOMPARE(device.stage(), Device::Stage::Enabled);
        QCOMPARE(device.state(), Device::State::Idle);
        device.close();
        QCOMPARE(device.stage(), Device::Stage::Closed);
        QCOMPARE(device.state(), Device::State::Closed);
        QCOMPARE(device.calls, (QStringList{QStringLiteral("open"), QStringLiteral("claim"), QStringLiteral("enable"),
                                            QStringLiteral("disable"), QStringLiteral("release"), QStringLiteral("close")}));
        QCOMPARE(states.size(), 2);
    }

    void staysOpenWhenTheDriverRefusesTheClaim()
    {
        RecordingDevice device;
        device.refuseClaim = true;
        QString error;
        QVERIFY(!device.start(&error));
        QCOMPARE(error, QStringLiteral("claimed by another process"));
        QCOMPARE(device.stage(), Device::Stage::Open);
    }

    void reportsHealthErrorWhenCheckedWhileClosed()
    {
        RecordingDevice device;
        QSignalSpy checked(&device, &Device::healthChecked);
        device.checkHealth(HealthCheckLevel::Internal);
        QCOMPARE(checked.size(), 1);
        QCOMPARE(checked.at(0).at(1).value<DeviceHealth>().level, HealthLevel::Error);
        QCOMPARE(device.health().detail, QStringLiteral("not_open"));
    }

    void speaksTheSharedVocabulary()
    {
        QCOMPARE(DeviceVocabulary::toString(HealthLevel::Ok), QStringLiteral("ok"));
        QCOMPARE(DeviceVocabulary::toString(HealthLevel::Warning), QStringLiteral("warning"));
        QCOMPARE(DeviceVocabulary::toString(HealthLevel::Error), QStringLiteral("error"));
        QCOMPARE(DeviceVocabulary::toString(HealthLevel::Busy), QStringLiteral("busy"));
        QCOMPARE(DeviceVocabulary::toString(HealthLevel::Disabled), QStringLiteral("disabled"));
        QCOMPARE(DeviceVocabulary::toString(HealthLevel::Unknown), QStringLiteral("unknown"));
        QCOMPARE(DeviceVocabulary::toString(StaffHint::None), QStringLiteral("none"));
        QCOMPARE(DeviceVocabulary::toString(StaffHint::Retry), QStringLiteral("retry"));
        QCOMPARE(DeviceVocabulary::toString(StaffHint::Reset), QStringLiteral("reset"));
        QCOMPARE(DeviceVocabulary::toString(StaffHint::ReplaceConsumable), QStringLiteral("replace_consumable"));
        QCOMPARE(DeviceVocabulary::toString(StaffHint::CallService), QStringLiteral("call_service"));
        HealthCheckLevel level = HealthCheckLevel::Internal;
        QVERIFY(DeviceVocabulary::parse(QStringLiteral("external"), &level));
        QCOMPARE(level, HealthCheckLevel::External);
        QVERIFY(!DeviceVocabulary::parse(QStringLiteral("deep"), &level));
    }

    void parsesDeviceSpecs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("normalised");
        using K = DeviceSpec::Kind;
        QTest::newRow("none") << QStringLiteral("none") << true << int(K::None) << QStringLiteral("none");
        QTest::newRow("simulated") << QStringLiteral("simulated") << true << int(K::Simulated) << QStringLiteral("simulated");
        QTest::newRow("serial with baud") << QStringLiteral("serial:/dev/ttyUSB0@9600") << true << int(K::Serial)
                                          << QStringLiteral("serial:/dev/ttyUSB0@9600");
        QTest::newRow("serial default baud") << QStringLiteral("serial:/dev/ttyACM0") << true << int(K::Serial)
                                             << QStringLiteral("serial:/dev/ttyACM0@115200");
        QTest::newRow("usb") << QStringLiteral("usb:10c4:ea60") << true << int(K::Usb) << QStringLiteral("usb:10c4:ea60");
        QTest::newRow("usb with options") << QStringLiteral("usb:0400:c35a,in=0x82,out=0x01,preamble=no") << true << int(K::Usb)
                                          << QStringLiteral("usb:0400:c35a,in=0x82,out=0x01,preamble=no");
        QTest::newRow("serial without path") << QStringLiteral("serial:") << false << 0 << QString();
        QTest::newRow("bad baud") << QStringLiteral("serial:/dev/ttyS0@fast") << false << 0 << QString();
        QTest::newRow("usb without pid") << QStringLiteral("usb:10c4") << false << 0 << QString();
        QTest::newRow("usb not hex") << QStringLiteral("usb:zz:ea60") << false << 0 << QString();
        QTest::newRow("option without value") << QStringLiteral("usb:10c4:ea60,preamble") << false << 0 << QString();
        QTest::newRow("unknown kind") << QStringLiteral("bluetooth:00:11") << false << 0 << QString();
    }

    void parsesDeviceSpecs()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, kind);
        QFETCH(QString, normalised);
        QString error;
        const std::optional<DeviceSpec> spec = DeviceSpec::parse(text, &error);
        QCOMPARE(spec.has_value(), valid);
        if (!valid) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QCOMPARE(int(spec->kind), kind);
        QCOMPARE(spec->toString(), normalised);
    }

    void readsUsbEndpointOptions()
    {
        const DeviceSpec spec = *DeviceSpec::parse(QStringLiteral("usb:0400:c35a,in=0x82,out=1,preamble=no"));
        QCOMPARE(spec.vendorId, quint16(0x0400));
        QCOMPARE(spec.productId, quint16(0xc35a));
        QCOMPARE(spec.intOption(QStringLiteral("in"), 0x81), 0x82);
        QCOMPARE(spec.intOption(QStringLiteral("out"), 2), 1);
        QCOMPARE(spec.intOption(QStringLiteral("interface"), 0), 0);
        QCOMPARE(spec.boolOption(QStringLiteral("preamble"), true), false);
    }

    void keepsStatisticsAcrossARestart()
    {
        QTemporaryDir dir;
        {
            RecordingDevice device;
            device.setStateDirectory(dir.path());
            device.bump();
            device.bump();
        }
        RecordingDevice again;
        again.setStateDirectory(dir.path());
        QCOMPARE(again.statistics().value(QStringLiteral("pages")), 2);
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("devices/test_device.json"))));
    }

    void startsAfreshFromADamagedStatisticsFile()
    {
        QTemporaryDir dir;
        QDir().mkpath(dir.filePath(QStringLiteral("devices")));
        QFile file(dir.filePath(QStringLiteral("devices/test_device.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        RecordingDevice device;
        device.setStateDirectory(dir.path());
        QCOMPARE(device.statistics().value(QStringLiteral("pages")), 0);
        device.bump();
        RecordingDevice again;
        again.setStateDirectory(dir.path());
        QCOMPARE(again.statistics().value(QStringLiteral("pages")), 1);
    }

    void registryBuildsOtherClassesThroughTheirFactories()
    {
        QStringList seenSpecs;
        DeviceRegistry::registerFactory(QStringLiteral("test_printer"),
                                        [&seenSpecs](const QString &, const DeviceSpec &spec, const DeviceRegistryOptions &, QString *error) -> Device * {
                                            seenSpecs << spec.toString();
                                            if (spec.kind == DeviceSpec::Kind::Usb) {
                                                *error = QStringLiteral("printers are not on USB here");
                                                return nullptr;
                                            }
                                            return new RecordingDevice;
                                        });
        QTemporaryDir dir;
        DeviceRegistryOptions options;
        options.stateDirectory = dir.path();
        options.specs.insert(QStringLiteral("test_printer"), QStringLiteral("simulated"));
        options.specs.insert(QStringLiteral("face_camera"), QStringLiteral("simulated"));
        options.specs.insert(QStringLiteral("document_camera"), QStringLiteral("none"));
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY(registry.build(&errors));
        QCOMPARE(seenSpecs, QStringList{QStringLiteral("simulated")});
        QCOMPARE(registry.devices().size(), 1);
        QVERIFY(registry.startAll(&errors));
        QCOMPARE(registry.devices().first()->stage(), Device::Stage::Enabled);
        QCOMPARE(registry.unsupported(), QStringList{QStringLiteral("face_camera")});

        options.specs = {{QStringLiteral("test_printer"), QStringLiteral("usb:1234:5678")}};
        DeviceRegistry refused(options);
        QVERIFY(!refused.build(&errors));
        QVERIFY(errors.last().contains(QStringLiteral("not on USB")));
    }

    void countsSecondsEnabled()
    {
        QTemporaryDir dir;
        RecordingDevice device;
        device.setStateDirectory(dir.path());
        QVERIFY(device.start());
        QTest::qWait(1100);
        device.close();
        QVERIFY(device.statistics().value(QStringLiteral("seconds_enabled")) >= 1);
    }
};

QTEST_GUILESS_MAIN(TestDeviceModel)
#include "test_devicemodel.moc"
