#include "outboxstore_p.h"

using namespace OutboxStorage;

// Reading the queue: entries, statistics, and the retention of delivered entries.

OutboxResult<QList<OutboxEntry>> OutboxStore::Private::select(const QByteArray &where,
                                                              const std::function<void(Statement &)> &binder) const
{
    const QByteArray sql = "SELECT e.id, e.kind, e.state, e.local_ref, e.idempotency_key, e.item_code, e.material_id, "
                           "e.result_ref, e.last_error, e.attempts, e.payload_bytes, e.created_at, e.next_attempt_at, "
                           "e.last_attempt_at, e.delivered_at, " + QByteArray(blockedClause) + " FROM entries e "
        + where + " ORDER BY e.id";
    Statement statement(db, sql);
    if (!statement.prepared())
        return databaseError(db, statement.prepareCode(), QStringLiteral("listing the queue"));
    if (binder)
        binder(statement);
    QList<OutboxEntry> found;
    int rc = SQLITE_ROW;
    while ((rc = statement.step()) == SQLITE_ROW) {
        OutboxEntry entry;
        entry.id = statement.integer(0);
        entry.kind = EntryKind(statement.integer(1));
        entry.state = EntryState(statement.integer(2));
        entry.localRef = statement.text(3);
        entry.idempotencyKey = statement.text(4);
        entry.itemCode = statement.text(5);
        entry.materialId = statement.text(6);
        entry.resultRef = statement.text(7);
        entry.lastError = statement.text(8);
        entry.attempts = int(statement.integer(9));
        entry.payloadBytes = statement.integer(10);
        entry.createdAtMs = statement.integer(11);
        entry.nextAttemptAtMs = statement.integer(12);
        entry.lastAttemptAtMs = statement.integer(13);
        entry.deliveredAtMs = statement.integer(14);
        entry.waiting = entry.state == EntryState::Pending && statement.integer(15) != 0;
        found.append(entry);
    }
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("listing the queue"));
    return found;
}

OutboxResult<std::optional<OutboxEntry>> OutboxStore::Private::entryByRef(const QString &localRef) const
{
    const OutboxResult<QList<OutboxEntry>> found =
        select("WHERE e.local_ref = ?1", [&](Statement &statement) { statement.bind(1, localRef); });
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(found->first());
}

OutboxResult<QList<OutboxEntry>> OutboxStore::entries(std::optional<EntryState> state) const
{
    if (!state)
        return d->select(QByteArray(), {});
    return d->select("WHERE e.state = ?1", [&](Statement &statement) { statement.bind(1, qint64(stateOf(*state))); });
}

OutboxResult<std::optional<OutboxEntry>> OutboxStore::find(const QString &localRef) const
{
    return d->entryByRef(localRef);
}

OutboxResult<OutboxStats> OutboxStore::stats() const
{
    Statement statement(d->db, "SELECT "
                               "COALESCE(SUM(e.state IN (1, 2)), 0), "
                               "COALESCE(SUM(e.state = 1 AND " + QByteArray(blockedClause) + "), 0), "
                               "COALESCE(SUM(e.state = 4), 0), "
                               "COALESCE(SUM(e.state = 3), 0), "
                               "MIN(CASE WHEN e.state IN (1, 2, 4) THEN e.created_at END), "
                               "COALESCE(SUM(CASE WHEN e.state <> 3 THEN e.payload_bytes END), 0) "
                               "FROM entries e");
    const int rc = statement.step();
    if (rc != SQLITE_ROW)
        return databaseError(d->db, rc, QStringLiteral("counting the queue"));
    OutboxStats stats;
    stats.pending = int(statement.integer(0));
    stats.waiting = int(statement.integer(1));
    stats.parked = int(statement.integer(2));
    stats.delivered = int(statement.integer(3));
    stats.oldestPendingS = statement.isNull(4) ? 0 : std::max<qint64>(0, (d->now() - statement.integer(4)) / 1000);
    stats.payloadBytes = statement.integer(5);
    stats.budgetBytes = d->options.budgetBytes;
    return stats;
}

OutboxResult<int> OutboxStore::pruneDeliveredBefore(qint64 cutoffMs)
{
    Statement prune(d->db, "DELETE FROM entries WHERE state = 3 AND delivered_at < ?1 AND NOT EXISTS ("
                           "SELECT 1 FROM dependencies d JOIN entries x ON x.id = d.entry_id "
                           "WHERE d.depends_on = entries.id AND x.state <> 3)");
    prune.bind(1, cutoffMs);
    const int rc = prune.step();
    if (rc != SQLITE_DONE)
        return databaseError(d->db, rc, QStringLiteral("pruning old receipts"));
    const int pruned = sqlite3_changes(d->db);
    if (pruned > 0)
        qCInfo(lcOutbox) << "pruned" << pruned << "delivered entries past their retention";
    return pruned;
}
