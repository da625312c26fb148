#include "auditlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

int unixMode(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void recordsEntriesNewestFirst()
    {
        QTemporaryDir dir;
        AuditLog log(AuditLog::pathIn(dir.path()));
        QVERIFY(log.record(QStringLiteral("kioskctl:root"), QStringLiteral("maintenance.set-pin"), QStringLiteral("ok")));
        QVERIFY(log.record(QStringLiteral("maintenance-ui"), QStringLiteral("device.self-test"), QStringLiteral("failed"),
                           QStringLiteral("id_card_reader: no answer")));
        const QList<AuditEntry> entries = log.recent(10);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).action, QStringLiteral("device.self-test"));
        QCOMPARE(entries.at(0).actor, QStringLiteral("maintenance-ui"));
        QCOMPARE(entries.at(0).result, QStringLiteral("failed"));
        QCOMPARE(entries.at(0).detail, QStringLiteral("id_card_reader: no answer"));
        QCOMPARE(entries.at(1).action, QStringLiteral("maintenance.set-pin"));
        QVERIFY(entries.at(1).at.isValid());
        QVERIFY(qAbs(entries.at(1).at.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
    }

    void rotatesWithinItsBoundAndListsTheNewestAcrossFiles()
    {
        QTemporaryDir dir;
        const QString path = AuditLog::pathIn(dir.path());
        const LogRotationLimits limits{4096, 3};
        for (int i = 0; i < 300; ++i)
            QVERIFY(AuditLog(path, limits).record(QStringLiteral("maintenance-ui"), QStringLiteral("device.self-test"),
                                                  QStringLiteral("ok"), QStringLiteral("run %1").arg(i, 4, 10, QLatin1Char('0'))));
        // Three files at most, none past the limit: 300 lines of ~130 bytes would be ~39 KB.
        QStringList files;
        qint64 total = 0;
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files)) {
            files.append(name);
            total += QFileInfo(dir.filePath(name)).size();
            QVERIFY2(QFileInfo(dir.filePath(name)).size() <= limits.maxBytes, qPrintable(name));
            QCOMPARE(unixMode(dir.filePath(name)), 0600);
        }
        QCOMPARE(files, (QStringList{QStringLiteral("audit.log"), QStringLiteral("audit.log.1"), QStringLiteral("audit.log.2")}));
        QVERIFY(total <= limits.maxBytes * limits.keptFiles);
        // The newest lines come first, without a gap where one file ends and the next begins.
        const QList<AuditEntry> entries = AuditLog(path, limits).recent(50);
        QCOMPARE(entries.size(), 50);
        for (int i = 0; i < entries.size(); ++i)
            QCOMPARE(entries.at(i).detail, QStringLiteral("run %1").arg(299 - i, 4, 10, QLatin1Char('0')));
        // The oldest went with the oldest file.
        QFile oldest(path + QStringLiteral(".2"));
        QVERIFY(oldest.open(QIODevice::ReadOnly));
        QVERIFY(!oldest.readAll().contains("run 0000"));
    }

    void theDefaultBoundIsTenMebibytesInFiveFiles()
    {
        const LogRotationLimits limits;
        QCOMPARE(limits.maxBytes, qint64(10 * 1024 * 1024));
        QCOMPARE(limits.keptFiles, 5);
    }

    void fileIsReadableByItsOwnerOnly()
    {
        QTemporaryDir dir;
        AuditLog log(dir.filePath(QStringLiteral("state/audit.log")));
        QVERIFY(log.record(QStringLiteral("kioskctl:root"), QStringLiteral("diag.bundle"), QStringLiteral("ok")));
        QCOMPARE(unixMode(log.path()), 0600);
    }

    void appendsAcrossInstances()
    {
        QTemporaryDir dir;
        const QString path = AuditLog::pathIn(dir.path());
        QVERIFY(AuditLog(path).record(QStringLiteral("a"), QStringLiteral("first"), QStringLiteral("ok")));
        QVERIFY(AuditLog(path).record(QStringLiteral("a"), QStringLiteral("second"), QStringLiteral("ok")));
        const QList<AuditEntry> entries = AuditLog(path).recent(1);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).action, QStringLiteral("second"));
    }

    void recentReadsOnlyTheEndOfALongLog()
    {
        QTemporaryDir dir;
        AuditLog log(AuditLog::pathIn(dir.path()));
        QVERIFY(log.record(QStringLiteral("a"), QStringLiteral("action-0"), QStringLiteral("ok")));
        // Years of entries, written straight to the file: syncing each one would only slow the test.
        QFile file(log.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray line = file.readAll();
        file.close();
        QVERIFY(file.open(QIODevice::Append));
        for (int i = 1; i < 5000; ++i)
            file.write(QByteArray(line).replace("action-0", "action-" + QByteArray::number(i)));
        file.close();
        QVERIFY(file.size() > 256 * 1024);
        const QList<AuditEntry> entries = log.recent(3);
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).action, QStringLiteral("action-4999"));
        QCOMPARE(entries.at(2).action, QStringLiteral("action-4997"));
    }

    void masksIdNumbersAndPhonesInDetail()
    {
        QTemporaryDir dir;
        AuditLog log(AuditLog::pathIn(dir.path()));
        QVERIFY(log.record(QStringLiteral("maintenance-ui"), QStringLiteral("device.self-test"), QStringLiteral("ok"),
                           QStringLiteral("card 34010419900101123X read, phone 13912345678")));
        QFile file(log.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.contains("34010419900101123X"));
        QVERIFY(!text.contains("13912345678"));
        QVERIFY(text.contains("3401**********123X"));
        QVERIFY(text.contains("139******78"));
    }

    void missingLogHasNoEntries()
    {
        QTemporaryDir dir;
        QVERIFY(AuditLog(AuditLog::pathIn(dir.path())).recent(5).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "test_auditlog.moc"
