#pragma once

#include <QString>

#include <optional>

// What staff, the heartbeat and a reprinted receipt may know about one outbox entry: references,
// the idempotency key, the item, the state and the times. It never holds a personal field; those
// stay encrypted inside the store until the platform has answered, and are then erased.
// A complaint (投诉建议, contract 1.1) is queued and sent like an evaluation.
enum class EntryKind { Material = 1, Case = 2, Evaluation = 3, Complaint = 4 };

// Pending waits for its time (and its dependencies); Sending is leased to a sender until its lease
// expires; Delivered is the tombstone kept for receipts; Parked waits for staff.
enum class EntryState { Pending = 1, Sending = 2, Delivered = 3, Parked = 4 };

[[nodiscard]] QString entryKindName(EntryKind kind);
[[nodiscard]] QString entryStateName(EntryState state);
[[nodiscard]] std::optional<EntryState> entryStateFromName(const QString &name);

struct OutboxEntry {
    qint64 id = 0;
    EntryKind kind = EntryKind::Case;
    EntryState state = EntryState::Pending;
    QString localRef;       // "T340103000017-000042", materials "…-000042-M1"
    QString idempotencyKey; // a UUID made once at enqueue
    QString itemCode;       // the catalogue item (cases and their materials)
    QString materialId;     // the catalogue material id (materials only)
    QString resultRef;      // case number, material_ref or evaluation_id once delivered
    QString lastError;      // the last error code ("rate_limited", "tampered", …), empty when none
    int attempts = 0;
    bool waiting = false;   // pending but blocked by a dependency not yet delivered
    qint64 payloadBytes = 0;
    qint64 createdAtMs = 0;
    qint64 nextAttemptAtMs = 0;
    qint64 lastAttemptAtMs = 0; // 0: never attempted
    qint64 deliveredAtMs = 0;   // 0: not delivered
};

// The queue's figures for the heartbeat and `kioskctl outbox status`.
struct OutboxStats {
    int pending = 0;        // pending or sending
    int waiting = 0;        // of those, blocked by a dependency
    int parked = 0;         // the heartbeat's "failed"
    int delivered = 0;      // tombstones kept for receipts
    qint64 oldestPendingS = 0;
    qint64 payloadBytes = 0;
    qint64 budgetBytes = 0;
};
