#include "kioskconfig.h"
#include "statusreport.h"

#include <QTemporaryDir>
#include <QTest>

// The status report's first lines, as `kioskctl status` prints them: which configuration the
// report was made from, and that the built-in one is a demo whose devices are simulators.
class TestStatusReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QJsonObject reportOf(const KioskConfig &config)
    {
        StatusReport::Options options;
        options.checkPlatform = false;
        options.devices = QJsonArray();
        return StatusReport::collect(config, options);
    }

private slots:
    void theBuiltInConfigurationIsNamedTheDemos()
    {
        KioskConfig config = KioskConfig::defaults();
        config.set(QStringLiteral("kiosk/state_dir"), m_dir.filePath(QStringLiteral("demo")));
        const QJsonObject report = reportOf(config);
        QCOMPARE(report.value(QStringLiteral("config_builtin_demo")).toBool(), true);
        const QString text = StatusReport::toText(report);
        QVERIFY2(text.contains(QStringLiteral("config     the built-in demo configuration (no file at %1): every device is simulated\n")
                                   .arg(KioskConfig::defaultPath())),
                 qPrintable(text));
    }

    void aFileIsNamedByItsPath()
    {
        const QString path = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[kiosk]\nstate_dir=" + m_dir.filePath(QStringLiteral("state")).toUtf8() + "\n");
        file.close();
        QList<ConfigError> errors;
        const std::optional<KioskConfig> config = KioskConfig::load(path, &errors);
        QVERIFY(config);
        const QJsonObject report = reportOf(*config);
        QCOMPARE(report.value(QStringLiteral("config_builtin_demo")).toBool(), false);
        QVERIFY(StatusReport::toText(report).contains(QStringLiteral("config     %1\n").arg(QFileInfo(path).absoluteFilePath())));
    }
};

QTEST_GUILESS_MAIN(TestStatusReport)
#include "test_statusreport.moc"
