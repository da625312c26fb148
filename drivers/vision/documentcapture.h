#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPolygon>
#include <QString>

// Document camera (高拍仪) pages: finds the page in a frame (the largest four-cornered contour),
// straightens it, evens out the lighting and contrast, and encodes it as JPEG under 1 MiB at a
// legible resolution (the long side at most 2200 px, about 190 dpi on A4). Several pages become
// one PDF. Pure functions over images in memory: nothing is written to disk.
namespace DocumentCapture {

struct Page {
    bool found = false;   // false: no page outline; `image` is then the whole frame, enhanced
    QPolygon corners;     // in frame coordinates, clockwise from top-left
    QImage image;         // straightened and enhanced
    QByteArray jpeg;
};

constexpr qsizetype MaxJpegBytes = 1024 * 1024;
constexpr int MaxLongSide = 2200;

[[nodiscard]] Page capture(const QImage &frame);
// Encodes `image` as JPEG, lowering quality (then size) until it fits in `maxBytes`.
[[nodiscard]] QByteArray encodeJpeg(const QImage &image, qsizetype maxBytes = MaxJpegBytes);
// One A4 page per JPEG, each scaled to fit its page. False with a reason on failure.
[[nodiscard]] bool toPdf(const QList<QByteArray> &jpegs, QByteArray *pdf, QString *error, const QString &title = QString());

} // namespace DocumentCapture
