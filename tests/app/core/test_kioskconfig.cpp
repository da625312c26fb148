#include "configschema.h"
#include "kioskconfig.h"

#include <QTemporaryDir>
#include <QTest>

#include <QDir>
#include <QFile>
#include <QFileInfo>

class TestKioskConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QByteArray &text)
    {
        static int n = 0;
        const QString path = m_dir.filePath(QStringLiteral("kiosk-%1.ini").arg(++n));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(text);
        return path;
    }

private slots:
    void theExampleIsAValidConfigurationWithEveryKey()
    {
        const QString example = KioskConfig::exampleText();
        for (const ConfigKey &key : ConfigSchema::keys())
            QVERIFY2(example.contains(QLatin1Char('\n') + key.key.section(QLatin1Char('/'), 1) + QLatin1Char('=')), qPrintable(key.key));

        QList<ConfigError> errors;
        const std::optional<KioskConfig> config = KioskConfig::load(write(example.toUtf8()), &errors);
        QVERIFY2(config, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
        QCOMPARE(config->string(QStringLiteral("kiosk/language")), QStringLiteral("zh"));
        QCOMPARE(config->integer(QStringLiteral("session/timeout_form_s")), 180);
    }

    void readsChineseValuesAsUtf8()
    {
        QList<ConfigError> errors;
        const std::optional<KioskConfig> config = KioskConfig::load(
            write("[kiosk]\nhall_name=芜湖市政务服务中心 24小时自助区\nsite=340202-HALL-02\n"), &errors);
        QVERIFY(config);
        QCOMPARE(config->string(QStringLiteral("kiosk/hall_name")), QStringLiteral("芜湖市政务服务中心 24小时自助区"));
        QCOMPARE(config->string(QStringLiteral("kiosk/site")), QStringLiteral("340202-HALL-02"));
    }

    void keepsCommasInsideAHallName()
    {
        QList<ConfigError> errors;
        const std::optional<KioskConfig> config = KioskConfig::load(write("[kiosk]\nhall_name_en=Hefei, Luyang District\n"), &errors);
        QVERIFY(config);
        QCOMPARE(config->string(QStringLiteral("kiosk/hall_name_en")), QStringLiteral("Hefei, Luyang District"));
    }

    void rejectsBadValuesNamingTheKeyAndTheReason_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key") << QByteArray("[kiosk]\nhal_name=x\n") << QStringLiteral("[kiosk] hal_name: unknown key");
        QTest::newRow("language") << QByteArray("[kiosk]\nlanguage=fr\n") << QStringLiteral("[kiosk] language: 'fr' is not one of zh, en");
        QTest::newRow("not a number") << QByteArray("[session]\ntimeout_form_s=long\n")
                                      << QStringLiteral("[session] timeout_form_s: 'long' is not a whole number");
        QTest::newRow("out of range") << QByteArray("[session]\ntimeout_form_s=5\n")
                                      << QStringLiteral("[session] timeout_form_s: 5 is outside 10..1800");
        // A printer asked for its state more often than four times a second would only load it.
        QTest::newRow("printer polled too often") << QByteArray("[devices]\nprinter_status_poll_ms=100\n")
                                                  << QStringLiteral("[devices] printer_status_poll_ms: 100 is outside 250..60000");
        QTest::newRow("countdown longer than timeout") << QByteArray("[session]\nwarning_s=100\n")
                                                       << QStringLiteral("[session] timeout_choose_s: must be longer than session/warning_s");
        QTest::newRow("boolean") << QByteArray("[kiosk]\nfullscreen=maybe\n") << QStringLiteral("[kiosk] fullscreen: 'maybe' is not true or false");
        QTest::newRow("plain http off loopback") << QByteArray("[platform]\nurl=http://platform.example.gov.cn/terminal/v1\n")
                                                 << QStringLiteral("[platform] url: plain http is allowed only towards loopback");
        QTest::newRow("relative path") << QByteArray("[platform]\nca_file=certs/ca.pem\n")
                                       << QStringLiteral("[platform] ca_file: 'certs/ca.pem' is not an absolute path");
        QTest::newRow("https without its CA") << QByteArray("[platform]\nurl=https://platform.example.gov.cn/terminal/v1\n")
                                              << QStringLiteral("[platform] ca_file: must name the CA bundle (PEM) that signs "
                                                                "platform.example.gov.cn's certificate");
        QTest::newRow("device") << QByteArray("[devices]\nid_card_reader=COM3\n")
                                << QStringLiteral("[devices] id_card_reader: 'COM3' is not a device");
        QTest::newRow("required") << QByteArray("[kiosk]\nsite=\n") << QStringLiteral("[kiosk] site: must be set");
        QTest::newRow("outside a section") << QByteArray("language=en\n") << QStringLiteral("[general] language: key outside any [section]");
    }

    void rejectsBadValuesNamingTheKeyAndTheReason()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, expected);
        QList<ConfigError> errors;
        QVERIFY(!KioskConfig::load(write(file), &errors));
        QStringList messages;
        for (const ConfigError &e : errors)
            messages.append(e.toString());
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(expected), qPrintable(messages.join(QLatin1Char('\n'))));
    }

    void anHttpsPlatformWithItsCaIsAccepted()
    {
        QList<ConfigError> errors;
        const std::optional<KioskConfig> config =
            KioskConfig::load(write("[platform]\nurl=https://platform.example.gov.cn/terminal/v1\nca_file=/etc/kiosk/platform-ca.pem\n"), &errors);
        QVERIFY2(config, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
    }

    void reportsEveryProblemInOnePass()
    {
        QList<ConfigError> errors;
        QVERIFY(!KioskConfig::load(write("[kiosk]\nlanguage=fr\nfullscreen=maybe\n[devices]\nbarcode_scanner=??\n"), &errors));
        QCOMPARE(errors.size(), 3);
    }

    void acceptsEveryDeviceForm_data()
    {
        QTest::addColumn<QString>("spec");
        for (const char *spec : {"none", "simulated", "serial:/dev/ttyUSB0", "serial:/dev/ttyACM0@9600", "usb:0400:c35a",
                                 "hidpos:1eab:1d06", "evdev:/dev/input/by-id/usb-scanner-event-kbd", "v4l2:/dev/video0", "v4l2:0",
                                 "file:/srv/clips/face.avi", "cups:receipt", "ipp://127.0.0.1:8631/ipp/print",
                                 // Options after the address: scan timing, clip playing.
                                 "serial:/dev/ttyACM0@9600,line_end_ms=60", "hidpos:1eab:1d06,line_end_ms=40,silence_ms=150",
                                 "evdev:/dev/input/event7,grab=no,line_end_ms=80", "file:/srv/frames/f%03d.png,realtime=no,loop=no"})
            QTest::newRow(spec) << QString::fromLatin1(spec);
    }

    void acceptsEveryDeviceForm()
    {
        QFETCH(QString, spec);
        QList<ConfigError> errors;
        const auto config = KioskConfig::load(write("[devices]\nid_card_reader=" + spec.toUtf8() + "\n"), &errors);
        QVERIFY2(config, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
        QCOMPARE(config->string(QStringLiteral("devices/id_card_reader")), spec);
    }

    // The package ships this file as /etc/kiosk/kiosk.ini: a production terminal's, nothing of the demo's.
    void theShippedExampleIsProductionAndTheDemoMustBeAskedFor()
    {
        QList<ConfigError> errors;
        const std::optional<KioskConfig> production = KioskConfig::load(write(KioskConfig::exampleText().toUtf8()), &errors);
        QVERIFY2(production, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
        QCOMPARE(production->mode(), KioskMode::Production);
        QVERIFY2(production->demoOnlySettings().isEmpty(), qPrintable(production->demoOnlySettings().join(QLatin1Char('\n'))));
        QVERIFY(production->string(QStringLiteral("platform/url")).startsWith(QLatin1String("https://")));

        const std::optional<KioskConfig> demo = KioskConfig::load(write(KioskConfig::exampleText(KioskMode::Demo).toUtf8()), &errors);
        QVERIFY2(demo, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
        QCOMPARE(demo->mode(), KioskMode::Demo);
        QVERIFY(demo->demoOnlySettings().contains(QStringLiteral("devices/id_card_reader is simulated")));
        QVERIFY(demo->demoOnlySettings().contains(QStringLiteral("platform/url is plain http")));

        // Without the word, a file with simulators is in production mode all the same.
        const std::optional<KioskConfig> unsaid = KioskConfig::load(write("[devices]\nreceipt_printer=simulated\n"), &errors);
        QVERIFY(unsaid);
        QCOMPARE(unsaid->mode(), KioskMode::Production);
        QVERIFY(unsaid->demoOnlySettings().contains(QStringLiteral("devices/receipt_printer is simulated")));
    }

    // What the touch screen changes lives in STATE_DIR/config/overlay.ini and wins over the file.
    void theOverlayWinsForTheKeysItMayHold()
    {
        const QString state = m_dir.filePath(QStringLiteral("overlay-state"));
        const QString overlay = KioskConfig::overlayPathIn(state);
        QVERIFY(QDir().mkpath(QFileInfo(overlay).absolutePath()));
        QFile file(overlay);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[kiosk]\nhall_name=芜湖政务大厅\n[admin]\npin_hash=from-the-screen\n");
        file.close();
        QList<ConfigError> errors;
        const std::optional<KioskConfig> config = KioskConfig::load(
            write("[kiosk]\nstate_dir=" + state.toUtf8() + "\nhall_name=合肥政务大厅\nsite=340202-HALL-02\n"), &errors);
        QVERIFY2(config, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
        QCOMPARE(config->overlayPath(), overlay);
        QCOMPARE(config->string(QStringLiteral("kiosk/hall_name")), QStringLiteral("芜湖政务大厅"));
        QCOMPARE(config->string(QStringLiteral("admin/pin_hash")), QStringLiteral("from-the-screen"));
        QCOMPARE(config->string(QStringLiteral("kiosk/site")), QStringLiteral("340202-HALL-02"));
    }

    // The kiosk may write the overlay; it must not reach the platform, the devices or the keys.
    void anOverlayHoldingAnyOtherKeyIsRefused()
    {
        const QString state = m_dir.filePath(QStringLiteral("overlay-refused"));
        const QString overlay = KioskConfig::overlayPathIn(state);
        QVERIFY(QDir().mkpath(QFileInfo(overlay).absolutePath()));
        QFile file(overlay);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[platform]\nurl=http://127.0.0.1:9/terminal/v1\n[kiosk]\nstate_dir=/tmp\n");
        file.close();
        QList<ConfigError> errors;
        QVERIFY(!KioskConfig::load(write("[kiosk]\nstate_dir=" + state.toUtf8() + "\n"), &errors));
        QStringList keys;
        for (const ConfigError &error : errors)
            keys << error.key;
        QVERIFY2(keys.contains(QStringLiteral("platform/url")) && keys.contains(QStringLiteral("kiosk/state_dir")), qPrintable(keys.join(QLatin1Char(' '))));
        QVERIFY(errors.first().reason.contains(overlay));
    }

    void saysWhenTheFileIsMissing()
    {
        QList<ConfigError> errors;
        QVERIFY(!KioskConfig::load(m_dir.filePath(QStringLiteral("absent.ini")), &errors));
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().reason.contains(QLatin1String("no such file")));
    }
};

QTEST_GUILESS_MAIN(TestKioskConfig)
#include "test_kioskconfig.moc"
