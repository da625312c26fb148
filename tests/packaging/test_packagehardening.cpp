#include "packagefile.h"

#include <algorithm>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// The binaries of the kiosk's Debian packages as Debian's hardening asks for them, read back
// with readelf from the packages CI builds: position-independent, with full RELRO, built with
// the stack protector and glibc's checked functions, stripped, and with their debug information
// in the -dbgsym packages, where gdb finds it by build id. lintian finds no error in either.
class TestPackageHardening : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_packages;   // the .deb files, kiosk first
    QStringList m_binaries;   // the ELF files they install, unpacked under m_dir

    static QString version() { return qEnvironmentVariable("KIOSK_PACKAGE_VERSION"); }

    static QString readelf(const QStringList &arguments, const QString &file)
    {
        const PackageFile::Run r = PackageFile::run(QStringLiteral("readelf"), QStringList{QStringLiteral("-W")} + arguments + QStringList{file});
        return r.exitCode == 0 ? QString::fromUtf8(r.out) : QString();
    }

    static bool isElf(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) && file.read(4) == QByteArray("\x7f" "ELF");
    }

    // Unpacks a package under m_dir/NAME and returns the ELF files in it.
    QStringList unpack(const QString &package, const QString &name)
    {
        const QString root = m_dir.filePath(name);
        const PackageFile::Run x = PackageFile::run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), package, root});
        if (x.exitCode != 0)
            return {};
        QStringList elves;
        QDirIterator it(root, QDir::Files | QDir::NoSymLinks, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (isElf(path))
                elves.append(path);
        }
        return elves;
    }

    static QString buildId(const QString &binary)
    {
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Build ID: ([0-9a-f]{16,})")).match(readelf({QStringLiteral("-n")}, binary));
        return m.hasMatch() ? m.captured(1) : QString();
    }

    void binaries_data()
    {
        QTest::addColumn<QString>("binary");
        for (const QString &binary : std::as_const(m_binaries))
            QTest::newRow(qPrintable(QFileInfo(binary).fileName())) << binary;
    }

    // The programs, without the capture module (kiosk-videoio.so): a shared object is not an
    // executable, and its few lines of wrappers have neither a local array nor a libc string call,
    // so the compiler has no stack guard or checked function to emit in it whatever the flags.
    void programs_data()
    {
        QTest::addColumn<QString>("binary");
        for (const QString &binary : std::as_const(m_binaries)) {
            if (!binary.endsWith(QLatin1String(".so")))
                QTest::newRow(qPrintable(QFileInfo(binary).fileName())) << binary;
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString directory = qEnvironmentVariable("KIOSK_DEB_DIR");
        for (const char *name : {"kiosk", "kiosk-refplatform"}) {
            const PackageFile package = PackageFile::find(directory, QString::fromLatin1(name), version());
            QVERIFY2(package.isValid(), "no kiosk_*.deb in the build tree: the package_build test makes it");
            m_packages.append(package.path());
            const QStringList elves = unpack(package.path(), QString::fromLatin1(name));
            QVERIFY2(!elves.isEmpty(), name);
            m_binaries += elves;
            qInfo("%s: %lld bytes", qPrintable(QFileInfo(package.path()).fileName()), QFileInfo(package.path()).size());
        }
        // kiosk, kioskctl, the capture module and kiosk-refplatform.
        QCOMPARE(m_binaries.size(), 4);
        QVERIFY2(std::any_of(m_binaries.cbegin(), m_binaries.cend(), [](const QString &b) { return b.endsWith(QLatin1String("/usr/lib/kiosk/kiosk-videoio.so")); }),
                 qPrintable(m_binaries.join(QLatin1Char(' '))));
    }

    void everyBinaryIsAPositionIndependentExecutable_data() { programs_data(); }
    void everyBinaryIsAPositionIndependentExecutable()
    {
        QFETCH(QString, binary);
        QVERIFY2(readelf({QStringLiteral("-h")}, binary).contains(QRegularExpression(QStringLiteral("Type:\\s+DYN "))), qPrintable(binary));
        QVERIFY2(readelf({QStringLiteral("-d")}, binary).contains(QRegularExpression(QStringLiteral("FLAGS_1\\).*\\bPIE\\b"))), qPrintable(binary));
    }

    void everyBinaryHasFullRelro_data() { binaries_data(); }
    void everyBinaryHasFullRelro()
    {
        QFETCH(QString, binary);
        QVERIFY2(readelf({QStringLiteral("-l")}, binary).contains(QLatin1String("GNU_RELRO")), qPrintable(binary));
        // Full RELRO is RELRO plus BIND_NOW: every symbol resolved at start-up, so the GOT can be
        // made read-only before main() runs.
        const QString dynamic = readelf({QStringLiteral("-d")}, binary);
        QVERIFY2(dynamic.contains(QRegularExpression(QStringLiteral("\\(BIND_NOW\\)|FLAGS\\).*\\bBIND_NOW\\b|FLAGS_1\\).*\\bNOW\\b"))), qPrintable(dynamic));
    }

    void everyBinaryIsBuiltWithTheStackProtectorAndCheckedFunctions_data() { programs_data(); }
    void everyBinaryIsBuiltWithTheStackProtectorAndCheckedFunctions()
    {
        QFETCH(QString, binary);
        const QString symbols = readelf({QStringLiteral("--dyn-syms")}, binary);
        QVERIFY2(symbols.contains(QLatin1String("__stack_chk_fail")), qPrintable(binary));
        // _FORTIFY_SOURCE replaces memcpy, snprintf and the like by their __*_chk forms.
        QVERIFY2(symbols.contains(QRegularExpression(QStringLiteral("\\b__\\w+_chk\\b"))), qPrintable(binary));
    }

    void everyBinaryIsStripped_data() { binaries_data(); }
    void everyBinaryIsStripped()
    {
        QFETCH(QString, binary);
        const QString sections = readelf({QStringLiteral("-S")}, binary);
        QVERIFY(!sections.isEmpty());
        QVERIFY2(!sections.contains(QLatin1String(" .symtab ")), qPrintable(binary));
        QVERIFY2(!sections.contains(QLatin1String(" .debug_info ")), qPrintable(binary));
    }

    // gdb looks for /usr/lib/debug/.build-id/ab/cdef….debug by the binary's build id.
    void debugInformationShipsInTheDbgsymPackages_data() { binaries_data(); }
    void debugInformationShipsInTheDbgsymPackages()
    {
        QFETCH(QString, binary);
        const QString id = buildId(binary);
        QVERIFY2(!id.isEmpty(), qPrintable(binary));
        const QString relative = QStringLiteral("usr/lib/debug/.build-id/%1/%2.debug").arg(id.left(2), id.mid(2));
        QString found;
        for (const QString &package : std::as_const(m_packages)) {
            QString ddeb = package;
            ddeb.replace(QRegularExpression(QStringLiteral("_(%1)_").arg(QRegularExpression::escape(version()))), QStringLiteral("-dbgsym_\\1_"));
            ddeb.replace(QRegularExpression(QStringLiteral("\\.deb$")), QStringLiteral(".ddeb"));
            QVERIFY2(QFileInfo::exists(ddeb), qPrintable(ddeb));
            const QString root = m_dir.filePath(QFileInfo(ddeb).completeBaseName());
            if (!QFileInfo::exists(root))
                QCOMPARE(PackageFile::run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), ddeb, root}).exitCode, 0);
            if (QFileInfo::exists(QDir(root).filePath(relative)))
                found = QDir(root).filePath(relative);
        }
        QVERIFY2(!found.isEmpty(), qPrintable(relative));
        QVERIFY2(readelf({QStringLiteral("-S")}, found).contains(QLatin1String(" .debug_info ")), qPrintable(found));
        QCOMPARE(buildId(found), id);
    }

    void lintianFindsNoError_data()
    {
        QTest::addColumn<QString>("package");
        for (const QString &package : std::as_const(m_packages))
            QTest::newRow(qPrintable(QFileInfo(package).fileName())) << package;
    }

    void lintianFindsNoError()
    {
        QFETCH(QString, package);
        const PackageFile::Run lintian = PackageFile::run(QStringLiteral("lintian"), {QStringLiteral("--tag-display-limit"), QStringLiteral("0"), package}, 600000);
        QVERIFY2(lintian.exitCode >= 0, "lintian did not run: packaging/deps.sh installs it");
        qInfo("%s", lintian.out.constData());
        QVERIFY2(!QString::fromUtf8(lintian.out).contains(QRegularExpression(QStringLiteral("^E: "), QRegularExpression::MultilineOption)), lintian.out.constData());
        QVERIFY2(lintian.exitCode == 0, (lintian.out + lintian.err).constData());
    }
};

QTEST_GUILESS_MAIN(TestPackageHardening)
#include "test_packagehardening.moc"
