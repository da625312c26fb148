#include "bundlesink.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A bundle-sized chunk: large enough that writing and hashing it takes a good many
// milliseconds on any machine, as a gigabyte bundle's chunks did on the terminal's slow CPU.
QByteArray bigChunk()
{
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < block.size(); ++i)
        block[i] = char((i * 131) ^ (i >> 9));
    return block.repeated(64);
}

// Counts the turns of the GUI thread's event loop: a timer that fires as often as it can.
class LoopTurns
{
public:
    LoopTurns()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { ++m_turns; });
        m_timer.start();
    }
    [[nodiscard]] int turns() const { return m_turns; }

private:
    QTimer m_timer;
    int m_turns = 0;
};

} // namespace

// The update bundle written to disk and hashed off the GUI thread (BundleSink): the bytes and
// the digest are those handed over, a disk that refuses is told, and the GUI thread's event loop
// keeps turning while a bundle-sized chunk is written and hashed, which it cannot do when the
// same work runs on the GUI thread (the baseline, as SystemUpdate did it before).
class TestBundleSink : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void theFileAndTheDigestAreThoseOfEveryChunkInOrder()
    {
        BundleSink sink;
        QSignalSpy finished(&sink, &BundleSink::finished);
        const QString path = m_dir.filePath(QStringLiteral("bundle.part"));
        QByteArray all;
        sink.start(path);
        for (int i = 0; i < 50; ++i) {
            const QByteArray chunk = QByteArray::number(i).repeated(1000 + i);
            all += chunk;
            sink.append(chunk);
        }
        QVERIFY(sink.pending() > 0);
        sink.finish();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toString(), sha256Of(all));
        QVERIFY(finished.first().at(1).toString().isEmpty());
        QCOMPARE(sink.pending(), 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), all);
    }

    void aSecondStartBeginsAnEmptyFileAndAFreshDigest()
    {
        BundleSink sink;
        QSignalSpy finished(&sink, &BundleSink::finished);
        const QString path = m_dir.filePath(QStringLiteral("again.part"));
        sink.start(path);
        sink.append("an aborted download");
        sink.finish();
        QVERIFY(finished.wait(30000));
        sink.start(path);
        sink.append("the bundle");
        sink.finish();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(1).at(0).toString(), sha256Of("the bundle"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("the bundle"));
    }

    void aFileThatCannotBeWrittenIsToldOnceAndFinishesWithTheError()
    {
        if (QFile::exists(QStringLiteral("/dev/full")) == false)
            QFAIL("/dev/full is needed: it plays a full data partition");
        BundleSink sink;
        QSignalSpy failed(&sink, &BundleSink::writeFailed);
        QSignalSpy finished(&sink, &BundleSink::finished);
        sink.start(QStringLiteral("/dev/full"));
        // Larger than QFile's buffer, so that the write reaches the device.
        sink.append(QByteArray(1024 * 1024, 'x'));
        sink.append(QByteArray(1024 * 1024, 'y'));
        sink.finish();
        QVERIFY(finished.wait(30000));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!failed.first().at(0).toString().isEmpty());
        QCOMPARE(finished.first().at(1).toString(), failed.first().at(0).toString());
    }

    void aFileThatCannotBeOpenedIsToldAtTheFirstChunk()
    {
        BundleSink sink;
        QSignalSpy failed(&sink, &BundleSink::writeFailed);
        QSignalSpy finished(&sink, &BundleSink::finished);
        sink.start(m_dir.filePath(QStringLiteral("no/such/dir/bundle.part")));
        sink.append("bytes");
        sink.append("more bytes");
        sink.finish();
        QVERIFY(finished.wait(30000));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!finished.first().at(1).toString().isEmpty());
    }

    // The baseline: the old way, the chunk written and hashed in the GUI thread's own handler.
    // The loop does not turn once while that runs, so a count of turns can tell the two apart.
    void baselineWorkOnTheGuiThreadStopsTheEventLoop()
    {
        const QByteArray chunk = bigChunk();
        LoopTurns loop;
        QFile file(m_dir.filePath(QStringLiteral("baseline.part")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        const int before = loop.turns();
        hash.addData(chunk);
        QCOMPARE(file.write(chunk), chunk.size());
        QVERIFY(file.flush());
        QCOMPARE(loop.turns() - before, 0);
        QCOMPARE(QString::fromLatin1(hash.result().toHex()), sha256Of(chunk));
    }

    void theEventLoopKeepsTurningWhileABundleSizedChunkIsWrittenAndHashed()
    {
        const QByteArray chunk = bigChunk();
        const QString expected = sha256Of(chunk);
        LoopTurns loop;
        BundleSink sink;
        QSignalSpy finished(&sink, &BundleSink::finished);
        sink.start(m_dir.filePath(QStringLiteral("sink.part")));
        const int before = loop.turns();
        sink.append(chunk);
        sink.finish();
        QVERIFY(finished.wait(120000));
        const int turns = loop.turns() - before;
        QCOMPARE(finished.first().at(0).toString(), expected);
        // 64 MiB to hash and write take far longer than ten 1 ms timer intervals; the baseline
        // above shows the count stays at 0 while the GUI thread does this work itself.
        QVERIFY2(turns >= 10, qPrintable(QStringLiteral("the loop turned %1 times").arg(turns)));
    }
};

QTEST_GUILESS_MAIN(TestBundleSink)
#include "test_bundlesink.moc"
