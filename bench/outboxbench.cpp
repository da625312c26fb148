#include "outboxbench.h"

#include "common/eventwait.h"
#include "outboxkey.h"
#include "outboxplatformtransport.h"
#include "outboxsender.h"
#include "outboxstore.h"
#include "platformclient.h"

#include <QElapsedTimer>
#include <QTimer>
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

// What the issue measures: a case with two 500 KiB materials, for an item of the demo catalogue
// that asks for exactly those two, so the reference platform accepts it as a real application.
CaseDraft benchDraft()
{
    CaseDraft draft;
    draft.itemCode = QStringLiteral("340100-000-ZZ-0008-01");
    draft.body = R"({"applicant":{"name":"测试","id_number":"340104199001011239","verified_by":"idcard"},)"
                 R"("form":{"name":"测试","id_number":"340104199001011239","phone":"13900000000","bank_account":"6222020000000000"}})";
    int m = 0;
    for (const char *material : {"birth_certificate", "bank_card"}) {
        QByteArray scan(500 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < scan.size(); ++i)
            scan[i] = char((i * 7 + m * 13) & 0xff);
        scan.replace(0, 4, QByteArray("\xff\xd8\xff\xe0", 4));
        draft.materials.append({QString::fromLatin1(material), QStringLiteral("image/jpeg"), scan});
        ++m;
    }
    return draft;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index = std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())));
    return values.at(index);
}

// Drains `cases` queued cases, each with its two materials, through the real platform client to
// the platform of the configuration, which must be enrolled: the figure includes signing, TLS
// when configured, uploading the materials and the platform's own work. Prints one line; false
// when it could not run.
bool drainAgainstPlatform(CtlContext &context, const QString &scratchDir, const QString &keyFile, int cases)
{
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return false;
    QString why;
    const std::optional<PlatformClientSettings> settings = PlatformClientSettings::fromConfig(*config, &why);
    if (!settings || !settings->credentials) {
        context.err << "kioskctl bench outbox --to-platform: " << (settings ? QStringLiteral("the terminal is not enrolled") : why) << Qt::endl;
        return false;
    }
    OutboxOptions options;
    options.stateDir = scratchDir;
    options.keyFile = keyFile;
    options.fileName = QStringLiteral("platform-drain.db");
    options.budgetBytes = 8LL * 1024 * 1024 * 1024;
    options.terminalId = settings->credentials->terminalId;
    OutboxResult<std::unique_ptr<OutboxStore>> opened = OutboxStore::open(options);
    if (!opened) {
        context.err << "kioskctl bench outbox: " << opened.error().message << Qt::endl;
        return false;
    }
    OutboxStore &store = *opened.value();
    const CaseDraft draft = benchDraft();
    qint64 bytes = 0;
    for (const MaterialDraft &material : draft.materials)
        bytes += cases * material.content.size();
    for (int i = 0; i < cases; ++i) {
        if (!store.enqueueCase(draft)) {
            context.err << "kioskctl bench outbox: enqueue failed" << Qt::endl;
            return false;
        }
    }
    PlatformClient client(*settings);
    OutboxPlatformTransport transport(client);
    OutboxSender sender(store, transport);
    // Each case is three entries: its two materials, then the case itself.
    const int entries = cases * int(1 + draft.materials.size());
    int delivered = 0;
    int parked = 0;
    EventWait wait(std::chrono::minutes(5));
    QObject::connect(&sender, &OutboxSender::delivered, wait.context(), [&] { ++delivered; });
    QObject::connect(&sender, &OutboxSender::parked, wait.context(), [&] { ++parked; });
    wait.endOn(&sender, &OutboxSender::delivered, [&] { return delivered + parked == entries; });
    wait.endOn(&sender, &OutboxSender::parked, [&] { return delivered + parked == entries; });
    QElapsedTimer timer;
    timer.start();
    if (!sender.start()) {
        context.err << "kioskctl bench outbox: the sender did not start" << Qt::endl;
        return false;
    }
    wait.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sender.stop();
    int casesDelivered = 0;
    if (const OutboxResult<QList<OutboxEntry>> done = store.entries(EntryState::Delivered); done) {
        for (const OutboxEntry &entry : done.value())
            casesDelivered += entry.kind == EntryKind::Case ? 1 : 0;
    }
    context.out << QStringLiteral("outbox drain (platform %1): %2 of %3 cases delivered with their %4 materials (%5 MiB), "
                                  "%6 entries parked, in %7 s: %8 cases/s, %9 MiB/s\n")
                       .arg(settings->baseUrl.toString())
                       .arg(casesDelivered)
                       .arg(cases)
                       .arg(cases * draft.materials.size())
                       .arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1)
                       .arg(parked)
                       .arg(seconds, 0, 'f', 2)
                       .arg(double(casesDelivered) / seconds, 0, 'f', 2)
                       .arg(double(bytes) / (1024.0 * 1024.0) / seconds, 0, 'f', 1);
    return casesDelivered == cases;
}

} // namespace

int runOutboxBench(CtlContext &context, const QStringList &args)
{
    int cases = 100;
    QString dirArg;
    bool platform = false;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--cases") && i + 1 < args.size()) {
            cases = std::max(1, args.at(++i).toInt());
        } else if (args.at(i) == QLatin1String("--to-platform")) {
            platform = true;
        } else if (args.at(i) == QLatin1String("--dir") && i + 1 < args.size()) {
            dirArg = args.at(++i);
        } else {
            context.err << "usage: kioskctl bench outbox [--cases N] [--dir DIR] [--to-platform]   (DIR: a scratch directory on the disk to "
                           "measure; --to-platform also drains to the configured, enrolled platform)"
                        << Qt::endl;
            return CtlExit::Error;
        }
    }
    // A log line per entry would measure the journal, not the outbox.
    QLoggingCategory::setFilterRules(QStringLiteral("kiosk.offline.info=false\nkiosk.platform.info=false"));
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
    const CaseDraft draft = benchDraft();

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

    // Flat in the queue's depth is the goal: a night-long outage queues hundreds of cases, and the
    // last resident of the night must not wait longer than the first.
    const qsizetype tenth = std::max<qsizetype>(1, latencies.size() / 10);
    const double firstTenth = percentile(latencies.mid(0, tenth), 0.50);
    const double lastTenth = percentile(latencies.mid(latencies.size() - tenth), 0.50);

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
                << QStringLiteral("  by depth: the first tenth p50 %1 ms, the last tenth p50 %2 ms (x%3 as the queue grew to %4)\n")
                       .arg(firstTenth, 0, 'f', 2)
                       .arg(lastTenth, 0, 'f', 2)
                       .arg(lastTenth / firstTenth, 0, 'f', 2)
                       .arg(cases)
                << QStringLiteral("outbox drain (in-process receiver): %1 entries (%2 cases) in %3 s: %4 cases/s, %5 MiB/s\n")
                       .arg(entries)
                       .arg(cases)
                       .arg(drainS, 0, 'f', 2)
                       .arg(double(cases) / drainS, 0, 'f', 1)
                       .arg(double(receiver.bytes) / (1024.0 * 1024.0) / drainS, 0, 'f', 1)
                << (platform ? "" : "  (add --to-platform to drain to the configured platform as well)\n");
    context.out.flush();
    if (platform && !drainAgainstPlatform(context, scratch.path(), keyFile, cases))
        return CtlExit::Error;
    return CtlExit::Ok;
}
