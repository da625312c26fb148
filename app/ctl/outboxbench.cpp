#include "outboxbench.h"

#include "outboxkey.h"
#include "outboxsender.h"
#include "outboxstore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>

namespace {

// Answers at once, so the figure is the outbox's own cost: lease, decrypt, substitute, record.
class InstantReceiver : public OutboxTransport
{
public:
    qint64 bytes = 0;
    void deliver(const OutboxRequest &request, Completion done) override
    {
        bytes += request.body.size();
        done(Delivered{QStringLiteral("R") + request.idempotencyKey.left(8), {}});
    }
};

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(index);
}

} // namespace

int runOutboxBench(CtlContext &context, const QStringList &args)
{
    int cases = 100;
    QString dirArg;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--cases") && i + 1 < args.size()) {
            cases = std::max(1, args.at(++i).toInt());
        } else if (args.at(i) == QLatin1String("--dir") && i + 1 < args.size()) {
            dirArg = args.at(++i);
        } else {
            context.err << "usage: kioskctl bench outbox [--cases N] [--dir DIR]   (DIR: a scratch directory on the disk to measure)"
                        << Qt::endl;
            return CtlExit::Error;
        }
    }
    // A log line per entry would measure the journal, not the outbox.
    QLoggingCategory::setFilterRules(QStringLiteral("kiosk.offline.info=false"));
    QTemporaryDir scratch(dirArg.isEmpty() ? QDir::tempPath() + QStringLiteral("/outbox-bench-XXXXXX")
                                           : dirArg + QStringLiteral("/outbox-bench-XXXXXX"));
    if (!scratch.isValid()) {
        context.err << "kioskctl bench outbox: cannot create a scratch directory" << Qt::endl;
        return CtlExit::Error;
    }
    const QString keyFile = scratch.filePath(QStringLiteral("outbox.key"));
    if (auto key = OutboxKey::create(keyFile); !key) {
        context.err << "kioskctl bench outbox: " << key.error().message << Qt::endl;
        return CtlExit::Error;
    }
    OutboxOptions options;
    options.stateDir = scratch.path();
    options.keyFile = keyFile;
    options.budgetBytes = 8LL * 1024 * 1024 * 1024;
    OutboxResult<std::unique_ptr<OutboxStore>> opened = OutboxStore::open(options);
    if (!opened) {
        context.err << "kioskctl bench outbox: " << opened.error().message << Qt::endl;
        return CtlExit::Error;
    }
    OutboxStore &store = *opened.value();

    CaseDraft draft;
    draft.itemCode = QStringLiteral("340100-000-ZZ-0001-01");
    draft.body = R"({"applicant":{"name":"测试","id_number":"340104199001011234","verified_by":"idcard"},"form":{"phone":"13900000000"}})";
    for (int m = 0; m < 2; ++m) {
        QByteArray scan(500 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < scan.size(); ++i)
            scan[i] = char((i * 7 + m * 13) & 0xff);
        draft.materials.append({QStringLiteral("doc%1").arg(m + 1), QStringLiteral("image/jpeg"), scan});
    }

    QList<double> latencies;
    QElapsedTimer timer;
    for (int i = 0; i < cases; ++i) {
        timer.start();
        const OutboxResult<QueuedCase> queued = store.enqueueCase(draft);
        latencies.append(double(timer.nsecsElapsed()) / 1e6);
        if (!queued) {
            context.err << "kioskctl bench outbox: " << queued.error().message << Qt::endl;
            return CtlExit::Error;
        }
    }

    InstantReceiver receiver;
    OutboxSender sender(store, receiver);
    int entries = 0;
    timer.start();
    while (sender.sendNext())
        ++entries;
    const double drainS = double(timer.nsecsElapsed()) / 1e9;

    context.out << "outbox enqueue: " << cases << " cases, each 2 x 500 KiB materials, AES-256-GCM, WAL synchronous=FULL, in "
                << scratch.path() << "\n"
                << QStringLiteral("  latency p50 %1 ms, p99 %2 ms, max %3 ms\n")
                       .arg(percentile(latencies, 0.50), 0, 'f', 2)
                       .arg(percentile(latencies, 0.99), 0, 'f', 2)
                       .arg(*std::max_element(latencies.begin(), latencies.end()), 0, 'f', 2)
                << QStringLiteral("outbox drain (in-process receiver): %1 entries (%2 cases) in %3 s: %4 cases/s, %5 MiB/s\n")
                       .arg(entries)
                       .arg(cases)
                       .arg(drainS, 0, 'f', 2)
                       .arg(double(cases) / drainS, 0, 'f', 1)
                       .arg(double(receiver.bytes) / (1024.0 * 1024.0) / drainS, 0, 'f', 1)
                << "  the drain against the reference platform waits for the platform client's OutboxTransport\n";
    return CtlExit::Ok;
}
