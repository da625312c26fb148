#include "bytesize.h"

#include <QTest>

// The one way kioskctl and the status report write a size.
class TestByteSize : public QObject
{
    Q_OBJECT

private slots:
    void writesASizeInTheLargestWholeBinaryUnit_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("none") << qint64(0) << QStringLiteral("0 bytes");
        QTest::newRow("one") << qint64(1) << QStringLiteral("1 byte");
        QTest::newRow("under a KiB") << qint64(1023) << QStringLiteral("1023 bytes");
        QTest::newRow("a KiB") << qint64(1024) << QStringLiteral("1.0 KiB");
        QTest::newRow("a receipt") << qint64(48 * 1024 + 512) << QStringLiteral("48.5 KiB");
        QTest::newRow("a budget") << qint64(512) * 1024 * 1024 << QStringLiteral("512.0 MiB");
        QTest::newRow("a disk") << qint64(30) * 1024 * 1024 * 1024 + qint64(300) * 1024 * 1024 << QStringLiteral("30.3 GiB");
    }

    void writesASizeInTheLargestWholeBinaryUnit()
    {
        QFETCH(qint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(ByteSize::text(bytes), text);
    }
};

QTEST_GUILESS_MAIN(TestByteSize)
#include "test_bytesize.moc"
