#include "packagefile.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// The kiosk package as CI builds it (`cpack -G DEB`, the package_build fixture): what it
// installs, what it leaves out, its conffiles, maintainer scripts and dependencies, and units
// that systemd accepts without a warning.
class TestDebianPackage : public QObject
{
    Q_OBJECT

private:
    PackageFile m_kiosk;
    QStringList m_contents;

    static QString version() { return qEnvironmentVariable("KIOSK_PACKAGE_VERSION"); }

    // Depends as a list of package names, version constraints and alternatives dropped.
    QStringList dependedOn() const
    {
        QStringList names;
        const QStringList entries = m_kiosk.field(QStringLiteral("Depends")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &entry : entries) {
            for (const QString &alternative : entry.split(QLatin1Char('|')))
                names.append(alternative.trimmed().section(QLatin1Char(' '), 0, 0));
        }
        return names;
    }

private slots:
    void initTestCase()
    {
        m_kiosk = PackageFile::find(qEnvironmentVariable("KIOSK_DEB_DIR"), QStringLiteral("kiosk"), version());
        QVERIFY2(m_kiosk.isValid(), "no kiosk_*.deb in the build tree: the package_build test makes it");
        m_contents = m_kiosk.contents();
        QVERIFY(!m_contents.isEmpty());
    }

    void installsWhatATerminalNeeds_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *path : {"usr/bin/kiosk", "usr/bin/kioskctl", "etc/kiosk/kiosk.ini", "lib/systemd/system/kiosk.service",
                                 "lib/udev/rules.d/70-kiosk.rules", "usr/lib/tmpfiles.d/kiosk.conf", "etc/modprobe.d/kiosk-no-usblp.conf",
                                 "usr/share/kiosk/catalogue/demo-catalogue.json", "usr/share/doc/kiosk/technician.md",
                                 "usr/share/doc/kiosk/configuration.md", "usr/share/doc/kiosk/README.md",
                                 "usr/libexec/kiosk/kiosk-cups-spool", "usr/libexec/kiosk/kiosk-ntp-servers", "usr/lib/modules-load.d/kiosk.conf",
                                 "usr/share/doc/kiosk/copyright", "usr/share/doc/kiosk/changelog.gz", "usr/share/lintian/overrides/kiosk",
                                 "usr/share/man/man1/kioskctl.1.gz", "usr/share/bash-completion/completions/kioskctl",
                                 "usr/share/kiosk/prometheus/kiosk-alerts.yml", "usr/share/kiosk/prometheus/kiosk-dashboard.json",
                                 "usr/share/doc/kiosk/fleet.md"})
            QTest::newRow(path) << QString::fromLatin1(path);
    }

    void installsWhatATerminalNeeds()
    {
        QFETCH(QString, path);
        QVERIFY2(m_contents.contains(path), qPrintable(m_contents.join(QLatin1Char('\n'))));
    }

    void leavesDevelopmentToolsOut()
    {
        for (const QString &path : std::as_const(m_contents)) {
            QVERIFY2(!path.contains(QLatin1String("refplatform")), qPrintable(path));
            QVERIFY2(!path.contains(QLatin1String("devsim")), qPrintable(path));
            QVERIFY2(!path.contains(QLatin1String("test_")), qPrintable(path));
            QVERIFY2(!path.startsWith(QLatin1String("usr/local")), qPrintable(path));
        }
        const QStringList binaries = m_contents.filter(QRegularExpression(QStringLiteral("^usr/bin/.+")));
        QCOMPARE(binaries, (QStringList{QStringLiteral("usr/bin/kiosk"), QStringLiteral("usr/bin/kioskctl")}));
    }

    void configurationFilesAreConffiles()
    {
        const QStringList conffiles = QString::fromUtf8(m_kiosk.controlMember(QStringLiteral("conffiles"))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(conffiles.contains(QLatin1String("/etc/kiosk/kiosk.ini")), qPrintable(conffiles.join(QLatin1Char(' '))));
        QVERIFY(conffiles.contains(QLatin1String("/etc/modprobe.d/kiosk-no-usblp.conf")));
        for (const QString &path : conffiles)
            QVERIFY2(path.startsWith(QLatin1String("/etc/")), qPrintable(path));
    }

    void maintainerScriptsAreShippedAndExecutable_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("mustMention");
        QTest::newRow("postinst creates the user") << "postinst" << "adduser --system";
        QTest::newRow("postinst enables the unit") << "postinst" << "deb-systemd-helper enable";
        QTest::newRow("prerm stops the kiosk") << "prerm" << "deb-systemd-invoke stop";
        QTest::newRow("postrm erases state on purge only") << "postrm" << "rm -rf /var/lib/kiosk";
        QTest::newRow("postinst empties the CUPS spool") << "postinst" << "kiosk-cups-spool apply";
        QTest::newRow("postinst sets the time servers") << "postinst" << "kiosk-ntp-servers";
        QTest::newRow("postrm gives CUPS back") << "postrm" << "(begin; kiosk-cups-spool)";
    }

    void maintainerScriptsAreShippedAndExecutable()
    {
        QFETCH(QString, script);
        QFETCH(QString, mustMention);
        const QByteArray text = m_kiosk.controlMember(script);
        QVERIFY2(text.startsWith("#!/bin/sh"), qPrintable(script));
        QVERIFY(m_kiosk.controlMemberIsExecutable(script));
        QVERIFY2(text.contains(mustMention.toUtf8()), qPrintable(mustMention));
        const PackageFile::Run syntax = PackageFile::run(QStringLiteral("sh"), {QStringLiteral("-n")}, 60000, text);
        QVERIFY2(syntax.exitCode == 0, syntax.err.constData());
    }

    void dependsOnWhatTheKioskLoadsAtRunTime_data()
    {
        QTest::addColumn<QString>("package");
        // From dpkg-shlibdeps: the libraries the executables link.
        QTest::newRow("Qt Quick (shlibdeps)") << "libqt6quick6";
        QTest::newRow("libsystemd (shlibdeps)") << "libsystemd0";
        QTest::newRow("libcups (shlibdeps)") << "libcups2";
        // Named by hand: what the kiosk loads or runs without linking it.
        for (const char *name : {"cage", "xwayland", "seatd", "fonts-noto-cjk", "dbus", "qt6-wayland", "qml6-module-qtquick", "qml6-module-qtquick-layouts", "adduser"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void dependsOnWhatTheKioskLoadsAtRunTime()
    {
        QFETCH(QString, package);
        const QStringList depends = dependedOn();
        QVERIFY2(depends.contains(package), qPrintable(depends.join(QLatin1String(", "))));
    }

    void developmentOnlyPackagesAreNotDependedOn()
    {
        const QStringList depends = dependedOn();
        for (const char *name : {"cups-ipp-utils", "kiosk-refplatform", "umockdev", "xvfb"})
            QVERIFY2(!depends.contains(QLatin1String(name)), name);
    }

    void exampleConfigurationIsWhatKioskctlPrintsAndChecksClean()
    {
        const QByteArray shipped = m_kiosk.fileContent(QStringLiteral("etc/kiosk/kiosk.ini"));
        const PackageFile::Run example = PackageFile::run(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("config"), QStringLiteral("example")});
        QCOMPARE(example.exitCode, 0);
        QVERIFY(!shipped.isEmpty());
        QCOMPARE(shipped, example.out);
        QVERIFY(shipped.contains("\nstate_dir=/var/lib/kiosk\n"));

        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("kiosk.ini")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(shipped);
        file.close();
        const PackageFile::Run check = PackageFile::run(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("config"), QStringLiteral("check"), file.fileName()});
        QVERIFY2(check.exitCode == 0, check.err.constData());
        // A production terminal's file: nothing of the demo's. The province's CA is what the
        // technician still brings, and the check says where it goes.
        QVERIFY(shipped.contains("\nmode=production\n"));
        QVERIFY(!shipped.contains("=simulated"));
        QVERIFY(!shipped.contains("\nurl=http://"));
        QVERIFY2(check.out.contains("note: [platform] ca_file: /etc/kiosk/platform-ca.pem does not exist yet"), check.out.constData());
    }

    void unitPassesSystemdAnalyzeVerifyWithoutAWarning()
    {
        QTemporaryDir dir;
        QFile unit(dir.filePath(QStringLiteral("kiosk.service")));
        QVERIFY(unit.open(QIODevice::WriteOnly));
        unit.write(m_kiosk.fileContent(QStringLiteral("lib/systemd/system/kiosk.service")));
        unit.close();
        const PackageFile::Run verify = PackageFile::run(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), unit.fileName()});
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
        QVERIFY2(verify.err.trimmed().isEmpty(), verify.err.constData());
    }

    void unitRunsTheKioskInCageAsAWatchedNotifyService_data()
    {
        QTest::addColumn<QString>("line");
        for (const char *line : {"Type=notify", "NotifyAccess=all", "Restart=always", "User=kiosk", "Environment=LIBSEAT_BACKEND=seatd", "Environment=XDG_RUNTIME_DIR=/run/kiosk", "TTYPath=/dev/tty1",
                                 "Conflicts=getty@tty1.service", "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes",
                                 "ExecStart=/usr/bin/cage -- /usr/bin/kiosk --config /etc/kiosk/kiosk.ini"})
            QTest::newRow(line) << QString::fromLatin1(line);
    }

    void unitRunsTheKioskInCageAsAWatchedNotifyService()
    {
        QFETCH(QString, line);
        const QStringList lines = QString::fromUtf8(m_kiosk.fileContent(QStringLiteral("lib/systemd/system/kiosk.service"))).split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(line), qPrintable(line));
        QVERIFY(!lines.filter(QRegularExpression(QStringLiteral("^WatchdogSec=[1-9]"))).isEmpty());
        // cage's -s would allow switching to another virtual terminal: a way out of the kiosk.
        QVERIFY(lines.filter(QRegularExpression(QStringLiteral("^ExecStart=.*cage.* -s"))).isEmpty());
    }

    void referencePlatformShipsInItsOwnPackage()
    {
        const PackageFile refplatform = PackageFile::find(qEnvironmentVariable("KIOSK_DEB_DIR"), QStringLiteral("kiosk-refplatform"), version());
        QVERIFY(refplatform.isValid());
        QVERIFY(refplatform.contents().contains(QLatin1String("usr/bin/kiosk-refplatform")));
        QCOMPARE(refplatform.field(QStringLiteral("Package")), QStringLiteral("kiosk-refplatform"));
    }
};

QTEST_GUILESS_MAIN(TestDebianPackage)
#include "test_debianpackage.moc"
