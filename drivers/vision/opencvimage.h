#pragma once

#include <QImage>

#include <opencv2/imgproc.hpp>

// Pictures between Qt and OpenCV, always copied: a BGR (or grey) cv::Mat as OpenCV reads and
// draws them, a QImage as the rest of the kiosk holds them. For files that already use OpenCV
// only; never include it from a header the app or the UI sees.
namespace OpenCvImage {

inline cv::Mat toBgr(const QImage &image)
{
    if (image.isNull())
        return {};
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const cv::Mat view(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar *>(rgb.constBits()), size_t(rgb.bytesPerLine()));
    cv::Mat bgr;
    cv::cvtColor(view, bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

// RGB888 from a colour (BGR) picture, Grayscale8 from a grey one.
inline QImage toImage(const cv::Mat &mat)
{
    if (mat.channels() == 1)
        return QImage(mat.data, mat.cols, mat.rows, int(mat.step), QImage::Format_Grayscale8).copy();
    cv::Mat rgb;
    cv::cvtColor(mat, rgb, cv::COLOR_BGR2RGB);
    return QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888).copy();
}

} // namespace OpenCvImage
