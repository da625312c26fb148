#include "qrhardset.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTextStream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <cmath>

namespace QrHardSet {

namespace {

const QStringList columns = {
    QStringLiteral("name"),     QStringLiteral("payload"),   QStringLiteral("width"),       QStringLiteral("height"),
    QStringLiteral("module_px"), QStringLiteral("rotate_deg"), QStringLiteral("tilt_x_deg"), QStringLiteral("tilt_y_deg"),
    QStringLiteral("centre_x"), QStringLiteral("centre_y"),  QStringLiteral("dark"),        QStringLiteral("light"),
    QStringLiteral("glare"),    QStringLiteral("moire_period_px"), QStringLiteral("moire_amplitude"), QStringLiteral("blur_sigma"),
    QStringLiteral("motion_px"), QStringLiteral("motion_deg"), QStringLiteral("noise_sigma"), QStringLiteral("jpeg_quality"),
    QStringLiteral("seed"),
};

constexpr int highResModule = 8; // pixels per module of the code before it is put in the scene

// What residents show: a case's progress link from a receipt, a 皖事通-style app code (long,
// so small modules), an e-licence check link, a bare number.
QString payload(QRandomGenerator &rng)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    auto token = [&](int length) {
        QString text;
        for (int i = 0; i < length; ++i)
            text += QLatin1Char(alphabet[rng.bounded(64)]);
        return text;
    };
    auto digits = [&](int length) {
        QString text;
        for (int i = 0; i < length; ++i)
            text += QLatin1Char(char('0' + rng.bounded(10)));
        return text;
    };
    switch (rng.bounded(4)) {
    case 0:
        return QStringLiteral("https://zwfw.ah.gov.cn/progress?case=AH%1&v=%2").arg(digits(14), token(6));
    case 1:
        return QStringLiteral("AHSZT:%1").arg(token(80 + rng.bounded(70)));
    case 2:
        return QStringLiteral("https://zwfw.ah.gov.cn/elic/verify?id=%1&sig=%2").arg(token(32), token(43));
    default:
        return digits(18);
    }
}

double uniform(QRandomGenerator &rng, double low, double high)
{
    return low + rng.generateDouble() * (high - low);
}

cv::Mat codeModules(const QString &text)
{
    const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setMargin(4).encode(text.toStdString(), 1, 1);
    const ZXing::Matrix<uint8_t> pixels = ZXing::ToMatrix<uint8_t>(matrix);
    const cv::Mat small(pixels.height(), pixels.width(), CV_8UC1, const_cast<uint8_t *>(pixels.data()));
    cv::Mat large;
    cv::resize(small, large, cv::Size(), highResModule, highResModule, cv::INTER_NEAREST);
    return large;
}

// The phone: a dark bezel around a light screen with an app's bars and lines of text, the code
// in its upper half. Returns the picture and the code's centre in it.
cv::Mat phone(const cv::Mat &code, const QrHardSet::Frame &frame, cv::Point2f *codeCentre)
{
    const int side = code.cols;
    const int width = side * 13 / 10;
    const int height = side * 2;
    const int bezel = width / 25;
    cv::Mat picture(height + 2 * bezel, width + 2 * bezel, CV_8UC1, cv::Scalar(15));
    cv::Mat screen = picture(cv::Rect(bezel, bezel, width, height));
    screen.setTo(255);
    cv::rectangle(screen, cv::Rect(0, 0, width, height / 12), cv::Scalar(60), cv::FILLED);
    const int top = height / 8;
    code.copyTo(screen(cv::Rect((width - side) / 2, top, side, side)));
    for (int line = 0; line < 4; ++line)
        cv::putText(screen, "Hefei 2026 zwfw", cv::Point(width / 10, top + side + (line + 1) * height / 14), cv::FONT_HERSHEY_SIMPLEX,
                    side / 260.0, cv::Scalar(70), std::max(1, side / 120));
    *codeCentre = cv::Point2f(float(bezel + width / 2.0), float(bezel + top + side / 2.0));
    // The camera renders black and white as grey levels.
    picture.convertTo(picture, CV_8UC1, (frame.light - frame.dark) / 255.0, frame.dark);
    return picture;
}

// The hall behind the phone: blotches and bars. Its texture comes from `pixels`, the frame's own
// OpenCV generator, not OpenCV's process-wide one: a frame is the same whatever was drawn before.
cv::Mat scene(const QrHardSet::Frame &frame, QRandomGenerator &rng, cv::RNG &pixels)
{
    cv::Mat canvas(frame.height, frame.width, CV_8UC1);
    pixels.fill(canvas, cv::RNG::UNIFORM, 60, 170);
    cv::GaussianBlur(canvas, canvas, cv::Size(0, 0), 9);
    for (int i = 0; i < 6; ++i) {
        const cv::Point a(rng.bounded(frame.width), rng.bounded(frame.height));
        const cv::Point b(rng.bounded(frame.width), rng.bounded(frame.height));
        cv::line(canvas, a, b, cv::Scalar(rng.bounded(40, 200)), 2 + rng.bounded(20));
    }
    return canvas;
}

// The picture's corners as a camera sees them: turned in its plane and about both axes,
// scaled so that a module measures `modulePx`, its code's centre at the frame's given point.
std::vector<cv::Point2f> projectedCorners(const cv::Mat &picture, cv::Point2f codeCentre, const QrHardSet::Frame &frame)
{
    const double scale = frame.modulePx / highResModule;
    const double rotate = frame.rotateDeg * M_PI / 180;
    const double tiltX = frame.tiltXDeg * M_PI / 180;
    const double tiltY = frame.tiltYDeg * M_PI / 180;
    const double focal = frame.width * 1.2;
    const cv::Point2f target(float(frame.centreX * frame.width), float(frame.centreY * frame.height));
    std::vector<cv::Point2f> corners;
    for (const cv::Point2f corner : {cv::Point2f(0, 0), cv::Point2f(float(picture.cols), 0),
                                     cv::Point2f(float(picture.cols), float(picture.rows)), cv::Point2f(0, float(picture.rows))}) {
        double x = (corner.x - codeCentre.x) * scale;
        double y = (corner.y - codeCentre.y) * scale;
        const double xr = x * std::cos(rotate) - y * std::sin(rotate);
        const double yr = x * std::sin(rotate) + y * std::cos(rotate);
        // About the horizontal axis, then the vertical one.
        const double y1 = yr * std::cos(tiltX);
        const double z1 = yr * std::sin(tiltX);
        const double x2 = xr * std::cos(tiltY) + z1 * std::sin(tiltY);
        const double z2 = -xr * std::sin(tiltY) + z1 * std::cos(tiltY);
        const double depth = focal + z2;
        corners.emplace_back(float(target.x + focal * x2 / depth), float(target.y + focal * y1 / depth));
    }
    return corners;
}

void addGlare(cv::Mat &image, const QrHardSet::Frame &frame, QRandomGenerator &rng)
{
    const double radius = frame.modulePx * uniform(rng, 6, 16);
    const cv::Point2d spot(frame.centreX * frame.width + uniform(rng, -1, 1) * radius,
                           frame.centreY * frame.height + uniform(rng, -1, 1) * radius);
    cv::Mat light(image.size(), CV_32FC1);
    for (int y = 0; y < image.rows; ++y) {
        float *row = light.ptr<float>(y);
        for (int x = 0; x < image.cols; ++x) {
            const double d2 = (x - spot.x) * (x - spot.x) + (y - spot.y) * (y - spot.y);
            row[x] = float(frame.glare * 255 * std::exp(-d2 / (2 * radius * radius)));
        }
    }
    cv::Mat sum;
    image.convertTo(sum, CV_32FC1);
    sum += light;
    sum.convertTo(image, CV_8UC1); // saturates: the reflection washes the modules out
}

void addMoire(cv::Mat &image, const cv::Mat &screenMask, const QrHardSet::Frame &frame, QRandomGenerator &rng)
{
    const double angle = uniform(rng, 0, M_PI);
    const double fx = std::cos(angle) * 2 * M_PI / frame.moirePeriodPx;
    const double fy = std::sin(angle) * 2 * M_PI / frame.moirePeriodPx;
    for (int y = 0; y < image.rows; ++y) {
        uchar *row = image.ptr<uchar>(y);
        const uchar *inside = screenMask.ptr<uchar>(y);
        for (int x = 0; x < image.cols; ++x) {
            if (!inside[x])
                continue;
            const double beat = 1 - frame.moireAmplitude * (0.5 + 0.5 * std::sin(fx * x + fy * y));
            row[x] = cv::saturate_cast<uchar>(row[x] * beat);
        }
    }
}

void addMotion(cv::Mat &image, const QrHardSet::Frame &frame)
{
    const int length = std::max(1, int(std::lround(frame.motionPx)));
    const int size = length | 1;
    cv::Mat kernel = cv::Mat::zeros(size, size, CV_32FC1);
    const double angle = frame.motionDeg * M_PI / 180;
    const cv::Point2d centre(size / 2.0, size / 2.0);
    const cv::Point2d reach(std::cos(angle) * length / 2.0, std::sin(angle) * length / 2.0);
    cv::line(kernel, centre - reach, centre + reach, cv::Scalar(1), 1, cv::LINE_AA);
    kernel /= cv::sum(kernel)[0];
    cv::filter2D(image, image, -1, kernel);
}

QString number(double value)
{
    return QString::number(value, 'f', 3);
}

} // namespace

cv::Mat render(const Frame &frame)
{
    QRandomGenerator rng(frame.seed);
    // The per-pixel randomness (the scene's texture, the sensor's noise), seeded by the frame alone.
    cv::RNG pixels(frame.seed);
    cv::Mat image = scene(frame, rng, pixels);
    cv::Mat picture;
    cv::Point2f codeCentre;
    if (frame.payload.isEmpty()) {
        // The same phone showing its app without a code: a blank where the code would be.
        cv::Mat blank(8 * 41, 8 * 41, CV_8UC1, cv::Scalar(255));
        cv::putText(blank, "12:05", cv::Point(40, 180), cv::FONT_HERSHEY_SIMPLEX, 3, cv::Scalar(40), 6);
        picture = phone(blank, frame, &codeCentre);
    } else {
        picture = phone(codeModules(frame.payload), frame, &codeCentre);
    }
    const double scale = frame.modulePx / highResModule;
    if (scale < 1)
        cv::GaussianBlur(picture, picture, cv::Size(0, 0), 0.5 / scale);
    const std::vector<cv::Point2f> from = {cv::Point2f(0, 0), cv::Point2f(float(picture.cols), 0),
                                           cv::Point2f(float(picture.cols), float(picture.rows)), cv::Point2f(0, float(picture.rows))};
    const cv::Mat warp = cv::getPerspectiveTransform(from, projectedCorners(picture, codeCentre, frame));
    cv::warpPerspective(picture, image, warp, image.size(), cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
    cv::Mat screenMask = cv::Mat::zeros(image.size(), CV_8UC1);
    cv::warpPerspective(cv::Mat(picture.size(), CV_8UC1, cv::Scalar(255)), screenMask, warp, image.size(), cv::INTER_NEAREST,
                        cv::BORDER_CONSTANT);

    if (frame.moirePeriodPx > 0 && frame.moireAmplitude > 0)
        addMoire(image, screenMask, frame, rng);
    if (frame.glare > 0)
        addGlare(image, frame, rng);
    if (frame.blurSigma > 0)
        cv::GaussianBlur(image, image, cv::Size(0, 0), frame.blurSigma);
    if (frame.motionPx >= 1)
        addMotion(image, frame);
    if (frame.noiseSigma > 0) {
        cv::Mat noise(image.size(), CV_16SC1);
        pixels.fill(noise, cv::RNG::NORMAL, 0, frame.noiseSigma);
        cv::Mat sum;
        image.convertTo(sum, CV_16SC1);
        sum += noise;
        sum.convertTo(image, CV_8UC1);
    }
    if (frame.jpegQuality > 0) {
        std::vector<uchar> jpeg;
        cv::imencode(".jpg", image, jpeg, {cv::IMWRITE_JPEG_QUALITY, frame.jpegQuality});
        image = cv::imdecode(jpeg, cv::IMREAD_GRAYSCALE);
    }
    return image;
}

QList<Frame> generate(int count, unsigned seed)
{
    QList<Frame> frames;
    for (int i = 0; i < count; ++i) {
        QRandomGenerator rng(seed + unsigned(i) * 7919u);
        Frame frame;
        frame.seed = rng.generate();
        const bool withCode = i % 10 != 9;
        frame.name = QStringLiteral("%1-%2").arg(withCode ? QStringLiteral("code") : QStringLiteral("none")).arg(i, 4, 10, QLatin1Char('0'));
        frame.payload = withCode ? payload(rng) : QString();
        if (rng.bounded(10) < 3) {
            frame.width = 640;
            frame.height = 480;
        }
        // Hard but readable by a careful reader: blur and motion are bounded by the module's size
        // (a blur of a module's width leaves nothing to read, for anyone).
        frame.modulePx = uniform(rng, 1.8, 4.5);
        frame.rotateDeg = uniform(rng, 0, 360);
        frame.tiltXDeg = uniform(rng, -30, 30);
        frame.tiltYDeg = uniform(rng, -30, 30);
        frame.centreX = uniform(rng, 0.35, 0.65);
        frame.centreY = uniform(rng, 0.35, 0.65);
        frame.dark = rng.bounded(10, 110);
        frame.light = std::min(250, frame.dark + rng.bounded(25, 200));
        if (rng.bounded(4) == 0)
            frame.glare = uniform(rng, 0.3, 0.8);
        if (rng.bounded(10) < 3) {
            frame.moirePeriodPx = uniform(rng, 2.2, 4.5);
            frame.moireAmplitude = uniform(rng, 0.1, 0.3);
        }
        frame.blurSigma = frame.modulePx * uniform(rng, 0, 0.4);
        if (rng.bounded(10) < 3) {
            frame.motionPx = frame.modulePx * uniform(rng, 0.5, 1.6);
            frame.motionDeg = uniform(rng, 0, 180);
        }
        frame.noiseSigma = uniform(rng, 0, 6);
        if (rng.bounded(10) < 4)
            frame.jpegQuality = rng.bounded(25, 61);
        frames << frame;
    }
    return frames;
}

QList<Frame> readManifest(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return {};
    }
    QList<Frame> frames;
    QTextStream in(&file);
    int lineNumber = 0;
    while (!in.atEnd()) {
        const QString line = in.readLine();
        ++lineNumber;
        if (line.startsWith(QLatin1Char('#')) || line.trimmed().isEmpty() || line.startsWith(QLatin1String("name\t")))
            continue;
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() != columns.size()) {
            *error = QStringLiteral("%1:%2: %3 columns, not %4").arg(path).arg(lineNumber).arg(f.size()).arg(columns.size());
            return {};
        }
        bool ok = true;
        auto real = [&](int i) {
            bool good = false;
            const double value = f.at(i).toDouble(&good);
            ok = ok && good;
            return value;
        };
        auto whole = [&](int i) { return int(std::lround(real(i))); };
        Frame frame;
        frame.name = f.at(0);
        frame.payload = f.at(1);
        frame.width = whole(2);
        frame.height = whole(3);
        frame.modulePx = real(4);
        frame.rotateDeg = real(5);
        frame.tiltXDeg = real(6);
        frame.tiltYDeg = real(7);
        frame.centreX = real(8);
        frame.centreY = real(9);
        frame.dark = whole(10);
        frame.light = whole(11);
        frame.glare = real(12);
        frame.moirePeriodPx = real(13);
        frame.moireAmplitude = real(14);
        frame.blurSigma = real(15);
        frame.motionPx = real(16);
        frame.motionDeg = real(17);
        frame.noiseSigma = real(18);
        frame.jpegQuality = whole(19);
        frame.seed = f.at(20).toUInt(&ok);
        if (!ok || frame.width < 64 || frame.height < 64 || frame.modulePx <= 0) {
            *error = QStringLiteral("%1:%2: not a frame: %3").arg(path).arg(lineNumber).arg(line);
            return {};
        }
        frames << frame;
    }
    return frames;
}

bool writeManifest(const QString &path, const QList<Frame> &frames, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    QTextStream out(&file);
    out << "# The hard QR set (bench/qrhardset.h): one camera frame a line, drawn by `kiosk-bench qr`.\n"
        << "# An empty payload is a frame without a code. Made by `kiosk-bench qr --new-manifest FILE`.\n"
        << columns.join(QLatin1Char('\t')) << '\n';
    for (const Frame &f : frames) {
        out << QStringList{f.name, f.payload, QString::number(f.width), QString::number(f.height), number(f.modulePx),
                           number(f.rotateDeg), number(f.tiltXDeg), number(f.tiltYDeg), number(f.centreX), number(f.centreY),
                           QString::number(f.dark), QString::number(f.light), number(f.glare), number(f.moirePeriodPx),
                           number(f.moireAmplitude), number(f.blurSigma), number(f.motionPx), number(f.motionDeg),
                           number(f.noiseSigma), QString::number(f.jpegQuality), QString::number(f.seed)}
                   .join(QLatin1Char('\t'))
            << '\n';
    }
    out.flush();
    if (!file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace QrHardSet
