#include "pinyinbench.h"

#include "cataloguesearch.h"
#include "hanzireadings.h"
#include "pinyinengine.h"

#include <QElapsedTimer>

#include <algorithm>

namespace {

struct Figures {
    double median = 0;
    double p95 = 0;
    double worst = 0;
};

Figures figuresOf(QList<double> micros)
{
    std::sort(micros.begin(), micros.end());
    if (micros.isEmpty())
        return {};
    const auto at = [&micros](double q) { return micros.at(std::min<qsizetype>(micros.size() - 1, static_cast<qsizetype>(q * micros.size()))); };
    return {at(0.5), at(0.95), micros.last()};
}

void print(QTextStream &out, const char *what, const Figures &f, qsizetype samples)
{
    out << what << ": median " << QString::number(f.median / 1000.0, 'f', 3) << " ms, p95 " << QString::number(f.p95 / 1000.0, 'f', 3)
        << " ms, worst " << QString::number(f.worst / 1000.0, 'f', 3) << " ms (" << samples << " samples)" << Qt::endl;
}

} // namespace

int runPinyinBench(CtlContext &context, const QStringList &args)
{
    int rounds = 20;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--rounds") && i + 1 < args.size())
            rounds = std::max(1, args.at(++i).toInt());
        else {
            context.err << "usage: kioskctl bench pinyin [--rounds N]" << Qt::endl;
            return CtlExit::Error;
        }
    }

    QElapsedTimer clock;
    clock.start();
    QString error;
    if (!PinyinEngine::isAvailable(&error)) {
        context.err << "bench pinyin: " << error << Qt::endl;
        return CtlExit::Error;
    }
    context.out << "open dictionary: " << QString::number(clock.nsecsElapsed() / 1e6, 'f', 1) << " ms" << Qt::endl;

    clock.restart();
    const HanziReadings::Table readings = HanziReadings::build(&error);
    context.out << "hanzi readings table: " << QString::number(clock.nsecsElapsed() / 1e6, 'f', 1) << " ms, " << readings.size()
                << " characters" << Qt::endl;

    // Words residents type into forms: names, places, addresses.
    const QStringList words = {QStringLiteral("zhangsan"), QStringLiteral("beijing"), QStringLiteral("hefeishi"),
                               QStringLiteral("shushanqu"), QStringLiteral("changjianglu"), QStringLiteral("wangxiaoming"),
                               QStringLiteral("anhuisheng"), QStringLiteral("xingfuxiaoqu")};
    QList<double> keyPress;
    QList<double> choice;
    for (int round = 0; round < rounds; ++round) {
        for (const QString &word : words) {
            PinyinEngine engine;
            for (const QChar letter : word) {
                clock.restart();
                engine.typeLetter(letter);
                const QStringList page = engine.candidates(0, 8);
                keyPress.append(clock.nsecsElapsed() / 1e3);
                Q_UNUSED(page);
            }
            clock.restart();
            const QString finished = engine.choose(0);
            choice.append(clock.nsecsElapsed() / 1e3);
            Q_UNUSED(finished);
        }
    }
    print(context.out, "key press (letter + first 8 candidates)", figuresOf(keyPress), keyPress.size());
    print(context.out, "choose first candidate", figuresOf(choice), choice.size());

    const Catalogue catalogue = Catalogue::demo();
    const CatalogueSearch search(readings);
    const QStringList queries = {QStringLiteral("sfz"), QStringLiteral("gjj"), QStringLiteral("shebao"), QStringLiteral("退休"),
                                 QStringLiteral("licence"), QStringLiteral("hz"), QStringLiteral("qxqx")};
    QList<double> searches;
    for (int round = 0; round < rounds; ++round) {
        for (const QString &query : queries) {
            clock.restart();
            const qsizetype found = search.find(catalogue, query).size();
            searches.append(clock.nsecsElapsed() / 1e3);
            Q_UNUSED(found);
        }
    }
    print(context.out, "catalogue search (demo catalogue)", figuresOf(searches), searches.size());
    return CtlExit::Ok;
}
