#include "cataloguechoice.h"
#include "kioskconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// The one rule by which the kiosk and kioskctl pick the catalogue they offer: the platform's
// kept catalogue, else the configured file, else the built-in one; and a configured file that
// does not load is a problem to report, never a reason not to start.
class TestCatalogueChoice : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }

    static QByteArray demoWithVersion(const QString &version)
    {
        QFile file(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the demo catalogue is not in the build");
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        root.insert(QStringLiteral("version"), version);
        return QJsonDocument(root).toJson();
    }

    QString write(const QString &name, const QByteArray &content) const
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write a test file");
        file.write(content);
        return path;
    }

    KioskConfig configWith(const QString &catalogueFile) const
    {
        KioskConfig config = KioskConfig::defaults();
        config.set(QStringLiteral("kiosk/state_dir"), stateDir());
        config.set(QStringLiteral("kiosk/catalogue_file"), catalogueFile);
        return config;
    }

private slots:
    void init()
    {
        QDir(stateDir()).removeRecursively();
        QVERIFY(QDir().mkpath(stateDir()));
    }

    void withNothingConfiguredOffersTheBuiltInCatalogue()
    {
        const CatalogueChoice choice = CatalogueChoice::choose(configWith({}));
        QCOMPARE(choice.source(), CatalogueChoice::Source::BuiltIn);
        QCOMPARE(choice.catalogue().version(), Catalogue::demo().version());
        QVERIFY(choice.problem().isEmpty());
        QCOMPARE(choice.heartbeatDevice().value(QLatin1String("health")).toString(), QStringLiteral("ok"));
    }

    void offersTheConfiguredFileUntilThePlatformsCatalogueIsKept()
    {
        const QString configured = write(QStringLiteral("hall.json"), demoWithVersion(QStringLiteral("hall-1")));
        const CatalogueChoice before = CatalogueChoice::choose(configWith(configured));
        QCOMPARE(before.source(), CatalogueChoice::Source::ConfiguredFile);
        QCOMPARE(before.catalogue().version(), QStringLiteral("hall-1"));
        QCOMPARE(before.path(), configured);

        write(QStringLiteral("state/platform-catalogue.json"), demoWithVersion(QStringLiteral("platform-7")));
        const CatalogueChoice after = CatalogueChoice::choose(configWith(configured));
        QCOMPARE(after.source(), CatalogueChoice::Source::Platform);
        QCOMPARE(after.catalogue().version(), QStringLiteral("platform-7"));
        QCOMPARE(after.path(), CatalogueChoice::platformCachePath(configWith(configured)));
        QCOMPARE(after.toJson().value(QLatin1String("source")).toString(), QStringLiteral("platform"));
    }

    void aBrokenConfiguredFileFallsBackAndNamesTheFile()
    {
        const QString configured = write(QStringLiteral("broken.json"), "{\"version\": \"x\", \"items\": [");
        const CatalogueChoice choice = CatalogueChoice::choose(configWith(configured));
        QCOMPARE(choice.source(), CatalogueChoice::Source::BuiltIn);
        QVERIFY2(choice.problem().startsWith(QStringLiteral("[kiosk] catalogue_file: %1: catalogue: not JSON").arg(configured)),
                 qPrintable(choice.problem()));
        QVERIFY2(choice.problem().endsWith(QStringLiteral("the kiosk offers the built-in catalogue %1 instead").arg(Catalogue::demo().version())),
                 qPrintable(choice.problem()));
        const QJsonObject json = choice.toJson();
        QCOMPARE(json.value(QLatin1String("health")).toString(), QStringLiteral("warning"));
        QCOMPARE(choice.heartbeatDevice().value(QLatin1String("class")).toString(), QStringLiteral("catalogue"));
        QCOMPARE(choice.heartbeatDevice().value(QLatin1String("detail")).toString(), QStringLiteral("catalogue_file_unusable"));
    }

    void aMissingConfiguredFileIsAProblemToo()
    {
        const QString missing = m_dir.filePath(QStringLiteral("nowhere.json"));
        const CatalogueChoice choice = CatalogueChoice::choose(configWith(missing));
        QCOMPARE(choice.source(), CatalogueChoice::Source::BuiltIn);
        QVERIFY2(choice.problem().contains(missing), qPrintable(choice.problem()));
    }

    void aDamagedKeptCopyIsPassedOver()
    {
        write(QStringLiteral("state/platform-catalogue.json"), "half a file");
        const CatalogueChoice choice = CatalogueChoice::choose(configWith({}));
        QCOMPARE(choice.source(), CatalogueChoice::Source::BuiltIn);
        QVERIFY(choice.problem().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCatalogueChoice)
#include "test_cataloguechoice.moc"
