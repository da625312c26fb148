#include "outboxkey.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestOutboxKey : public QObject
{
    Q_OBJECT

private:
    static QString write(const QTemporaryDir &dir, const QByteArray &content, mode_t mode)
    {
        const QString path = dir.filePath(QStringLiteral("outbox.key"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(content);
        file.close();
        ::chmod(QFile::encodeName(path).constData(), mode);
        return path;
    }

private slots:
    void loadsHexOrRawKey_data()
    {
        QTest::addColumn<QByteArray>("content");
        const QByteArray raw(32, '\x07');
        QTest::newRow("32 raw bytes") << raw;
        QTest::newRow("64 hex digits") << raw.toHex();
        QTest::newRow("hex with a newline") << raw.toHex() + "\n";
        QTest::newRow("upper-case hex") << raw.toHex().toUpper();
    }
    void loadsHexOrRawKey()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const OutboxResult<OutboxKey> key = OutboxKey::load(write(dir, content, 0600));
        QVERIFY2(key.ok(), qPrintable(key.error().message));
        QCOMPARE(key->bytes(), QByteArray(32, '\x07'));
    }

    void refusesKeyOthersCanRead_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0604") << 0604;
    }
    void refusesKeyOthersCanRead()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const QString path = write(dir, QByteArray(32, 'x').toHex(), mode_t(mode));
        const OutboxResult<OutboxKey> key = OutboxKey::load(path);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, OutboxErrorCode::KeyPermissions);
        QVERIFY(key.error().message.contains(path));
        QVERIFY(key.error().message.contains(QStringLiteral("chmod 600")));
    }

    void acceptsOwnerOnlyModes()
    {
        QTemporaryDir dir;
        QVERIFY(OutboxKey::load(write(dir, QByteArray(32, 'x').toHex(), 0400)).ok());
    }

    void refusesMissingKeyNamingTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("absent.key"));
        const OutboxResult<OutboxKey> key = OutboxKey::load(path);
        QCOMPARE(key.error().code, OutboxErrorCode::KeyMissing);
        QVERIFY(key.error().message.contains(path));
    }

    void refusesKeyOfWrongLength_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("16 bytes") << QByteArray(16, 'x');
        QTest::newRow("62 hex digits") << QByteArray(31, 'x').toHex();
        QTest::newRow("64 characters, not hex") << QByteArray(64, 'z');
    }
    void refusesKeyOfWrongLength()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        QCOMPARE(OutboxKey::load(write(dir, content, 0600)).error().code, OutboxErrorCode::KeyInvalid);
    }

    void createsOwnerOnlyKeyThatLoads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.key"));
        const OutboxResult<OutboxKey> created = OutboxKey::create(path);
        QVERIFY2(created.ok(), qPrintable(created.error().message));
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
        const OutboxResult<OutboxKey> loaded = OutboxKey::load(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->bytes(), created->bytes());
    }

    void neverReplacesAnExistingKey()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("new.key"));
        QVERIFY(OutboxKey::create(path).ok());
        const QByteArray before = [&] {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        QVERIFY(!OutboxKey::create(path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }
};

QTEST_GUILESS_MAIN(TestOutboxKey)
#include "test_outboxkey.moc"
