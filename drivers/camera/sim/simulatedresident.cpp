#include "camera/sim/simulatedresident.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace SimulatedResident {

namespace {

// Where the head is in the 320×320 picture: an ellipsoid over the hair and the face, and the
// neck below it. Measured on the picture; everything scales with it.
constexpr double HeadCentreX = 131;
constexpr double HeadCentreY = 88;
constexpr double HeadHalfWidth = 76;
constexpr double HeadHalfHeight = 78;
constexpr double NeckTop = 150;
constexpr double NeckBottom = 190;
constexpr double NeckHalfWidth = 48;
// The side of the head that comes into view shows hair from this far round, not the background
// at the head's outline.
constexpr double RevealedLimitDegrees = 60;

} // namespace

QImage face()
{
    QImage picture(QStringLiteral(":/kiosk/camera/simulated-face.jpg"));
    return picture.isNull() ? QImage() : picture.convertToFormat(QImage::Format_RGB888);
}

QImage turned(const QImage &face, double yawDegrees)
{
    const QImage rgb = face.convertToFormat(QImage::Format_RGB888);
    if (rgb.isNull() || yawDegrees == 0)
        return rgb;
    const double scale = rgb.width() / 320.0;
    const cv::Mat source(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()), size_t(rgb.bytesPerLine()));
    cv::Mat mapX(source.size(), CV_32FC1);
    cv::Mat mapY(source.size(), CV_32FC1);
    const double limit = RevealedLimitDegrees * M_PI / 180;
    const double centreX = HeadCentreX * scale;
    for (int y = 0; y < source.rows; ++y) {
        // Each row of the head turns as a circle of its own width: the outline stays put.
        const double v = (y / scale - HeadCentreY) / HeadHalfHeight;
        double radius = std::abs(v) < 1 ? HeadHalfWidth * std::sqrt(1 - v * v) * scale : 0;
        double yaw = yawDegrees * M_PI / 180;
        if (y / scale > NeckTop) {
            const double twist = std::max(0.0, (NeckBottom - y / scale) / (NeckBottom - NeckTop));
            radius = std::max(radius, NeckHalfWidth * scale);
            yaw *= twist;
        }
        auto *xs = mapX.ptr<float>(y);
        auto *ys = mapY.ptr<float>(y);
        for (int x = 0; x < source.cols; ++x) {
            double sourceX = x;
            if (radius > 1 && std::abs(x - centreX) < radius && yaw != 0) {
                // Only the side coming into view is limited; the other turns out of sight.
                double angle = std::asin((x - centreX) / radius) - yaw;
                angle = yaw > 0 ? std::max(angle, -limit) : std::min(angle, limit);
                sourceX = centreX + radius * std::sin(angle);
            }
            xs[x] = float(sourceX);
            ys[x] = float(y);
        }
    }
    cv::Mat result;
    cv::remap(source, result, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return QImage(result.data, result.cols, result.rows, int(result.step), QImage::Format_RGB888).copy();
}

} // namespace SimulatedResident
