#include <QDir>
#include <QFile>
#include <QTest>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// Runs the codec's fuzz target over the committed corpus with the normal compiler, so every
// input that once found a bug, and every frame of the reference, stays checked in CI.
class TestSamCodecCorpus : public QObject
{
    Q_OBJECT

private slots:
    void survivesEveryCorpusInput_data()
    {
        QTest::addColumn<QString>("path");
        const QDir corpus(qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/tests/drivers/idcard/data/samcodec-corpus"));
        const QStringList files = corpus.entryList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 10, qPrintable(QStringLiteral("corpus missing at %1").arg(corpus.path())));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << corpus.filePath(file);
    }

    void survivesEveryCorpusInput()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        // The target aborts on any broken promise; reaching the comparison means it held.
        QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size())), 0);
    }
};

QTEST_GUILESS_MAIN(TestSamCodecCorpus)
#include "test_samcodeccorpus.moc"
