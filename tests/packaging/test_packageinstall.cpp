#include "packagefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

#include <cstdio>
#include <unistd.h>

// The kiosk package installed, removed and purged on this Debian 12 machine with apt, as a
// technician installs it on an existing system. The slots run in order: each step starts from
// where the previous one left the machine.
class TestPackageInstall : public QObject
{
    Q_OBJECT

private:
    PackageFile m_kiosk;
    QByteArray m_cupsdBefore;

    static QString cupsdConf() { return QStringLiteral("/etc/cups/cupsd.conf"); }

    static QByteArray cupsd()
    {
        QFile file(cupsdConf());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static PackageFile::Run apt(const QStringList &arguments)
    {
        qputenv("DEBIAN_FRONTEND", "noninteractive");
        return PackageFile::run(QStringLiteral("apt-get"), QStringList{QStringLiteral("-y"), QStringLiteral("-q")} + arguments, 540000);
    }

    static QString passwdEntry(const QString &database, const QString &key)
    {
        const PackageFile::Run r = PackageFile::run(QStringLiteral("getent"), {database, key});
        return r.exitCode == 0 ? QString::fromUtf8(r.out).trimmed() : QString();
    }

    static QString packageStatus()
    {
        const PackageFile::Run r = PackageFile::run(QStringLiteral("dpkg-query"), {QStringLiteral("-W"), QStringLiteral("-f=${Status}"), QStringLiteral("kiosk")});
        return QString::fromUtf8(r.out).trimmed();
    }

    // Whether dpkg knows the package in any state (installed, or its conffiles left by remove).
    static bool knownToDpkg()
    {
        const QString status = packageStatus();
        return !status.isEmpty() && !status.endsWith(QLatin1String("not-installed"));
    }

    static QString enabledLink() { return QStringLiteral("/etc/systemd/system/graphical.target.wants/kiosk.service"); }

public:
    // Whether this machine may be used: root, and no kiosk installed for real.
    static bool machineIsUsable(QString *why)
    {
        if (geteuid() != 0) {
            *why = QStringLiteral("needs root (it adds a system user and enables a unit)");
            return false;
        }
        if (knownToDpkg() || !passwdEntry(QStringLiteral("passwd"), QStringLiteral("kiosk")).isEmpty()) {
            *why = QStringLiteral("a kiosk package or user already exists on this machine; purge it first (apt-get purge kiosk)");
            return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        m_kiosk = PackageFile::find(qEnvironmentVariable("KIOSK_DEB_DIR"), QStringLiteral("kiosk"), qEnvironmentVariable("KIOSK_PACKAGE_VERSION"));
        QVERIFY2(m_kiosk.isValid(), "no kiosk_*.deb in the build tree: the package_build test makes it");
    }

    void installsWithApt()
    {
        m_cupsdBefore = cupsd();
        const PackageFile::Run install = apt({QStringLiteral("install"), QStringLiteral("--no-install-recommends"), m_kiosk.path()});
        QVERIFY2(install.exitCode == 0, (install.out + install.err).constData());
        QCOMPARE(packageStatus(), QStringLiteral("install ok installed"));
    }

    void createsTheKioskUserWithoutALogin()
    {
        const QStringList user = passwdEntry(QStringLiteral("passwd"), QStringLiteral("kiosk")).split(QLatin1Char(':'));
        QCOMPARE(user.size(), 7);
        QVERIFY2(user.at(2).toInt() > 0 && user.at(2).toInt() < 1000, "not a system user");
        QCOMPARE(user.at(5), QStringLiteral("/var/lib/kiosk"));
        QCOMPARE(user.at(6), QStringLiteral("/usr/sbin/nologin"));
        const QStringList groups = QString::fromUtf8(PackageFile::run(QStringLiteral("id"), {QStringLiteral("-nG"), QStringLiteral("kiosk")}).out)
                                       .trimmed()
                                       .split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const char *group : {"kiosk", "video", "dialout"})
            QVERIFY2(groups.contains(QLatin1String(group)), qPrintable(groups.join(QLatin1Char(' '))));
    }

    void createsPrivateStateAndLogDirectories_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("mode");
        QTest::newRow("state") << "/var/lib/kiosk" << 0700;
        QTest::newRow("logs") << "/var/log/kiosk" << 0750;
    }

    void createsPrivateStateAndLogDirectories()
    {
        QFETCH(QString, path);
        QFETCH(int, mode);
        const QFileInfo dir(path);
        QVERIFY(dir.isDir());
        QCOMPARE(dir.owner(), QStringLiteral("kiosk"));
        const PackageFile::Run stat = PackageFile::run(QStringLiteral("stat"), {QStringLiteral("-c"), QStringLiteral("%a"), path});
        QCOMPARE(QString::fromUtf8(stat.out).trimmed().toInt(nullptr, 8), mode);
    }

    void configurationIsReadableByTheKioskAndRootOnly()
    {
        const PackageFile::Run stat = PackageFile::run(QStringLiteral("stat"), {QStringLiteral("-c"), QStringLiteral("%a %U %G"), QStringLiteral("/etc/kiosk/kiosk.ini")});
        QCOMPARE(QString::fromUtf8(stat.out).trimmed(), QStringLiteral("640 root kiosk"));
    }

    void enablesTheUnitForTheNextBootWithoutStartingIt()
    {
        const QFileInfo link(enabledLink());
        QVERIFY2(link.isSymLink(), qPrintable(enabledLink()));
        QCOMPARE(link.symLinkTarget(), QStringLiteral("/lib/systemd/system/kiosk.service"));
        const PackageFile::Run verify = PackageFile::run(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), QStringLiteral("/lib/systemd/system/kiosk.service")});
        QVERIFY2(verify.exitCode == 0 && verify.err.trimmed().isEmpty(), verify.err.constData());
    }

    // CUPS (packaging/deps.sh installs it here) keeps neither the documents residents print nor
    // its job history once the package is in.
    void cupsKeepsNoPrintedDocuments()
    {
        QVERIFY2(!m_cupsdBefore.isEmpty(), "no /etc/cups/cupsd.conf: packaging/deps.sh installs cups");
        const QStringList lines = QString::fromUtf8(cupsd()).split(QLatin1Char('\n'));
        QVERIFY(lines.contains(QLatin1String("PreserveJobFiles No")));
        QVERIFY(lines.contains(QLatin1String("PreserveJobHistory No")));
        const PackageFile::Run test = PackageFile::run(QStringLiteral("/usr/sbin/cupsd"), {QStringLiteral("-t")});
        QVERIFY2(test.exitCode == 0, (test.out + test.err).constData());
    }

    // udev's own parser reads the installed rules (udevadm test on a device every machine has)
    // and names file and line of anything it cannot use.
    void udevAcceptsTheRules()
    {
        const PackageFile::Run test = PackageFile::run(QStringLiteral("udevadm"), {QStringLiteral("test"), QStringLiteral("/sys/devices/virtual/mem/null")});
        const QString report = QString::fromUtf8(test.out + test.err);
        QVERIFY2(report.contains(QRegularExpression(QStringLiteral("Reading rules file: \\S*/70-kiosk\\.rules"))), qPrintable(report));
        QVERIFY2(!report.contains(QRegularExpression(QStringLiteral("70-kiosk\\.rules:\\d+"))), qPrintable(report));
    }

    void installedKioskctlReportsItsVersionAndAcceptsTheConfiguration()
    {
        const PackageFile::Run version = PackageFile::run(QStringLiteral("/usr/bin/kioskctl"), {QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.contains(qgetenv("KIOSK_PACKAGE_VERSION")), version.out.constData());
        const PackageFile::Run check = PackageFile::run(QStringLiteral("/usr/bin/kioskctl"), {QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("/etc/kiosk/kiosk.ini")});
        QVERIFY2(check.exitCode == 0, (check.out + check.err).constData());
    }

    void installedKioskRunsAsTheKioskUserWithTheShippedConfiguration()
    {
        // What systemd does, minus cage: the kiosk user, the installed configuration, the state
        // kept in /var/lib/kiosk. The offscreen platform stands in for the compositor.
        const PackageFile::Run run = PackageFile::run(QStringLiteral("runuser"),
                                                      {QStringLiteral("-u"), QStringLiteral("kiosk"), QStringLiteral("--"), QStringLiteral("env"),
                                                       QStringLiteral("QT_QPA_PLATFORM=offscreen"), QStringLiteral("HOME=/var/lib/kiosk"), QStringLiteral("/usr/bin/kiosk"),
                                                       QStringLiteral("--config"), QStringLiteral("/etc/kiosk/kiosk.ini"), QStringLiteral("--exit-after-first-frame")},
                                                      300000);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("first-frame"), run.out.constData());
    }

    void removeKeepsTheStateAndTheConfiguration()
    {
        QFile marker(QStringLiteral("/var/lib/kiosk/left-by-test"));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.close();
        const PackageFile::Run remove = apt({QStringLiteral("remove"), QStringLiteral("kiosk")});
        QVERIFY2(remove.exitCode == 0, (remove.out + remove.err).constData());
        QVERIFY(!QFile::exists(QStringLiteral("/usr/bin/kiosk")));
        QVERIFY(!QFile::exists(QStringLiteral("/lib/systemd/system/kiosk.service")));
        QVERIFY(marker.exists());
        QVERIFY(QFile::exists(QStringLiteral("/etc/kiosk/kiosk.ini")));
        QVERIFY(!passwdEntry(QStringLiteral("passwd"), QStringLiteral("kiosk")).isEmpty());
        // CUPS is the administrator's again, as it was before the kiosk came.
        QCOMPARE(cupsd(), m_cupsdBefore);
    }

    void purgeLeavesNothingBehind()
    {
        const PackageFile::Run purge = apt({QStringLiteral("purge"), QStringLiteral("kiosk")});
        QVERIFY2(purge.exitCode == 0, (purge.out + purge.err).constData());
        QVERIFY2(!knownToDpkg(), qPrintable(packageStatus()));
        for (const char *path : {"/var/lib/kiosk", "/var/log/kiosk", "/etc/kiosk", "/etc/modprobe.d/kiosk-no-usblp.conf", "/lib/udev/rules.d/70-kiosk.rules",
                                 "/etc/systemd/timesyncd.conf.d/kiosk.conf"})
            QVERIFY2(!QFileInfo::exists(QString::fromLatin1(path)), path);
        QVERIFY(!QFileInfo(enabledLink()).isSymLink());
        QVERIFY(passwdEntry(QStringLiteral("passwd"), QStringLiteral("kiosk")).isEmpty());
        QVERIFY(passwdEntry(QStringLiteral("group"), QStringLiteral("kiosk")).isEmpty());
    }

    void cleanupTestCase()
    {
        // A failure half-way must not leave the package on the machine for the next run.
        if (knownToDpkg())
            (void)apt({QStringLiteral("purge"), QStringLiteral("kiosk")});
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString why;
    if (!TestPackageInstall::machineIsUsable(&why)) {
        std::fprintf(stderr, "test_packageinstall skipped: %s\n", qPrintable(why));
        return 77;
    }
    TestPackageInstall test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_packageinstall.moc"
