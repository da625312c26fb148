#include "outboxstore_p.h"

using namespace OutboxStorage;

// What staff may do to an entry (retry, park, discard), with its related entries and an audit line.

OutboxResult<QList<qint64>> OutboxStore::Private::related(qint64 id, const char *sql) const
{
    Statement statement(db, sql);
    statement.bind(1, id);
    QList<qint64> ids;
    int rc = SQLITE_ROW;
    while ((rc = statement.step()) == SQLITE_ROW)
        ids.append(statement.integer(0));
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("following dependencies"));
    return ids;
}

OutboxResult<OutboxEntry> OutboxStore::Private::existing(const QString &localRef) const
{
    const OutboxResult<std::optional<OutboxEntry>> found = entryByRef(localRef);
    if (!found)
        return found.error();
    if (!found.value())
        return OutboxError{OutboxErrorCode::NotFound, QStringLiteral("No outbox entry %1.").arg(localRef)};
    return *found.value();
}

OutboxResult<OutboxOk> OutboxStore::Private::withinIdempotencyWindow(const QList<qint64> &ids) const
{
    // The platform forgets a key after its window: sent again under that key, an entry it may
    // have filed would be filed a second time. That may be so while the entry still retries, and
    // when the outbox itself parked it (window run out, tampered) or staff did; an entry parked
    // on the platform's own refusal under its key was never filed and may go again.
    const qint64 windowMs = qint64(options.idempotencyWindow.count()) * 1000;
    for (qint64 id : ids) {
        Statement first(db, "SELECT local_ref FROM entries WHERE id = ?1 AND first_attempt_at <> 0 AND ?2 - first_attempt_at > ?3 "
                            "AND (state = 1 OR (state = 4 AND last_error IN ('idempotency_window_expired', 'tampered', "
                            "'parked_by_staff')))");
        first.bind(1, id).bind(2, now()).bind(3, windowMs);
        const int rc = first.step();
        if (rc == SQLITE_DONE)
            continue;
        if (rc != SQLITE_ROW)
            return databaseError(db, rc, QStringLiteral("checking the idempotency window"));
        return OutboxError{OutboxErrorCode::InvalidState,
                           QStringLiteral("%1 was first sent more than %2 days ago: the platform no longer knows its idempotency "
                                          "key and would file it a second time, so it cannot be retried. Ask the platform whether "
                                          "it holds the case; if not, discard this entry and file the application again.")
                               .arg(first.text(0))
                               .arg(options.idempotencyWindow.count() / (24 * 3600))};
    }
    return OutboxOk{};
}

OutboxResult<QStringList> OutboxStore::Private::staffAction(const QString &what, const QString &action, const QString &actor,
                                                            const QString &auditPath, const std::function<OutboxResult<QStringList>()> &change)
{
    if (auto begun = begin(what); !begun)
        return begun.error();
    OutboxResult<QStringList> changed = change();
    if (!changed) {
        rollback();
        return changed.error();
    }
    if (auto audited = OutboxAuditLog(auditPath).append(now(), action, actor, changed.value()); !audited) {
        rollback();
        return audited.error();
    }
    if (auto committed = commit(what); !committed)
        return committed.error();
    return changed;
}

OutboxResult<QStringList> OutboxStore::retry(const QString &localRef, const QString &actor)
{
    const QString what = QStringLiteral("re-arming %1").arg(localRef);
    auto changed = d->staffAction(what, QStringLiteral("retry"), actor, auditFilePath(), [&]() -> OutboxResult<QStringList> {
        const OutboxResult<OutboxEntry> entry = d->existing(localRef);
        if (!entry)
            return entry.error();
        if (entry.value().state != EntryState::Parked && entry.value().state != EntryState::Pending) {
            return OutboxError{OutboxErrorCode::InvalidState, QStringLiteral("%1 is %2; only a parked or pending entry can be retried.")
                                                                  .arg(localRef, entryStateName(entry.value().state))};
        }
        // A case cannot go before its parked materials, so they are re-armed with it.
        OutboxResult<QList<qint64>> dependencies = d->related(entry.value().id, "SELECT depends_on FROM dependencies WHERE entry_id = ?1");
        if (!dependencies)
            return dependencies.error();
        QList<qint64> ids = dependencies.value();
        ids.prepend(entry.value().id);
        if (auto fresh = d->withinIdempotencyWindow(ids); !fresh)
            return fresh.error();
        QStringList rearmed;
        for (qint64 id : std::as_const(ids)) {
            // The platform counts a window from a key's first use: only an entry it refused, and so
            // never filed, starts a new one; any other keeps the start the platform knows.
            Statement update(d->db, "UPDATE entries SET state = 1, next_attempt_at = ?2, backoff_step = 0, "
                                    "first_attempt_at = CASE WHEN state = 4 AND last_error NOT IN ('idempotency_window_expired', "
                                    "'tampered', 'parked_by_staff') THEN 0 ELSE first_attempt_at END "
                                    "WHERE id = ?1 AND state IN (1, 4) RETURNING local_ref");
            update.bind(1, id).bind(2, d->now());
            int rc = SQLITE_ROW;
            while ((rc = update.step()) == SQLITE_ROW)
                rearmed.append(update.text(0));
            if (rc != SQLITE_DONE)
                return databaseError(d->db, rc, what);
        }
        return rearmed;
    });
    if (changed)
        qCInfo(lcOutbox).noquote() << "staff re-armed" << changed.value().join(QLatin1Char(','));
    return changed;
}

OutboxResult<QStringList> OutboxStore::park(const QString &localRef, const QString &actor)
{
    const QString what = QStringLiteral("parking %1").arg(localRef);
    auto changed = d->staffAction(what, QStringLiteral("park"), actor, auditFilePath(), [&]() -> OutboxResult<QStringList> {
        Statement update(d->db, "UPDATE entries SET state = 4, last_error = 'parked_by_staff' "
                                "WHERE local_ref = ?1 AND state = 1");
        update.bind(1, localRef);
        const int rc = update.step();
        if (rc != SQLITE_DONE)
            return databaseError(d->db, rc, what);
        if (sqlite3_changes(d->db) == 1)
            return QStringList{localRef};
        const OutboxResult<OutboxEntry> entry = d->existing(localRef);
        if (!entry)
            return entry.error();
        return OutboxError{OutboxErrorCode::InvalidState,
                           QStringLiteral("%1 is %2; only a pending entry can be parked.").arg(localRef, entryStateName(entry.value().state))};
    });
    if (changed)
        qCInfo(lcOutbox).noquote() << "staff parked" << localRef;
    return changed;
}

OutboxResult<QStringList> OutboxStore::discard(const QString &localRef, const QString &actor)
{
    const QString what = QStringLiteral("discarding %1").arg(localRef);
    auto changed = d->staffAction(what, QStringLiteral("discard"), actor, auditFilePath(), [&]() -> OutboxResult<QStringList> {
        const OutboxResult<OutboxEntry> entry = d->existing(localRef);
        if (!entry)
            return entry.error();
        if (entry.value().state == EntryState::Delivered || entry.value().state == EntryState::Sending) {
            return OutboxError{OutboxErrorCode::InvalidState, QStringLiteral("%1 is %2; only a pending or parked entry can be discarded.")
                                                                  .arg(localRef, entryStateName(entry.value().state))};
        }
        // Whatever depends on a discarded entry can never be sent; a case's own undelivered
        // materials would only be sent for nothing.
        QList<qint64> doomed{entry.value().id};
        for (int i = 0; i < doomed.size(); ++i) {
            OutboxResult<QList<qint64>> dependents = d->related(
                doomed.at(i), "SELECT d.entry_id FROM dependencies d JOIN entries x ON x.id = d.entry_id WHERE d.depends_on = ?1 AND x.state <> 3");
            if (!dependents)
                return dependents.error();
            OutboxResult<QList<qint64>> materials = d->related(
                doomed.at(i), "SELECT d.depends_on FROM dependencies d JOIN entries x ON x.id = d.depends_on "
                              "WHERE d.entry_id = ?1 AND x.kind = 1 AND x.state <> 3");
            if (!materials)
                return materials.error();
            for (qint64 id : dependents.value() + materials.value()) {
                if (!doomed.contains(id))
                    doomed.append(id);
            }
        }
        QStringList removed;
        for (qint64 id : std::as_const(doomed)) {
            Statement remove(d->db, "DELETE FROM entries WHERE id = ?1 AND state <> 2 RETURNING local_ref");
            remove.bind(1, id);
            int rc = SQLITE_ROW;
            int count = 0;
            while ((rc = remove.step()) == SQLITE_ROW) {
                removed.append(remove.text(0));
                ++count;
            }
            if (rc != SQLITE_DONE)
                return databaseError(d->db, rc, what);
            if (count == 0)
                return OutboxError{OutboxErrorCode::InvalidState, QStringLiteral("A part of %1 is being sent; try again in a minute.").arg(localRef)};
        }
        return removed;
    });
    if (changed)
        qCWarning(lcOutbox).noquote() << "staff discarded" << changed.value().join(QLatin1Char(','));
    return changed;
}
