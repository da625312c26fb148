#include "packagefile.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

// What the package sets up on the machine around the kiosk, run from the source tree on files
// in a temporary directory: CUPS keeping none of the residents' documents, systemd-timesyncd
// given the hall's time servers, and udev rules under which no keyboard but a scanner types.
class TestDeploymentScripts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString script(const QString &relative) { return qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/packaging/") + relative; }

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static bool write(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
    }

    static PackageFile::Run cupsSpool(const QString &action, const QString &conf)
    {
        return PackageFile::run(script(QStringLiteral("cups/kiosk-cups-spool")), {action, conf});
    }

    // The rules of 70-kiosk.rules that match an input event node, as lists of their key/value pairs.
    static QList<QStringList> inputRules()
    {
        QList<QStringList> rules;
        const QStringList lines = QString::fromUtf8(read(script(QStringLiteral("udev/70-kiosk.rules")))).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1String("SUBSYSTEM==\"input\"")))
                rules.append(line.split(QStringLiteral(", ")));
        }
        return rules;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // CUPS's own defaults keep every printed document for a day and the job history until
    // MaxJobs: a resident's receipt, with the name and ID number on it, would outlive the visit.
    void cupsKeepsNoDocumentsAndNoJobHistory()
    {
        const QString conf = m_dir.filePath(QStringLiteral("cupsd.conf"));
        const QByteArray original = "LogLevel warn\nPreserveJobFiles 86400\nListen localhost:631\n<Location />\n  Order allow,deny\n</Location>\n";
        QVERIFY(write(conf, original));
        QVERIFY(::chmod(QFile::encodeName(conf).constData(), 0640) == 0);

        QCOMPARE(cupsSpool(QStringLiteral("apply"), conf).exitCode, 0);
        const QByteArray applied = read(conf);
        const QStringList lines = QString::fromUtf8(applied).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        // cupsd.conf is read top to bottom and the last setting wins, outside any section.
        QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^PreserveJob"))).last(), QStringLiteral("PreserveJobHistory No"));
        QVERIFY(lines.indexOf(QStringLiteral("PreserveJobFiles No")) > lines.indexOf(QStringLiteral("</Location>")));
        QVERIFY(lines.indexOf(QStringLiteral("PreserveJobFiles No")) > lines.indexOf(QStringLiteral("PreserveJobFiles 86400")));
        struct stat st {};
        QVERIFY(::stat(QFile::encodeName(conf).constData(), &st) == 0);
        QCOMPARE(int(st.st_mode & 07777), 0640);

        // Again, as on every upgrade: nothing changes.
        QCOMPARE(cupsSpool(QStringLiteral("apply"), conf).exitCode, 0);
        QCOMPARE(read(conf), applied);

        // cupsd itself accepts the file, where it is installed.
        if (QFileInfo::exists(QStringLiteral("/usr/sbin/cupsd"))) {
            const PackageFile::Run test = PackageFile::run(QStringLiteral("/usr/sbin/cupsd"), {QStringLiteral("-t"), QStringLiteral("-c"), conf});
            QVERIFY2(test.exitCode == 0, (test.out + test.err).constData());
        }

        // Removing the package gives the administrator's file back, byte for byte.
        QCOMPARE(cupsSpool(QStringLiteral("revert"), conf).exitCode, 0);
        QCOMPARE(read(conf), original);
    }

    void cupsWithoutAConfigurationIsLeftAlone()
    {
        const QString conf = m_dir.filePath(QStringLiteral("absent/cupsd.conf"));
        QCOMPARE(cupsSpool(QStringLiteral("apply"), conf).exitCode, 0);
        QVERIFY(!QFileInfo::exists(conf));
    }

    void timeServersComeFromTheConfiguration()
    {
        const QString ini = m_dir.filePath(QStringLiteral("kiosk.ini"));
        const QString dropIn = m_dir.filePath(QStringLiteral("timesyncd.conf.d/kiosk.conf"));
        QVERIFY(write(ini, "[kiosk]\nstate_dir=/var/lib/kiosk\n\n[time]\nntp_servers=\"ntp1.hall.gov.cn, 10.20.0.1\"\n\n[other]\nntp_servers=elsewhere\n"));
        const QString tool = script(QStringLiteral("timesyncd/kiosk-ntp-servers"));
        const PackageFile::Run run = PackageFile::run(tool, {QStringLiteral("--config"), ini, QStringLiteral("--out"), dropIn});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QStringList lines = QString::fromUtf8(read(dropIn)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.contains(QLatin1String("[Time]")));
        QVERIFY2(lines.contains(QLatin1String("NTP=ntp1.hall.gov.cn 10.20.0.1")), qPrintable(lines.join(QLatin1Char('\n'))));

        // Servers given on the command line win; a name that is not a host name is refused and
        // the drop-in stays as it was.
        QCOMPARE(PackageFile::run(tool, {QStringLiteral("--config"), ini, QStringLiteral("--out"), dropIn, QStringLiteral("ntp.example.org")}).exitCode, 0);
        QVERIFY(read(dropIn).contains("\nNTP=ntp.example.org\n"));
        QVERIFY(PackageFile::run(tool, {QStringLiteral("--out"), dropIn, QStringLiteral("evil\n[Time]")}).exitCode != 0);
        QVERIFY(read(dropIn).contains("\nNTP=ntp.example.org\n"));

        // Without servers the drop-in goes, and timesyncd uses Debian's pool.
        QVERIFY(write(ini, "[kiosk]\nstate_dir=/var/lib/kiosk\n"));
        QCOMPARE(PackageFile::run(tool, {QStringLiteral("--config"), ini, QStringLiteral("--out"), dropIn}).exitCode, 0);
        QVERIFY(!QFileInfo::exists(dropIn));
    }

    // udev applies the rules in order; libinput skips a device whose LIBINPUT_IGNORE_DEVICE is
    // 1 when cage adds it. Every keyboard and every device with keys is skipped, except touch
    // screens; only the scanners' nodes go to the group kiosk.
    void noKeyboardButAScannerTypesIntoTheKiosk()
    {
        const QList<QStringList> rules = inputRules();
        QVERIFY(!rules.isEmpty());
        bool keyboards = false;
        bool keys = false;
        for (const QStringList &rule : rules) {
            if (rule.contains(QLatin1String("GROUP=\"kiosk\"")))
                QVERIFY2(rule.filter(QStringLiteral("ATTRS{idVendor}==")).size() == 1, qPrintable(rule.join(QLatin1String(", "))));
            if (!rule.contains(QLatin1String("ENV{LIBINPUT_IGNORE_DEVICE}=\"1\"")) || !rule.filter(QStringLiteral("ATTRS{")).isEmpty())
                continue;
            QVERIFY2(rule.contains(QLatin1String("KERNEL==\"event*\"")), qPrintable(rule.join(QLatin1String(", "))));
            QVERIFY2(rule.contains(QLatin1String("ENV{ID_INPUT_TOUCHSCREEN}!=\"1\"")), qPrintable(rule.join(QLatin1String(", "))));
            keyboards = keyboards || rule.contains(QLatin1String("ENV{ID_INPUT_KEYBOARD}==\"1\""));
            keys = keys || rule.contains(QLatin1String("ENV{ID_INPUT_KEY}==\"1\""));
        }
        QVERIFY2(keyboards, "no rule makes the compositor ignore keyboards");
        QVERIFY2(keys, "no rule makes the compositor ignore devices with keys");
        // After input_id (60-input-id.rules) has set ID_INPUT_*.
        QVERIFY(QFileInfo(script(QStringLiteral("udev/70-kiosk.rules"))).fileName() > QStringLiteral("60-input-id.rules"));
    }
};

QTEST_GUILESS_MAIN(TestDeploymentScripts)
#include "test_deploymentscripts.moc"
