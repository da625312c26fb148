#include "idcardbench.h"

#include "common/eventwait.h"
#include "idcard/idcardreader.h"
#include "idcard/idcardtextblock.h"
#include "idcard/samframe.h"
#include "idcard/samframeassembler.h"
#include "idcard/sim/idcardsimulatorhost.h"
#include "idcard/sim/simcards.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>

#include <sys/resource.h>

namespace {

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Assembles, checks and parses whole read replies (1295 bytes each) fed in 64-byte pieces.
void benchCodec(QTextStream &out, int frames)
{
    const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
    const QByteArray frame = SamFrame::encodeResponse(
        0x90, IdCardTextBlock::encodeReadData({IdCardTextBlock::encode(card), card.photo, {}}, false));
    SamFrameAssembler assembler;
    qint64 parsed = 0;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < frames; ++i) {
        for (qsizetype offset = 0; offset < frame.size(); offset += 64)
            assembler.feed(QByteArrayView(frame).sliced(offset, std::min<qsizetype>(64, frame.size() - offset)));
        while (const auto result = assembler.next()) {
            const auto response = SamFrame::parseResponse(result->body);
            const auto data = IdCardTextBlock::parseReadData(response->data, false);
            if (auto holder = IdCardTextBlock::parse(data->text)) {
                parsed += holder->idNumber.size() == 18;
                holder->wipe();
            }
        }
    }
    const double seconds = clock.nsecsElapsed() / 1e9;
    out << "codec: " << parsed << " read replies (1295 bytes) assembled, checked and parsed in "
        << QString::number(seconds * 1000, 'f', 1) << " ms = " << QString::number(parsed / seconds, 'f', 0) << " frames/s ("
        << QString::number(parsed * frame.size() / seconds / 1e6, 'f', 1) << " MB/s)" << Qt::endl;
}

// CPU time this process has used so far (every thread: the reader's worker and the simulator's).
double processCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

// CPU, as a share of one core, spent while `idleMs` pass with the event loop running.
double cpuShareWhileIdle(int idleMs)
{
    const double before = processCpuMs();
    QElapsedTimer wall;
    wall.start();
    EventWait::until([] { return false; }, std::chrono::milliseconds(idleMs), std::chrono::milliseconds(10));
    return (processCpuMs() - before) / double(wall.elapsed());
}

bool waitFor(const int &counter, int count, int timeoutMs)
{
    return EventWait::until([&] { return counter >= count; }, std::chrono::milliseconds(timeoutMs), std::chrono::milliseconds(1));
}

int benchLatency(QTextStream &out, QTextStream &err, int runs, int pollMs, int idleMs)
{
    QTemporaryDir stateDir;
    IdCardSimulatorHost simulator;
    IdCardSimulator::Options simulatorOptions;
    simulatorOptions.ttyLinkPath = stateDir.filePath(QStringLiteral("sim/idcard-tty"));
    simulatorOptions.baud = 115200;
    QString error;
    if (!simulator.start(simulatorOptions, &error)) {
        err << "bench idcard: " << error << Qt::endl;
        return CtlExit::Error;
    }
    IdCardReaderOptions options;
    options.spec = *DeviceSpec::parse(QStringLiteral("serial:%1@115200").arg(simulatorOptions.ttyLinkPath));
    options.pollIntervalMs = pollMs;
    IdCardReader reader(QStringLiteral("id_card_reader"), options);
    int read = 0;
    int removed = 0;
    QObject::connect(&reader, &IdCardReader::cardRead, &reader, [&read] { ++read; });
    QObject::connect(&reader, &IdCardReader::cardRemoved, &reader, [&removed] { ++removed; });
    QElapsedTimer clock;
    QList<double> presentToHolder;
    QList<double> detectToHolder;
    qint64 detectedAt = 0;
    QObject::connect(&reader, &IdCardReader::cardDetected, &reader, [&] { detectedAt = clock.nsecsElapsed(); });
    // The baseline: the same process with the simulator up and no reader polling it.
    const double cpuWithoutPolling = cpuShareWhileIdle(idleMs);
    if (!reader.start(&error)) {
        err << "bench idcard: " << error << Qt::endl;
        return CtlExit::Error;
    }
    const double cpuWhilePolling = cpuShareWhileIdle(idleMs);
    // A resident lays a card down at any moment of the poll cycle, not just after a removal was
    // seen; a seeded pause puts each presentation at another phase of it, the same in every run.
    QRandomGenerator phases(20261207);
    for (int run = 0; run < runs; ++run) {
        EventWait::until([] { return false; }, std::chrono::milliseconds(phases.bounded(pollMs)), std::chrono::milliseconds(1));
        clock.start();
        simulator.execute(QStringLiteral("card present resident"));
        if (!waitFor(read, run + 1, 10000)) {
            err << "bench idcard: no card read in run " << run + 1 << Qt::endl;
            return CtlExit::Error;
        }
        const qint64 now = clock.nsecsElapsed();
        presentToHolder << now / 1e6;
        detectToHolder << (now - detectedAt) / 1e6;
        simulator.execute(QStringLiteral("card remove"));
        waitFor(removed, run + 1, 10000);
    }
    reader.close();
    const double wireMs = 1295 * 10 * 1000.0 / 115200;
    out << "latency over " << runs << " presentations, pty paced at 115200 baud 8N1, find polled every " << pollMs << " ms:\n"
        << "  card present -> holder available: median " << QString::number(median(presentToHolder), 'f', 1) << " ms (min "
        << QString::number(*std::min_element(presentToHolder.begin(), presentToHolder.end()), 'f', 1) << ", max "
        << QString::number(*std::max_element(presentToHolder.begin(), presentToHolder.end()), 'f', 1) << ")\n"
        << "  card found -> holder available (select + read): median " << QString::number(median(detectToHolder), 'f', 1) << " ms\n"
        << "  wire time of the 1295-byte read reply alone: " << QString::number(wireMs, 'f', 1) << " ms; beyond it: median "
        << QString::number(median(presentToHolder) - wireMs, 'f', 1) << " ms\n"
        << "  CPU with no card, " << idleMs << " ms each: " << QString::number(cpuWhilePolling * 100, 'f', 2)
        << " % of a core while polling against " << QString::number(cpuWithoutPolling * 100, 'f', 2)
        << " % with the reader closed (+" << QString::number((cpuWhilePolling - cpuWithoutPolling) * 100, 'f', 2) << " points)"
        << Qt::endl;
    return CtlExit::Ok;
}

} // namespace

int runIdCardBench(CtlContext &context, const QStringList &args)
{
    int frames = 20000;
    int runs = 10;
    int pollMs = IdCardReaderOptions().pollIntervalMs;
    int idleMs = 3000;
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        bool ok = false;
        const int value = args.at(i + 1).toInt(&ok);
        if (!ok || value <= 0)
            break;
        if (args.at(i) == QLatin1String("--frames"))
            frames = value;
        else if (args.at(i) == QLatin1String("--runs"))
            runs = value;
        else if (args.at(i) == QLatin1String("--poll-ms"))
            pollMs = value;
        else if (args.at(i) == QLatin1String("--idle-ms"))
            idleMs = value;
    }
    benchCodec(context.out, frames);
    return benchLatency(context.out, context.err, runs, pollMs, idleMs);
}
