#include "kioskctlrun.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// What every kioskctl command shares, as a technician meets it: -h and --help print the command's
// usage on stdout and succeed, `kioskctl help COMMAND` does the same, the exit codes say "no",
// "wrong question" and "nobody answered" apart, stderr carries no library chatter, sizes read
// one way, and each report says which configuration it was made from.
class TestKioskctlConventions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

    // kioskctl as a technician over SSH starts it: no XDG_RUNTIME_DIR, no logging rules of ours.
    static KioskctlRun runBare(const QStringList &args)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("XDG_RUNTIME_DIR"));
        environment.remove(QStringLiteral("QT_LOGGING_RULES"));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(qEnvironmentVariable("KIOSKCTL"), args);
        if (!process.waitForFinished(180000)) {
            process.kill();
            process.waitForFinished();
            return {-1, {}, QStringLiteral("kioskctl did not finish")};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    KioskctlRun kioskctl(const QStringList &args) { return runBare(QStringList{QStringLiteral("--config"), m_config} + args); }

    // The command names `kioskctl help` lists.
    static QStringList commandNames()
    {
        QStringList names;
        static const QRegularExpression line(QStringLiteral("^  kioskctl ([a-z-]+)"));
        for (const QString &text : runBare({QStringLiteral("help")}).out.split(QLatin1Char('\n'))) {
            const QRegularExpressionMatch match = line.match(text);
            if (match.hasMatch() && !names.contains(match.captured(1)))
                names << match.captured(1);
        }
        return names;
    }

private slots:
    void initTestCase()
    {
        m_config = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Nothing listens on port 9 of loopback: the platform does not answer.
        file.write("[kiosk]\nstate_dir=" + m_dir.filePath(QStringLiteral("state")).toUtf8()
                   + "\n[platform]\nurl=http://127.0.0.1:9/terminal/v1\n");
    }

    void everyCommandPrintsItsUsageOnStdoutWhenAskedForHelp()
    {
        const QStringList names = commandNames();
        QVERIFY2(names.size() >= 20, qPrintable(names.join(QLatin1Char(' '))));
        for (const QString &name : names) {
            for (const QStringList &args : {QStringList{name, QStringLiteral("--help")}, QStringList{name, QStringLiteral("-h")},
                                            QStringList{QStringLiteral("help"), name}}) {
                const KioskctlRun run = kioskctl(args);
                const QString said = args.join(QLatin1Char(' ')) + QStringLiteral(": ") + run.err;
                QVERIFY2(run.exitCode == 0, qPrintable(said));
                QVERIFY2(run.out.contains(QStringLiteral("kioskctl ") + name), qPrintable(said + run.out));
                QVERIFY2(run.err.isEmpty(), qPrintable(said));
            }
        }
    }

    void aSubcommandsHelpIsItsCommandsUsage()
    {
        for (const QStringList &args : {QStringList{QStringLiteral("card"), QStringLiteral("read"), QStringLiteral("--help")},
                                        QStringList{QStringLiteral("outbox"), QStringLiteral("status"), QStringLiteral("-h")},
                                        QStringList{QStringLiteral("admin-code"), QStringLiteral("sign"), QStringLiteral("--help")},
                                        QStringList{QStringLiteral("device"), QStringLiteral("check"), QStringLiteral("id_card_reader"),
                                                    QStringLiteral("-h")}}) {
            const KioskctlRun run = kioskctl(args);
            QVERIFY2(run.exitCode == 0, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + run.err));
            QVERIFY2(run.out.contains(QStringLiteral("kioskctl ") + args.first()), qPrintable(run.out));
            QVERIFY(run.err.isEmpty());
        }
    }

    void helpOfNoSuchCommandIsAUsageError()
    {
        const KioskctlRun run = kioskctl({QStringLiteral("help"), QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("no command 'frobnicate'")));
        QVERIFY(run.out.isEmpty());
    }

    void helpDocumentsTheExitCodes()
    {
        const KioskctlRun run = runBare({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *line : {"0  done", "1  the answer is no", "2  the command could not run as given", "3  the platform did not answer"})
            QVERIFY2(run.out.contains(QLatin1String(line)), line);
        QFile guide(qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/docs/technician.md"));
        QVERIFY(guide.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(guide.readAll());
        QVERIFY2(text.contains(QStringLiteral("kioskctl help")), "docs/technician.md names `kioskctl help`");
        for (const char *code : {"| 0 |", "| 1 |", "| 2 |", "| 3 |"})
            QVERIFY2(text.contains(QLatin1String(code)), code);
    }

    void anUnreachablePlatformHasAnExitCodeOfItsOwn()
    {
        const KioskctlRun ping = kioskctl({QStringLiteral("platform"), QStringLiteral("ping")});
        QCOMPARE(ping.exitCode, 3);
        QVERIFY2(ping.out.contains(QStringLiteral("reachable  no")), qPrintable(ping.out));
        const KioskctlRun enroll = kioskctl({QStringLiteral("enroll"), QStringLiteral("--token"), QStringLiteral("T-1")});
        QVERIFY2(enroll.exitCode == 3, qPrintable(enroll.err));
        // A usage error stays 2, a "no" stays 1.
        QCOMPARE(kioskctl({QStringLiteral("platform"), QStringLiteral("pong")}).exitCode, 2);
    }

    // The commands that build devices print their own answer and nothing of the drivers' chatter
    // (simulators started, readers opened, healths ok), nor Qt's complaint about a missing runtime
    // directory; --verbose shows the chatter again.
    void stderrCarriesNoLibraryNoise()
    {
        const QString bundle = m_dir.filePath(QStringLiteral("diag.tar.gz"));
        for (const QStringList &args : {QStringList{QStringLiteral("status"), QStringLiteral("--no-platform")}, QStringList{QStringLiteral("devices")},
                                        QStringList{QStringLiteral("checklist")}, QStringList{QStringLiteral("printer"), QStringLiteral("status")},
                                        QStringList{QStringLiteral("diag"), QStringLiteral("bundle"), QStringLiteral("--out"), bundle,
                                                    QStringLiteral("--no-platform")}}) {
            const KioskctlRun run = kioskctl(args);
            const QString said = args.join(QLatin1Char(' ')) + QStringLiteral(":\n") + run.err;
            QVERIFY2(!run.out.isEmpty(), qPrintable(said));
            QVERIFY2(!run.err.contains(QStringLiteral("QStandardPaths")), qPrintable(said));
            QVERIFY2(!run.err.contains(QStringLiteral("health ok")), qPrintable(said));
            QVERIFY2(!run.err.contains(QStringLiteral("simulator on")), qPrintable(said));
            QVERIFY2(!run.err.contains(QStringLiteral("kiosk.drivers: id card reader open")), qPrintable(said));
        }
        const KioskctlRun verbose = runBare({QStringLiteral("--config"), m_config, QStringLiteral("--verbose"), QStringLiteral("devices")});
        QVERIFY2(verbose.err.contains(QStringLiteral("health ok")), qPrintable(verbose.err));
        // What the console does not show, the command's log keeps.
        QFile log(m_dir.filePath(QStringLiteral("state/logs/kioskctl.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("health ok"));
    }

    void sizesReadInOneWay()
    {
        const QString bundle = m_dir.filePath(QStringLiteral("sizes.tar.gz"));
        const KioskctlRun diag = kioskctl({QStringLiteral("diag"), QStringLiteral("bundle"), QStringLiteral("--out"), bundle, QStringLiteral("--no-platform")});
        QCOMPARE(diag.exitCode, 0);
        static const QRegularExpression size(QStringLiteral("\\(\\d+\\.\\d (KiB|MiB)\\)"));
        QVERIFY2(size.match(diag.out).hasMatch(), qPrintable(diag.out));
        const KioskctlRun status = kioskctl({QStringLiteral("status"), QStringLiteral("--no-platform")});
        static const QRegularExpression disk(QStringLiteral("disk       \\d+\\.\\d (MiB|GiB|TiB) free of \\d+\\.\\d (MiB|GiB|TiB) at "));
        QVERIFY2(disk.match(status.out).hasMatch(), qPrintable(status.out));
        QVERIFY2(!status.out.contains(QStringLiteral(" bytes\n")), qPrintable(status.out));
    }

    // Item 15: a report says which configuration it was made from; without a file at the default
    // path, that it is the built-in demo configuration, whose devices are all simulated.
    void reportsNameTheConfigurationTheyRead()
    {
        const KioskctlRun status = kioskctl({QStringLiteral("status"), QStringLiteral("--no-platform")});
        QVERIFY2(status.out.contains(QStringLiteral("config     ") + QFileInfo(m_config).absoluteFilePath()), qPrintable(status.out));
        QVERIFY2(!status.out.contains(QStringLiteral("built-in demo")), qPrintable(status.out));

        const KioskctlRun checklist = kioskctl({QStringLiteral("checklist")});
        QVERIFY2(checklist.out.contains(QStringLiteral("config: ") + QFileInfo(m_config).absoluteFilePath()), qPrintable(checklist.out));

        // Without --config and without the file, the built-in demo configuration: `devices` builds
        // only simulators in a private directory, so it may run so on any machine. (The status
        // report's wording of the same is test_statusreport's.)
        QVERIFY2(!QFile::exists(QStringLiteral("/etc/kiosk/kiosk.ini")), "this test needs a machine without /etc/kiosk/kiosk.ini");
        const KioskctlRun devices = runBare({QStringLiteral("devices")});
        QVERIFY2(devices.out.startsWith(QStringLiteral("config: the built-in demo configuration (no file at /etc/kiosk/kiosk.ini): "
                                                       "every device is simulated\n")),
                 qPrintable(devices.out + devices.err));
    }
};

QTEST_GUILESS_MAIN(TestKioskctlConventions)
#include "test_kioskctlconventions.moc"
