#include "vision/codepresentation.h"
#include "vision/codereader.h"
#include "testimages.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

// The camera's QR pipeline over generated pictures degraded the ways a phone in front of a
// kiosk degrades them. Each degradation runs over several payloads; the measured pass rate is
// printed and must reach the floor below, and pictures without a code must decode nothing.
class TestCodeReader : public QObject
{
    Q_OBJECT

private:
    enum class Degradation { None, Rotation, Perspective, Blur, Noise, LowContrast, LocalLowContrast, Small, FullHd, SmallInFullHd };

    int m_decoded = 0; // over every row of decodesDegradedCodes, for the overall rate
    int m_tried = 0;

    static cv::Mat picture(const QString &text, Degradation degradation, int variant)
    {
        const bool fullHd = degradation == Degradation::FullHd || degradation == Degradation::SmallInFullHd;
        const cv::Size size = fullHd ? cv::Size(1920, 1080) : cv::Size(1280, 720);
        cv::Mat canvas = TestImages::scene(size, unsigned(variant));
        // A small code in a full-HD frame: about two and a half pixels a module, under two once
        // the frame is scaled down to 1280 px, which is too few to read.
        const int side = degradation == Degradation::Small ? 110 + 5 * variant
                         : degradation == Degradation::SmallInFullHd ? 84 + 6 * variant
                                                                     : 260 + 10 * variant;
        cv::Mat code = TestImages::qrCode(text, side);
        const cv::Point centre(size.width / 2 + 30 * variant - 60, size.height / 2);
        switch (degradation) {
        case Degradation::Rotation: {
            const double angle = 15.0 + 35.0 * variant; // 15° … 155°
            cv::Mat padded(code.rows * 3 / 2, code.cols * 3 / 2, CV_8UC1, cv::Scalar(255));
            TestImages::place(padded, code, {padded.cols / 2, padded.rows / 2});
            cv::Mat rotated;
            cv::warpAffine(padded, rotated, cv::getRotationMatrix2D(cv::Point2f(padded.cols / 2.f, padded.rows / 2.f), angle, 1.0),
                           padded.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
            TestImages::place(canvas, rotated, centre);
            return canvas;
        }
        case Degradation::Perspective: {
            const float s = float(code.cols);
            const float k = 0.12f + 0.04f * float(variant);
            const std::vector<cv::Point2f> from = {{0, 0}, {s, 0}, {s, s}, {0, s}};
            const std::vector<cv::Point2f> to = {{s * k, s * k / 2}, {s, 0}, {s, s}, {s * k, s - s * k / 2}};
            cv::Mat warped;
            cv::warpPerspective(code, warped, cv::getPerspectiveTransform(from, to), code.size(), cv::INTER_LINEAR,
                                cv::BORDER_CONSTANT, cv::Scalar(255));
            TestImages::place(canvas, warped, centre);
            return canvas;
        }
        default:
            break;
        }
        if (degradation == Degradation::LocalLowContrast) {
            // A dim phone screen in a normally lit scene: only the code is flat (black at 110,
            // white 24 to 52 levels above), so stretching the whole frame cannot help.
            code.convertTo(code, -1, (24.0 + 7 * variant) / 255.0, 110);
        }
        TestImages::place(canvas, code, centre);
        if (degradation == Degradation::Blur) {
            const int kernel = 3 + 2 * variant; // 3 … 11 px on a 260–300 px code
            cv::GaussianBlur(canvas, canvas, cv::Size(kernel, kernel), 0);
        } else if (degradation == Degradation::Noise) {
            cv::Mat noise(canvas.size(), CV_16SC1);
            cv::randn(noise, 0, 18 + 6 * variant);
            cv::Mat sum;
            canvas.convertTo(sum, CV_16SC1);
            sum += noise;
            sum.convertTo(canvas, CV_8UC1);
        } else if (degradation == Degradation::LowContrast) {
            // A dim phone screen: black at 100, white at 100 + 40…80.
            canvas.convertTo(canvas, -1, (40.0 + 10 * variant) / 255.0, 100);
        }
        return canvas;
    }

    static QString payload(int variant)
    {
        const QStringList payloads = {
            QStringLiteral("https://zwfw.ah.gov.cn/eid/verify?t=8f2a0c"),
            QStringLiteral("电子身份证 皖A·2026 受理编号340103-0042"),
            QStringLiteral("CASE-340103-20261123-000042"),
            QStringLiteral("合肥市政务服务中心 预约号 A017 上午 09:30"),
            QStringLiteral("{\"app\":\"皖事通\",\"code\":\"7F3K-92QX\",\"exp\":1764000000}"),
        };
        return payloads.at(variant % payloads.size());
    }

private slots:
    void cleanupTestCase()
    {
        if (m_tried > 0)
            qInfo("overall pass rate over every degradation: %d of %d decoded (%.0f%%)", m_decoded, m_tried, 100.0 * m_decoded / m_tried);
    }

    void decodesDegradedCodes_data()
    {
        QTest::addColumn<int>("degradation");
        QTest::addColumn<double>("floor");
        QTest::newRow("clean") << int(Degradation::None) << 1.0;
        QTest::newRow("rotated 15-155 degrees") << int(Degradation::Rotation) << 1.0;
        QTest::newRow("perspective") << int(Degradation::Perspective) << 0.8;
        QTest::newRow("blurred") << int(Degradation::Blur) << 0.6;
        QTest::newRow("noisy") << int(Degradation::Noise) << 0.8;
        QTest::newRow("low contrast") << int(Degradation::LowContrast) << 0.8;
        QTest::newRow("dim code in a lit scene") << int(Degradation::LocalLowContrast) << 0.6;
        QTest::newRow("small code") << int(Degradation::Small) << 0.8;
        QTest::newRow("full hd frame, downscaled") << int(Degradation::FullHd) << 1.0;
        QTest::newRow("small code in a full hd frame") << int(Degradation::SmallInFullHd) << 0.8;
    }

    void decodesDegradedCodes()
    {
        QFETCH(int, degradation);
        QFETCH(double, floor);
        CodeReader reader;
        QVERIFY(reader.isValid());
        const int variants = 5;
        int decoded = 0;
        for (int variant = 0; variant < variants; ++variant) {
            const QList<DecodedCode> codes = reader.read(TestImages::toImage(picture(payload(variant), Degradation(degradation), variant)));
            if (codes.size() == 1 && codes.first().text == payload(variant) && codes.first().format == QLatin1String("QRCode"))
                ++decoded;
            else if (!codes.isEmpty())
                QFAIL(qPrintable(QStringLiteral("variant %1 decoded to something else").arg(variant)));
        }
        const double rate = double(decoded) / variants;
        m_decoded += decoded;
        m_tried += variants;
        qInfo("%s: %d of %d decoded (%.0f%%)", QTest::currentDataTag(), decoded, variants, rate * 100);
        if (Degradation(degradation) == Degradation::SmallInFullHd) {
            // What reading the frame scaled down to 1280 px alone gives, for comparison.
            int downscaledOnly = 0;
            CodeReader scaledOnly({QStringLiteral("QRCode")}, 1280, 0);
            for (int variant = 0; variant < variants; ++variant) {
                const QImage frame = TestImages::toImage(picture(payload(variant), Degradation(degradation), variant));
                const QList<DecodedCode> codes = scaledOnly.read(frame);
                downscaledOnly += codes.size() == 1 && codes.first().text == payload(variant) ? 1 : 0;
            }
            qInfo("%s, scaled down to 1280 px and read there only: %d of %d decoded", QTest::currentDataTag(), downscaledOnly, variants);
        }
        QVERIFY2(rate >= floor, qPrintable(QStringLiteral("pass rate %1 below %2").arg(rate).arg(floor)));
    }

    void readsSmallCodeInBigCameraFrameWithinThreeFrames()
    {
        // Scaled down to 1280 px its modules are too small to be found. The camera reads the full
        // frame only after every eighth empty one, but its looks at the code's region (one per
        // empty frame: as it is, enlarged and sharpened, ...) read it by the third.
        const QImage frame = TestImages::toImage(picture(payload(0), Degradation::SmallInFullHd, 0));
        CodeReader camera({QStringLiteral("QRCode")}, 1280, 8);
        QList<DecodedCode> codes;
        int frames = 0;
        while (codes.isEmpty() && frames < 8) {
            codes = camera.read(frame);
            ++frames;
        }
        QVERIFY2(frames <= 3, qPrintable(QStringLiteral("read on frame %1").arg(frames)));
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().text, payload(0));
        // Its position is in the frame's own coordinates.
        QVERIFY(qAbs(codes.first().position.boundingRect().center().x() - 1920 / 2 + 60) < 20);
    }

    void reportsPositionInCallersCoordinates()
    {
        cv::Mat canvas = TestImages::scene(cv::Size(2560, 1440), 7);
        const cv::Mat code = TestImages::qrCode(QStringLiteral("where"), 500);
        TestImages::place(canvas, code, {1800, 900});
        CodeReader reader;
        const QList<DecodedCode> codes = reader.read(TestImages::toImage(canvas));
        QCOMPARE(codes.size(), 1);
        const QRect box = codes.first().position.boundingRect();
        QVERIFY2(qAbs(box.center().x() - 1800) < 40 && qAbs(box.center().y() - 900) < 40,
                 qPrintable(QStringLiteral("centre at %1,%2").arg(box.center().x()).arg(box.center().y())));
        QVERIFY(box.width() > 400 && box.width() < 520);
    }

    void decodesSeveralCodesInOneFrame()
    {
        cv::Mat canvas = TestImages::scene(cv::Size(1280, 720), 3);
        const QStringList texts = {QStringLiteral("第一张 A"), QStringLiteral("second B"), QStringLiteral("第三 C")};
        for (int i = 0; i < texts.size(); ++i)
            TestImages::place(canvas, TestImages::qrCode(texts.at(i), 240), {220 + 420 * i, 360});
        CodeReader reader;
        QStringList found;
        for (const DecodedCode &code : reader.read(TestImages::toImage(canvas)))
            found << code.text;
        found.sort();
        QStringList expected = texts;
        expected.sort();
        QCOMPARE(found, expected);
    }

    void decodesNothingWithoutCode_data()
    {
        QTest::addColumn<int>("seed");
        for (int seed = 0; seed < 8; ++seed)
            QTest::addRow("scene %d", seed) << seed;
    }

    void decodesNothingWithoutCode()
    {
        QFETCH(int, seed);
        cv::Mat canvas = TestImages::scene(cv::Size(1280, 720), unsigned(seed));
        // Things that look a little like codes: a checkerboard, text, noise.
        for (int y = 0; y < 8; ++y) {
            for (int x = 0; x < 8; ++x) {
                if ((x + y + seed) % 2 == 0)
                    cv::rectangle(canvas, cv::Rect(700 + x * 30, 200 + y * 30, 30, 30), cv::Scalar(0), cv::FILLED);
            }
        }
        cv::putText(canvas, "CASE 340103 QR", cv::Point(100, 600), cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(10), 4);
        cv::Mat noise(canvas.size(), CV_8UC1);
        cv::randu(noise, 0, 40 + seed * 5);
        canvas += noise;
        CodeReader reader;
        QVERIFY(reader.read(TestImages::toImage(canvas)).isEmpty());
    }

    void limitsDecodingToConfiguredFormats()
    {
        const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::DataMatrix).setMargin(2).encode(std::string("DM-42"), 200, 200);
        const ZXing::Matrix<uint8_t> pixels = ZXing::ToMatrix<uint8_t>(matrix);
        const cv::Mat dm(pixels.height(), pixels.width(), CV_8UC1, const_cast<uint8_t *>(pixels.data()));
        cv::Mat canvas = TestImages::scene(cv::Size(1280, 720), 1);
        TestImages::place(canvas, dm, {640, 360});
        const QImage image = TestImages::toImage(canvas);
        QVERIFY(CodeReader({QStringLiteral("QRCode")}).read(image).isEmpty());
        const QList<DecodedCode> codes = CodeReader({QStringLiteral("QRCode"), QStringLiteral("DataMatrix")}).read(image);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().format, QStringLiteral("DataMatrix"));
        QCOMPARE(codes.first().text, QStringLiteral("DM-42"));
    }

    void refusesUnknownFormat()
    {
        const CodeReader reader({QStringLiteral("QRCode"), QStringLiteral("Hologram")});
        QVERIFY(!reader.isValid());
        QVERIFY(reader.errorString().contains(QStringLiteral("Hologram")));
    }

    void reportsEachCodeOncePerPresentation()
    {
        CodePresentation presentation(1500);
        const DecodedCode a{QStringLiteral("QRCode"), QStringLiteral("A"), {}};
        const DecodedCode b{QStringLiteral("QRCode"), QStringLiteral("B"), {}};
        QCOMPARE(presentation.admit({a}, 0).size(), 1);
        for (qint64 t = 33; t < 3000; t += 33)
            QVERIFY(presentation.admit({a}, t).isEmpty()); // held in front of the camera for 3 s
        QCOMPARE(presentation.admit({a, b}, 3000).size(), 1);   // b is new, a is not
        QVERIFY(presentation.admit({}, 3500).isEmpty());
        QVERIFY(presentation.admit({a}, 4000).isEmpty());       // away for 1 s only: same presentation
        QCOMPARE(presentation.admit({a}, 6000).size(), 1);      // away for 2 s: shown again
    }
};

QTEST_GUILESS_MAIN(TestCodeReader)
#include "test_codereader.moc"
