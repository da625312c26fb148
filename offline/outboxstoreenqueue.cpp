#include "outboxstore_p.h"

using namespace OutboxStorage;

// Enqueueing: a case with its materials, or an evaluation, written in one transaction with its
// idempotency key, within the size budget.

OutboxResult<QString> OutboxStore::Private::allocateLocalRef()
{
    Statement next(db, "UPDATE meta SET value = value + 1 WHERE name = 'next_seq' RETURNING value - 1");
    if (!next.prepared())
        return databaseError(db, next.prepareCode(), QStringLiteral("numbering the case"));
    int rc = next.step();
    if (rc != SQLITE_ROW)
        return databaseError(db, rc, QStringLiteral("numbering the case"));
    const qint64 sequence = next.integer(0);
    while ((rc = next.step()) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("numbering the case"));
    return QStringLiteral("%1-%2").arg(options.terminalId).arg(sequence, 6, 10, QLatin1Char('0'));
}

OutboxResult<qint64> OutboxStore::Private::insertEntry(EntryKind kind, const QString &localRef, const QString &itemCode,
                                                       const QString &materialId, const QString &contentType,
                                                       const QByteArray &plain, QString *idempotencyKey)
{
    *idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray sealed = cipher->seal(plain, associatedData(*idempotencyKey));
    Statement insert(db, "INSERT INTO entries (kind, local_ref, idempotency_key, item_code, material_id, content_type, "
                         "state, created_at, next_attempt_at, payload, payload_bytes) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?7, ?8, ?9)");
    insert.bind(1, qint64(kind))
        .bind(2, localRef)
        .bind(3, *idempotencyKey)
        .bind(4, itemCode)
        .bind(5, materialId)
        .bind(6, contentType)
        .bind(7, now())
        .bindBlob(8, sealed)
        .bind(9, qint64(sealed.size()));
    const int rc = insert.step();
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("queuing %1").arg(localRef));
    return qint64(sqlite3_last_insert_rowid(db));
}

OutboxResult<OutboxOk> OutboxStore::Private::insertDependency(qint64 entry, qint64 dependsOn, const QString &field, int position)
{
    Statement insert(db, "INSERT INTO dependencies (entry_id, depends_on, field, position) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, entry).bind(2, dependsOn).bind(3, field).bind(4, qint64(position));
    const int rc = insert.step();
    if (rc != SQLITE_DONE)
        return databaseError(db, rc, QStringLiteral("linking an entry to its dependency"));
    return OutboxOk{};
}

OutboxResult<qint64> OutboxStore::Private::payloadInUse() const
{
    Statement sum(db, "SELECT COALESCE(SUM(payload_bytes), 0) FROM entries WHERE state <> 3");
    const int rc = sum.step();
    if (rc != SQLITE_ROW)
        return databaseError(db, rc, QStringLiteral("measuring the queue"));
    return sum.integer(0);
}

OutboxResult<OutboxOk> OutboxStore::Private::checkBudget(qint64 estimatedBytes) const
{
    const OutboxResult<qint64> used = payloadInUse();
    if (!used)
        return used.error();
    if (used.value() + estimatedBytes > options.budgetBytes) {
        return OutboxError{OutboxErrorCode::BudgetExceeded,
                           QStringLiteral("The outbox holds %1 KiB of its %2 KiB budget; %3 KiB more cannot be queued "
                                          "until the platform is reachable again.")
                               .arg(used.value() / 1024)
                               .arg(options.budgetBytes / 1024)
                               .arg(estimatedBytes / 1024)};
    }
    // SQLite needs room for the WAL copy of every page it writes, hence twice the estimate.
    const QStorageInfo storage(options.stateDir);
    const qint64 reserve = 16LL * 1024 * 1024;
    if (storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < 2 * estimatedBytes + reserve) {
        return OutboxError{OutboxErrorCode::StorageFull,
                           QStringLiteral("The disk holding %1 has %2 MiB free, too little to queue more.")
                               .arg(options.stateDir)
                               .arg(storage.bytesAvailable() / (1024 * 1024))};
    }
    return OutboxOk{};
}

OutboxResult<QueuedCase> OutboxStore::enqueueCase(const CaseDraft &draft)
{
    if (!d->cipher)
        return OutboxError{OutboxErrorCode::InspectOnly, QStringLiteral("The outbox was opened without its key.")};
    const QJsonDocument document = QJsonDocument::fromJson(draft.body);
    if (!document.isObject() || draft.itemCode.isEmpty())
        return OutboxError{OutboxErrorCode::InvalidInput, QStringLiteral("A case needs an item code and a JSON object body.")};
    qint64 estimate = draft.body.size() + 256 + OutboxCipher::overhead;
    for (const MaterialDraft &material : draft.materials)
        estimate += material.content.size() + OutboxCipher::overhead;

    const QString what = QStringLiteral("queuing a case");
    if (auto begun = d->begin(what); !begun)
        return begun.error();
    // Everything below either commits together or not at all: the resident hears "queued" only
    // for a case whose every material is on disk with it.
    auto fail = [this](const OutboxError &error) {
        d->rollback();
        return error;
    };
    if (auto room = d->checkBudget(estimate); !room)
        return fail(room.error());
    const OutboxResult<QString> localRef = d->allocateLocalRef();
    if (!localRef)
        return fail(localRef.error());

    QueuedCase queued;
    queued.localRef = localRef.value();
    QList<qint64> materialIds;
    for (int i = 0; i < draft.materials.size(); ++i) {
        const MaterialDraft &material = draft.materials.at(i);
        const QString ref = QStringLiteral("%1-M%2").arg(queued.localRef).arg(i + 1);
        QString key;
        const OutboxResult<qint64> id = d->insertEntry(EntryKind::Material, ref, draft.itemCode, material.materialId,
                                                       material.contentType, material.content, &key);
        if (!id)
            return fail(id.error());
        materialIds.append(id.value());
        queued.materialRefs.append(ref);
    }

    QJsonObject body = document.object();
    body.insert(QStringLiteral("item_code"), draft.itemCode);
    body.insert(QStringLiteral("local_ref"), queued.localRef);
    body.insert(QStringLiteral("queued_at"), isoTime(d->now()));
    body.insert(QStringLiteral("materials"), QJsonArray());
    const OutboxResult<qint64> caseId = d->insertEntry(EntryKind::Case, queued.localRef, draft.itemCode, QString(),
                                                       QStringLiteral("application/json"),
                                                       QJsonDocument(body).toJson(QJsonDocument::Compact), &queued.idempotencyKey);
    if (!caseId)
        return fail(caseId.error());
    for (int i = 0; i < materialIds.size(); ++i) {
        if (auto linked = d->insertDependency(caseId.value(), materialIds.at(i), QStringLiteral("materials"), i); !linked)
            return fail(linked.error());
    }
    if (auto committed = d->commit(what); !committed)
        return committed.error();
    qCInfo(lcOutbox).noquote() << "queued case" << queued.localRef << "item" << draft.itemCode << "with"
                               << draft.materials.size() << "materials";
    return queued;
}

OutboxResult<QString> OutboxStore::enqueueEvaluation(const EvaluationDraft &draft)
{
    if (!d->cipher)
        return OutboxError{OutboxErrorCode::InspectOnly, QStringLiteral("The outbox was opened without its key.")};
    const QJsonDocument document = QJsonDocument::fromJson(draft.body);
    if (!document.isObject() || (draft.caseNo.isEmpty() && draft.caseLocalRef.isEmpty() && draft.serviceRef.isEmpty()))
        return OutboxError{OutboxErrorCode::InvalidInput,
                           QStringLiteral("An evaluation needs a JSON object body and the case or service it rates.")};

    const QString what = QStringLiteral("queuing an evaluation");
    if (auto begun = d->begin(what); !begun)
        return begun.error();
    auto fail = [this](const OutboxError &error) {
        d->rollback();
        return error;
    };
    if (auto room = d->checkBudget(draft.body.size() + 256); !room)
        return fail(room.error());

    QJsonObject body = document.object();
    std::optional<OutboxEntry> rated;
    if (!draft.serviceRef.isEmpty()) {
        body.insert(QStringLiteral("service_ref"), draft.serviceRef);
    } else if (draft.caseNo.isEmpty()) {
        const OutboxResult<std::optional<OutboxEntry>> found = d->entryByRef(draft.caseLocalRef);
        if (!found)
            return fail(found.error());
        if (!found.value() || found.value()->kind != EntryKind::Case)
            return fail({OutboxErrorCode::NotFound, QStringLiteral("No queued case %1 to rate.").arg(draft.caseLocalRef)});
        rated = found.value();
        if (rated->state == EntryState::Delivered)
            body.insert(QStringLiteral("case_no"), rated->resultRef);
    } else {
        body.insert(QStringLiteral("case_no"), draft.caseNo);
    }
    const OutboxResult<QString> localRef = d->allocateLocalRef();
    if (!localRef)
        return fail(localRef.error());
    const QString ref = localRef.value() + QStringLiteral("-E");
    QString key;
    const OutboxResult<qint64> id = d->insertEntry(EntryKind::Evaluation, ref, rated ? rated->itemCode : QString(), QString(),
                                                   QStringLiteral("application/json"),
                                                   QJsonDocument(body).toJson(QJsonDocument::Compact), &key);
    if (!id)
        return fail(id.error());
    if (rated && rated->state != EntryState::Delivered) {
        if (auto linked = d->insertDependency(id.value(), rated->id, QStringLiteral("case_no"), -1); !linked)
            return fail(linked.error());
    }
    if (auto committed = d->commit(what); !committed)
        return committed.error();
    qCInfo(lcOutbox).noquote() << "queued evaluation" << ref;
    return ref;
}

OutboxResult<QString> OutboxStore::enqueueComplaint(const ComplaintDraft &draft)
{
    if (!d->cipher)
        return OutboxError{OutboxErrorCode::InspectOnly, QStringLiteral("The outbox was opened without its key.")};
    const QJsonDocument document = QJsonDocument::fromJson(draft.body);
    if (!document.isObject() || document.object().value(QLatin1String("text")).toString().trimmed().isEmpty())
        return OutboxError{OutboxErrorCode::InvalidInput, QStringLiteral("A complaint needs a JSON object body with its text.")};

    const QString what = QStringLiteral("queuing a complaint");
    if (auto begun = d->begin(what); !begun)
        return begun.error();
    auto fail = [this](const OutboxError &error) {
        d->rollback();
        return error;
    };
    if (auto room = d->checkBudget(draft.body.size() + 256); !room)
        return fail(room.error());
    const OutboxResult<QString> localRef = d->allocateLocalRef();
    if (!localRef)
        return fail(localRef.error());
    const QString ref = localRef.value() + QStringLiteral("-C");
    QString key;
    const OutboxResult<qint64> id = d->insertEntry(EntryKind::Complaint, ref, draft.itemCode, QString(), QStringLiteral("application/json"),
                                                   QJsonDocument(document.object()).toJson(QJsonDocument::Compact), &key);
    if (!id)
        return fail(id.error());
    if (auto committed = d->commit(what); !committed)
        return committed.error();
    qCInfo(lcOutbox).noquote() << "queued complaint" << ref;
    return ref;
}
