#include "vision/codereader.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <ZXing/ReadBarcode.h>

#include <algorithm>

struct CodeReader::Private {
    ZXing::DecodeHints hints;
    ZXing::DecodeHints regionHints;      // the same without the downscaling pyramid, which would undo the enlarging
    ZXing::DecodeHints thresholdedHints; // a region already turned black and white: ZXing keeps its pixels as they are
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

// The code's likely regions: patches dense with edges, found on a quarter-size copy, the densest
// first. A code is the busiest thing in a hall's frame (modules flip every few pixels), and
// reading only its region costs less than reading the whole frame and finds codes the whole frame
// hides. An edge counts from 25 grey levels: a dim code on a phone turned down has no more (at 40,
// as before, the finder missed the code on one frame in ten of the hard set; at 25 on one in
// thirty). Patches nearly as dense as the densest are candidates too: several codes in a frame.
// Empty when no patch is busy enough to hold a code.
QList<cv::Rect> codeRegions(const cv::Mat &grey)
{
    constexpr int shrink = 4;
    constexpr double strongEdge = 25;   // grey levels across three pixels of the quarter-size copy
    constexpr double leastDensity = 60; // of 255: a quarter of the window's pixels on strong edges
    constexpr int mostRegions = 4;
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
    cv::Mat busy;
    cv::threshold(density, busy, densest * 0.45, 255, cv::THRESH_BINARY);
    busy.convertTo(busy, CV_8U);
    cv::Mat labels;
    cv::Mat stats;
    cv::Mat centroids;
    const int count = cv::connectedComponentsWithStats(busy, labels, stats, centroids, 8);
    auto box = [&](int label) {
        return cv::Rect(stats.at<int>(label, cv::CC_STAT_LEFT), stats.at<int>(label, cv::CC_STAT_TOP), stats.at<int>(label, cv::CC_STAT_WIDTH),
                        stats.at<int>(label, cv::CC_STAT_HEIGHT));
    };
    // The patch around the densest point first, then the others as dense, largest first.
    const int densestLabel = labels.at<int>(peak);
    QList<int> chosen{densestLabel};
    QList<std::pair<int, int>> bySize;
    for (int label = 1; label < count; ++label) {
        if (label != densestLabel)
            bySize.append({-stats.at<int>(label, cv::CC_STAT_AREA), label});
    }
    std::sort(bySize.begin(), bySize.end());
    for (const auto &[negativeArea, label] : bySize) {
        if (chosen.size() >= mostRegions)
            break;
        const cv::Rect rect = box(label);
        double patchPeak = 0;
        cv::minMaxLoc(density(rect), nullptr, &patchPeak, nullptr, nullptr, labels(rect) == label);
        if (patchPeak >= densest * 0.8)
            chosen << label;
    }
    QList<cv::Rect> regions;
    for (const int label : chosen) {
        // Grown by a quarter each side for the quiet zone and the modules the window's edge cut.
        cv::Rect region = box(label);
        const int margin = std::max(region.width, region.height) / 4 + 4;
        region = cv::Rect(region.x - margin, region.y - margin, region.width + 2 * margin, region.height + 2 * margin);
        region = cv::Rect(region.x * shrink, region.y * shrink, region.width * shrink, region.height * shrink);
        regions << (region & cv::Rect(0, 0, grey.cols, grey.rows));
    }
    return regions;
}

// `codes` and those of `more` whose text it lacks: overlapping looks report a code once.
QList<DecodedCode> merged(QList<DecodedCode> codes, const QList<DecodedCode> &more)
{
    for (const DecodedCode &code : more) {
        if (std::none_of(codes.cbegin(), codes.cend(), [&](const DecodedCode &known) { return known.text == code.text; }))
            codes << code;
    }
    return codes;
}

// An unsharp mask: `amount` times the detail finer than `sigma` added back.
cv::Mat sharpened(const cv::Mat &grey, double sigma, double amount)
{
    cv::Mat blurred;
    cv::Mat out;
    cv::GaussianBlur(grey, blurred, cv::Size(0, 0), sigma);
    cv::addWeighted(grey, 1 + amount, blurred, -amount, 0, out);
    return out;
}

// Black and white by each pixel's neighbourhood (`block` pixels a side): evens out a reflection
// or a dim half, and decides blurred module edges where ZXing's 8-pixel blocks see no contrast.
cv::Mat thresholded(const cv::Mat &grey, int block, double offset)
{
    cv::Mat out;
    cv::adaptiveThreshold(grey, out, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY, block | 1, offset);
    return out;
}

// The looks a frame's code region gets, each for what defeats ZXing's own binarizer on a phone
// held up to the camera. Measured on both hard QR sets (kiosk-bench qr; docs/benchmarks.md), in
// the order that decodes most for the least time there.
enum class Look {
    Region,                     // the region at its size: cheap, and most codes read here
    RegionEnlargedSharpened,    // ×1.5 and an unsharp mask: blur, motion and small modules
    RegionThresholded,          // ×2, black and white by neighbourhood: glare, low contrast, JPEG
    RegionEnlarged,             // ×1.5 alone, for moiré the sharpening made worse
    RegionSharpenedThresholded, // ×2, sharpened, then black and white: blur together with low contrast
};
constexpr int lookCount = 5;

} // namespace

// What the looks at one frame share: the frame as read and its code regions, found once.
struct CodeReader::Frame {
    cv::Mat grey;
    double scale = 1.0;
    bool regionsSought = false;
    QList<cv::Rect> regions;

    const QList<cv::Rect> &codeRegions()
    {
        if (!regionsSought) {
            regionsSought = true;
            regions = ::codeRegions(grey);
        }
        return regions;
    }

    // The region enlarged `factor` times, unless that would make a picture larger than a frame:
    // a code filling the frame has modules big enough already.
    cv::Mat enlarged(const cv::Rect &rect, double factor, int interpolation, Placement *placement) const
    {
        const double enlarge = std::min(factor, 1280.0 / std::max(rect.width, rect.height));
        *placement = {scale, enlarge >= 1.2 ? enlarge : 1.0, rect.tl()};
        if (placement->enlarge == 1.0)
            return grey(rect);
        cv::Mat out;
        cv::resize(grey(rect), out, cv::Size(), enlarge, enlarge, interpolation);
        return out;
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
    d->regionHints = d->hints;
    d->regionHints.setTryDownscale(false);
    d->thresholdedHints = d->regionHints;
    d->thresholdedHints.setBinarizer(ZXing::Binarizer::BoolCast);
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
    // A still picture gets every look at the code's regions first: on the hard sets they find
    // more than the whole frame does, for less time; the whole frame is read last, for a code
    // the region finder missed. A camera reads the whole frame first, as it always did, and gets
    // one look at the region per empty frame.
    const bool still = m_fullResolutionEvery == 1;
    QList<DecodedCode> codes;
    for (int i = 0; still && i < lookCount && codes.isEmpty(); ++i)
        codes = readRegion(frame, i);
    // Fewer codes than busy patches: the picture may hold several codes, and a region's read
    // missed one that the whole frame shows.
    if (!codes.isEmpty() && frame.codeRegions().size() > codes.size())
        codes = merged(codes, decode(frame.grey, d->hints, {frame.scale, 1.0, {}}));
    if (!codes.isEmpty())
        return codes;
    codes = decode(frame.grey, d->hints, {frame.scale, 1.0, {}});
    // A small code in a big frame falls under two pixels a module once scaled down, too few for
    // ZXing even to find it. The full frame is read too, after every `fullResolutionEvery`-th
    // scaled frame that held nothing: always for still pictures, now and then for a camera.
    if (codes.isEmpty() && frame.scale < 1.0 && m_fullResolutionEvery > 0 && ++m_emptyScaledFrames % m_fullResolutionEvery == 0)
        codes = decode(stretchedIfFlat(full), d->hints, {});
    if (!codes.isEmpty() || still)
        return codes;
    // A camera one look per empty frame, the next each time: the resident holds the phone up for
    // many frames, and the camera keeps its pace.
    return readRegion(frame, int(m_secondLooks++ % lookCount));
}

QList<DecodedCode> CodeReader::readRegion(Frame &frame, int index) const
{
    QList<DecodedCode> codes;
    // Every candidate region at the first, cheap look (several codes in one frame each have
    // theirs); the costlier looks at the densest region only.
    const QList<cv::Rect> &regions = frame.codeRegions();
    for (qsizetype r = 0; r < regions.size() && (r == 0 || Look(index) == Look::Region); ++r) {
        Placement placement;
        QList<DecodedCode> found;
        switch (Look(index)) {
        case Look::Region:
            found = decode(frame.enlarged(regions.at(r), 1.0, cv::INTER_LINEAR, &placement), d->regionHints, placement);
            break;
        case Look::RegionEnlargedSharpened:
            found = decode(sharpened(frame.enlarged(regions.at(r), 1.5, cv::INTER_LINEAR, &placement), 2.0, 2.0), d->regionHints, placement);
            break;
        case Look::RegionThresholded:
            found = decode(thresholded(frame.enlarged(regions.at(r), 2.0, cv::INTER_CUBIC, &placement), 15, 2), d->thresholdedHints, placement);
            break;
        case Look::RegionEnlarged:
            found = decode(frame.enlarged(regions.at(r), 1.5, cv::INTER_LINEAR, &placement), d->regionHints, placement);
            break;
        case Look::RegionSharpenedThresholded:
            found = decode(thresholded(sharpened(frame.enlarged(regions.at(r), 2.0, cv::INTER_CUBIC, &placement), 2.0, 1.5), 21, 1),
                           d->thresholdedHints, placement);
            break;
        }
        codes = merged(codes, found);
    }
    return codes;
}

QStringList CodeReader::knownFormats()
{
    return {QStringLiteral("QRCode"), QStringLiteral("MicroQRCode"), QStringLiteral("DataMatrix"), QStringLiteral("PDF417"),
            QStringLiteral("Aztec"), QStringLiteral("Code128"), QStringLiteral("Code39"), QStringLiteral("EAN-13")};
}
