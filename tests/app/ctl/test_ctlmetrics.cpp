#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// `kioskctl metrics`, as a technician or a timer runs it: the figures on stdout or written whole
// into node-exporter's textfile folder, in a form promtool accepts.
class TestCtlMetrics : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run kioskctl(const QStringList &args) const
    {
        QProcess p;
        p.start(qEnvironmentVariable("KIOSKCTL"), QStringList{QStringLiteral("--config"), m_config} + args);
        if (!p.waitForFinished(120000))
            qFatal("kioskctl did not finish");
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString state = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(QDir().mkpath(state));
        // No devices (a survey would start simulators), and a platform nobody answers for.
        const QString ini = QStringLiteral("[kiosk]\nstate_dir=%1\n[offline]\nkey_file=%1/outbox.key\n"
                                           "[platform]\nurl=http://127.0.0.1:9\ncredentials_file=%1/terminal.json\ntimeout_s=2\n"
                                           "[devices]\nid_card_reader=none\nbarcode_scanner=none\nface_camera=none\n"
                                           "document_camera=none\nreceipt_printer=none\ndocument_printer=none\n")
                                .arg(state);
        m_config = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ini.toUtf8());
    }

    void printsFiguresThatPromtoolAccepts()
    {
        const Run run = kioskctl({QStringLiteral("metrics"), QStringLiteral("--no-platform")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("kiosk_info{version=\"")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("kiosk_device_health{device=\"receipt_printer\",class=\"printer\",health=\"disabled\"} 1")));
        QVERIFY(run.out.contains(QLatin1String("kiosk_disk_free_bytes ")));
        // Not checked is not known: no connectivity series at all.
        QVERIFY(!run.out.contains(QLatin1String("kiosk_platform_connectivity")));

        QProcess check;
        check.start(QStandardPaths::findExecutable(QStringLiteral("promtool")), {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY2(check.waitForStarted(), "promtool (Debian's prometheus) is needed");
        check.write(run.out.toUtf8());
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        const QByteArray said = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitCode() == 0 && said.trimmed().isEmpty(), said.constData());
    }

    void aPlatformThatDoesNotAnswerIsOffline()
    {
        const Run run = kioskctl({QStringLiteral("metrics")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("kiosk_platform_connectivity{state=\"offline\"} 1")), qPrintable(run.out));
    }

    void writesTheFileWholeForTheTextfileCollector()
    {
        const QString path = m_dir.filePath(QStringLiteral("kiosk.prom"));
        const Run run = kioskctl({QStringLiteral("metrics"), QStringLiteral("--no-platform"), QStringLiteral("--out"), path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.startsWith("# HELP kiosk_info "));
        QVERIFY(text.contains("kiosk_outbox_"));
        QVERIFY(file.permissions().testFlag(QFileDevice::ReadOther));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("kiosk.prom.*")}, QDir::Files).isEmpty());
    }

    void aFolderThatIsNotThereIsAnErrorAndWritesNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("no-such-folder/kiosk.prom"));
        const Run run = kioskctl({QStringLiteral("metrics"), QStringLiteral("--no-platform"), QStringLiteral("--out"), path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(path), qPrintable(run.err));
        QVERIFY(!QFile::exists(path));
    }

    void configCheckAsksOnlyForTheMetricsFolderNotTheFileTheKioskWrites()
    {
        // The file is the kiosk's to write: its absence is no problem, a missing folder a note.
        QFile original(m_config);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray ini = original.readAll();
        const QString written = m_dir.filePath(QStringLiteral("not-yet-written.prom"));
        const QString folderless = m_dir.filePath(QStringLiteral("no-metrics-folder/kiosk.prom"));
        for (const QString &textfile : {written, folderless}) {
            const QString path = m_dir.filePath(QStringLiteral("check.ini"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(ini + "[monitoring]\ntextfile=" + textfile.toUtf8() + "\n");
            file.close();
            QProcess p;
            p.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("config"), QStringLiteral("check"), path});
            QVERIFY(p.waitForFinished(60000));
            const QString said = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
            QVERIFY2(p.exitCode() == 0, qPrintable(said));
            QVERIFY2(said.contains(QLatin1String("[monitoring] textfile")) == (textfile == folderless), qPrintable(said));
        }
    }

    void anUnknownOptionIsAUsageError()
    {
        const Run run = kioskctl({QStringLiteral("metrics"), QStringLiteral("--port"), QStringLiteral("9100")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("usage: kioskctl metrics")));
    }
};

QTEST_GUILESS_MAIN(TestCtlMetrics)
#include "test_ctlmetrics.moc"
