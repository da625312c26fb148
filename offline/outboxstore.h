#pragma once

#include "outboxdraft.h"
#include "outboxentry.h"
#include "outboxresult.h"
#include "outboxtransport.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

// Milliseconds since the epoch; injected so tests control time.
using OutboxClock = std::function<qint64()>;

struct OutboxOptions {
    QString stateDir;               // the outbox is <stateDir>/<fileName>
    QString keyFile;                // empty: inspect only (kioskctl): no payload is ever read or written
    QString terminalId = QStringLiteral("T000000000000"); // the prefix of local references
    qint64 budgetBytes = 512LL * 1024 * 1024;
    qint64 maxFileBytes = 0;        // a hard limit on the file (SQLite max_page_count); 0 for none
    std::chrono::seconds lease{300};
    // An entry still unsent this long after its first attempt is parked rather than sent again:
    // the platform forgets idempotency keys after 7 days, and a retry after that could file twice.
    std::chrono::seconds idempotencyWindow{std::chrono::hours(24 * 6)};
    // No retry is ever scheduled further ahead than this (the sender clamps its backoff to it); a
    // time beyond it means the clock was set back since, and the entry is due at once.
    std::chrono::seconds longestWait{std::chrono::hours(1)};
    bool recoverCorruption = true;  // move a corrupt file aside and start afresh; kioskctl only reports
    QString fileName = QStringLiteral("outbox.db");
    QString auditFileName = QStringLiteral("outbox-audit.log");
    OutboxClock clock;              // empty: the system clock
};

// What start-up found, for health and logs: a corrupt file moved aside means staff must look.
struct OutboxHealth {
    bool recoveredFromCorruption = false;
    QString corruptFileMovedTo;
    QString corruptionDetail;
};

// One entry leased to a sender until it reports back or the lease expires.
struct OutboxLease {
    qint64 id = 0;
    qint64 token = 0;     // proves the lease is still this sender's when it reports back
    int backoffStep = 0;  // failures since the last success or staff retry
    bool bodyFrozen = false; // the body was decided at an earlier send and is kept byte for byte
    OutboxRequest request;
};

// The durable, encrypted, idempotent store behind the outbox: SQLite in WAL mode with
// synchronous=FULL, so an enqueue that returned has reached the disk. Personal fields and
// materials are sealed with AES-256-GCM bound to their entry and erased once delivered.
// Not thread-safe: one thread uses a store; other processes (kioskctl) may open the same file.
class OutboxStore
{
public:
    // Opens or creates the outbox. Fails with a clear error for a missing, unreadable, badly
    // protected or wrong key, a newer schema, or (when recoverCorruption is off) a damaged file.
    [[nodiscard]] static OutboxResult<std::unique_ptr<OutboxStore>> open(const OutboxOptions &options);
    ~OutboxStore();
    OutboxStore(const OutboxStore &) = delete;
    OutboxStore &operator=(const OutboxStore &) = delete;

    [[nodiscard]] QString filePath() const;
    [[nodiscard]] QString auditFilePath() const;
    [[nodiscard]] const OutboxHealth &health() const;
    [[nodiscard]] bool inspectOnly() const;
    // The terminal was enrolled while the kiosk runs: local references made from now on carry
    // its id (those made before keep theirs; a reference only has to be unique on the terminal).
    void setTerminalId(const QString &terminalId);

    // Whether an application of about `estimatedBytes` can still be queued: the kiosk asks before
    // the resident starts, not at the end.
    [[nodiscard]] OutboxResult<OutboxOk> canAccept(qint64 estimatedBytes) const;

    // One transaction; returns only after it committed, which is when the resident is told "queued".
    [[nodiscard]] OutboxResult<QueuedCase> enqueueCase(const CaseDraft &draft);
    [[nodiscard]] OutboxResult<QString> enqueueEvaluation(const EvaluationDraft &draft);
    // A complaint, sent as it is; its local reference ends in "-C".
    [[nodiscard]] OutboxResult<QString> enqueueComplaint(const ComplaintDraft &draft);

    // The sender's side. leaseNext() gives the next due entry whose dependencies are delivered,
    // with the references substituted into its body; an entry that fails to decrypt is parked as
    // "tampered" and skipped. Reports with a stale lease fail with InvalidState.
    [[nodiscard]] OutboxResult<std::optional<OutboxLease>> leaseNext();
    [[nodiscard]] OutboxResult<OutboxOk> markDelivered(const OutboxLease &lease, const QString &reference);
    // `notBeforeMs` is the platform's Retry-After as a time (0: it gave none); bringForwardRetries
    // never moves the entry before it.
    [[nodiscard]] OutboxResult<OutboxOk> markTransient(const OutboxLease &lease, qint64 nextAttemptAtMs, const QString &code,
                                                       qint64 notBeforeMs = 0);
    // Keeps `body` as the entry's body for this and every later attempt under its key, before it
    // is first sent: what the platform receives under one key never changes.
    [[nodiscard]] OutboxResult<OutboxOk> freezeBody(const OutboxLease &lease, const QByteArray &body);
    // The platform refused the entry's body for good and holds nothing under its key: the entry
    // is due again at once with `body` under a new key (returned), in a new idempotency window.
    [[nodiscard]] OutboxResult<QString> rekey(const OutboxLease &lease, const QByteArray &body, const QString &reason);
    // The platform answers again: entries waiting out a backoff become due now (or at their
    // Retry-After, when the platform asked for one). Returns how many moved.
    [[nodiscard]] OutboxResult<int> bringForwardRetries();
    [[nodiscard]] OutboxResult<OutboxOk> markParked(const OutboxLease &lease, const QString &code);
    // Frees every lease: only for the one sender starting up, when no other sender can hold one.
    [[nodiscard]] OutboxResult<int> releaseLeases();
    // When the next entry falls due (a lease expiry counts), or nothing when none is pending.
    [[nodiscard]] OutboxResult<std::optional<qint64>> nextDueAtMs() const;

    // Staff actions, by local reference; each returns the references it changed and is audited.
    // retry re-arms a parked entry and its parked dependencies under their keys, and refuses
    // (InvalidState) one the platform may have filed and has forgotten the key of, first sent
    // longer ago than idempotencyWindow: staff discard it and file again; discard deletes an entry with
    // everything that depends on it and the undelivered materials of a case.
    [[nodiscard]] OutboxResult<QStringList> retry(const QString &localRef, const QString &actor);
    [[nodiscard]] OutboxResult<QStringList> park(const QString &localRef, const QString &actor);
    [[nodiscard]] OutboxResult<QStringList> discard(const QString &localRef, const QString &actor);

    [[nodiscard]] OutboxResult<QList<OutboxEntry>> entries(std::optional<EntryState> state = std::nullopt) const;
    [[nodiscard]] OutboxResult<std::optional<OutboxEntry>> find(const QString &localRef) const;
    [[nodiscard]] OutboxResult<OutboxStats> stats() const;

    // Deletes tombstones delivered before `cutoffMs` that no pending entry still needs.
    [[nodiscard]] OutboxResult<int> pruneDeliveredBefore(qint64 cutoffMs);
    // "ok", or SQLite's list of problems.
    [[nodiscard]] OutboxResult<QString> integrityCheck() const;

    // The damaged files start-up moved aside in `stateDir` (oldest first): each may hold queued
    // entries that were never sent, so staff must look at them until they are removed.
    [[nodiscard]] static QStringList damagedFilesSetAside(const QString &stateDir,
                                                          const QString &fileName = QStringLiteral("outbox.db"));
    // Whether options.keyFile is a usable key that opens the outbox there (when there is one),
    // without creating or changing anything: for staff tools that otherwise open it without key.
    [[nodiscard]] static OutboxResult<OutboxOk> verifyKey(const OutboxOptions &options);

    [[nodiscard]] qint64 now() const;
    [[nodiscard]] std::chrono::seconds leaseDuration() const;
    [[nodiscard]] std::chrono::seconds longestWait() const;

private:
    class Private;
    explicit OutboxStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};
