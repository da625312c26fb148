#pragma once

// Test pictures made at test time: QR codes from ZXing's writer placed on a canvas and degraded
// the way phones in front of a kiosk camera degrade them, and the public-domain astronaut face.
#include "vision/opencvimage.h"
#include "camera/sim/simulatedresident.h"

#include <QDir>
#include <QImage>
#include <QString>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>


namespace TestImages {

inline cv::Mat qrCode(const QString &text, int side)
{
    const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                        .setEncoding(ZXing::CharacterSet::UTF8)
                                        .setMargin(2)
                                        .encode(text.toStdString(), side, side);
    const ZXing::Matrix<uint8_t> pixels = ZXing::ToMatrix<uint8_t>(matrix);
    return cv::Mat(pixels.height(), pixels.width(), CV_8UC1, const_cast<uint8_t *>(pixels.data())).clone();
}

// A grey, slightly textured scene of `size`, like a hall behind a phone.
inline cv::Mat scene(cv::Size size, unsigned seed)
{
    cv::Mat canvas(size, CV_8UC1);
    // The same scene for the same seed, whichever tests ran before.
    cv::theRNG().state = 0x9e3779b97f4a7c15ULL + seed;
    cv::randu(canvas, 90, 150);
    cv::GaussianBlur(canvas, canvas, cv::Size(21, 21), 0);
    cv::rectangle(canvas, cv::Rect(size.width / 10, size.height / 8, size.width / 5, size.height / 3), cv::Scalar(60), cv::FILLED);
    return canvas;
}

inline void place(cv::Mat &canvas, const cv::Mat &code, cv::Point centre)
{
    const cv::Rect where(centre.x - code.cols / 2, centre.y - code.rows / 2, code.cols, code.rows);
    code.copyTo(canvas(where & cv::Rect(0, 0, canvas.cols, canvas.rows)));
}

using OpenCvImage::toImage;

inline QString dataPath(const QString &name)
{
    return QDir(qEnvironmentVariable("KIOSK_SOURCE_DIR")).filePath(QStringLiteral("tests/drivers/camera/data/") + name);
}

// The astronaut's face (public domain, NASA; from scikit-image's data set), BGR.
inline cv::Mat astronaut()
{
    return cv::imread(dataPath(QStringLiteral("astronaut-face.jpg")).toStdString(), cv::IMREAD_COLOR);
}

// The face (the astronaut, her head turned by `yaw` degrees as SimulatedResident turns it)
// scaled by `scale` and put on a plain 640×480 background with its centre at `centre`. The
// picture takes her shoulders along: sliding `centre` moves the whole photo.
inline cv::Mat faceFrame(double scale, cv::Point centre, double brightness = 1.0, double yaw = 0)
{
    cv::Mat frame(480, 640, CV_8UC3, cv::Scalar(150, 150, 150));
    cv::Mat face;
    const cv::Mat picture = yaw == 0 ? astronaut() : OpenCvImage::toBgr(SimulatedResident::turned(toImage(astronaut()), yaw));
    cv::resize(picture, face, cv::Size(), scale, scale, cv::INTER_AREA);
    // The face in the crop sits at (128, 114); keep that point at `centre`.
    const cv::Point offset(centre.x - int(128 * scale), centre.y - int(114 * scale));
    const cv::Rect target = cv::Rect(offset, face.size()) & cv::Rect(0, 0, frame.cols, frame.rows);
    face(cv::Rect(target.tl() - offset, target.size())).copyTo(frame(target));
    if (brightness != 1.0)
        frame.convertTo(frame, -1, brightness, 0);
    return frame;
}

} // namespace TestImages
