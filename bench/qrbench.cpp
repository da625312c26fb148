#include "qrbench.h"

#include "qrhardset.h"
#include "vision/codereader.h"

#include <QDir>
#include <QElapsedTimer>

#include <opencv2/imgcodecs.hpp>

#include <ZXing/ReadBarcode.h>

#include <iterator>

namespace {

struct Tally {
    int decoded = 0;
    int misread = 0;        // a code read as another text
    int falsePositive = 0;  // a code "found" where none is
    double ms = 0;
};

QString share(int part, int whole)
{
    return QString::number(whole ? 100.0 * part / whole : 0, 'f', 1);
}

void judge(Tally &tally, const QrHardSet::Frame &frame, const QStringList &texts)
{
    if (frame.payload.isEmpty()) {
        tally.falsePositive += texts.isEmpty() ? 0 : 1;
        return;
    }
    if (texts.contains(frame.payload))
        ++tally.decoded;
    else if (!texts.isEmpty())
        ++tally.misread;
}

// What makes a frame hard, by its manifest line, with the bounds the misses clustered at in
// session 13's measurements (docs/benchmarks.md). A frame may have several causes or none.
struct Cause {
    const char *name;
    bool (*applies)(const QrHardSet::Frame &);
};

const Cause causes[] = {
    {"modules under 2.5 px", [](const QrHardSet::Frame &f) { return f.modulePx < 2.5; }},
    {"out of focus (blur over 0.25 module)", [](const QrHardSet::Frame &f) { return f.blurSigma > 0.25 * f.modulePx; }},
    {"moving under a module", [](const QrHardSet::Frame &f) { return f.motionPx >= 1 && f.motionPx < f.modulePx; }},
    {"moving a module or more", [](const QrHardSet::Frame &f) { return f.motionPx >= f.modulePx; }},
    {"contrast under 60 levels", [](const QrHardSet::Frame &f) { return f.light - f.dark < 60; }},
    {"glare", [](const QrHardSet::Frame &f) { return f.glare > 0; }},
    {"moire", [](const QrHardSet::Frame &f) { return f.moireAmplitude > 0; }},
    {"JPEG under quality 40", [](const QrHardSet::Frame &f) { return f.jpegQuality > 0 && f.jpegQuality < 40; }},
    {"none of these", [](const QrHardSet::Frame &f) {
         return f.modulePx >= 2.5 && f.blurSigma <= 0.25 * f.modulePx && f.motionPx < 1 && f.light - f.dark >= 60 && f.glare <= 0
             && f.moireAmplitude <= 0 && !(f.jpegQuality > 0 && f.jpegQuality < 40);
     }},
};

struct CauseTally {
    int frames = 0;
    int raw = 0;
    int pipeline = 0;
};

QString defaultManifest()
{
    return QStringLiteral(KIOSK_SOURCE_DIR "/bench/data/qr-hard-set.tsv");
}

} // namespace

int runQrBench(CtlContext &context, const QStringList &args)
{
    QString manifest = defaultManifest();
    QString newManifest;
    QString writeDir;
    int limit = 0;
    int count = 400;
    unsigned seed = 20261207;
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        const QString &name = args.at(i);
        const QString &value = args.at(i + 1);
        if (name == QLatin1String("--manifest"))
            manifest = value;
        else if (name == QLatin1String("--limit"))
            limit = value.toInt();
        else if (name == QLatin1String("--write"))
            writeDir = value;
        else if (name == QLatin1String("--new-manifest"))
            newManifest = value;
        else if (name == QLatin1String("--count"))
            count = value.toInt();
        else if (name == QLatin1String("--seed"))
            seed = value.toUInt();
    }
    QString error;
    if (!newManifest.isEmpty()) {
        if (!QrHardSet::writeManifest(newManifest, QrHardSet::generate(count, seed), &error)) {
            context.err << "bench qr: " << error << Qt::endl;
            return CtlExit::Error;
        }
        context.out << "bench qr: " << count << " frames described in " << newManifest << Qt::endl;
        return CtlExit::Ok;
    }
    QList<QrHardSet::Frame> frames = QrHardSet::readManifest(manifest, &error);
    if (frames.isEmpty()) {
        context.err << "bench qr: " << (error.isEmpty() ? manifest + QStringLiteral(": no frames") : error) << Qt::endl;
        return CtlExit::Error;
    }
    if (limit > 0 && limit < frames.size())
        frames = frames.mid(0, limit);
    if (!writeDir.isEmpty())
        QDir().mkpath(writeDir);

    ZXing::DecodeHints raw;
    raw.setFormats(ZXing::BarcodeFormat::QRCode);
    raw.setTryHarder(true);
    raw.setTryRotate(true);
    raw.setTryDownscale(true);
    // As `kioskctl scan image` reads a still picture: every pass the reader has, on every frame.
    const CodeReader pipeline;
    Tally rawTally;
    Tally pipelineTally;
    int withCode = 0;
    QStringList pipelineOnly;
    QStringList rawOnly;
    CauseTally byCause[std::size(causes)];
    // The pipeline's time by what came of the frame: decoded, a code missed, no code there.
    double pipelineMsBy[3] = {0, 0, 0};
    int framesBy[3] = {0, 0, 0};
    for (const QrHardSet::Frame &frame : frames) {
        const cv::Mat image = QrHardSet::render(frame);
        if (!writeDir.isEmpty())
            cv::imwrite(QDir(writeDir).filePath(frame.name + QStringLiteral(".png")).toStdString(), image);
        withCode += frame.payload.isEmpty() ? 0 : 1;

        QElapsedTimer clock;
        clock.start();
        const ZXing::Results rawResults =
            ZXing::ReadBarcodes(ZXing::ImageView(image.data, image.cols, image.rows, ZXing::ImageFormat::Lum, int(image.step)), raw);
        rawTally.ms += double(clock.nsecsElapsed()) / 1e6;
        QStringList rawTexts;
        for (const ZXing::Result &result : rawResults) {
            if (result.isValid())
                rawTexts << QString::fromStdString(result.text());
        }

        clock.start();
        const QList<DecodedCode> codes = pipeline.readGrey(image.data, image.cols, image.rows, qsizetype(image.step));
        const double pipelineMs = double(clock.nsecsElapsed()) / 1e6;
        pipelineTally.ms += pipelineMs;
        QStringList pipelineTexts;
        for (const DecodedCode &code : codes)
            pipelineTexts << code.text;

        const int rawBefore = rawTally.decoded;
        const int pipelineBefore = pipelineTally.decoded;
        judge(rawTally, frame, rawTexts);
        judge(pipelineTally, frame, pipelineTexts);
        if (pipelineTally.decoded > pipelineBefore && rawTally.decoded == rawBefore)
            pipelineOnly << frame.name;
        if (rawTally.decoded > rawBefore && pipelineTally.decoded == pipelineBefore)
            rawOnly << frame.name;
        const bool rawRead = rawTally.decoded > rawBefore;
        const bool pipelineRead = pipelineTally.decoded > pipelineBefore;
        const int outcome = frame.payload.isEmpty() ? 2 : pipelineRead ? 0 : 1;
        pipelineMsBy[outcome] += pipelineMs;
        ++framesBy[outcome];
        for (size_t c = 0; !frame.payload.isEmpty() && c < std::size(causes); ++c) {
            if (!causes[c].applies(frame))
                continue;
            ++byCause[c].frames;
            byCause[c].raw += rawRead ? 1 : 0;
            byCause[c].pipeline += pipelineRead ? 1 : 0;
        }
    }
    const int without = int(frames.size()) - withCode;
    context.out << "qr hard set: " << frames.size() << " frames (" << withCode << " with a code, " << without << " without) from "
                << manifest << "\n";
    auto line = [&](const char *what, const Tally &tally) {
        context.out << QStringLiteral("  %1: %2/%3 decoded (%4 %), %5 misread, %6 false positives in %7 code-free frames; "
                                      "%8 ms per frame\n")
                           .arg(QString::fromLatin1(what))
                           .arg(tally.decoded)
                           .arg(withCode)
                           .arg(share(tally.decoded, withCode))
                           .arg(tally.misread)
                           .arg(tally.falsePositive)
                           .arg(without)
                           .arg(tally.ms / double(frames.size()), 0, 'f', 2);
    };
    line("raw ZXing-C++ (try harder, rotate, downscale)", rawTally);
    line("the kiosk's pipeline (CodeReader)", pipelineTally);
    context.out << QStringLiteral("  the pipeline against raw ZXing: %1 points of decode rate, x%2 its time\n")
                       .arg(100.0 * (pipelineTally.decoded - rawTally.decoded) / std::max(1, withCode), 0, 'f', 1)
                       .arg(pipelineTally.ms / std::max(1e-9, rawTally.ms), 0, 'f', 2);
    const char *outcomes[3] = {"decoded", "with a code it missed", "without a code"};
    context.out << "  the pipeline's time per frame against raw ZXing's mean:";
    for (int o = 0; o < 3; ++o) {
        context.out << QStringLiteral(" %1 %2: x%3;")
                           .arg(framesBy[o])
                           .arg(QString::fromLatin1(outcomes[o]))
                           .arg(framesBy[o] ? pipelineMsBy[o] / framesBy[o] / std::max(1e-9, rawTally.ms / double(frames.size())) : 0.0, 0, 'f', 2);
    }
    context.out << "\n  frames with a code by cause (raw ZXing / the pipeline / frames):\n";
    for (size_t c = 0; c < std::size(causes); ++c) {
        context.out << QStringLiteral("    %1: %2 / %3 / %4\n")
                           .arg(QString::fromLatin1(causes[c].name), -38)
                           .arg(byCause[c].raw)
                           .arg(byCause[c].pipeline)
                           .arg(byCause[c].frames);
    }
    context.out << "  decoded by the pipeline alone: " << (pipelineOnly.isEmpty() ? QStringLiteral("none") : pipelineOnly.join(QLatin1Char(' ')))
                << "\n  decoded by raw ZXing alone: " << (rawOnly.isEmpty() ? QStringLiteral("none") : rawOnly.join(QLatin1Char(' ')))
                << Qt::endl;
    return CtlExit::Ok;
}
