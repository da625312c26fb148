#include "vision/codereader.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <ZXing/ReadBarcode.h>

struct CodeReader::Private {
    ZXing::DecodeHints hints;
    ZXing::DecodeHints enlargedHints; // the same without the downscaling pyramid, which would undo the enlarging
};

namespace {

// Where a found code lies in the caller's frame: ZXing's corners are divided by the enlarging,
// moved by the region's offset and divided by the frame's downscaling.
struct Placement {
    double scale = 1.0;   // the frame as read against the caller's
    double enlarge = 1.0; // the looked-at picture against the frame as read
    cv::Point offset;     // the region's corner in the frame as read
};

DecodedCode toDecodedCode(const ZXing::Result &result, const Placement &placement)
{
    DecodedCode code;
    code.format = QString::fromLatin1(ZXing::ToString(result.format()));
    code.text = QString::fromStdString(result.text());
    for (int i = 0; i < 4; ++i) {
        const ZXing::PointI corner = result.position()[i];
        const double x = (corner.x / placement.enlarge + placement.offset.x) / placement.scale;
        const double y = (corner.y / placement.enlarge + placement.offset.y) / placement.scale;
        code.position << QPoint(qRound(x), qRound(y));
    }
    return code;
}

QList<DecodedCode> decode(const cv::Mat &image, const ZXing::DecodeHints &hints, const Placement &placement)
{
    const ZXing::ImageView view(image.data, image.cols, image.rows, ZXing::ImageFormat::Lum, int(image.step));
    QList<DecodedCode> codes;
    for (const ZXing::Result &result : ZXing::ReadBarcodes(view, hints)) {
        if (result.isValid())
            codes << toDecodedCode(result, placement);
    }
    return codes;
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

// The code's likely region: the densest patch of strong edges, found on a half-size copy. A code
// is the busiest thing in a hall's frame (modules flip every few pixels), and reading only its
// region, enlarged, costs less than reading the whole frame and finds codes of two pixels a
// module that the whole frame hides. Empty when no patch is busy enough to hold a code.
cv::Rect codeRegion(const cv::Mat &grey)
{
    constexpr int shrink = 2;
    constexpr double strongEdge = 40;  // grey levels across three pixels of the half-size copy
    constexpr double leastDensity = 60; // of 255: a quarter of the window's pixels on strong edges
    cv::Mat small;
    cv::resize(grey, small, cv::Size(), 1.0 / shrink, 1.0 / shrink, cv::INTER_AREA);
    cv::Mat gradient;
    cv::morphologyEx(small, gradient, cv::MORPH_GRADIENT, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    cv::Mat edges;
    cv::threshold(gradient, edges, strongEdge, 255, cv::THRESH_BINARY);
    cv::Mat density;
    cv::boxFilter(edges, density, CV_32F, cv::Size(9, 9));
    double densest = 0;
    cv::Point peak;
    cv::minMaxLoc(density, nullptr, &densest, nullptr, &peak);
    if (densest < leastDensity)
        return {};
    // The busy patch around the densest point, grown by a quarter each side for the quiet zone
    // and the modules the window's edge cut.
    cv::Mat busy;
    cv::threshold(density, busy, densest * 0.45, 255, cv::THRESH_BINARY);
    busy.convertTo(busy, CV_8U);
    cv::Mat labels;
    cv::Mat stats;
    cv::Mat centroids;
    cv::connectedComponentsWithStats(busy, labels, stats, centroids, 8);
    const int label = labels.at<int>(peak);
    cv::Rect region(stats.at<int>(label, cv::CC_STAT_LEFT), stats.at<int>(label, cv::CC_STAT_TOP), stats.at<int>(label, cv::CC_STAT_WIDTH),
                    stats.at<int>(label, cv::CC_STAT_HEIGHT));
    const int margin = std::max(region.width, region.height) / 4 + 4;
    region = cv::Rect(region.x - margin, region.y - margin, region.width + 2 * margin, region.height + 2 * margin);
    region = cv::Rect(region.x * shrink, region.y * shrink, region.width * shrink, region.height * shrink);
    return region & cv::Rect(0, 0, grey.cols, grey.rows);
}

cv::Mat sharpened(const cv::Mat &grey)
{
    cv::Mat blurred;
    cv::Mat out;
    cv::GaussianBlur(grey, blurred, cv::Size(0, 0), 1.5);
    cv::addWeighted(grey, 1.8, blurred, -0.8, 0, out);
    return out;
}

// The second looks a frame gets when the first found nothing, each for what defeats ZXing's own
// binarizer on a phone held up to the camera (measured on the hard QR set, kiosk-bench qr; the
// order is the one that decodes most for the least time there).
enum class SecondLook {
    RegionEnlarged,      // modules of two pixels or less: the code's region twice the size
    RegionSharpened,     // a phone a little out of focus or moving: an unsharp mask restores the module edges
    RegionLocalContrast, // a dim screen, or one half washed out by a reflection: contrast evened out tile by tile
    Sharpened,           // the whole frame sharpened, for a code the region finder missed
};
constexpr int secondLookCount = 4;
// A still picture reads these before the whole frame: they are cheaper and find more.
constexpr int regionFirstLooks = 2;

} // namespace

// What the looks at one frame share: the frame as read and its code region, found once.
struct CodeReader::Frame {
    cv::Mat grey;
    double scale = 1.0;
    bool regionSought = false;
    cv::Mat region; // enlarged to about twice the size, at most 1280 px a side
    Placement regionPlacement;

    const cv::Mat &codeRegionImage()
    {
        if (regionSought)
            return region;
        regionSought = true;
        const cv::Rect rect = codeRegion(grey);
        if (rect.empty())
            return region;
        // Twice the size, unless that would make a picture larger than a frame: a code filling
        // the frame has modules big enough already.
        const double enlarge = std::min(2.0, 1280.0 / std::max(rect.width, rect.height));
        regionPlacement = {scale, enlarge >= 1.2 ? enlarge : 1.0, rect.tl()};
        if (regionPlacement.enlarge > 1.0)
            cv::resize(grey(rect), region, cv::Size(), enlarge, enlarge, cv::INTER_CUBIC);
        else
            region = grey(rect).clone();
        return region;
    }
};

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
    Frame frame;
    frame.grey = full;
    if (m_maxWidth > 0 && width > m_maxWidth) {
        frame.scale = double(m_maxWidth) / width;
        cv::resize(full, frame.grey, cv::Size(), frame.scale, frame.scale, cv::INTER_AREA);
    }
    frame.grey = stretchedIfFlat(frame.grey);
    // A still picture looks at the code's region first: on the hard set that finds more than the
    // whole frame does, for less time. A camera reads the whole frame first, as it always did,
    // and gets one second look per empty frame.
    const bool still = m_fullResolutionEvery == 1;
    QList<DecodedCode> codes;
    for (int i = 0; still && i < regionFirstLooks && codes.isEmpty(); ++i)
        codes = readSecondLook(frame, i);
    if (!codes.isEmpty())
        return codes;
    codes = decode(frame.grey, d->hints, {frame.scale, 1.0, {}});
    // A small code in a big frame falls under two pixels a module once scaled down, too few for
    // ZXing even to find it. The full frame is read too, after every `fullResolutionEvery`-th
    // scaled frame that held nothing: always for still pictures, now and then for a camera.
    if (codes.isEmpty() && frame.scale < 1.0 && m_fullResolutionEvery > 0 && ++m_emptyScaledFrames % m_fullResolutionEvery == 0)
        codes = decode(stretchedIfFlat(full), d->hints, {});
    if (!codes.isEmpty())
        return codes;
    if (still) {
        for (int i = regionFirstLooks; i < secondLookCount && codes.isEmpty(); ++i)
            codes = readSecondLook(frame, i);
        return codes;
    }
    // A camera one look per empty frame, the next each time: the resident holds the phone up for
    // many frames, and the camera keeps its pace.
    return readSecondLook(frame, int(m_secondLooks++ % secondLookCount));
}

QList<DecodedCode> CodeReader::readSecondLook(Frame &frame, int index) const
{
    switch (SecondLook(index)) {
    case SecondLook::RegionEnlarged:
    case SecondLook::RegionSharpened:
    case SecondLook::RegionLocalContrast: {
        const cv::Mat &region = frame.codeRegionImage();
        if (region.empty())
            return {};
        // The region is read at its size: ZXing's downscaling pyramid would undo the enlarging.
        if (SecondLook(index) == SecondLook::RegionEnlarged)
            return decode(region, d->enlargedHints, frame.regionPlacement);
        if (SecondLook(index) == SecondLook::RegionSharpened)
            return decode(sharpened(region), d->enlargedHints, frame.regionPlacement);
        cv::Mat evened;
        cv::createCLAHE(3.0, cv::Size(8, 8))->apply(region, evened);
        return decode(evened, d->enlargedHints, frame.regionPlacement);
    }
    case SecondLook::Sharpened:
        return decode(sharpened(frame.grey), d->hints, {frame.scale, 1.0, {}});
    }
    return {};
}

QStringList CodeReader::knownFormats()
{
    return {QStringLiteral("QRCode"), QStringLiteral("MicroQRCode"), QStringLiteral("DataMatrix"), QStringLiteral("PDF417"),
            QStringLiteral("Aztec"), QStringLiteral("Code128"), QStringLiteral("Code39"), QStringLiteral("EAN-13")};
}
