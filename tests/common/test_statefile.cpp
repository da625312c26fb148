#include "common/statefile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

// Files in the kiosk's state directory as kioskctl, often root, meets them: the kiosk user owns
// the folder and may plant a link where root expects a file of its own.
class TestStateFile : public QObject
{
    Q_OBJECT

private:
    static constexpr unsigned NobodyId = 65534;
    QTemporaryDir m_dir;
    QString m_state;
    QString m_shadow;

    static QByteArray contentsOf(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static struct stat statOf(const QString &path)
    {
        struct stat st {};
        ::stat(QFile::encodeName(path).constData(), &st);
        return st;
    }

    void verifyShadowUntouched()
    {
        QCOMPARE(contentsOf(m_shadow), QByteArray("root:SECRET:19000::::::\n"));
        QCOMPARE(statOf(m_shadow).st_uid, uid_t(0));
        QCOMPARE(statOf(m_shadow).st_mode & 07777, mode_t(0600));
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_state = m_dir.filePath(QStringLiteral("state-%1").arg(QDateTime::currentMSecsSinceEpoch()));
        QVERIFY(QDir().mkpath(m_state));
        if (::geteuid() == 0)
            QVERIFY(::chown(QFile::encodeName(m_state).constData(), NobodyId, NobodyId) == 0);
        m_shadow = m_dir.filePath(QStringLiteral("shadow"));
        QFile shadow(m_shadow);
        QVERIFY(shadow.open(QIODevice::WriteOnly | QIODevice::Truncate));
        shadow.write("root:SECRET:19000::::::\n");
        shadow.close();
        QVERIFY(::chmod(QFile::encodeName(m_shadow).constData(), 0600) == 0);
    }

    void aLinkWhereAFileIsExpectedIsNeitherOpenedNorChowned()
    {
        const QString log = QDir(m_state).filePath(QStringLiteral("audit.log"));
        QVERIFY(QFile::link(m_shadow, log));
        QFile append(log);
        QVERIFY(!StateFile::open(append, QIODevice::WriteOnly | QIODevice::Append));
        QFile read(log);
        QVERIFY(!StateFile::open(read, QIODevice::ReadOnly));
        QVERIFY(!StateFile::adoptParentOwner(log) || ::geteuid() != 0);
        verifyShadowUntouched();
    }

    void aHardLinkToAnotherFileIsRefusedBeforeAnythingIsTruncated()
    {
        const QString log = QDir(m_state).filePath(QStringLiteral("kiosk.log"));
        QVERIFY(::link(QFile::encodeName(m_shadow).constData(), QFile::encodeName(log).constData()) == 0);
        QFile file(log);
        QVERIFY(!StateFile::open(file, QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(!StateFile::adoptParentOwner(log) || ::geteuid() != 0);
        verifyShadowUntouched();
    }

    void aNewFileBelongsToTheFoldersOwnerWithMode0600()
    {
        const QString log = QDir(m_state).filePath(QStringLiteral("new.log"));
        QFile file(log);
        QVERIFY(StateFile::open(file, QIODevice::WriteOnly | QIODevice::Append));
        QCOMPARE(file.write("one\n"), 4);
        file.close();
        QCOMPARE(statOf(log).st_uid, statOf(m_state).st_uid);
        QCOMPARE(statOf(log).st_mode & 07777, mode_t(0600));
        QFile again(log);
        QVERIFY(StateFile::open(again, QIODevice::WriteOnly | QIODevice::Append));
        again.write("two\n");
        again.close();
        QCOMPARE(contentsOf(log), QByteArray("one\ntwo\n"));
    }

    void replacingTakesTheLinksPlaceInsteadOfWritingThroughIt()
    {
        const QString state = QDir(m_state).filePath(QStringLiteral("maintenance-gate.json"));
        QVERIFY(QFile::link(m_shadow, state));
        QVERIFY(StateFile::replace(state, "{\"failures\":0}"));
        QVERIFY(!QFileInfo(state).isSymLink());
        QCOMPARE(contentsOf(state), QByteArray("{\"failures\":0}"));
        QCOMPARE(statOf(state).st_uid, statOf(m_state).st_uid);
        QCOMPARE(statOf(state).st_mode & 07777, mode_t(0600));
        verifyShadowUntouched();
    }
};

QTEST_GUILESS_MAIN(TestStateFile)
#include "test_statefile.moc"
