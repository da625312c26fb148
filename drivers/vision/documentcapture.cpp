#include "vision/documentcapture.h"

#include <QBuffer>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace DocumentCapture {

namespace {

constexpr int DetectionWidth = 800;

// Orders four points clockwise from the top-left one.
std::vector<cv::Point2f> ordered(const std::vector<cv::Point2f> &points)
{
    std::vector<cv::Point2f> result(4);
    const auto bySum = std::minmax_element(points.begin(), points.end(),
                                           [](const cv::Point2f &a, const cv::Point2f &b) { return a.x + a.y < b.x + b.y; });
    const auto byDifference = std::minmax_element(points.begin(), points.end(),
                                                  [](const cv::Point2f &a, const cv::Point2f &b) { return a.y - a.x < b.y - b.x; });
    result[0] = *bySum.first;         // top-left: smallest x + y
    result[2] = *bySum.second;        // bottom-right: largest x + y
    result[1] = *byDifference.first;  // top-right: smallest y - x
    result[3] = *byDifference.second; // bottom-left: largest y - x
    return result;
}

double distance(const cv::Point2f &a, const cv::Point2f &b)
{
    return std::hypot(double(a.x - b.x), double(a.y - b.y));
}

cv::Mat toMat(const QImage &rgb)
{
    return cv::Mat(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()), size_t(rgb.bytesPerLine()));
}

QImage toImage(const cv::Mat &mat)
{
    if (mat.channels() == 1)
        return QImage(mat.data, mat.cols, mat.rows, int(mat.step), QImage::Format_Grayscale8).copy();
    return QImage(mat.data, mat.cols, mat.rows, int(mat.step), QImage::Format_RGB888).copy();
}

// Flattens uneven lighting (divide by a heavy blur) and stretches contrast in the L channel.
cv::Mat enhance(const cv::Mat &rgb)
{
    cv::Mat lab;
    cv::cvtColor(rgb, lab, cv::COLOR_RGB2Lab);
    std::vector<cv::Mat> channels;
    cv::split(lab, channels);
    cv::Mat background;
    const int kernel = (qMax(rgb.cols, rgb.rows) / 20) | 1;
    cv::GaussianBlur(channels[0], background, cv::Size(kernel, kernel), 0);
    cv::Mat flattened;
    cv::divide(channels[0], background, flattened, 235.0);
    cv::Ptr<cv::CLAHE> clahe = cv::createCLAHE(2.0, cv::Size(8, 8));
    clahe->apply(flattened, channels[0]);
    cv::merge(channels, lab);
    cv::Mat result;
    cv::cvtColor(lab, result, cv::COLOR_Lab2RGB);
    return result;
}

} // namespace

Page capture(const QImage &frame)
{
    Page page;
    if (frame.isNull())
        return page;
    const QImage rgb = frame.convertToFormat(QImage::Format_RGB888);
    const cv::Mat full = toMat(rgb);
    const double scale = full.cols > DetectionWidth ? double(DetectionWidth) / full.cols : 1.0;
    cv::Mat small;
    cv::resize(full, small, cv::Size(), scale, scale, cv::INTER_AREA);
    cv::Mat grey;
    cv::cvtColor(small, grey, cv::COLOR_RGB2GRAY);
    cv::GaussianBlur(grey, grey, cv::Size(5, 5), 0);
    cv::Mat edges;
    cv::Canny(grey, edges, 50, 150);
    cv::dilate(edges, edges, cv::Mat(), cv::Point(-1, -1), 2);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(edges, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    std::sort(contours.begin(), contours.end(),
              [](const auto &a, const auto &b) { return cv::contourArea(a) > cv::contourArea(b); });

    std::vector<cv::Point2f> corners;
    const double minArea = 0.2 * small.cols * small.rows;
    for (const std::vector<cv::Point> &contour : contours) {
        if (cv::contourArea(contour) < minArea)
            break;
        std::vector<cv::Point> approx;
        cv::approxPolyDP(contour, approx, 0.02 * cv::arcLength(contour, true), true);
        if (approx.size() == 4 && cv::isContourConvex(approx)) {
            for (const cv::Point &point : approx)
                corners.emplace_back(float(point.x / scale), float(point.y / scale));
            break;
        }
    }

    cv::Mat straightened;
    if (corners.size() == 4) {
        corners = ordered(corners);
        double width = qMax(distance(corners[0], corners[1]), distance(corners[3], corners[2]));
        double height = qMax(distance(corners[0], corners[3]), distance(corners[1], corners[2]));
        // Keystone makes the outline a little off; a sheet that is nearly A4 is A4 (most are).
        const double a4 = 297.0 / 210.0;
        if (height >= width && qAbs(height / width - a4) < 0.1 * a4)
            width = height / a4;
        else if (width > height && qAbs(width / height - a4) < 0.1 * a4)
            height = width / a4;
        const double fit = qMin(1.0, MaxLongSide / qMax(width, height));
        const cv::Size size(qMax(1, int(width * fit)), qMax(1, int(height * fit)));
        const std::vector<cv::Point2f> target = {{0, 0}, {float(size.width - 1), 0},
                                                 {float(size.width - 1), float(size.height - 1)}, {0, float(size.height - 1)}};
        cv::warpPerspective(full, straightened, cv::getPerspectiveTransform(corners, target), size, cv::INTER_LINEAR);
        page.found = true;
        for (const cv::Point2f &corner : corners)
            page.corners << QPoint(qRound(corner.x), qRound(corner.y));
    } else {
        const double fit = qMin(1.0, double(MaxLongSide) / qMax(full.cols, full.rows));
        cv::resize(full, straightened, cv::Size(), fit, fit, cv::INTER_AREA);
    }
    page.image = toImage(enhance(straightened));
    page.jpeg = encodeJpeg(page.image);
    return page;
}

QByteArray encodeJpeg(const QImage &image, qsizetype maxBytes)
{
    QImage current = image;
    for (;;) {
        for (int quality = 85; quality >= 40; quality -= 15) {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            current.save(&buffer, "JPEG", quality);
            if (bytes.size() <= maxBytes)
                return bytes;
        }
        if (current.width() < 200)
            return QByteArray();
        current = current.scaledToWidth(current.width() * 4 / 5, Qt::SmoothTransformation);
    }
}

bool toPdf(const QList<QByteArray> &jpegs, QByteArray *pdf, QString *error, const QString &title)
{
    if (jpegs.isEmpty()) {
        if (error)
            *error = QStringLiteral("no pages to put in the PDF");
        return false;
    }
    QBuffer buffer(pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(150);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("kiosk document camera"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("the PDF writer did not start");
        return false;
    }
    for (qsizetype i = 0; i < jpegs.size(); ++i) {
        QImage image;
        if (!image.loadFromData(jpegs.at(i), "JPEG")) {
            if (error)
                *error = QStringLiteral("page %1 is not a JPEG").arg(i + 1);
            painter.end();
            return false;
        }
        if (i > 0)
            writer.newPage();
        const QRect area = painter.viewport();
        const QSize fitted = image.size().scaled(area.size(), Qt::KeepAspectRatio);
        const QRect target(area.x() + (area.width() - fitted.width()) / 2, area.y() + (area.height() - fitted.height()) / 2,
                           fitted.width(), fitted.height());
        painter.drawImage(target, image);
    }
    painter.end();
    return true;
}

} // namespace DocumentCapture
