#include "kioskoptions.h"
#include "kioskprocess.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// Which configuration the kiosk process runs, decided without starting it: the demo when no file
// exists and none was named, the named file when it validates, nothing (and every reason) when not.
class TestKioskProcessConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    KioskOptions options(const QStringList &arguments)
    {
        QString error;
        const std::optional<KioskOptions> parsed = KioskOptions::parse(arguments, &error);
        if (!parsed)
            qFatal("%s", qPrintable(error));
        return *parsed;
    }

    QString write(const QString &name, const QByteArray &contents)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void withNoFileAtTheDefaultPathTheDemoConfigurationRunsAndSaysSo()
    {
        KioskOptions o = options({});
        o.configPath = m_dir.filePath(QStringLiteral("nowhere.ini"));
        QStringList messages;
        const std::optional<KioskConfig> config = KioskProcess::loadConfig(o, &messages);
        QVERIFY(config.has_value());
        QCOMPARE(config->string(QStringLiteral("kiosk/state_dir")), KioskConfig::defaults().string(QStringLiteral("kiosk/state_dir")));
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.first().contains(QLatin1String("built-in demo configuration")), qPrintable(messages.first()));
        QCOMPARE(config->mode(), KioskMode::Demo); // the demo says so: its panel and simulators are allowed
    }

    void aNamedFileThatIsMissingRunsNothing()
    {
        QStringList messages;
        const std::optional<KioskConfig> config
            = KioskProcess::loadConfig(options({QStringLiteral("--config"), m_dir.filePath(QStringLiteral("absent.ini"))}), &messages);
        QVERIFY(!config.has_value());
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(QLatin1String("no such file")), qPrintable(messages.join(QLatin1Char('\n'))));
    }

    void anInvalidFileRunsNothingAndNamesTheKey()
    {
        const QString path = write(QStringLiteral("bad.ini"), "[devices]\nid_card_reader=COM1\n");
        QStringList messages;
        const std::optional<KioskConfig> config = KioskProcess::loadConfig(options({QStringLiteral("--config"), path}), &messages);
        QVERIFY(!config.has_value());
        QVERIFY2(messages.join(QLatin1Char('\n')).contains(path + QLatin1String(": [devices] id_card_reader: 'COM1' is not a device")),
                 qPrintable(messages.join(QLatin1Char('\n'))));
    }

    void theLanguageSwitchOverridesTheFile()
    {
        const QString path = write(QStringLiteral("zh.ini"), "[kiosk]\nlanguage=zh\n");
        QStringList messages;
        const std::optional<KioskConfig> config
            = KioskProcess::loadConfig(options({QStringLiteral("--config"), path, QStringLiteral("--language"), QStringLiteral("en")}), &messages);
        QVERIFY(config.has_value());
        QCOMPARE(config->string(QStringLiteral("kiosk/language")), QStringLiteral("en"));
        QVERIFY2(messages.isEmpty(), qPrintable(messages.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestKioskProcessConfig)
#include "test_kioskprocessconfig.moc"
