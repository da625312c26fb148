#include "outboxstore_p.h"

using namespace OutboxStorage;

// Leasing and delivery bookkeeping: one entry at a time under a lease, its body frozen before the
// first send, and what each outcome of a send does to it.

OutboxResult<OutboxOk> OutboxStore::Private::finishLease(const OutboxLease &lease, const QByteArray &sql, const QString &text,
                                                        qint64 number, const QString &what)
{
    return updateLeased(lease, sql, [&](Statement &update) { update.bind(3, text).bind(4, number); }, what);
}

OutboxResult<OutboxOk> OutboxStore::Private::updateLeased(const OutboxLease &lease, const QByteArray &sql,
                                                         const std::function<void(Statement &)> &binder, const QString &what)
{
    Statement update(db, sql);
    if (!update.prepared())
        return databaseError(db, update.prepareCode(), what);
    update.bind(1, lease.id).bind(2, lease.token);
    binder(update);
    const int rc = update.step();
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, what);
    if (sqlite3_changes(db) != 1) {
        return OutboxError{OutboxErrorCode::InvalidState,
                           QStringLiteral("The lease on %1 is no longer held (it expired and was taken again, or staff "
                                          "changed the entry).")
                               .arg(lease.request.localRef)};
    }
    return OutboxOk{};
}

OutboxResult<QByteArray> OutboxStore::Private::substitute(qint64 id, const QByteArray &body) const
{
    Statement refs(db, "SELECT d.field, d.position, x.result_ref FROM dependencies d JOIN entries x ON x.id = d.depends_on "
                       "WHERE d.entry_id = ?1 ORDER BY d.position");
    refs.bind(1, id);
    QJsonObject object;
    bool parsed = false;
    int rc = SQLITE_ROW;
    while ((rc = refs.step()) == SQLITE_ROW) {
        if (!parsed) {
            object = QJsonDocument::fromJson(body).object();
            parsed = true;
        }
        const QString field = refs.text(0);
        const qint64 position = refs.integer(1);
        const QString reference = refs.text(2);
        if (position < 0) {
            object.insert(field, reference);
            continue;
        }
        QJsonArray array = object.value(field).toArray();
        while (array.size() <= position)
            array.append(QString());
        array[int(position)] = reference;
        object.insert(field, array);
    }
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("reading an entry's dependencies"));
    if (!parsed)
        return body;
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

OutboxResult<std::optional<OutboxLease>> OutboxStore::leaseNext()
{
    if (!d->cipher)
        return OutboxError{OutboxErrorCode::InspectOnly, QStringLiteral("The outbox was opened without its key.")};
    const QByteArray sql =
        "UPDATE entries SET state = 2, lease_until = ?1 + ?2, lease_token = lease_token + 1, attempts = attempts + 1, "
        "last_attempt_at = ?1, first_attempt_at = CASE first_attempt_at WHEN 0 THEN ?1 ELSE first_attempt_at END "
        "WHERE id = (SELECT e.id FROM entries e WHERE "
        "((e.state = 1 AND (e.next_attempt_at <= ?1 OR e.next_attempt_at > ?1 + ?3)) "
        "OR (e.state = 2 AND (e.lease_until <= ?1 OR e.lease_until > ?1 + ?2))) AND NOT "
        + QByteArray(blockedClause)
        + " ORDER BY e.next_attempt_at, e.id LIMIT 1) "
          "RETURNING id, kind, local_ref, idempotency_key, item_code, material_id, content_type, attempts, "
          "backoff_step, lease_token, payload, first_attempt_at, body_frozen";
    // An entry that fails to open is parked and the next one tried; the bound only guards a loop.
    for (int skipped = 0; skipped < 1000; ++skipped) {
        Statement lease(d->db, sql);
        if (!lease.prepared())
            return databaseError(d->db, lease.prepareCode(), QStringLiteral("leasing an entry"));
        const qint64 now = d->now();
        // A time further ahead than any wait the outbox sets was written under a clock that has
        // since been set back (a kiosk booting with a wrong RTC, then NTP): it counts as due.
        lease.bind(1, now).bind(2, qint64(d->options.lease.count()) * 1000).bind(3, qint64(d->options.longestWait.count()) * 1000);
        int rc = lease.step();
        if (rc == SQLITE_DONE)
            return std::optional<OutboxLease>();
        if (rc != SQLITE_ROW)
            return databaseError(d->db, rc, QStringLiteral("leasing an entry"));
        OutboxLease leased;
        leased.id = lease.integer(0);
        leased.request.kind = EntryKind(lease.integer(1));
        leased.request.localRef = lease.text(2);
        leased.request.idempotencyKey = lease.text(3);
        leased.request.itemCode = lease.text(4);
        leased.request.materialId = lease.text(5);
        leased.request.contentType = lease.text(6);
        leased.request.attempt = int(lease.integer(7));
        leased.backoffStep = int(lease.integer(8));
        leased.token = lease.integer(9);
        const bool hasPayload = !lease.isNull(10);
        const QByteArray sealed = lease.blob(10);
        const qint64 firstAttemptAt = lease.integer(11);
        leased.bodyFrozen = lease.integer(12) != 0;
        while ((rc = lease.step()) == SQLITE_ROW) {
        }
        if (rc != SQLITE_DONE)
            return databaseError(d->db, rc, QStringLiteral("leasing an entry"));

        if (leased.request.attempt > 1 && now - firstAttemptAt > qint64(d->options.idempotencyWindow.count()) * 1000) {
            // Sent again now, a request the platform once received but has forgotten the key of
            // would be filed a second time: staff check with the platform first.
            qCWarning(lcOutbox).noquote() << "entry" << leased.request.localRef
                                          << "was first tried too long ago to send again safely; parked for staff";
            if (auto parked = markParked(leased, QStringLiteral("idempotency_window_expired")); !parked)
                return parked.error();
            continue;
        }
        const std::optional<QByteArray> plain =
            hasPayload ? d->cipher->open(sealed, associatedData(leased.request.idempotencyKey)) : std::nullopt;
        if (!plain) {
            qCWarning(lcOutbox).noquote() << "entry" << leased.request.localRef
                                          << "failed its integrity check (altered, or moved from another entry); parked for staff";
            if (auto parked = markParked(leased, QStringLiteral("tampered")); !parked)
                return parked.error();
            continue;
        }
        // A frozen body already holds its dependencies' references: it goes out byte for byte.
        if (leased.bodyFrozen) {
            leased.request.body = *plain;
            return std::optional<OutboxLease>(std::move(leased));
        }
        OutboxResult<QByteArray> body = d->substitute(leased.id, *plain);
        if (!body)
            return body.error();
        leased.request.body = std::move(body).value();
        return std::optional<OutboxLease>(std::move(leased));
    }
    return std::optional<OutboxLease>();
}

OutboxResult<OutboxOk> OutboxStore::markDelivered(const OutboxLease &lease, const QString &reference)
{
    // The ciphertext goes now: only the tombstone (references, item, times) outlives the answer.
    return d->finishLease(lease,
                          "UPDATE entries SET state = 3, payload = NULL, payload_bytes = 0, result_ref = ?3, "
                          "delivered_at = ?4, last_error = '', lease_until = 0 "
                          "WHERE id = ?1 AND lease_token = ?2 AND state = 2",
                          reference, d->now(), QStringLiteral("recording the delivery of %1").arg(lease.request.localRef));
}

OutboxResult<OutboxOk> OutboxStore::markTransient(const OutboxLease &lease, qint64 nextAttemptAtMs, const QString &code,
                                                  qint64 notBeforeMs)
{
    return d->updateLeased(
        lease,
        "UPDATE entries SET state = 1, next_attempt_at = ?4, not_before = ?5, backoff_step = backoff_step + 1, "
        "last_error = ?3, lease_until = 0 WHERE id = ?1 AND lease_token = ?2 AND state = 2",
        [&](Statement &update) { update.bind(3, code).bind(4, nextAttemptAtMs).bind(5, notBeforeMs); },
        QStringLiteral("rescheduling %1").arg(lease.request.localRef));
}

OutboxResult<OutboxOk> OutboxStore::freezeBody(const OutboxLease &lease, const QByteArray &body)
{
    if (!d->cipher)
        return OutboxError{OutboxErrorCode::InspectOnly, QStringLiteral("The outbox was opened without its key.")};
    const QByteArray sealed = d->cipher->seal(body, associatedData(lease.request.idempotencyKey));
    return d->updateLeased(
        lease,
        "UPDATE entries SET payload = ?3, payload_bytes = ?4, body_frozen = 1 WHERE id = ?1 AND lease_token = ?2 AND state = 2",
        [&](Statement &update) { update.bindBlob(3, sealed).bind(4, qint64(sealed.size())); },
        QStringLiteral("keeping the body of %1").arg(lease.request.localRef));
}

OutboxResult<QString> OutboxStore::rekey(const OutboxLease &lease, const QByteArray &body, const QString &reason)
{
    if (!d->cipher)
        return OutboxError{OutboxErrorCode::InspectOnly, QStringLiteral("The outbox was opened without its key.")};
    const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray sealed = d->cipher->seal(body, associatedData(key));
    // A new key starts a new idempotency window, and the entry is due at once.
    auto updated = d->updateLeased(
        lease,
        "UPDATE entries SET idempotency_key = ?3, payload = ?4, payload_bytes = ?5, body_frozen = 1, state = 1, "
        "next_attempt_at = ?6, not_before = 0, first_attempt_at = 0, last_error = ?7, lease_until = 0 "
        "WHERE id = ?1 AND lease_token = ?2 AND state = 2",
        [&](Statement &update) {
            update.bind(3, key).bindBlob(4, sealed).bind(5, qint64(sealed.size())).bind(6, d->now()).bind(7, reason);
        },
        QStringLiteral("giving %1 a new key").arg(lease.request.localRef));
    if (!updated)
        return updated.error();
    qCInfo(lcOutbox).noquote() << "entry" << lease.request.localRef << "goes again under a new key (" << reason
                               << "); the platform holds nothing under the old one";
    return key;
}

OutboxResult<int> OutboxStore::bringForwardRetries()
{
    // Only entries that failed before: a Retry-After the platform asked for still holds.
    Statement update(d->db, "UPDATE entries SET next_attempt_at = MAX(?1, not_before) "
                            "WHERE state = 1 AND attempts > 0 AND next_attempt_at > MAX(?1, not_before)");
    update.bind(1, d->now());
    const int rc = update.step();
    if (rc != SQLITE_DONE)
        return databaseError(d->db, rc, QStringLiteral("bringing retries forward"));
    const int changed = sqlite3_changes(d->db);
    if (changed > 0)
        qCInfo(lcOutbox) << "brought" << changed << "waiting entries forward: the platform answers again";
    return changed;
}

OutboxResult<OutboxOk> OutboxStore::markParked(const OutboxLease &lease, const QString &code)
{
    return d->finishLease(lease,
                          "UPDATE entries SET state = 4, last_error = ?3, lease_until = 0 "
                          "WHERE id = ?1 AND lease_token = ?2 AND state = 2",
                          code, 0, QStringLiteral("parking %1").arg(lease.request.localRef));
}

OutboxResult<int> OutboxStore::releaseLeases()
{
    if (auto done = d->exec("UPDATE entries SET state = 1, lease_until = 0 WHERE state = 2", QStringLiteral("releasing leases"));
        !done)
        return done.error();
    return int(sqlite3_changes(d->db));
}

OutboxResult<std::optional<qint64>> OutboxStore::nextDueAtMs() const
{
    Statement next(d->db, "SELECT MIN(CASE e.state WHEN 1 THEN e.next_attempt_at ELSE e.lease_until END) FROM entries e "
                          "WHERE e.state IN (1, 2) AND NOT " + QByteArray(blockedClause));
    const int rc = next.step();
    if (rc != SQLITE_ROW)
        return databaseError(d->db, rc, QStringLiteral("finding the next due entry"));
    if (next.isNull(0))
        return std::optional<qint64>();
    return std::optional<qint64>(next.integer(0));
}
