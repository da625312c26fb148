#include "configoverlay.h"
#include "kioskconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// What the touch screen changes (the first PIN, its rehash, the hall) is written to the overlay
// under the state directory and into the running configuration, never into kiosk.ini.
class TestConfigOverlay : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    KioskConfig loaded(const QString &name)
    {
        const QString state = m_dir.filePath(name);
        const QString path = m_dir.filePath(name + QStringLiteral(".ini"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write("[kiosk]\nstate_dir=" + state.toUtf8() + "\nhall_name=合肥政务大厅\nsite=340202-HALL-02\n");
        file.close();
        QList<ConfigError> errors;
        const std::optional<KioskConfig> config = KioskConfig::load(path, &errors);
        if (!config)
            qFatal("%s does not load", qPrintable(path));
        return *config;
    }

    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void storedValuesReachTheOverlayAndTheRunningConfigurationButNotTheFile()
    {
        KioskConfig config = loaded(QStringLiteral("hall"));
        const QByteArray before = contents(config.sourcePath());
        QString error;
        QVERIFY2(ConfigOverlay::store(config, {{QStringLiteral("kiosk/hall_name"), QStringLiteral("芜湖政务大厅")},
                                               {QStringLiteral("admin/pin_hash"), QStringLiteral("pbkdf2-sha256$600000$c2FsdA$aGFzaA")}},
                                      &error),
                 qPrintable(error));
        QCOMPARE(config.string(QStringLiteral("kiosk/hall_name")), QStringLiteral("芜湖政务大厅"));
        QCOMPARE(config.string(QStringLiteral("admin/pin_hash")), QStringLiteral("pbkdf2-sha256$600000$c2FsdA$aGFzaA"));
        QCOMPARE(contents(config.sourcePath()), before);
        QVERIFY(QString::fromUtf8(contents(config.overlayPath())).contains(QStringLiteral("芜湖政务大厅")));

        // Loaded again, the kiosk finds what the screen stored.
        QList<ConfigError> errors;
        const std::optional<KioskConfig> again = KioskConfig::load(config.sourcePath(), &errors);
        QVERIFY(again);
        QCOMPARE(again->string(QStringLiteral("kiosk/hall_name")), QStringLiteral("芜湖政务大厅"));
    }

    void aKeyTheScreenMayNotChangeIsRefusedAndNothingChanges()
    {
        KioskConfig config = loaded(QStringLiteral("refused"));
        const QString url = config.string(QStringLiteral("platform/url"));
        QString error;
        QVERIFY(!ConfigOverlay::store(config, {{QStringLiteral("kiosk/site"), QStringLiteral("340202-HALL-09")},
                                               {QStringLiteral("platform/url"), QStringLiteral("http://127.0.0.1:9/terminal/v1")}},
                                      &error));
        QVERIFY2(error.contains(QStringLiteral("platform/url")), qPrintable(error));
        QCOMPARE(config.string(QStringLiteral("platform/url")), url);
        QCOMPARE(config.string(QStringLiteral("kiosk/site")), QStringLiteral("340202-HALL-02"));
        QVERIFY(!QFile::exists(config.overlayPath()));
    }

    void theBuiltInConfigurationHasNoOverlayToWrite()
    {
        KioskConfig config = KioskConfig::defaults();
        QString error;
        QVERIFY(!ConfigOverlay::store(config, {{QStringLiteral("kiosk/hall_name"), QStringLiteral("芜湖政务大厅")}}, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(config.string(QStringLiteral("kiosk/hall_name")) != QStringLiteral("芜湖政务大厅"));
    }
};

QTEST_GUILESS_MAIN(TestConfigOverlay)
#include "test_configoverlay.moc"
