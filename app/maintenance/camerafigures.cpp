#include "camerafigures.h"

#include <QImage>

CameraFigures CameraFigures::of(const QImage &frame)
{
    const QImage grey = (frame.width() > 640 ? frame.scaledToWidth(640) : frame).convertToFormat(QImage::Format_Grayscale8);
    const int w = grey.width();
    const int h = grey.height();
    if (w < 3 || h < 3)
        return {};
    double sum = 0;
    double lapSum = 0;
    double lapSquares = 0;
    for (int y = 0; y < h; ++y) {
        const uchar *row = grey.constScanLine(y);
        for (int x = 0; x < w; ++x)
            sum += row[x];
        if (y == 0 || y == h - 1)
            continue;
        const uchar *up = grey.constScanLine(y - 1);
        const uchar *down = grey.constScanLine(y + 1);
        for (int x = 1; x < w - 1; ++x) {
            const double lap = double(up[x]) + down[x] + row[x - 1] + row[x + 1] - 4.0 * row[x];
            lapSum += lap;
            lapSquares += lap * lap;
        }
    }
    const double n = double(w - 2) * (h - 2);
    const double mean = lapSum / n;
    return {sum / (double(w) * h), lapSquares / n - mean * mean};
}
