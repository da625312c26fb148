#include "cataloguebench.h"

#include "catalogue.h"
#include "cataloguesearch.h"
#include "cataloguesearchindex.h"
#include "childrun.h"
#include "hanzireadings.h"
#include "kioskconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

// The demo catalogue's items, then copies of them up to `count` with codes of their own
// (segment four counts from 5000, where the demo's stop long before) and numbered names, so that
// searches find many. The demo's themes keep pointing at the demo's own items.
QByteArray largeCatalogue(int count)
{
    QFile demo(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
    if (!demo.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(demo.readAll()).object();
    const QJsonArray items = root.value(QStringLiteral("items")).toArray();
    QJsonArray out = items;
    for (int i = 0; out.size() < count && !items.isEmpty(); ++i) {
        QJsonObject item = items.at(i % items.size()).toObject();
        QStringList code = item.value(QStringLiteral("code")).toString().split(QLatin1Char('-'));
        if (code.size() < 5)
            return {};
        code[3] = QStringLiteral("%1").arg(5000 + i, 4, 10, QLatin1Char('0'));
        item.insert(QStringLiteral("code"), code.join(QLatin1Char('-')));
        QJsonObject name = item.value(QStringLiteral("name")).toObject();
        name.insert(QStringLiteral("zh"), name.value(QStringLiteral("zh")).toString() + QStringLiteral("（%1）").arg(i + 1));
        name.insert(QStringLiteral("en"), name.value(QStringLiteral("en")).toString() + QStringLiteral(" (%1)").arg(i + 1));
        item.insert(QStringLiteral("name"), name);
        out.append(item);
    }
    root.insert(QStringLiteral("items"), out);
    root.insert(QStringLiteral("version"), QStringLiteral("bench-%1").arg(count));
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// The demo configuration with the catalogue file and a state directory of the benchmark's own.
QByteArray configFor(const QString &catalogue, const QString &stateDir)
{
    QStringList lines = KioskConfig::exampleText(KioskMode::Demo).split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.startsWith(QLatin1String("catalogue_file=")))
            line = QStringLiteral("catalogue_file=") + catalogue;
        else if (line.startsWith(QLatin1String("state_dir=")))
            line = QStringLiteral("state_dir=") + stateDir;
    }
    return lines.join(QLatin1Char('\n')).toUtf8();
}

struct Series {
    QList<double> frame;
    QList<double> peakMiB;
    QList<double> searchMs;  // what the search screen asks: the count and the first page
    QList<double> findMs;    // every match, as the index found them before it paged
    QList<double> walkMs;
    QList<double> indexMs;
    QList<double> typedMs;   // a query put into the real search field, to the frame showing it
    qsizetype typedQueries = 0;
    qsizetype cardsCreated = 0; // result cards the search view created for those queries
    qsizetype cardsShown = 0;   // of them, those inside the view
};

constexpr qsizetype searchPage = 20; // CatalogueSearchModel's page

// One run of kiosk-bench-search-frame: the times from each query put into the real search field
// to the frame that shows its results, appended to the series with the cards shown; an empty
// string, or why not.
QString typeIntoSearch(const QString &helper, const QString &config, int rounds, const QStringList &queries, Series &series)
{
    QProcess process;
    process.start(helper, QStringList{config, QString::number(rounds)} + queries);
    if (!process.waitForFinished(180000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        process.kill();
        process.waitForFinished();
        return QStringLiteral("kiosk-bench-search-frame failed (exit %1): %2")
            .arg(process.exitCode())
            .arg(QString::fromLocal8Bit(process.readAllStandardError()).left(2000));
    }
    qsizetype lines = 0;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        // search-frame MS FOUND CREATED SHOWN QUERY
        if (fields.size() >= 6 && fields.at(0) == "search-frame") {
            series.typedMs.append(fields.at(1).toDouble());
            series.cardsCreated += fields.at(3).toInt();
            series.cardsShown += fields.at(4).toInt();
            ++series.typedQueries;
            ++lines;
        }
    }
    return lines == rounds * queries.size() ? QString() : QStringLiteral("kiosk-bench-search-frame printed %1 figures, not %2").arg(lines).arg(rounds * queries.size());
}

} // namespace

int runCatalogueBench(CtlContext &context, const QStringList &args)
{
    int count = 2000;
    int runs = 5;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--items") && i + 1 < args.size())
            count = std::max(20, args.at(++i).toInt());
        else if (args.at(i) == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args.at(++i).toInt());
        else {
            context.err << "usage: kioskctl bench catalogue [--items N] [--runs R]" << Qt::endl;
            return CtlExit::Error;
        }
    }
    const QDir here(QCoreApplication::applicationDirPath());
    const QString typingHelper = here.filePath(QStringLiteral("kiosk-bench-search-frame"));
    QString kiosk;
    for (const QString &candidate : {QStringLiteral("kiosk"), QStringLiteral("../app/kiosk/kiosk")}) {
        if (kiosk.isEmpty() && QFileInfo(here.filePath(candidate)).isExecutable())
            kiosk = QFileInfo(here.filePath(candidate)).canonicalFilePath();
    }
    QTemporaryDir dir;
    const QByteArray large = largeCatalogue(count);
    const QByteArray small = largeCatalogue(0);
    if (kiosk.isEmpty() || !QFileInfo(typingHelper).isExecutable() || !dir.isValid() || large.isEmpty() || small.isEmpty()) {
        context.err << "bench catalogue: no kiosk or kiosk-bench-search-frame beside kiosk-bench, no temporary directory, or no demo catalogue"
                    << Qt::endl;
        return CtlExit::Error;
    }
    const QString paths[2] = {dir.filePath(QStringLiteral("demo.json")), dir.filePath(QStringLiteral("large.json"))};
    const QString configs[2] = {dir.filePath(QStringLiteral("demo.ini")), dir.filePath(QStringLiteral("large.ini"))};
    for (int which = 0; which < 2; ++which) {
        const QString state = dir.filePath(QStringLiteral("state-%1").arg(which));
        if (!writeFile(paths[which], which ? large : small) || !QDir().mkpath(state) || !writeFile(configs[which], configFor(paths[which], state))) {
            context.err << "bench catalogue: cannot write into " << dir.path() << Qt::endl;
            return CtlExit::Error;
        }
    }

    QString error;
    const std::optional<Catalogue> catalogues[2] = {Catalogue::fromJson(small, &error), Catalogue::fromJson(large, &error)};
    if (!catalogues[0] || !catalogues[1]) {
        context.err << "bench catalogue: the generated catalogue does not load: " << error << Qt::endl;
        return CtlExit::Error;
    }
    const CatalogueSearch search(HanziReadings::shared());
    std::optional<CatalogueSearchIndex> indexes[2];
    // What residents type: a name's part, initials, whole syllables, English words, and a miss.
    const QStringList queries = {QStringLiteral("证明"), QStringLiteral("sfz"), QStringLiteral("shebao"), QStringLiteral("birth"),
                                 QStringLiteral("营业执照"), QStringLiteral("hk"), QStringLiteral("zzz")};
    qsizetype found[2] = {0, 0};
    qsizetype shown[2] = {0, 0};

    Series series[2];
    for (int run = 0; run < runs; ++run) {
        for (int which = 0; which < 2; ++which) {
            const ChildRun r = ChildRun::run(kiosk,
                                             {QStringLiteral("--config"), configs[which], QStringLiteral("--windowed"), QStringLiteral("--screen"),
                                              QStringLiteral("home"), QStringLiteral("--exit-after-first-frame")},
                                             "first-frame", 120000);
            if (!r.started || r.markerMs < 0 || r.exitCode != 0) {
                context.err << "bench catalogue: the kiosk on " << paths[which] << " showed no home screen (exit " << r.exitCode
                            << "): " << QString::fromLocal8Bit(r.errorOutput).left(2000) << Qt::endl;
                return CtlExit::Error;
            }
            series[which].frame.append(r.markerMs);
            series[which].peakMiB.append(r.peakRssKiB / 1024.0);
            // The kiosk builds the index on the first search (and again when the catalogue is replaced).
            QElapsedTimer clock;
            clock.start();
            indexes[which].emplace(*catalogues[which], search);
            series[which].indexMs.append(clock.nsecsElapsed() / 1e6);
            // What the search screen asks for: "找到的事项：N" and the first page.
            clock.start();
            found[which] = 0;
            shown[which] = 0;
            for (const QString &query : queries) {
                CatalogueSearchHits hits = indexes[which]->search(query);
                found[which] += hits.count();
                shown[which] += hits.items(0, searchPage).size();
            }
            series[which].searchMs.append(clock.nsecsElapsed() / 1e6 / double(queries.size()));
            clock.start();
            for (const QString &query : queries)
                (void)indexes[which]->find(query);
            series[which].findMs.append(clock.nsecsElapsed() / 1e6 / double(queries.size()));
            // The walk over every item the index replaced, for the record.
            clock.start();
            for (const QString &query : queries)
                (void)search.find(*catalogues[which], query);
            series[which].walkMs.append(clock.nsecsElapsed() / 1e6 / double(queries.size()));
            // What the resident waits for: the real search screen, in a process of its own.
            const QString failed = typeIntoSearch(typingHelper, configs[which], 3, queries, series[which]);
            if (!failed.isEmpty()) {
                context.err << "bench catalogue: " << failed << Qt::endl;
                return CtlExit::Error;
            }
        }
    }

    const int items[2] = {int(catalogues[0]->items().size()), int(catalogues[1]->items().size())};
    context.out << "catalogue: the home screen's first frame and peak RSS of the kiosk started on it; a search (" << queries.size()
                << " queries: " << queries.join(QLatin1Char(' '))
                << ") as the search screen asks for it, the count and a page of " << searchPage
                << ", in this process; and the same queries put into the real search field, to the frame showing their results, "
                   "3 rounds in a process of its own; "
                << runs << " runs each, in turns\n";
    for (int which = 0; which < 2; ++which) {
        context.out << QStringLiteral("  %1 items  home first frame median %2 ms   peak RSS %3 MiB   search median %4 ms a query (%5 found, %6 shown; "
                                      "all the matches %7 ms; index built in %8 ms; a walk over every item %9 ms)   "
                                      "typed to frame median %10 ms (result cards a query: %11 created, %12 in view)\n")
                           .arg(items[which], 5)
                           .arg(median(series[which].frame), 6, 'f', 1)
                           .arg(median(series[which].peakMiB), 5, 'f', 1)
                           .arg(median(series[which].searchMs), 0, 'f', 4)
                           .arg(found[which])
                           .arg(shown[which])
                           .arg(median(series[which].findMs), 0, 'f', 4)
                           .arg(median(series[which].indexMs), 0, 'f', 2)
                           .arg(median(series[which].walkMs), 0, 'f', 3)
                           .arg(median(series[which].typedMs), 0, 'f', 2)
                           .arg(double(series[which].cardsCreated) / double(std::max<qsizetype>(1, series[which].typedQueries)), 0, 'f', 1)
                           .arg(double(series[which].cardsShown) / double(std::max<qsizetype>(1, series[which].typedQueries)), 0, 'f', 1);
    }
    context.out << QStringLiteral("  ratios %1 / %2 items: home first frame x%3   peak RSS %4%5 MiB   search x%6   typed to frame x%7\n")
                       .arg(items[1])
                       .arg(items[0])
                       .arg(median(series[1].frame) / median(series[0].frame), 0, 'f', 2)
                       .arg(median(series[1].peakMiB) >= median(series[0].peakMiB) ? QStringLiteral("+") : QString())
                       .arg(median(series[1].peakMiB) - median(series[0].peakMiB), 0, 'f', 1)
                       .arg(median(series[1].searchMs) / median(series[0].searchMs), 0, 'f', 2)
                       .arg(median(series[1].typedMs) / median(series[0].typedMs), 0, 'f', 2);
    context.out.flush();
    return CtlExit::Ok;
}
