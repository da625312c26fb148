#include "camerabench.h"

#include "vision/codereader.h"
#include "vision/documentcapture.h"
#include "vision/faceanalyzer.h"
#include "vision/opencvimage.h"
#include "camera/sim/simulatedresident.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <ZXing/ReadBarcode.h>

#include <algorithm>
#include <functional>

namespace {

// The median of `runs` timings of `work`, in milliseconds.
double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    work(); // warm caches and lazy initialisation outside the measurement
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        work();
        times.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// A grey, textured scene, with a QR code about a third of the frame's height when `withCode`.
cv::Mat frame(cv::Size size, bool withCode)
{
    cv::Mat canvas(size, CV_8UC1);
    cv::randu(canvas, 90, 150);
    cv::GaussianBlur(canvas, canvas, cv::Size(21, 21), 0);
    cv::putText(canvas, "Hefei 12345", cv::Point(size.width / 20, size.height / 5), cv::FONT_HERSHEY_SIMPLEX, 1.5, cv::Scalar(30), 3);
    if (withCode) {
        const int side = size.height / 3;
        const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                            .setMargin(2)
                                            .encode(std::string("https://zwfw.ah.gov.cn/eid/verify?t=8f2a0c"), side, side);
        const ZXing::Matrix<uint8_t> pixels = ZXing::ToMatrix<uint8_t>(matrix);
        const cv::Mat code(pixels.height(), pixels.width(), CV_8UC1, const_cast<uint8_t *>(pixels.data()));
        code.copyTo(canvas(cv::Rect((size.width - code.cols) / 2, (size.height - code.rows) / 2, code.cols, code.rows)));
    }
    return canvas;
}

cv::Mat documentFrame(cv::Size size)
{
    cv::Mat page(1754, 1240, CV_8UC3, cv::Scalar(245, 245, 245));
    for (int line = 0; line < 30; ++line)
        cv::putText(page, "Name ______ Address ______________ 340103", cv::Point(120, 330 + line * 45), cv::FONT_HERSHEY_SIMPLEX,
                    1.0, cv::Scalar(30, 30, 30), 2);
    cv::Mat shot(size, CV_8UC3, cv::Scalar(50, 45, 40));
    const float h = size.height * 0.86f;
    const float w = h / 1.414f;
    const float cx = size.width / 2.f;
    const float top = size.height * 0.07f;
    const std::vector<cv::Point2f> from = {{0, 0}, {1240, 0}, {1240, 1754}, {0, 1754}};
    const std::vector<cv::Point2f> to = {{cx - w * 0.48f, top}, {cx + w * 0.48f, top + 10}, {cx + w * 0.51f, top + h}, {cx - w * 0.51f, top + h - 5}};
    cv::warpPerspective(page, shot, cv::getPerspectiveTransform(from, to), size, cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
    return shot;
}

} // namespace

int runVisionBench(CtlContext &context, const QStringList &args)
{
    int runs = 30;
    QString facePath;
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--frames"))
            runs = qMax(3, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--face"))
            facePath = args.at(i + 1);
    }

    context.out << "QR decoding, ms per frame (median of " << runs << "):" << Qt::endl;
    context.out << QStringLiteral("  %1 %2 %3 %4 %5\n")
                       .arg(QStringLiteral("frame"), -10)
                       .arg(QStringLiteral("code"), -5)
                       .arg(QStringLiteral("pipeline"), 10)
                       .arg(QStringLiteral("ZXing raw"), 10)
                       .arg(QStringLiteral("OpenCV locate"), 14);
    const CodeReader pipeline;
    cv::QRCodeDetector detector;
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    for (const cv::Size size : {cv::Size(640, 480), cv::Size(1280, 720)}) {
        for (const bool withCode : {true, false}) {
            const cv::Mat grey = frame(size, withCode);
            int pipelineFound = 0;
            const double pipelineMs = medianMs(runs, [&] {
                pipelineFound = int(pipeline.readGrey(grey.data, grey.cols, grey.rows, qsizetype(grey.step)).size());
            });
            int rawFound = 0;
            const double rawMs = medianMs(runs, [&] {
                rawFound = ZXing::ReadBarcode(ZXing::ImageView(grey.data, grey.cols, grey.rows, ZXing::ImageFormat::Lum), hints).isValid() ? 1 : 0;
            });
            bool located = false;
            const double openCvMs = medianMs(runs, [&] {
                std::vector<cv::Point> corners;
                located = detector.detect(grey, corners);
            });
            context.out << QStringLiteral("  %1 %2 %3 %4 %5\n")
                               .arg(QStringLiteral("%1x%2").arg(size.width).arg(size.height), -10)
                               .arg(withCode ? QStringLiteral("yes") : QStringLiteral("no"), -5)
                               .arg(QStringLiteral("%1%2").arg(pipelineMs, 0, 'f', 2).arg(pipelineFound ? QStringLiteral(" ✓") : QStringLiteral("  ")), 10)
                               .arg(QStringLiteral("%1%2").arg(rawMs, 0, 'f', 2).arg(rawFound ? QStringLiteral(" ✓") : QStringLiteral("  ")), 10)
                               .arg(QStringLiteral("%1%2").arg(openCvMs, 0, 'f', 2).arg(located ? QStringLiteral(" ✓") : QStringLiteral("  ")), 14);
        }
    }
    context.out << "  (✓: a code was found; pipeline = downscale to ≤1280 px, stretch dim frames, ZXing try-harder)" << Qt::endl;

    FaceAnalyzer analyzer;
    if (!analyzer.isValid()) {
        context.out << "face detection: " << analyzer.errorString() << Qt::endl;
    } else {
        const QImage empty = OpenCvImage::toImage(frame(cv::Size(640, 480), false));
        const double emptyMs = medianMs(runs, [&] { (void)analyzer.analyze(empty); });
        context.out << QStringLiteral("face detection, 640x480 without a face: %1 ms, %2 frames/s\n").arg(emptyMs, 0, 'f', 1).arg(1000.0 / emptyMs, 0, 'f', 0);
        {
            // By default the astronaut the simulated camera shows (assets/camera), so that the
            // figure is for a frame with a face in it wherever kioskctl runs.
            cv::Mat face = facePath.isEmpty() ? OpenCvImage::toBgr(SimulatedResident::face()) : cv::imread(facePath.toStdString(), cv::IMREAD_COLOR);
            if (face.empty()) {
                context.err << (facePath.isEmpty() ? QStringLiteral("the built-in face") : facePath) << ": not a picture" << Qt::endl;
                return CtlExit::Error;
            }
            cv::Mat canvas(480, 640, CV_8UC3, cv::Scalar(150, 150, 150));
            const double scale = qMin(1.0, qMin(600.0 / face.cols, 440.0 / face.rows));
            cv::resize(face, face, cv::Size(), scale, scale, cv::INTER_AREA);
            face.copyTo(canvas(cv::Rect((640 - face.cols) / 2, (480 - face.rows) / 2, face.cols, face.rows)));
            const QImage withFace = OpenCvImage::toImage(canvas);
            int faces = 0;
            const double faceMs = medianMs(runs, [&] { faces = analyzer.analyze(withFace).faces; });
            context.out << QStringLiteral("face detection, 640x480 with a face (%1 found): %2 ms, %3 frames/s\n")
                               .arg(faces)
                               .arg(faceMs, 0, 'f', 1)
                               .arg(1000.0 / faceMs, 0, 'f', 0);
        }
    }

    for (const cv::Size size : {cv::Size(1920, 1080), cv::Size(4000, 3000)}) {
        const QImage shot = OpenCvImage::toImage(documentFrame(size));
        DocumentCapture::Page page;
        const double pageMs = medianMs(qMax(3, runs / 5), [&] { page = DocumentCapture::capture(shot); });
        context.out << QStringLiteral("document capture, %1x%2 frame: %3 ms per page, page %4 (%5x%6), JPEG %7 KiB\n")
                           .arg(size.width)
                           .arg(size.height)
                           .arg(pageMs, 0, 'f', 0)
                           .arg(page.found ? QStringLiteral("found") : QStringLiteral("not found"))
                           .arg(page.image.width())
                           .arg(page.image.height())
                           .arg(page.jpeg.size() / 1024);
    }
    context.out.flush();
    return CtlExit::Ok;
}
