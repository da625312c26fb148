#include "qrhardset.h"
#include "vision/codereader.h"

#include <QTest>

#include <ZXing/ReadBarcode.h>

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

    // A camera gives a frame its whole-frame read and one look at the code's region; the resident
    // holds the phone up for many frames, so within one round of the reader's five looks the
    // code must be read.
    void aCameraReadsThemWithinOneRoundOfLooks()
    {
        QFETCH(QrHardSet::Frame, frame);
        const cv::Mat image = QrHardSet::render(frame);
        const CodeReader camera({QStringLiteral("QRCode")}, 1280, 4);
        QStringList read;
        for (int i = 0; i < 5 && read.isEmpty(); ++i)
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

    // Every third frame of the first hard set (90 with a code, 10 without), read as a still
    // picture and by raw ZXing-C++ try-harder: the reader must keep decoding what it was measured
    // to decode there (67 of 90 on 7 December 2026, raw ZXing 48; one frame of slack for
    // OpenCV's resizing differing by CPU), at least five points more than raw ZXing on the same
    // frames, and never a wrong text nor a code in a code-free frame. (The frames' noise comes
    // from OpenCV's process-wide generator, so a frame drawn here can differ a little from its
    // PNG written by `kiosk-bench qr --write`: the figures are this test's own.)
    void theReaderKeepsItsMeasuredShareOfTheHardSet()
    {
        QString error;
        const QList<QrHardSet::Frame> set = QrHardSet::readManifest(QStringLiteral(KIOSK_QR_SET), &error);
        QVERIFY2(set.size() == 300, qPrintable(error));
        ZXing::DecodeHints raw;
        raw.setFormats(ZXing::BarcodeFormat::QRCode);
        raw.setTryHarder(true);
        raw.setTryRotate(true);
        raw.setTryDownscale(true);
        const CodeReader reader;
        int withCode = 0;
        int decoded = 0;
        int rawDecoded = 0;
        QStringList wrong;
        for (qsizetype i = 0; i < set.size(); i += 3) {
            const QrHardSet::Frame &frame = set.at(i);
            const cv::Mat image = QrHardSet::render(frame);
            const QStringList read = texts(reader.readGrey(image.data, image.cols, image.rows, qsizetype(image.step)));
            if (frame.payload.isEmpty()) {
                if (!read.isEmpty())
                    wrong << frame.name;
                continue;
            }
            ++withCode;
            if (read == QStringList{frame.payload})
                ++decoded;
            else if (!read.isEmpty())
                wrong << frame.name;
            const ZXing::ImageView view(image.data, image.cols, image.rows, ZXing::ImageFormat::Lum, int(image.step));
            for (const ZXing::Result &result : ZXing::ReadBarcodes(view, raw)) {
                if (result.isValid() && QString::fromStdString(result.text()) == frame.payload) {
                    ++rawDecoded;
                    break;
                }
            }
        }
        qInfo("the reader decoded %d of %d, raw ZXing %d", decoded, withCode, rawDecoded);
        QCOMPARE(withCode, 90);
        QVERIFY2(wrong.isEmpty(), qPrintable(QStringLiteral("wrong text or a code where none is: %1").arg(wrong.join(QLatin1Char(' ')))));
        QVERIFY2(decoded >= 66, qPrintable(QStringLiteral("%1 of %2 decoded, measured 67").arg(decoded).arg(withCode)));
        QVERIFY2(decoded - rawDecoded >= withCode * 5 / 100, qPrintable(QStringLiteral("%1 against raw ZXing's %2").arg(decoded).arg(rawDecoded)));
    }
};

QTEST_GUILESS_MAIN(TestCodeReaderHardSet)
#include "test_codereaderhardset.moc"
