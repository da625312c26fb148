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

OutboxResult<QStringList> OutboxStore::retry(const QString &localRef, const QString &actor)
{
    const QString what = QStringLiteral("re-arming %1").arg(localRef);
    if (auto begun = d->begin(what); !begun)
        return begun.error();
    auto fail = [this](const OutboxError &error) {
        d->rollback();
        return error;
    };
    const OutboxResult<std::optional<OutboxEntry>> found = d->entryByRef(localRef);
    if (!found)
        return fail(found.error());
    if (!found.value())
        return fail({OutboxErrorCode::NotFound, QStringLiteral("No outbox entry %1.").arg(localRef)});
    const OutboxEntry entry = *found.value();
    if (entry.state != EntryState::Parked && entry.state != EntryState::Pending) {
        return fail({OutboxErrorCode::InvalidState,
                     QStringLiteral("%1 is %2; only a parked or pending entry can be retried.").arg(localRef, entryStateName(entry.state))});
    }
    // A case cannot go before its parked materials, so they are re-armed with it.
    OutboxResult<QList<qint64>> dependencies = d->related(entry.id, "SELECT depends_on FROM dependencies WHERE entry_id = ?1");
    if (!dependencies)
        return fail(dependencies.error());
    QList<qint64> ids = dependencies.value();
    ids.prepend(entry.id);
    QStringList changed;
    for (qint64 id : std::as_const(ids)) {
        Statement update(d->db, "UPDATE entries SET state = 1, next_attempt_at = ?2, backoff_step = 0, first_attempt_at = 0 "
                                "WHERE id = ?1 AND state IN (1, 4) RETURNING local_ref");
        update.bind(1, id).bind(2, d->now());
        int rc = SQLITE_ROW;
        while ((rc = update.step()) == SQLITE_ROW)
            changed.append(update.text(0));
        if (rc != SQLITE_DONE)
            return fail(databaseError(d->db, rc, what));
    }
    if (auto audited = OutboxAuditLog(auditFilePath()).append(d->now(), QStringLiteral("retry"), actor, changed); !audited)
        return fail(audited.error());
    if (auto committed = d->commit(what); !committed)
        return committed.error();
    qCInfo(lcOutbox).noquote() << "staff re-armed" << changed.join(QLatin1Char(','));
    return changed;
}

OutboxResult<QStringList> OutboxStore::park(const QString &localRef, const QString &actor)
{
    const QString what = QStringLiteral("parking %1").arg(localRef);
    if (auto begun = d->begin(what); !begun)
        return begun.error();
    auto fail = [this](const OutboxError &error) {
        d->rollback();
        return error;
    };
    Statement update(d->db, "UPDATE entries SET state = 4, last_error = 'parked_by_staff' "
                            "WHERE local_ref = ?1 AND state = 1");
    update.bind(1, localRef);
    const int rc = update.step();
    if (rc != SQLITE_DONE)
        return fail(databaseError(d->db, rc, what));
    if (sqlite3_changes(d->db) != 1) {
        const OutboxResult<std::optional<OutboxEntry>> found = d->entryByRef(localRef);
        if (!found)
            return fail(found.error());
        if (!found.value())
            return fail({OutboxErrorCode::NotFound, QStringLiteral("No outbox entry %1.").arg(localRef)});
        return fail({OutboxErrorCode::InvalidState, QStringLiteral("%1 is %2; only a pending entry can be parked.")
                                                        .arg(localRef, entryStateName(found.value()->state))});
    }
    if (auto audited = OutboxAuditLog(auditFilePath()).append(d->now(), QStringLiteral("park"), actor, {localRef}); !audited)
        return fail(audited.error());
    if (auto committed = d->commit(what); !committed)
        return committed.error();
    qCInfo(lcOutbox).noquote() << "staff parked" << localRef;
    return QStringList{localRef};
}

OutboxResult<QStringList> OutboxStore::discard(const QString &localRef, const QString &actor)
{
    const QString what = QStringLiteral("discarding %1").arg(localRef);
    if (auto begun = d->begin(what); !begun)
        return begun.error();
    auto fail = [this](const OutboxError &error) {
        d->rollback();
        return error;
    };
    const OutboxResult<std::optional<OutboxEntry>> found = d->entryByRef(localRef);
    if (!found)
        return fail(found.error());
    if (!found.value())
        return fail({OutboxErrorCode::NotFound, QStringLiteral("No outbox entry %1.").arg(localRef)});
    if (found.value()->state == EntryState::Delivered || found.value()->state == EntryState::Sending) {
        return fail({OutboxErrorCode::InvalidState, QStringLiteral("%1 is %2; only a pending or parked entry can be discarded.")
                                                        .arg(localRef, entryStateName(found.value()->state))});
    }
    // Whatever depends on a discarded entry can never be sent; a case's own undelivered materials
    // would only be sent for nothing.
    QList<qint64> doomed{found.value()->id};
    for (int i = 0; i < doomed.size(); ++i) {
        OutboxResult<QList<qint64>> dependents = d->related(
            doomed.at(i), "SELECT d.entry_id FROM dependencies d JOIN entries x ON x.id = d.entry_id WHERE d.depends_on = ?1 AND x.state <> 3");
        if (!dependents)
            return fail(dependents.error());
        OutboxResult<QList<qint64>> materials = d->related(
            doomed.at(i), "SELECT d.depends_on FROM dependencies d JOIN entries x ON x.id = d.depends_on "
                          "WHERE d.entry_id = ?1 AND x.kind = 1 AND x.state <> 3");
        if (!materials)
            return fail(materials.error());
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
            return fail(databaseError(d->db, rc, what));
        if (count == 0)
            return fail({OutboxErrorCode::InvalidState, QStringLiteral("A part of %1 is being sent; try again in a minute.").arg(localRef)});
    }
    if (auto audited = OutboxAuditLog(auditFilePath()).append(d->now(), QStringLiteral("discard"), actor, removed); !audited)
        return fail(audited.error());
    if (auto committed = d->commit(what); !committed)
        return committed.error();
    qCWarning(lcOutbox).noquote() << "staff discarded" << removed.join(QLatin1Char(','));
    return removed;
}
