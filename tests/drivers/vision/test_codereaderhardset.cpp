#include "qrhardset.h"
#include "vision/codereader.h"

#include <QTest>

Q_DECLARE_METATYPE(QrHardSet::Frame)

// The reader over a sample of the hard QR set (data/qr-hard-sample.tsv): frames that raw ZXing-C++
// try-harder does not decode, drawn from their manifest lines as `kiosk-bench qr` draws them, one
// or two per cause (small modules, motion, blur, glare, moiré, low contrast, JPEG), and frames
// without a code. Each frame is read as a still picture, with every look the reader has, and as
// a camera's frames, one look each; the decoded text must be the frame's payload. No timings:
// speed is `kiosk-bench qr`'s, as a ratio to raw ZXing's.
class TestCodeReaderHardSet : public QObject
{
    Q_OBJECT

private:
    static QList<QrHardSet::Frame> sample()
    {
        QString error;
        const QList<QrHardSet::Frame> frames = QrHardSet::readManifest(QStringLiteral(KIOSK_QR_SAMPLE), &error);
        if (frames.isEmpty())
            qFatal("%s", qPrintable(error.isEmpty() ? QStringLiteral("no frames in the sample") : error));
        return frames;
    }

    static QStringList texts(const QList<DecodedCode> &codes)
    {
        QStringList out;
        for (const DecodedCode &code : codes)
            out << code.text;
        return out;
    }

private slots:
    void theHardestFramesDecodeToTheirText_data()
    {
        QTest::addColumn<QrHardSet::Frame>("frame");
        for (const QrHardSet::Frame &frame : sample()) {
            if (!frame.payload.isEmpty())
                QTest::newRow(qPrintable(frame.name)) << frame;
        }
    }

    void theHardestFramesDecodeToTheirText()
    {
        QFETCH(QrHardSet::Frame, frame);
        const cv::Mat image = QrHardSet::render(frame);
        const CodeReader reader;
        const QList<DecodedCode> codes = reader.readGrey(image.data, image.cols, image.rows, qsizetype(image.step));
        QCOMPARE(texts(codes), QStringList{frame.payload});
        // The code's corners land on the code in the frame, not on the enlarged region's origin.
        const QRect frameRect(0, 0, image.cols, image.rows);
        const QPoint centre(qRound(frame.centreX * image.cols), qRound(frame.centreY * image.rows));
        QCOMPARE(codes.first().position.size(), 4);
        for (const QPoint &corner : codes.first().position) {
            QVERIFY2(frameRect.contains(corner), qPrintable(QStringLiteral("corner (%1, %2)").arg(corner.x()).arg(corner.y())));
            QVERIFY2((corner - centre).manhattanLength() < image.rows / 2,
                     qPrintable(QStringLiteral("corner (%1, %2) far from the code at (%3, %4)").arg(corner.x()).arg(corner.y()).arg(centre.x()).arg(centre.y())));
        }
    }

    void aCameraReadsThemWithinOneRoundOfLooks_data() { theHardestFramesDecodeToTheirText_data(); }

    // A camera gives a frame its whole-frame read and one second look; the resident holds the
    // phone up for many frames, so within one round of looks the code must be read.
    void aCameraReadsThemWithinOneRoundOfLooks()
    {
        QFETCH(QrHardSet::Frame, frame);
        const cv::Mat image = QrHardSet::render(frame);
        const CodeReader camera({QStringLiteral("QRCode")}, 1280, 4);
        QStringList read;
        for (int i = 0; i < 4 && read.isEmpty(); ++i)
            read = texts(camera.readGrey(image.data, image.cols, image.rows, qsizetype(image.step)));
        QCOMPARE(read, QStringList{frame.payload});
    }

    void framesWithoutACodeDecodeNothing()
    {
        int codeFree = 0;
        for (const QrHardSet::Frame &frame : sample()) {
            if (!frame.payload.isEmpty())
                continue;
            ++codeFree;
            const cv::Mat image = QrHardSet::render(frame);
            const CodeReader reader;
            QCOMPARE(texts(reader.readGrey(image.data, image.cols, image.rows, qsizetype(image.step))), QStringList{});
        }
        QCOMPARE(codeFree, 2);
    }
};

QTEST_GUILESS_MAIN(TestCodeReaderHardSet)
#include "test_codereaderhardset.moc"
