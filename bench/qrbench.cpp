#include "qrbench.h"

#include "qrhardset.h"
#include "vision/codereader.h"

#include <QDir>
#include <QElapsedTimer>

#include <opencv2/imgcodecs.hpp>

#include <ZXing/ReadBarcode.h>

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
        pipelineTally.ms += double(clock.nsecsElapsed()) / 1e6;
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
    context.out << "  decoded by the pipeline alone: " << (pipelineOnly.isEmpty() ? QStringLiteral("none") : pipelineOnly.join(QLatin1Char(' ')))
                << "\n  decoded by raw ZXing alone: " << (rawOnly.isEmpty() ? QStringLiteral("none") : rawOnly.join(QLatin1Char(' ')))
                << Qt::endl;
    return CtlExit::Ok;
}
