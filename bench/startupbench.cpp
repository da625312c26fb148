#include "startupbench.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

#include <algorithm>

namespace {

QString findKiosk(const QString &given)
{
    if (!given.isEmpty())
        return given;
    // Installed side by side, or in the build tree (bench/kiosk-bench beside app/kiosk/kiosk).
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(QStringLiteral("kiosk")), here.filePath(QStringLiteral("../app/kiosk/kiosk"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

} // namespace

int runStartupBench(CtlContext &context, const QStringList &args)
{
    int runs = 7;
    QString kioskPath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == QLatin1String("--kiosk") && i + 1 < args.size())
            kioskPath = args.at(++i);
        else {
            context.err << "usage: kioskctl bench startup [--runs N] [--kiosk PATH]" << Qt::endl;
            return CtlExit::Error;
        }
    }
    kioskPath = findKiosk(kioskPath);
    if (kioskPath.isEmpty()) {
        context.err << "bench startup: no kiosk executable next to kioskctl; name it with --kiosk" << Qt::endl;
        return CtlExit::Error;
    }

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    QList<double> toFrame;
    QList<double> toExit;
    for (int run = 0; run < runs; ++run) {
        QProcess kiosk;
        kiosk.setProcessEnvironment(env);
        kiosk.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer clock;
        clock.start();
        QStringList kioskArgs = {QStringLiteral("--windowed"), QStringLiteral("--exit-after-first-frame")};
        if (context.configGiven)
            kioskArgs << QStringLiteral("--config") << context.configPath;
        kiosk.start(kioskPath, kioskArgs);
        double frameMs = -1;
        while (kiosk.state() != QProcess::NotRunning || kiosk.canReadLine()) {
            if (!kiosk.canReadLine() && !kiosk.waitForReadyRead(30000))
                break;
            while (kiosk.canReadLine()) {
                if (kiosk.readLine().startsWith("first-frame") && frameMs < 0)
                    frameMs = clock.nsecsElapsed() / 1e6;
            }
        }
        kiosk.waitForFinished(30000);
        if (frameMs < 0 || kiosk.exitCode() != 0) {
            context.err << "bench startup: run " << run + 1 << " produced no first frame (exit " << kiosk.exitCode()
                        << "): " << QString::fromLocal8Bit(kiosk.readAllStandardError()).left(2000) << Qt::endl;
            return CtlExit::Error;
        }
        toFrame.append(frameMs);
        toExit.append(clock.nsecsElapsed() / 1e6);
    }

    const auto [minIt, maxIt] = std::minmax_element(toFrame.cbegin(), toFrame.cend());
    context.out << "startup: process start -> first frame of the attract screen (" << env.value(QStringLiteral("QT_QPA_PLATFORM"))
                << ", " << runs << " runs)\n"
                << QStringLiteral("  median %1 ms   min %2 ms   max %3 ms   (median to exit %4 ms)\n")
                       .arg(median(toFrame), 0, 'f', 1)
                       .arg(*minIt, 0, 'f', 1)
                       .arg(*maxIt, 0, 'f', 1)
                       .arg(median(toExit), 0, 'f', 1);
    context.out.flush();
    return CtlExit::Ok;
}
