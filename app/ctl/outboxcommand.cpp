#include "ctlcommand.h"

#include "bytesize.h"
#include "auditlog.h"

#include "outboxkey.h"
#include "outboxstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <pwd.h>
#include <unistd.h>

// `kioskctl outbox …`: the offline queue for maintenance staff. It opens the outbox without its
// key, so nothing it prints can hold personal data: only references, keys, item codes, states,
// attempts, times and error codes. Staff actions are written to the outbox's audit log.
namespace {

constexpr const char *usageText =
    "usage: kioskctl outbox status|list [--state STATE]|show REF|retry REF|park REF|discard REF [--yes]|export "
    "[--state-dir DIR] [--json]\n"
    "       kioskctl outbox init-key    create the outbox's key at [offline] key_file (mode 0600, never replaced)";

struct OutboxArgs {
    QString verb;
    QString ref;
    QString stateDir;
    std::optional<EntryState> state;
    bool json = false;
    bool yes = false;
};

QString timeText(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("-");
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms);
    return local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate);
}

QJsonValue timeJson(qint64 ms)
{
    return ms > 0 ? QJsonValue(timeText(ms)) : QJsonValue(QJsonValue::Null);
}

QString stateText(const OutboxEntry &entry)
{
    return entry.waiting ? QStringLiteral("waiting") : entryStateName(entry.state);
}

QJsonObject entryJson(const OutboxEntry &entry)
{
    return {
        {QStringLiteral("local_ref"), entry.localRef},
        {QStringLiteral("kind"), entryKindName(entry.kind)},
        {QStringLiteral("state"), entryStateName(entry.state)},
        {QStringLiteral("waiting_for_dependency"), entry.waiting},
        {QStringLiteral("item_code"), entry.itemCode},
        {QStringLiteral("material_id"), entry.materialId},
        {QStringLiteral("idempotency_key"), entry.idempotencyKey},
        {QStringLiteral("result_ref"), entry.resultRef},
        {QStringLiteral("attempts"), entry.attempts},
        {QStringLiteral("last_error"), entry.lastError},
        {QStringLiteral("payload_bytes"), entry.payloadBytes},
        {QStringLiteral("created_at"), timeJson(entry.createdAtMs)},
        {QStringLiteral("next_attempt_at"), entry.state == EntryState::Pending ? timeJson(entry.nextAttemptAtMs) : QJsonValue()},
        {QStringLiteral("last_attempt_at"), timeJson(entry.lastAttemptAtMs)},
        {QStringLiteral("delivered_at"), timeJson(entry.deliveredAtMs)},
    };
}

QJsonObject statsJson(const OutboxStats &stats)
{
    return {
        {QStringLiteral("pending"), stats.pending},
        {QStringLiteral("waiting"), stats.waiting},
        {QStringLiteral("parked"), stats.parked},
        {QStringLiteral("delivered"), stats.delivered},
        {QStringLiteral("oldest_s"), stats.oldestPendingS},
        {QStringLiteral("payload_bytes"), stats.payloadBytes},
        {QStringLiteral("budget_bytes"), stats.budgetBytes},
    };
}

void printTable(QTextStream &out, const QList<OutboxEntry> &entries)
{
    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("LOCAL REF"), -26)
               .arg(QStringLiteral("KIND"), -10)
               .arg(QStringLiteral("STATE"), -9)
               .arg(QStringLiteral("TRIES"), 5)
               .arg(QStringLiteral("CREATED"), -25)
               .arg(QStringLiteral("LAST ERROR"), -18)
               .arg(QStringLiteral("RESULT"));
    for (const OutboxEntry &entry : entries) {
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(entry.localRef, -26)
                   .arg(entryKindName(entry.kind), -10)
                   .arg(stateText(entry), -9)
                   .arg(entry.attempts, 5)
                   .arg(timeText(entry.createdAtMs), -25)
                   .arg(entry.lastError.isEmpty() ? QStringLiteral("-") : entry.lastError, -18)
                   .arg(entry.resultRef.isEmpty() ? QStringLiteral("-") : entry.resultRef);
    }
}

void printEntry(QTextStream &out, const OutboxEntry &entry)
{
    const QJsonObject object = entryJson(entry);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        QString text = value.isNull() || value.isUndefined() ? QStringLiteral("-") : value.toVariant().toString();
        if (text.isEmpty())
            text = QStringLiteral("-");
        out << QStringLiteral("%1 %2\n").arg(it.key() + QLatin1Char(':'), -24).arg(text);
    }
}

QString actorName()
{
    // Under sudo the person is SUDO_USER; the audit line names both.
    const passwd *account = ::getpwuid(::geteuid());
    const QString user = account ? QString::fromLocal8Bit(account->pw_name) : QString::number(::geteuid());
    const QString sudoUser = qEnvironmentVariable("SUDO_USER");
    return QStringLiteral("kioskctl:") + (sudoUser.isEmpty() ? user : sudoUser + QStringLiteral("(as ") + user + QLatin1Char(')'));
}

bool confirmed(CtlContext &context, const QString &ref)
{
    context.err << "Discard " << ref << " and everything queued with it? It will never reach the platform, "
                << "and the resident's application is lost. [y/N] " << Qt::flush;
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

std::optional<OutboxArgs> parse(const QStringList &args)
{
    OutboxArgs parsed;
    QStringList rest = args;
    if (rest.isEmpty())
        return std::nullopt;
    parsed.verb = rest.takeFirst();
    while (!rest.isEmpty()) {
        const QString word = rest.takeFirst();
        if (word == QLatin1String("--json")) {
            parsed.json = true;
        } else if (word == QLatin1String("--yes")) {
            parsed.yes = true;
        } else if (word == QLatin1String("--state-dir") && !rest.isEmpty()) {
            parsed.stateDir = rest.takeFirst();
        } else if (word == QLatin1String("--state") && !rest.isEmpty()) {
            parsed.state = entryStateFromName(rest.takeFirst());
            if (!parsed.state)
                return std::nullopt;
        } else if (!word.startsWith(QLatin1String("--")) && parsed.ref.isEmpty()) {
            parsed.ref = word;
        } else {
            return std::nullopt;
        }
    }
    const bool needsRef = parsed.verb == QLatin1String("show") || parsed.verb == QLatin1String("retry")
        || parsed.verb == QLatin1String("park") || parsed.verb == QLatin1String("discard");
    if (needsRef == parsed.ref.isEmpty())
        return std::nullopt;
    return parsed;
}

int exitFor(const OutboxError &error)
{
    return error.code == OutboxErrorCode::NotFound || error.code == OutboxErrorCode::InvalidState ? CtlExit::Negative
                                                                                                  : CtlExit::Error;
}

// Provisioning makes the key once per terminal, before the kiosk first starts.
int initKey(CtlContext &context)
{
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    const QString path = config->string(QStringLiteral("offline/key_file"));
    const OutboxResult<OutboxKey> key = OutboxKey::create(path);
    if (!key) {
        context.err << "kioskctl outbox init-key: " << key.error().message << Qt::endl;
        return CtlExit::Error;
    }
    context.out << "outbox key created at " << path << " (mode 0600); without this file the entries queued on this terminal cannot be sent" << Qt::endl;
    return CtlExit::Ok;
}

} // namespace

int runOutboxCommand(CtlContext &context, const QStringList &args)
{
    if (args == QStringList{QStringLiteral("init-key")})
        return initKey(context);
    const std::optional<OutboxArgs> parsed = parse(args);
    static const QStringList verbs{QStringLiteral("status"), QStringLiteral("list"), QStringLiteral("show"), QStringLiteral("retry"),
                                   QStringLiteral("park"), QStringLiteral("discard"), QStringLiteral("export")};
    if (!parsed || !verbs.contains(parsed->verb)) {
        context.err << usageText << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;

    OutboxOptions options;
    options.stateDir = parsed->stateDir.isEmpty() ? config->string(QStringLiteral("kiosk/state_dir")) : parsed->stateDir;
    options.budgetBytes = config->integer(QStringLiteral("offline/budget_mb")) * 1024 * 1024;
    options.recoverCorruption = false; // moving the file is for the kiosk at start-up, never behind its back
    OutboxResult<std::unique_ptr<OutboxStore>> opened = OutboxStore::open(options);
    if (!opened) {
        context.err << "kioskctl outbox: " << opened.error().message << Qt::endl;
        return opened.error().code == OutboxErrorCode::NotFound ? CtlExit::Negative : CtlExit::Error;
    }
    OutboxStore &store = *opened.value();
    QTextStream &out = context.out;
    const QString &verb = parsed->verb;

    if (verb == QLatin1String("status")) {
        const OutboxResult<OutboxStats> stats = store.stats();
        if (!stats) {
            context.err << "kioskctl outbox: " << stats.error().message << Qt::endl;
            return CtlExit::Error;
        }
        // The key is checked for staff (present, private, well formed) but never printed.
        const QString keyFile = config->string(QStringLiteral("offline/key_file"));
        const OutboxResult<OutboxKey> key = OutboxKey::load(keyFile);
        const QString keyState = key ? QStringLiteral("ok") : outboxErrorCodeName(key.error().code);
        if (parsed->json) {
            QJsonObject object = statsJson(stats.value());
            object.insert(QStringLiteral("file"), store.filePath());
            object.insert(QStringLiteral("key"), keyState);
            out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        } else {
            const OutboxStats &s = stats.value();
            out << "outbox:     " << store.filePath() << "\n"
                << "pending:    " << s.pending << " (" << s.waiting << " waiting for their materials or case)\n"
                << "parked:     " << s.parked << (s.parked > 0 ? "  <- needs staff: kioskctl outbox list --state parked" : "") << "\n"
                << "delivered:  " << s.delivered << " (kept for reprinting receipts)\n"
                << "oldest:     " << s.oldestPendingS << " s\n"
                << "size:       " << ByteSize::text(s.payloadBytes) << " of " << ByteSize::text(s.budgetBytes) << "\n"
                << "key:        " << keyState << (key ? QString() : QStringLiteral(" (") + key.error().message + QLatin1Char(')'))
                << "\n";
        }
        return CtlExit::Ok;
    }

    if (verb == QLatin1String("list") || verb == QLatin1String("export")) {
        const OutboxResult<QList<OutboxEntry>> entries = store.entries(parsed->state);
        const OutboxResult<OutboxStats> stats = store.stats();
        if (!entries || !stats) {
            context.err << "kioskctl outbox: " << (entries ? stats.error() : entries.error()).message << Qt::endl;
            return CtlExit::Error;
        }
        if (verb == QLatin1String("export") || parsed->json) {
            QJsonArray array;
            for (const OutboxEntry &entry : entries.value())
                array.append(entryJson(entry));
            if (verb == QLatin1String("export")) {
                // A whole snapshot for a support ticket: figures and every entry, no personal data.
                const QJsonObject snapshot{{QStringLiteral("exported_at"), timeText(store.now())},
                                           {QStringLiteral("file"), store.filePath()},
                                           {QStringLiteral("stats"), statsJson(stats.value())},
                                           {QStringLiteral("entries"), array}};
                out << QJsonDocument(snapshot).toJson(parsed->json ? QJsonDocument::Indented : QJsonDocument::Compact);
            } else {
                out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            }
        } else {
            printTable(out, entries.value());
        }
        return CtlExit::Ok;
    }

    if (verb == QLatin1String("show")) {
        const OutboxResult<std::optional<OutboxEntry>> found = store.find(parsed->ref);
        if (!found) {
            context.err << "kioskctl outbox: " << found.error().message << Qt::endl;
            return CtlExit::Error;
        }
        if (!found.value()) {
            context.err << "kioskctl outbox: no entry " << parsed->ref << Qt::endl;
            return CtlExit::Negative;
        }
        if (parsed->json)
            out << QJsonDocument(entryJson(*found.value())).toJson(QJsonDocument::Indented);
        else
            printEntry(out, *found.value());
        return CtlExit::Ok;
    }

    if (verb == QLatin1String("discard") && !parsed->yes && !confirmed(context, parsed->ref)) {
        context.err << "kioskctl outbox: nothing discarded" << Qt::endl;
        return CtlExit::Negative;
    }
    const QString actor = actorName();
    const OutboxResult<QStringList> changed = verb == QLatin1String("retry") ? store.retry(parsed->ref, actor)
        : verb == QLatin1String("park")                                      ? store.park(parsed->ref, actor)
                                                                             : store.discard(parsed->ref, actor);
    if (!changed) {
        context.err << "kioskctl outbox: " << changed.error().message << Qt::endl;
        return exitFor(changed.error());
    }
    if (parsed->json) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("action"), verb},
                                         {QStringLiteral("local_refs"), QJsonArray::fromStringList(changed.value())},
                                         {QStringLiteral("audit_log"), store.auditFilePath()}})
                   .toJson(QJsonDocument::Indented);
    } else {
        const QString done = verb == QLatin1String("retry") ? QStringLiteral("re-armed")
            : verb == QLatin1String("park")                 ? QStringLiteral("parked")
                                                            : QStringLiteral("discarded");
        out << done << ": " << changed.value().join(QStringLiteral(", ")) << "\n"
            << "recorded in " << store.auditFilePath() << "\n";
    }
    AuditLog::recordCtl(*config, QStringLiteral("outbox.") + verb, QStringLiteral("ok"), changed.value().join(QStringLiteral(", ")));
    return CtlExit::Ok;
}
