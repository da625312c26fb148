// The process the crash test kills. It enqueues cases and sends them to a file-backed receiver in
// a tight loop, acknowledging each enqueue in a file only after the outbox returned, exactly when
// the kiosk would tell a resident "queued". The test SIGKILLs it at random moments and then checks
// the files against each other. The power-cut test runs it with OUTBOX_POWER_SHADOW (a folder)
// and OUTBOX_POWER_CUT_AT (a count of writes and syncs): SQLite then goes through PowerCutVfs,
// which ends the process at that count and keeps only what was synced.
//
// usage: outboxcrashchild STATE_DIR KEY_FILE ACK_FILE RECEIVER_FILE [--drain]

#include "outboxsender.h"
#include "outboxstore.h"
#include "powercutvfs.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace {

// One write() per line and an fsync before returning, so a kill leaves whole lines on disk.
bool appendLine(const QString &path, const QByteArray &line)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    const bool done = ::write(fd, line.constData(), size_t(line.size())) == line.size() && ::fsync(fd) == 0;
    ::close(fd);
    return done;
}

// Stands in for the platform: it records each request's local reference and idempotency key, and
// answers with a reference derived from the key, as the platform replays its first answer.
class FileReceiver : public OutboxTransport
{
public:
    FileReceiver(QString path, bool flaky)
        : m_path(std::move(path))
        , m_flaky(flaky)
    {
    }

    void deliver(const OutboxRequest &request, Completion done) override
    {
        if (m_flaky && QRandomGenerator::global()->bounded(10) == 0) {
            done(Transient{std::nullopt, QStringLiteral("unavailable")});
            return;
        }
        QByteArray line = request.localRef.toLatin1() + ' ' + request.idempotencyKey.toLatin1();
        if (request.kind == EntryKind::Case) {
            const QJsonArray materials = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("materials")).toArray();
            QStringList refs;
            for (const QJsonValue &value : materials)
                refs.append(value.toString());
            line += " materials=" + refs.join(QLatin1Char(',')).toLatin1();
        }
        if (!appendLine(m_path, line + '\n')) {
            done(Transient{std::nullopt, QStringLiteral("receiver_io")});
            return;
        }
        const QString prefix = request.kind == EntryKind::Material ? QStringLiteral("M") : QStringLiteral("C");
        done(Delivered{prefix + request.idempotencyKey.left(8), {}});
    }

private:
    QString m_path;
    bool m_flaky = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 5) {
        std::fprintf(stderr, "usage: outboxcrashchild STATE_DIR KEY_FILE ACK_FILE RECEIVER_FILE [--drain]\n");
        return 2;
    }
    const bool drain = args.contains(QStringLiteral("--drain"));
    if (qEnvironmentVariableIsSet("OUTBOX_POWER_SHADOW")) {
        QString error;
        if (!PowerCutVfs::install(qEnvironmentVariable("OUTBOX_POWER_SHADOW"),
                                  qEnvironmentVariable("OUTBOX_POWER_CUT_AT").toLongLong(), &error)) {
            std::fprintf(stderr, "power-cut VFS: %s\n", qPrintable(error));
            return 3;
        }
    }
    OutboxOptions options;
    options.stateDir = args.at(1);
    options.keyFile = args.at(2);
    options.terminalId = QStringLiteral("T340103000017");
    const QString ackFile = args.at(3);

    OutboxResult<std::unique_ptr<OutboxStore>> opened = OutboxStore::open(options);
    if (!opened) {
        std::fprintf(stderr, "open: %s\n", qPrintable(opened.error().message));
        return 3;
    }
    OutboxStore &store = *opened.value();
    FileReceiver receiver(args.at(4), !drain);
    OutboxSender sender(store, receiver);
    RetryPolicy policy;
    policy.base = std::chrono::milliseconds(20);
    policy.cap = std::chrono::milliseconds(200);
    sender.setRetryPolicy(policy);
    if (auto started = sender.start(); !started) {
        std::fprintf(stderr, "sender: %s\n", qPrintable(started.error().message));
        return 3;
    }

    if (drain) {
        for (int round = 0; round < 20000; ++round) {
            while (sender.sendNext()) {
            }
            const OutboxResult<OutboxStats> stats = store.stats();
            if (!stats) {
                std::fprintf(stderr, "stats: %s\n", qPrintable(stats.error().message));
                return 3;
            }
            if (stats->pending == 0)
                return stats->parked == 0 ? 0 : 4;
            QThread::msleep(5);
        }
        return 5;
    }

    auto *random = QRandomGenerator::global();
    for (int i = 0;; ++i) {
        CaseDraft draft;
        draft.itemCode = QStringLiteral("340100-000-ZZ-0001-01");
        draft.body = QJsonDocument(QJsonObject{{QStringLiteral("applicant"),
                                                QJsonObject{{QStringLiteral("name"), QStringLiteral("测试")},
                                                            {QStringLiteral("id_number"), QStringLiteral("340104199001011234")}}},
                                               {QStringLiteral("n"), i}})
                         .toJson(QJsonDocument::Compact);
        const int materials = int(random->bounded(3));
        for (int m = 0; m < materials; ++m)
            draft.materials.append({QStringLiteral("doc%1").arg(m), QStringLiteral("image/jpeg"),
                                    QByteArray(int(random->bounded(1024, 24 * 1024)), char('a' + m))});
        const OutboxResult<QueuedCase> queued = store.enqueueCase(draft);
        if (!queued) {
            std::fprintf(stderr, "enqueue: %s\n", qPrintable(queued.error().message));
            return 3;
        }
        if (!appendLine(ackFile, "ack " + queued->localRef.toLatin1() + ' ' + QByteArray::number(materials) + '\n'))
            return 3;
        const int sends = int(random->bounded(5));
        for (int s = 0; s < sends; ++s)
            sender.sendNext();
    }
}
