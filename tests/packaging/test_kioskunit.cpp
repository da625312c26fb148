#include "packagefile.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// The kiosk's systemd unit as systemd-analyze judges it, offline, from the source tree: the
// sandbox leaves the kiosk (cage, Qt, the peripherals) what it needs and no more, at an
// exposure of at most 3.0 on systemd's scale of 0 (locked down) to 10 (unprotected).
class TestKioskUnit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_unit;
    QStringList m_lines;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // systemd-analyze names the unit after its file: a copy named kiosk.service, so that the
        // check does not depend on where the source tree is.
        m_unit = m_dir.filePath(QStringLiteral("kiosk.service"));
        QVERIFY(QFile::copy(qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/packaging/systemd/kiosk.service"), m_unit));
        QFile file(m_unit);
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    }

    void exposureIsAtMostThree()
    {
        const PackageFile::Run security = PackageFile::run(QStringLiteral("systemd-analyze"),
                                                           {QStringLiteral("security"), QStringLiteral("--offline=true"), QStringLiteral("--no-pager"), m_unit});
        const QString report = QString::fromUtf8(security.out + security.err);
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Overall exposure level for kiosk\\.service: (\\d+\\.\\d+)")).match(report);
        QVERIFY2(m.hasMatch(), qPrintable(report));
        qInfo("systemd-analyze security: exposure %s", qPrintable(m.captured(1)));
        QVERIFY2(m.captured(1).toDouble() <= 3.0, qPrintable(report));
    }

    void sandboxKeepsWhatTheKioskNeedsAndNoMore_data()
    {
        QTest::addColumn<QString>("line");
        for (const char *line : {"SystemCallFilter=@system-service", "SystemCallFilter=~@privileged @resources", "SystemCallArchitectures=native",
                                 "SystemCallErrorNumber=EPERM", "LimitCORE=0", "CapabilityBoundingSet=", "DevicePolicy=closed",
                                 "DeviceAllow=char-drm rw", "DeviceAllow=char-input rw", "DeviceAllow=char-video4linux rw", "DeviceAllow=char-usb_device rw",
                                 "ProtectClock=yes", "ProtectKernelLogs=yes", "RestrictNamespaces=yes", "LockPersonality=yes", "RestrictRealtime=yes",
                                 "ProtectProc=invisible", "ReadWritePaths=/var/lib/kiosk /var/log/kiosk /var/lib/kiosk-metrics"})
            QTest::newRow(line) << QString::fromLatin1(line);
    }

    void sandboxKeepsWhatTheKioskNeedsAndNoMore()
    {
        QFETCH(QString, line);
        QVERIFY2(m_lines.contains(line), qPrintable(line));
    }

    void memoryAndTasksAreBounded()
    {
        QCOMPARE(m_lines.filter(QRegularExpression(QStringLiteral("^MemoryMax=\\d+[MG]$"))).size(), 1);
        QCOMPARE(m_lines.filter(QRegularExpression(QStringLiteral("^TasksMax=\\d+$"))).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestKioskUnit)
#include "test_kioskunit.moc"
