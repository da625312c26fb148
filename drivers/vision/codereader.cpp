#include "vision/codereader.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <ZXing/ReadBarcode.h>

struct CodeReader::Private {
    ZXing::DecodeHints hints;
    ZXing::DecodeHints enlargedHints; // the same without the downscaling pyramid, which would undo the enlarging
};

namespace {

DecodedCode toDecodedCode(const ZXing::Result &result, double scale)
{
    DecodedCode code;
    code.format = QString::fromLatin1(ZXing::ToString(result.format()));
    code.text = QString::fromStdString(result.text());
    for (int i = 0; i < 4; ++i) {
        const ZXing::PointI corner = result.position()[i];
        code.position << QPoint(qRound(corner.x / scale), qRound(corner.y / scale));
    }
    return code;
}

// A dim, flat picture (a phone screen turned down, a dark hall at night) is stretched to the
// full grey range: ZXing's binarizer gives up on contrast of a few dozen levels.
cv::Mat stretchedIfFlat(const cv::Mat &grey)
{
    double darkest = 0;
    double brightest = 0;
    cv::minMaxLoc(grey, &darkest, &brightest);
    if (brightest - darkest >= 128 || brightest <= darkest)
        return grey;
    cv::Mat stretched;
    cv::normalize(grey, stretched, 0, 255, cv::NORM_MINMAX);
    return stretched;
}

// The second looks a frame gets when the first found nothing, each for what defeats ZXing's own
// binarizer on a phone held up to the camera (measured on the hard QR set, kiosk-bench qr).
enum class SecondLook {
    LocalContrast, // a dim screen, or one half washed out by a reflection: contrast evened out tile by tile
    Sharpened,     // a phone a little out of focus or moving: an unsharp mask restores the module edges
    Enlarged,      // modules of two pixels or less: twice the size, so the finder patterns are found
};
constexpr int secondLookCount = 3;

cv::Mat secondLook(const cv::Mat &grey, SecondLook look)
{
    cv::Mat out;
    switch (look) {
    case SecondLook::LocalContrast:
        cv::createCLAHE(3.0, cv::Size(8, 8))->apply(grey, out);
        break;
    case SecondLook::Sharpened: {
        cv::Mat blurred;
        cv::GaussianBlur(grey, blurred, cv::Size(0, 0), 1.5);
        cv::addWeighted(grey, 1.8, blurred, -0.8, 0, out);
        break;
    }
    case SecondLook::Enlarged:
        cv::resize(grey, out, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC);
        break;
    }
    return out;
}

} // namespace

CodeReader::CodeReader(const QStringList &formats, int maxWidth, int fullResolutionEvery)
    : d(std::make_unique<Private>())
    , m_maxWidth(maxWidth)
    , m_fullResolutionEvery(fullResolutionEvery)
{
    ZXing::BarcodeFormats wanted;
    for (const QString &name : formats) {
        const ZXing::BarcodeFormat format = ZXing::BarcodeFormatFromString(name.toStdString());
        if (format == ZXing::BarcodeFormat::None) {
            m_error = QStringLiteral("\"%1\" is not a code format; try %2").arg(name, knownFormats().join(QStringLiteral(", ")));
            return;
        }
        wanted |= format;
    }
    if (wanted.empty())
        wanted = ZXing::BarcodeFormat::QRCode;
    d->hints.setFormats(wanted);
    // ZXing's own downscaling pyramid stays on: it costs little on a 1280 px frame and finds
    // codes (and groups of codes) that the full-size pass misses.
    d->hints.setTryDownscale(true);
    d->hints.setTryHarder(true);
    d->hints.setTryRotate(true);
    d->enlargedHints = d->hints;
    d->enlargedHints.setTryDownscale(false);
}

CodeReader::~CodeReader() = default;

QList<DecodedCode> CodeReader::read(const QImage &image) const
{
    if (image.isNull())
        return {};
    const QImage grey = image.format() == QImage::Format_Grayscale8 ? image : image.convertToFormat(QImage::Format_Grayscale8);
    return readGrey(grey.constBits(), grey.width(), grey.height(), grey.bytesPerLine());
}

QList<DecodedCode> CodeReader::readGrey(const uchar *data, int width, int height, qsizetype bytesPerLine) const
{
    if (!isValid() || !data || width <= 0 || height <= 0)
        return {};
    const cv::Mat full(height, width, CV_8UC1, const_cast<uchar *>(data), size_t(bytesPerLine));
    cv::Mat scaled = full;
    double scale = 1.0;
    if (m_maxWidth > 0 && width > m_maxWidth) {
        scale = double(m_maxWidth) / width;
        cv::resize(full, scaled, cv::Size(), scale, scale, cv::INTER_AREA);
    }
    scaled = stretchedIfFlat(scaled);
    const ZXing::ImageView view(scaled.data, scaled.cols, scaled.rows, ZXing::ImageFormat::Lum, int(scaled.step));
    QList<DecodedCode> codes;
    for (const ZXing::Result &result : ZXing::ReadBarcodes(view, d->hints)) {
        if (result.isValid())
            codes << toDecodedCode(result, scale);
    }
    // A small code in a big frame falls under two pixels a module once scaled down, too few for
    // ZXing even to find it. The full frame is read too, after every `fullResolutionEvery`-th
    // scaled frame that held nothing: always for still pictures, now and then for a camera.
    if (codes.isEmpty() && scale < 1.0 && m_fullResolutionEvery > 0 && ++m_emptyScaledFrames % m_fullResolutionEvery == 0) {
        const cv::Mat whole = stretchedIfFlat(full);
        const ZXing::ImageView fullView(whole.data, whole.cols, whole.rows, ZXing::ImageFormat::Lum, int(whole.step));
        for (const ZXing::Result &result : ZXing::ReadBarcodes(fullView, d->hints)) {
            if (result.isValid())
                codes << toDecodedCode(result, 1.0);
        }
    }
    if (codes.isEmpty())
        codes = readSecondLooks(scaled, scale);
    return codes;
}

// A still picture gets every second look in turn; a camera one per empty frame, the next each
// time: the resident holds the phone up for many frames, and the camera keeps its pace.
QList<DecodedCode> CodeReader::readSecondLooks(const cv::Mat &scaled, double scale) const
{
    const bool still = m_fullResolutionEvery == 1;
    const int looks = still ? secondLookCount : 1;
    for (int i = 0; i < looks; ++i) {
        const auto look = SecondLook(still ? i : int(m_secondLooks++ % secondLookCount));
        const cv::Mat image = secondLook(scaled, look);
        const double factor = look == SecondLook::Enlarged ? scale * 2.0 : scale;
        const ZXing::ImageView view(image.data, image.cols, image.rows, ZXing::ImageFormat::Lum, int(image.step));
        QList<DecodedCode> codes;
        for (const ZXing::Result &result : ZXing::ReadBarcodes(view, look == SecondLook::Enlarged ? d->enlargedHints : d->hints)) {
            if (result.isValid())
                codes << toDecodedCode(result, factor);
        }
        if (!codes.isEmpty())
            return codes;
    }
    return {};
}

QStringList CodeReader::knownFormats()
{
    return {QStringLiteral("QRCode"), QStringLiteral("MicroQRCode"), QStringLiteral("DataMatrix"), QStringLiteral("PDF417"),
            QStringLiteral("Aztec"), QStringLiteral("Code128"), QStringLiteral("Code39"), QStringLiteral("EAN-13")};
}
