// kiosk-soak: resident sessions through the real QML, offscreen, until --sessions are done,
// sampling the process and its state directory every --every sessions into soak.csv and
// soak-rss.png in --out, with where the sessions' time went in soak-laps.txt (all three
// rewritten at every sample, so a run stopped early leaves its figures). tests/soak/run-soak.sh runs it for the long benchmark.
#include "rssplot.h"
#include "soakrun.h"
#include "soaksample.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QtQml/QQmlExtensionPlugin>

#include <algorithm>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("sessions"), QStringLiteral("Sessions to run."), QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("every"), QStringLiteral("Sample every n sessions."), QStringLiteral("n"), QStringLiteral("500")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Folder for soak.csv and soak-rss.png."), QStringLiteral("dir"), QStringLiteral(".")});
    parser.process(app);
    const int sessions = parser.value(QStringLiteral("sessions")).toInt();
    const int every = std::max(1, parser.value(QStringLiteral("every")).toInt());
    const QDir out(parser.value(QStringLiteral("out")));
    if (!QDir().mkpath(out.path())) {
        std::fprintf(stderr, "kiosk-soak: cannot make %s\n", qPrintable(out.path()));
        return 2;
    }

    SoakRun run;
    QString error;
    if (!run.start(&error)) {
        std::fprintf(stderr, "kiosk-soak: %s\n", qPrintable(error));
        return 1;
    }
    QList<SoakSample> samples{run.sample(0)};
    std::printf("%s\n%s\n", qPrintable(SoakSample::csvHeader()), qPrintable(samples.last().csvRow()));
    int failures = 0;
    int ran = 0;
    for (int i = 0; i < sessions; ++i) {
        ++ran;
        if (!run.runSession(i, &error)) {
            ++failures;
            std::fprintf(stderr, "kiosk-soak: session %d: %s\n", i, qPrintable(error));
            if (failures > 10) {
                std::fprintf(stderr, "kiosk-soak: more than ten sessions failed, stopping\n");
                break;
            }
        }
        if ((i + 1) % every == 0 || i + 1 == sessions) {
            samples.append(run.sample(i + 1));
            std::printf("%s\n", qPrintable(samples.last().csvRow()));
            std::fflush(stdout);
            if (!SoakSample::writeCsv(samples, out.filePath(QStringLiteral("soak.csv")), &error)
                || !RssPlot::write(samples, out.filePath(QStringLiteral("soak-rss.png")), &error))
                std::fprintf(stderr, "kiosk-soak: %s\n", qPrintable(error));
            QFile laps(out.filePath(QStringLiteral("soak-laps.txt")));
            if (laps.open(QIODevice::WriteOnly | QIODevice::Truncate))
                laps.write((run.laps().report(ran) + QStringLiteral("\nby kind: ") + run.kindLaps().report(ran)).toUtf8() + '\n');
        }
    }
    std::printf("mix: %s\nfailed sessions: %d\n", qPrintable(run.mixSummary()), failures);
    std::printf("%s\nby kind: %s\n", qPrintable(run.laps().report(ran)), qPrintable(run.kindLaps().report(ran)));
    return failures == 0 ? 0 : 1;
}
