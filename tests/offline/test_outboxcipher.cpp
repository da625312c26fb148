#include "outboxcipher.h"
#include "outboxkey.h"

#include <QTest>

class TestOutboxCipher : public QObject
{
    Q_OBJECT

private:
    static OutboxKey key(char fill) { return OutboxKey::fromBytes(QByteArray(OutboxKey::size, fill)); }

private slots:
    void opensWhatItSealed_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("a name") << QStringLiteral("张三丰").toUtf8();
        QTest::newRow("a 1 MiB scan") << QByteArray(1024 * 1024, '\x5a');
    }
    void opensWhatItSealed()
    {
        QFETCH(QByteArray, plain);
        const OutboxCipher cipher(key('k'));
        const QByteArray sealed = cipher.seal(plain, "entry-1");
        QCOMPARE(sealed.size(), plain.size() + OutboxCipher::overhead);
        if (!plain.isEmpty())
            QVERIFY(!sealed.contains(plain));
        QCOMPARE(cipher.open(sealed, "entry-1"), std::optional<QByteArray>(plain));
    }

    void sealsTheSameTextDifferentlyEachTime()
    {
        const OutboxCipher cipher(key('k'));
        QVERIFY(cipher.seal("340104199001011234", "a") != cipher.seal("340104199001011234", "a"));
    }

    void refusesAnyAlteredByte_data()
    {
        QTest::addColumn<int>("offset");
        QTest::newRow("version") << 0;
        QTest::newRow("nonce") << 5;
        QTest::newRow("ciphertext") << 20;
        QTest::newRow("tag") << -1;
    }
    void refusesAnyAlteredByte()
    {
        QFETCH(int, offset);
        const OutboxCipher cipher(key('k'));
        QByteArray sealed = cipher.seal("a resident's address", "entry-1");
        const int at = offset >= 0 ? offset : int(sealed.size()) - 1;
        sealed[at] = char(sealed.at(at) ^ 0x01);
        QVERIFY(!cipher.open(sealed, "entry-1"));
    }

    void refusesValueMovedToAnotherEntry()
    {
        const OutboxCipher cipher(key('k'));
        const QByteArray sealed = cipher.seal("payload", "entry-1");
        QVERIFY(!cipher.open(sealed, "entry-2"));
    }

    void refusesAnotherKey()
    {
        const QByteArray sealed = OutboxCipher(key('k')).seal("payload", "entry-1");
        QVERIFY(!OutboxCipher(key('j')).open(sealed, "entry-1"));
    }

    void refusesTruncatedValue()
    {
        const OutboxCipher cipher(key('k'));
        const QByteArray sealed = cipher.seal("payload", "entry-1");
        QVERIFY(!cipher.open(sealed.left(OutboxCipher::overhead - 1), "entry-1"));
        QVERIFY(!cipher.open(sealed.chopped(1), "entry-1"));
    }
};

QTEST_GUILESS_MAIN(TestOutboxCipher)
#include "test_outboxcipher.moc"
