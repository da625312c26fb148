#include "startupbench.h"

#include "childrun.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace {

QString findBeside(const QString &given, const QStringList &candidates)
{
    if (!given.isEmpty())
        return given;
    // Installed side by side, or in the build tree (bench/kiosk-bench beside app/kiosk/kiosk).
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : candidates) {
        if (QFileInfo(here.filePath(candidate)).isExecutable())
            return QFileInfo(here.filePath(candidate)).canonicalFilePath();
    }
    return {};
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

struct Series {
    QList<double> frame;
    QList<double> exit;
    QList<double> peakMiB;
};

QString describe(const char *name, const Series &s)
{
    return QStringLiteral("  %1 first frame median %2 ms (min %3, max %4)   whole run %5 ms   peak RSS %6 MiB\n")
        .arg(QLatin1String(name), -12)
        .arg(median(s.frame), 6, 'f', 1)
        .arg(*std::min_element(s.frame.cbegin(), s.frame.cend()), 0, 'f', 1)
        .arg(*std::max_element(s.frame.cbegin(), s.frame.cend()), 0, 'f', 1)
        .arg(median(s.exit), 6, 'f', 1)
        .arg(median(s.peakMiB), 5, 'f', 1);
}

} // namespace

// The kiosk and the bare window run in turns, so that whatever else the machine is doing weighs
// on both alike; the figures that matter are the ratios.
int runStartupBench(CtlContext &context, const QStringList &args)
{
    int runs = 7;
    QString kioskPath;
    QString barePath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == QLatin1String("--kiosk") && i + 1 < args.size())
            kioskPath = args.at(++i);
        else if (args.at(i) == QLatin1String("--bare") && i + 1 < args.size())
            barePath = args.at(++i);
        else {
            context.err << "usage: kioskctl bench startup [--runs N] [--kiosk PATH] [--bare PATH]" << Qt::endl;
            return CtlExit::Error;
        }
    }
    kioskPath = findBeside(kioskPath, {QStringLiteral("kiosk"), QStringLiteral("../app/kiosk/kiosk")});
    barePath = findBeside(barePath, {QStringLiteral("kiosk-bench-bare-window")});
    if (kioskPath.isEmpty() || barePath.isEmpty()) {
        context.err << "bench startup: the kiosk or kiosk-bench-bare-window is not next to kiosk-bench; name them with --kiosk and --bare"
                    << Qt::endl;
        return CtlExit::Error;
    }

    QStringList kioskArgs = {QStringLiteral("--windowed"), QStringLiteral("--exit-after-first-frame")};
    if (context.configGiven)
        kioskArgs << QStringLiteral("--config") << context.configPath;

    Series kiosk;
    Series bare;
    for (int run = 0; run < runs; ++run) {
        for (const bool isKiosk : {false, true}) {
            const ChildRun r = isKiosk ? ChildRun::run(kioskPath, kioskArgs, "first-frame", 60000)
                                       : ChildRun::run(barePath, {}, "first-frame", 60000);
            if (!r.started || r.markerMs < 0 || r.exitCode != 0) {
                context.err << "bench startup: run " << run + 1 << " of " << (isKiosk ? kioskPath : barePath)
                            << " produced no first frame (exit " << r.exitCode << "): " << QString::fromLocal8Bit(r.errorOutput).left(2000)
                            << Qt::endl;
                return CtlExit::Error;
            }
            Series &s = isKiosk ? kiosk : bare;
            s.frame.append(r.markerMs);
            s.exit.append(r.exitMs);
            s.peakMiB.append(r.peakRssKiB / 1024.0);
        }
    }

    context.out << "startup: process start -> first frame of the attract screen, and -> exit (" << qgetenv("QT_QPA_PLATFORM") << ", "
                << runs << " runs each, in turns)\n"
                << describe("bare window", bare) << describe("kiosk", kiosk)
                << QStringLiteral("  ratios to the bare window: first frame x%1   whole run x%2   peak RSS x%3 (kiosk %4 MiB)\n")
                       .arg(median(kiosk.frame) / median(bare.frame), 0, 'f', 2)
                       .arg(median(kiosk.exit) / median(bare.exit), 0, 'f', 2)
                       .arg(median(kiosk.peakMiB) / median(bare.peakMiB), 0, 'f', 2)
                       .arg(median(kiosk.peakMiB), 0, 'f', 1);
    context.out.flush();
    return CtlExit::Ok;
}
