#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// kioskctl as a technician runs it: the real executable, its exit codes and what it prints.
class TestKioskctl : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run kioskctl(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("KIOSKCTL"), args);
        if (!p.waitForFinished(60000))
            qFatal("kioskctl did not finish");
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QString write(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(text);
        return path;
    }

    static QJsonObject demoJson()
    {
        QFile file(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the demo catalogue is not in the build");
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    // The demo catalogue with one value set at the top (version) or on its first item.
    static QByteArray demoWith(const QString &key, const QJsonValue &value)
    {
        QJsonObject root = demoJson();
        if (key == QLatin1String("version")) {
            root.insert(key, value);
        } else {
            QJsonArray items = root.value(QLatin1String("items")).toArray();
            QJsonObject first = items.at(0).toObject();
            first.insert(key, value);
            items.replace(0, first);
            root.insert(QStringLiteral("items"), items);
        }
        return QJsonDocument(root).toJson();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("KIOSKCTL")), "KIOSKCTL must name the kioskctl executable");
    }

    void theExampleItPrintsPassesItsOwnCheck()
    {
        const Run example = kioskctl({QStringLiteral("config"), QStringLiteral("example")});
        QCOMPARE(example.exitCode, 0);
        QVERIFY(example.out.contains(QLatin1String("[kiosk]")));
        QVERIFY(example.out.contains(QStringLiteral("hall_name=合肥市政务服务中心")));

        const QString path = write(QStringLiteral("example.ini"), example.out.toUtf8());
        const Run check = kioskctl({QStringLiteral("config"), QStringLiteral("check"), path});
        QCOMPARE(check.exitCode, 0);
        QVERIFY(check.out.contains(QLatin1String(": ok")));
    }

    void checkNamesTheBadKeyAndWhy()
    {
        const QString path = write(QStringLiteral("bad.ini"), "[session]\ntimeout_form_s=3\n[kiosk]\nlanguage=de\n");
        const Run check = kioskctl({QStringLiteral("config"), QStringLiteral("check"), path});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.err.contains(QLatin1String("[session] timeout_form_s: 3 is outside 10..1800")), qPrintable(check.err));
        QVERIFY2(check.err.contains(QLatin1String("[kiosk] language: 'de' is not one of zh, en")), qPrintable(check.err));
        QVERIFY(check.err.contains(QLatin1String("2 problems")));
    }

    void configCheckNamesACatalogueFileThatIsNotACatalogue()
    {
        // The kiosk would otherwise refuse to start on it, and under systemd restart for ever.
        const QString page = write(QStringLiteral("catalogue-page.json"), "<html>503 Service Unavailable</html>\n");
        const QString path = write(QStringLiteral("catalogue.ini"), "[kiosk]\ncatalogue_file=" + page.toUtf8() + "\n");
        const Run check = kioskctl({QStringLiteral("config"), QStringLiteral("check"), path});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.err.contains(QStringLiteral("[kiosk] catalogue_file: %1: catalogue: not JSON").arg(page)), qPrintable(check.err));
        QVERIFY(!check.out.contains(QLatin1String(": ok")));

        // A catalogue from a newer platform passes, with a note of what this kiosk leaves out.
        const QString newer = write(QStringLiteral("newer.json"), demoWith(QStringLiteral("signature_required"), true));
        const QString newerConfig = write(QStringLiteral("newer.ini"), "[kiosk]\ncatalogue_file=" + newer.toUtf8() + "\n");
        const Run passes = kioskctl({QStringLiteral("config"), QStringLiteral("check"), newerConfig});
        QVERIFY2(passes.exitCode == 0, qPrintable(passes.out + passes.err));
        QVERIFY2(passes.out.contains(QLatin1String("note: [kiosk] catalogue_file: ")) && passes.out.contains(QLatin1String("items[0].signature_required: unknown field, ignored")),
                 qPrintable(passes.out));
    }

    void configCheckNamesAFileTheKioskUserCannotRead()
    {
        // Run as root, the check must see the files as the kiosk's user will (here: nobody).
        QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                                        | QFile::ReadOther | QFile::ExeOther));
        const QString catalogue = write(QStringLiteral("private.json"), demoWith(QStringLiteral("version"), QStringLiteral("private-1")));
        QVERIFY(QFile::setPermissions(catalogue, QFile::ReadOwner | QFile::WriteOwner));
        const QString path = write(QStringLiteral("private.ini"), "[kiosk]\ncatalogue_file=" + catalogue.toUtf8() + "\n");
        const Run refused = kioskctl({QStringLiteral("config"), QStringLiteral("check"), path, QStringLiteral("--user"), QStringLiteral("nobody")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("[kiosk] catalogue_file: %1 is not readable by the user nobody (mode 600").arg(catalogue)),
                 qPrintable(refused.err));

        QVERIFY(QFile::setPermissions(catalogue, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        const Run passes = kioskctl({QStringLiteral("config"), QStringLiteral("check"), path, QStringLiteral("--user"), QStringLiteral("nobody")});
        QVERIFY2(passes.exitCode == 0, qPrintable(passes.out + passes.err));
    }

    void catalogueCheckNamesTheFirstBadFieldAndWhatANewerPlatformAdded()
    {
        QJsonObject root = demoJson();
        QJsonArray items = root.value(QLatin1String("items")).toArray();
        QJsonObject first = items.at(0).toObject();
        first.remove(QStringLiteral("kind"));
        items.replace(0, first);
        root.insert(QStringLiteral("items"), items);
        const QString bad = write(QStringLiteral("bad-catalogue.json"), QJsonDocument(root).toJson());
        const Run refused = kioskctl({QStringLiteral("catalogue"), QStringLiteral("check"), bad});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("%1: items[0].kind: expected a non-empty string").arg(bad)), qPrintable(refused.err));

        first.insert(QStringLiteral("kind"), QStringLiteral("print"));
        first.insert(QStringLiteral("auth"), QJsonArray{QStringLiteral("idcard"), QStringLiteral("social_card")});
        items.replace(0, first);
        root.insert(QStringLiteral("items"), items);
        const QString newer = write(QStringLiteral("newer-catalogue.json"), QJsonDocument(root).toJson());
        const Run passes = kioskctl({QStringLiteral("catalogue"), QStringLiteral("check"), newer});
        QVERIFY2(passes.exitCode == 0, qPrintable(passes.out + passes.err));
        QVERIFY2(passes.out.contains(QStringLiteral("%1: ok, catalogue").arg(newer)), qPrintable(passes.out));
        QVERIFY2(passes.out.contains(QLatin1String("ignored    items[0].auth: method 'social_card' unknown to this kiosk, ignored")),
                 qPrintable(passes.out));
    }

    void showLeavesSecretsOut()
    {
        const QString path = write(QStringLiteral("secret.ini"), "[admin]\npin_hash=pbkdf2$100000$c2FsdA==$aGFzaA==\n");
        const Run show = kioskctl({QStringLiteral("--config"), path, QStringLiteral("config"), QStringLiteral("show"), QStringLiteral("--json")});
        QCOMPARE(show.exitCode, 0);
        const QJsonObject shown = QJsonDocument::fromJson(show.out.toUtf8()).object();
        QCOMPARE(shown.value(QLatin1String("admin/pin_hash")).toString(), QStringLiteral("(set)"));
        QVERIFY(!show.out.contains(QLatin1String("aGFzaA")));
        QCOMPARE(shown.value(QLatin1String("kiosk/site")).toString(), QStringLiteral("340103-HALL-01"));
    }

    void theConfigurationGuideDocumentsEveryKey()
    {
        QFile guide(qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/docs/configuration.md"));
        QVERIFY(guide.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(guide.readAll());
        const Run example = kioskctl({QStringLiteral("config"), QStringLiteral("example")});
        QString section;
        QStringList undocumented;
        for (const QString &line : example.out.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1Char('[')))
                section = line;
            else if (!line.startsWith(QLatin1Char('#')) && line.contains(QLatin1Char('='))) {
                const QString key = line.section(QLatin1Char('='), 0, 0);
                const qsizetype at = text.indexOf(QStringLiteral("## ") + section);
                const qsizetype next = text.indexOf(QStringLiteral("\n## "), at + 1);
                if (at < 0 || !text.mid(at, next - at).contains(QStringLiteral("| `%1` |").arg(key)))
                    undocumented.append(section + key);
            }
        }
        QVERIFY2(undocumented.isEmpty(), qPrintable(QStringLiteral("docs/configuration.md lacks: ") + undocumented.join(QStringLiteral(", "))));
    }

    void anUnknownCommandIsAUsageError()
    {
        const Run run = kioskctl({QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("no command 'frobnicate'")));
        QVERIFY(run.err.contains(QLatin1String("kioskctl config check FILE")));
    }
};

QTEST_GUILESS_MAIN(TestKioskctl)
#include "test_kioskctl.moc"
