#include "outboxfixture.h"
#include "outboxstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QUuid>
#include <QTest>

#include <sqlite3.h>

using namespace OutboxFixture;

namespace {

// Runs SQL against the outbox file behind the store's back, the way a disk fault or an attacker
// with file access would.
bool execRaw(const QString &path, const QByteArray &sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

QByteArray queryRaw(const QString &path, const QByteArray &sql)
{
    sqlite3 *db = nullptr;
    QByteArray value;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) == SQLITE_OK) {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr) == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW) {
            if (sqlite3_column_type(statement, 0) == SQLITE_NULL)
                value = "NULL";
            else
                value = QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, 0)), sqlite3_column_bytes(statement, 0));
        }
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return value;
}

} // namespace

class TestOutboxStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_key;
    ManualClock m_clock;

    std::unique_ptr<OutboxStore> open(OutboxOptions custom = {})
    {
        OutboxOptions opts = custom.stateDir.isEmpty() ? options(m_dir->path(), m_key, &m_clock) : custom;
        OutboxResult<std::unique_ptr<OutboxStore>> store = OutboxStore::open(opts);
        if (!store) {
            qWarning() << store.error().message;
            return {};
        }
        return std::move(store).value();
    }

    static OutboxLease leaseOrFail(OutboxStore &store)
    {
        OutboxResult<std::optional<OutboxLease>> lease = store.leaseNext();
        if (!lease || !lease.value())
            return {};
        return *lease.value();
    }

    static EntryState stateOf(OutboxStore &store, const QString &ref)
    {
        const auto found = store.find(ref);
        return found && found.value() ? found.value()->state : EntryState(0);
    }

    // Delivers everything that is due, answering materials and cases with made-up references.
    static QStringList drain(OutboxStore &store)
    {
        QStringList sent;
        for (int i = 0; i < 100; ++i) {
            const OutboxLease lease = leaseOrFail(store);
            if (lease.id == 0)
                break;
            sent.append(lease.request.localRef);
            const QString reference = lease.request.kind == EntryKind::Material ? QStringLiteral("M-%1").arg(lease.id)
                                                                                : QStringLiteral("3401032026112300%1").arg(lease.id, 4, 10, QLatin1Char('0'));
            if (!store.markDelivered(lease, reference))
                break;
        }
        return sent;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_key = createKeyFile(m_dir->path());
        m_clock = ManualClock{};
    }

    void enqueueGivesLocalReferencesAndOneKeyPerEntry()
    {
        auto store = open();
        QVERIFY(store);
        const OutboxResult<QueuedCase> queued = store->enqueueCase(caseDraft(2));
        QVERIFY2(queued.ok(), qPrintable(queued.error().message));
        QCOMPARE(queued->localRef, QStringLiteral("T340103000017-000001"));
        QCOMPARE(queued->materialRefs, (QStringList{QStringLiteral("T340103000017-000001-M1"), QStringLiteral("T340103000017-000001-M2")}));
        QVERIFY(!QUuid::fromString(queued->idempotencyKey).isNull());

        const OutboxResult<QueuedCase> second = store->enqueueCase(caseDraft(0));
        QCOMPARE(second->localRef, QStringLiteral("T340103000017-000002"));
        QVERIFY(second->idempotencyKey != queued->idempotencyKey);

        const auto all = store->entries();
        QCOMPARE(all->size(), 4);
        QSet<QString> keys;
        for (const OutboxEntry &entry : all.value()) {
            QCOMPARE(entry.state, EntryState::Pending);
            keys.insert(entry.idempotencyKey);
        }
        QCOMPARE(keys.size(), 4);
    }

    void referencesCarryTheTerminalIdOnceEnrolledWhileRunning()
    {
        auto store = open();
        QVERIFY(store);
        store->setTerminalId(QStringLiteral("T340103000099"));
        const OutboxResult<QueuedCase> queued = store->enqueueCase(caseDraft(0));
        QVERIFY2(queued.ok(), qPrintable(queued.error().message));
        QCOMPARE(queued->localRef, QStringLiteral("T340103000099-000001"));
    }

    void enqueuedCaseSurvivesReopening()
    {
        QString ref;
        {
            auto store = open();
            ref = store->enqueueCase(caseDraft(1))->localRef;
        }
        auto store = open();
        QVERIFY(store);
        QCOMPARE(stateOf(*store, ref), EntryState::Pending);
        QCOMPARE(store->stats()->pending, 2);
    }

    void rejectsMalformedDraft()
    {
        auto store = open();
        CaseDraft draft = caseDraft(0);
        draft.body = "[1,2]";
        QCOMPARE(store->enqueueCase(draft).error().code, OutboxErrorCode::InvalidInput);
        QCOMPARE(store->entries()->size(), 0);
    }

    void personalDataNeverReachesTheDiskInClear()
    {
        auto store = open();
        QVERIFY(store->enqueueCase(caseDraft(2)).ok());
        QVERIFY(store->enqueueEvaluation({R"({"score":5,"comment":"张三丰 was served well"})", QStringLiteral("34010320261123000001"), {}}).ok());
        QByteArray disk;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            disk += readAll(store->filePath() + suffix);
        QVERIFY(disk.size() > 8192);
        QVERIFY(!disk.contains(residentName.toUtf8()));
        QVERIFY(!disk.contains(residentIdNumber.toLatin1()));
        QVERIFY(!disk.contains("13912345678"));
        QVERIFY(!disk.contains(QByteArray(64, 'a')));
    }

    void materialsGoBeforeTheirCase()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(2)).value();
        const OutboxLease first = leaseOrFail(*store);
        const OutboxLease second = leaseOrFail(*store);
        QCOMPARE(first.request.localRef, queued.materialRefs.at(0));
        QCOMPARE(first.request.kind, EntryKind::Material);
        QCOMPARE(first.request.materialId, QStringLiteral("household_book_1"));
        QCOMPARE(first.request.contentType, QStringLiteral("image/jpeg"));
        QCOMPARE(first.request.body, material(QStringLiteral("x"), 4096, 'a').content);
        QCOMPARE(second.request.localRef, queued.materialRefs.at(1));
        // The case waits while any material is still in flight.
        QCOMPARE(leaseOrFail(*store).id, qint64(0));
        QVERIFY(store->find(queued.localRef).value()->waiting);
        QVERIFY(store->markDelivered(first, QStringLiteral("M-first")).ok());
        QCOMPARE(leaseOrFail(*store).id, qint64(0));
        QVERIFY(store->markDelivered(second, QStringLiteral("M-second")).ok());
        QCOMPARE(leaseOrFail(*store).request.localRef, queued.localRef);
    }

    void caseIsSentWithItsMaterialReferences()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(2)).value();
        QVERIFY(store->markDelivered(leaseOrFail(*store), QStringLiteral("M-111")).ok());
        QVERIFY(store->markDelivered(leaseOrFail(*store), QStringLiteral("M-222")).ok());
        const OutboxLease lease = leaseOrFail(*store);
        QCOMPARE(lease.request.kind, EntryKind::Case);
        QCOMPARE(lease.request.idempotencyKey, queued.idempotencyKey);
        const QJsonObject body = QJsonDocument::fromJson(lease.request.body).object();
        QCOMPARE(body.value(QStringLiteral("materials")).toArray(), (QJsonArray{QStringLiteral("M-111"), QStringLiteral("M-222")}));
        QCOMPARE(body.value(QStringLiteral("local_ref")).toString(), queued.localRef);
        QCOMPARE(body.value(QStringLiteral("item_code")).toString(), itemCode);
        QVERIFY(!body.value(QStringLiteral("queued_at")).toString().isEmpty());
        QCOMPARE(body.value(QStringLiteral("applicant")).toObject().value(QStringLiteral("id_number")).toString(), residentIdNumber);
    }

    void everyAttemptSendsTheSameKeyAndBody()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(0)).value();
        const OutboxLease first = leaseOrFail(*store);
        QVERIFY(store->markTransient(first, m_clock.nowMs + 1000, QStringLiteral("unavailable")).ok());
        QCOMPARE(leaseOrFail(*store).id, qint64(0));
        m_clock.nowMs += 1000;
        const OutboxLease second = leaseOrFail(*store);
        QCOMPARE(second.request.idempotencyKey, queued.idempotencyKey);
        QCOMPARE(second.request.body, first.request.body);
        QCOMPARE(second.request.attempt, 2);
        QCOMPARE(second.backoffStep, 1);
        QCOMPARE(store->find(queued.localRef).value()->lastError, QStringLiteral("unavailable"));
    }

    void aFrozenBodyGoesOutByteForByteOnEveryLaterAttempt()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(0)).value();
        const OutboxLease first = leaseOrFail(*store);
        QVERIFY(!first.bodyFrozen);
        // What the sender decided at the first send, e.g. without a holder token about to expire.
        const QByteArray decided = QJsonDocument(QJsonObject{{QStringLiteral("decided"), QStringLiteral("at the first send")},
                                                             {QStringLiteral("local_ref"), queued.localRef}})
                                       .toJson(QJsonDocument::Compact);
        QVERIFY(store->freezeBody(first, decided).ok());
        QVERIFY(store->markTransient(first, m_clock.nowMs, QStringLiteral("network")).ok());
        const OutboxLease second = leaseOrFail(*store);
        QVERIFY(second.bodyFrozen);
        QCOMPARE(second.request.body, decided);
        QCOMPARE(second.request.idempotencyKey, queued.idempotencyKey);
        // It stays sealed at rest like any body: the file never holds it in clear.
        QVERIFY(!readAll(store->filePath()).contains("at the first send"));
        // A stale lease cannot change it any more.
        QCOMPARE(store->freezeBody(first, "{}").error().code, OutboxErrorCode::InvalidState);
    }

    void aFrozenCaseKeepsTheMaterialReferencesItWasSentWith()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(1)).value();
        const OutboxLease material = leaseOrFail(*store);
        QVERIFY(store->markDelivered(material, QStringLiteral("M-FIRST")).ok());
        const OutboxLease first = leaseOrFail(*store);
        QCOMPARE(first.request.localRef, queued.localRef);
        QVERIFY(first.request.body.contains("M-FIRST"));
        QVERIFY(store->freezeBody(first, first.request.body).ok());
        QVERIFY(store->markTransient(first, m_clock.nowMs, QStringLiteral("network")).ok());
        QCOMPARE(leaseOrFail(*store).request.body, first.request.body);
    }

    void aNewKeyIsGivenOnlyWithANewBodyThatIsDueAtOnce()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(0)).value();
        const OutboxLease first = leaseOrFail(*store);
        QVERIFY(store->freezeBody(first, R"({"holder_token":"t"})").ok());
        QVERIFY(store->markTransient(first, m_clock.nowMs, QStringLiteral("network")).ok());
        m_clock.nowMs += 3LL * 24 * 3600'000;
        const OutboxLease refused = leaseOrFail(*store);
        QCOMPARE(refused.request.body, QByteArray(R"({"holder_token":"t"})"));
        const OutboxResult<QString> key = store->rekey(refused, R"({"without":"token"})", QStringLiteral("holder_token_expired"));
        QVERIFY(key.ok());
        QVERIFY(key.value() != queued.idempotencyKey);
        const OutboxLease again = leaseOrFail(*store);
        QCOMPARE(again.request.idempotencyKey, key.value());
        QCOMPARE(again.request.body, QByteArray(R"({"without":"token"})"));
        QVERIFY(again.bodyFrozen);
        const OutboxEntry entry = store->find(queued.localRef).value().value();
        QCOMPARE(entry.idempotencyKey, key.value());
        QCOMPARE(entry.lastError, QStringLiteral("holder_token_expired"));
        // The new key starts its own idempotency window: eight days after the entry was first
        // tried, five after the new key was, it is still sent rather than parked.
        QVERIFY(store->markTransient(again, m_clock.nowMs, QStringLiteral("network")).ok());
        m_clock.nowMs += 5LL * 24 * 3600'000;
        QCOMPARE(leaseOrFail(*store).request.idempotencyKey, key.value());
    }

    void theQueueIsBroughtForwardButNeverBeforeARetryAfter()
    {
        auto store = open();
        const QString backingOff = store->enqueueCase(caseDraft(0)).value().localRef;
        const QString rateLimited = store->enqueueCase(caseDraft(0)).value().localRef;
        const QString parked = store->enqueueCase(caseDraft(0)).value().localRef;
        const qint64 start = m_clock.nowMs;
        QVERIFY(store->markTransient(leaseOrFail(*store), start + 600'000, QStringLiteral("network")).ok());
        QVERIFY(store->markTransient(leaseOrFail(*store), start + 600'000, QStringLiteral("rate_limited"), start + 120'000).ok());
        QVERIFY(store->markParked(leaseOrFail(*store), QStringLiteral("validation_failed")).ok());
        const QString fresh = store->enqueueCase(caseDraft(0)).value().localRef;
        m_clock.nowMs += 5000;

        QCOMPARE(store->bringForwardRetries().value(), 2);
        QCOMPARE(store->find(backingOff).value()->nextAttemptAtMs, m_clock.nowMs);
        QCOMPARE(store->find(rateLimited).value()->nextAttemptAtMs, start + 120'000);
        QCOMPARE(stateOf(*store, parked), EntryState::Parked);
        QCOMPARE(store->find(fresh).value()->nextAttemptAtMs, start);
        QCOMPARE(store->bringForwardRetries().value(), 0);
        QCOMPARE(leaseOrFail(*store).request.localRef, fresh);
        QCOMPARE(leaseOrFail(*store).request.localRef, backingOff);
        QCOMPARE(leaseOrFail(*store).id, qint64(0)); // the rate-limited one waits its two minutes
    }

    void evaluationOfQueuedCaseCarriesItsCaseNumber()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(0)).value();
        const OutboxResult<QString> evaluation =
            store->enqueueEvaluation({R"({"score":2,"tags":["slow"],"anonymous":true})", {}, queued.localRef});
        QVERIFY2(evaluation.ok(), qPrintable(evaluation.error().message));
        const OutboxLease caseLease = leaseOrFail(*store);
        QCOMPARE(caseLease.request.localRef, queued.localRef);
        QCOMPARE(leaseOrFail(*store).id, qint64(0));
        QVERIFY(store->markDelivered(caseLease, QStringLiteral("34010320261123000123")).ok());
        const OutboxLease rating = leaseOrFail(*store);
        QCOMPARE(rating.request.kind, EntryKind::Evaluation);
        QCOMPARE(QJsonDocument::fromJson(rating.request.body).object().value(QStringLiteral("case_no")).toString(),
                 QStringLiteral("34010320261123000123"));
    }

    void evaluationOfUnknownCaseIsRefused()
    {
        auto store = open();
        QCOMPARE(store->enqueueEvaluation({R"({"score":5})", {}, QStringLiteral("T340103000017-000099")}).error().code,
                 OutboxErrorCode::NotFound);
    }

    void deliveryErasesPersonalDataAndKeepsATombstone()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(1)).value();
        QCOMPARE(drain(*store).size(), 2);
        const OutboxEntry tombstone = store->find(queued.localRef).value().value();
        QCOMPARE(tombstone.state, EntryState::Delivered);
        QVERIFY(tombstone.resultRef.startsWith(QStringLiteral("3401032026112300")));
        QCOMPARE(tombstone.itemCode, itemCode);
        QCOMPARE(tombstone.deliveredAtMs, m_clock.nowMs);
        QCOMPARE(tombstone.payloadBytes, qint64(0));
        QCOMPARE(store->stats()->delivered, 2);
        QCOMPARE(store->stats()->pending, 0);
        const QString file = store->filePath();
        store.reset();
        QCOMPARE(queryRaw(file, "SELECT COUNT(*) FROM entries WHERE payload IS NOT NULL").toInt(), 0);
        QCOMPARE(queryRaw(file, "SELECT payload FROM entries WHERE local_ref = '" + queued.localRef.toLatin1() + "'"), QByteArray("NULL"));
    }

    void permanentFailureParksForStaff()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(0)).value();
        QVERIFY(store->markParked(leaseOrFail(*store), QStringLiteral("validation_failed")).ok());
        m_clock.nowMs += 3600'000;
        QCOMPARE(leaseOrFail(*store).id, qint64(0));
        const OutboxEntry parked = store->find(queued.localRef).value().value();
        QCOMPARE(parked.state, EntryState::Parked);
        QCOMPARE(parked.lastError, QStringLiteral("validation_failed"));
        QCOMPARE(store->stats()->parked, 1);
    }

    void staffRetryReArmsParkedEntryAndItsMaterials()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(1)).value();
        QVERIFY(store->markParked(leaseOrFail(*store), QStringLiteral("bad_request")).ok());
        QCOMPARE(leaseOrFail(*store).id, qint64(0));
        const OutboxResult<QStringList> retried = store->retry(queued.localRef, QStringLiteral("staff-1"));
        QVERIFY2(retried.ok(), qPrintable(retried.error().message));
        QCOMPARE(retried.value(), (QStringList{queued.localRef, queued.materialRefs.first()}));
        QCOMPARE(leaseOrFail(*store).request.localRef, queued.materialRefs.first());
        QVERIFY(readAll(store->auditFilePath()).contains("retry by=staff-1 refs=" + queued.localRef.toLatin1()));
    }

    void staffParkStopsAPendingEntry()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(0)).value();
        QVERIFY(store->park(queued.localRef, QStringLiteral("staff-2")).ok());
        QCOMPARE(stateOf(*store, queued.localRef), EntryState::Parked);
        QCOMPARE(store->find(queued.localRef).value()->lastError, QStringLiteral("parked_by_staff"));
        QCOMPARE(leaseOrFail(*store).id, qint64(0));
        QCOMPARE(store->park(queued.localRef, QStringLiteral("staff-2")).error().code, OutboxErrorCode::InvalidState);
        QCOMPARE(store->park(QStringLiteral("T0-000404"), QStringLiteral("staff-2")).error().code, OutboxErrorCode::NotFound);
    }

    void discardRemovesCaseWithItsMaterialsAndIsAudited()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(2)).value();
        const QString evaluation = store->enqueueEvaluation({R"({"score":4})", {}, queued.localRef}).value();
        const QueuedCase other = store->enqueueCase(caseDraft(0)).value();
        const OutboxResult<QStringList> removed = store->discard(queued.localRef, QStringLiteral("staff-3"));
        QVERIFY2(removed.ok(), qPrintable(removed.error().message));
        QCOMPARE(QSet<QString>(removed->begin(), removed->end()),
                 (QSet<QString>{queued.localRef, evaluation, queued.materialRefs.at(0), queued.materialRefs.at(1)}));
        QCOMPARE(store->entries()->size(), 1);
        QCOMPARE(store->entries()->first().localRef, other.localRef);
        const QByteArray audit = readAll(store->auditFilePath());
        QVERIFY(audit.contains(" discard by=staff-3 refs="));
        QVERIFY(audit.contains(queued.materialRefs.at(1).toLatin1()));
    }

    void discardRefusesDeliveredOrSendingEntries()
    {
        auto store = open();
        const QueuedCase delivered = store->enqueueCase(caseDraft(0)).value();
        drain(*store);
        QCOMPARE(store->discard(delivered.localRef, QStringLiteral("s")).error().code, OutboxErrorCode::InvalidState);
        const QueuedCase sending = store->enqueueCase(caseDraft(0)).value();
        const OutboxLease lease = leaseOrFail(*store);
        QCOMPARE(lease.request.localRef, sending.localRef);
        QCOMPARE(store->discard(sending.localRef, QStringLiteral("s")).error().code, OutboxErrorCode::InvalidState);
        QCOMPARE(stateOf(*store, sending.localRef), EntryState::Sending);
    }

    void expiredLeaseIsTakenAgainAndTheOldHolderIsRefused()
    {
        auto store = open();
        QVERIFY(store->enqueueCase(caseDraft(0)).ok());
        const OutboxLease first = leaseOrFail(*store);
        QVERIFY(first.id != 0);
        QCOMPARE(leaseOrFail(*store).id, qint64(0));
        m_clock.nowMs += 300'000;
        const OutboxLease second = leaseOrFail(*store);
        QCOMPARE(second.id, first.id);
        QVERIFY(second.token != first.token);
        QCOMPARE(store->markDelivered(first, QStringLiteral("stale")).error().code, OutboxErrorCode::InvalidState);
        QVERIFY(store->markDelivered(second, QStringLiteral("3401")).ok());
        QCOMPARE(store->find(second.request.localRef).value()->resultRef, QStringLiteral("3401"));
    }

    void clockSetBackDoesNotStrandEntries()
    {
        auto store = open();
        const QueuedCase waiting = store->enqueueCase(caseDraft(0)).value();
        const QueuedCase leased = store->enqueueCase(caseDraft(0)).value();
        // Written while the kiosk's clock ran a year ahead.
        m_clock.nowMs += 365LL * 24 * 3600'000;
        QVERIFY(store->markTransient(leaseOrFail(*store), m_clock.nowMs + 60'000, QStringLiteral("network")).ok());
        QCOMPARE(leaseOrFail(*store).request.localRef, leased.localRef);
        m_clock.nowMs -= 365LL * 24 * 3600'000;
        QStringList taken;
        for (int i = 0; i < 2; ++i)
            taken.append(leaseOrFail(*store).request.localRef);
        QCOMPARE(QSet<QString>(taken.begin(), taken.end()), (QSet<QString>{waiting.localRef, leased.localRef}));
    }

    void releaseLeasesFreesEntriesAtOnce()
    {
        auto store = open();
        QVERIFY(store->enqueueCase(caseDraft(0)).ok());
        QVERIFY(leaseOrFail(*store).id != 0);
        QCOMPARE(store->releaseLeases().value(), 1);
        QVERIFY(leaseOrFail(*store).id != 0);
    }

    void nextDueFollowsTheEarliestRetry()
    {
        auto store = open();
        QVERIFY(!store->nextDueAtMs().value());
        QVERIFY(store->enqueueCase(caseDraft(0)).ok());
        QVERIFY(store->markTransient(leaseOrFail(*store), m_clock.nowMs + 5000, QStringLiteral("rate_limited")).ok());
        QCOMPARE(store->nextDueAtMs().value(), std::optional<qint64>(m_clock.nowMs + 5000));
    }

    void alteredPayloadIsParkedAsTampered_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::newRow("a flipped byte") << QByteArray("UPDATE entries SET payload = substr(payload, 1, 20) || X'00' || substr(payload, 22) WHERE kind = 2");
        QTest::newRow("payload swapped in from another entry")
            << QByteArray("UPDATE entries SET payload = (SELECT payload FROM entries WHERE kind = 2 ORDER BY id DESC LIMIT 1) "
                          "WHERE id = (SELECT MIN(id) FROM entries WHERE kind = 2)");
    }
    void alteredPayloadIsParkedAsTampered()
    {
        QFETCH(QByteArray, sql);
        QString file;
        QueuedCase first;
        {
            auto store = open();
            first = store->enqueueCase(caseDraft(0)).value();
            QVERIFY(store->enqueueCase(caseDraft(0)).ok());
            file = store->filePath();
        }
        QVERIFY(execRaw(file, sql));
        auto store = open();
        QVERIFY(store);
        QVERIFY(store->leaseNext().ok());
        const OutboxEntry parked = store->find(first.localRef).value().value();
        QCOMPARE(parked.state, EntryState::Parked);
        QCOMPARE(parked.lastError, QStringLiteral("tampered"));
    }

    void wrongKeyIsAClearStartupError()
    {
        QString file;
        {
            auto store = open();
            QVERIFY(store->enqueueCase(caseDraft(0)).ok());
            file = store->filePath();
        }
        const QString otherKey = createKeyFile(m_dir->path(), QStringLiteral("other.key"));
        const auto refused = OutboxStore::open(options(m_dir->path(), otherKey, &m_clock));
        QCOMPARE(refused.error().code, OutboxErrorCode::KeyMismatch);
        QVERIFY(refused.error().message.contains(otherKey));
        QCOMPARE(queryRaw(file, "SELECT COUNT(*) FROM entries").toInt(), 1);
    }

    void aStaffToolTellsAWrongKeyWithoutTouchingTheOutbox()
    {
        QString file;
        {
            auto store = open();
            QVERIFY(store->enqueueCase(caseDraft(0)).ok());
            file = store->filePath();
        }
        const QByteArray before = readAll(file);
        OutboxOptions check = options(m_dir->path(), m_key, &m_clock);
        QVERIFY(OutboxStore::verifyKey(check).ok());
        check.keyFile = createKeyFile(m_dir->path(), QStringLiteral("other.key"));
        const OutboxResult<OutboxOk> wrong = OutboxStore::verifyKey(check);
        QCOMPARE(wrong.error().code, OutboxErrorCode::KeyMismatch);
        QVERIFY(wrong.error().message.contains(check.keyFile));
        check.keyFile = m_dir->filePath(QStringLiteral("absent.key"));
        QCOMPARE(OutboxStore::verifyKey(check).error().code, OutboxErrorCode::KeyMissing);
        QCOMPARE(readAll(file), before);

        // Before the kiosk ever started there is no outbox yet: a usable key is all there is to check.
        QTemporaryDir empty;
        QVERIFY(OutboxStore::verifyKey(options(empty.path(), m_key, &m_clock)).ok());
        QVERIFY(!QFile::exists(QDir(empty.path()).filePath(QStringLiteral("outbox.db"))));
    }

    void missingKeyOpensNothing()
    {
        const auto refused = OutboxStore::open(options(m_dir->path(), m_dir->filePath(QStringLiteral("absent.key")), &m_clock));
        QCOMPARE(refused.error().code, OutboxErrorCode::KeyMissing);
        QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("outbox.db"))));
    }

    void inspectionNeedsNoKeyAndCannotEnqueue()
    {
        {
            auto store = open();
            QVERIFY(store->enqueueCase(caseDraft(1)).ok());
        }
        auto inspector = open(options(m_dir->path(), QString(), &m_clock));
        QVERIFY(inspector);
        QVERIFY(inspector->inspectOnly());
        QCOMPARE(inspector->stats()->pending, 2);
        QCOMPARE(inspector->enqueueCase(caseDraft(0)).error().code, OutboxErrorCode::InspectOnly);
        QCOMPARE(inspector->leaseNext().error().code, OutboxErrorCode::InspectOnly);

        QTemporaryDir empty;
        QCOMPARE(OutboxStore::open(options(empty.path(), QString(), &m_clock)).error().code, OutboxErrorCode::NotFound);
    }

    void retentionPrunesOnlyOldTombstones()
    {
        auto store = open();
        const QueuedCase old = store->enqueueCase(caseDraft(0)).value();
        drain(*store);
        m_clock.nowMs += 10LL * 24 * 3600'000;
        const QueuedCase recent = store->enqueueCase(caseDraft(0)).value();
        drain(*store);
        const QueuedCase pending = store->enqueueCase(caseDraft(0)).value();
        QCOMPARE(store->pruneDeliveredBefore(m_clock.nowMs - 5LL * 24 * 3600'000).value(), 1);
        QVERIFY(!store->find(old.localRef).value());
        QCOMPARE(stateOf(*store, recent.localRef), EntryState::Delivered);
        QCOMPARE(stateOf(*store, pending.localRef), EntryState::Pending);
    }

    void retentionKeepsMaterialReferencesAPendingCaseNeeds()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(1)).value();
        QVERIFY(store->markDelivered(leaseOrFail(*store), QStringLiteral("M-kept")).ok());
        QVERIFY(store->markParked(leaseOrFail(*store), QStringLiteral("item_closed")).ok());
        m_clock.nowMs += 100LL * 24 * 3600'000;
        QCOMPARE(store->pruneDeliveredBefore(m_clock.nowMs).value(), 0);
        QVERIFY(store->retry(queued.localRef, QStringLiteral("s")).ok());
        const OutboxLease lease = leaseOrFail(*store);
        QCOMPARE(QJsonDocument::fromJson(lease.request.body).object().value(QStringLiteral("materials")).toArray(),
                 QJsonArray{QStringLiteral("M-kept")});
    }

    void budgetRefusesBeforeTheResidentStarts()
    {
        OutboxOptions opts = options(m_dir->path(), m_key, &m_clock);
        opts.budgetBytes = 64 * 1024;
        auto store = open(opts);
        QVERIFY(store->canAccept(20 * 1024).ok());
        QVERIFY(store->enqueueCase(caseDraft(2, 20 * 1024)).ok());
        const OutboxResult<OutboxOk> full = store->canAccept(40 * 1024);
        QCOMPARE(full.error().code, OutboxErrorCode::BudgetExceeded);
        QCOMPARE(store->enqueueCase(caseDraft(2, 20 * 1024)).error().code, OutboxErrorCode::BudgetExceeded);
        QCOMPARE(store->stats()->pending, 3);
        // Delivery frees the budget again.
        drain(*store);
        QVERIFY(store->canAccept(40 * 1024).ok());
    }

    void fullDiskIsATypedErrorAndLosesNothing()
    {
        OutboxOptions opts = options(m_dir->path(), m_key, &m_clock);
        opts.maxFileBytes = 96 * 1024;
        auto store = open(opts);
        QVERIFY(store);
        QStringList queued;
        OutboxError failure;
        for (int i = 0; i < 100; ++i) {
            const OutboxResult<QueuedCase> result = store->enqueueCase(caseDraft(1, 6 * 1024));
            if (!result) {
                failure = result.error();
                break;
            }
            queued.append(result->localRef);
        }
        QCOMPARE(failure.code, OutboxErrorCode::StorageFull);
        QVERIFY(failure.message.contains(QStringLiteral("nothing already stored was lost")));
        QVERIFY(queued.size() >= 2);
        QCOMPARE(store->stats()->pending, 2 * queued.size());
        QCOMPARE(store->integrityCheck().value(), QStringLiteral("ok"));
        store.reset();

        auto reopened = open();
        QVERIFY(reopened);
        QStringList sent = drain(*reopened);
        for (const QString &ref : std::as_const(queued))
            QVERIFY2(sent.contains(ref), qPrintable(ref));
        QVERIFY(reopened->enqueueCase(caseDraft(1, 6 * 1024)).ok());
    }

    void corruptFileIsMovedAsideAndAFreshOneStarted_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<int>("length");
        QTest::newRow("garbage header") << qint64(0) << 100;
        QTest::newRow("garbage page") << qint64(4096 * 3) << 4096;
    }
    void corruptFileIsMovedAsideAndAFreshOneStarted()
    {
        QFETCH(qint64, offset);
        QFETCH(int, length);
        QString file;
        {
            auto store = open();
            for (int i = 0; i < 4; ++i)
                QVERIFY(store->enqueueCase(caseDraft(2, 8 * 1024)).ok());
            file = store->filePath();
        }
        {
            QFile damaged(file);
            QVERIFY(damaged.open(QIODevice::ReadWrite));
            QVERIFY(damaged.size() > offset + length);
            damaged.seek(offset);
            QByteArray garbage(length, Qt::Uninitialized);
            for (int i = 0; i < length; ++i)
                garbage[i] = char((i * 131 + 7) & 0xff);
            damaged.write(garbage);
        }
        // kioskctl, which only inspects, reports the damage and moves nothing.
        const auto inspected = OutboxStore::open(options(m_dir->path(), QString(), &m_clock));
        QCOMPARE(inspected.error().code, OutboxErrorCode::Corrupt);
        QVERIFY(QFile::exists(file));

        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("outbox file was damaged.*moved to")));
        auto store = open();
        QVERIFY(store);
        QVERIFY(store->health().recoveredFromCorruption);
        QVERIFY(store->health().corruptFileMovedTo.startsWith(file + QStringLiteral(".corrupt-")));
        QVERIFY(QFile::exists(store->health().corruptFileMovedTo));
        // Staff tools find it after any restart, until a person removes it.
        QCOMPARE(OutboxStore::damagedFilesSetAside(m_dir->path()), QStringList{store->health().corruptFileMovedTo});
        QCOMPARE(store->stats()->pending, 0);
        QCOMPARE(store->integrityCheck().value(), QStringLiteral("ok"));
        // Receipts printed from the damaged file carry T…-000001 to -000004: never again.
        const OutboxResult<QueuedCase> fresh = store->enqueueCase(caseDraft(0));
        QVERIFY(fresh.ok());
        QVERIFY2(fresh->localRef.section(QLatin1Char('-'), 1).toInt() > 4, qPrintable(fresh->localRef));
    }

    void aDamagedIndexThatAQuickCheckWouldMissIsFoundAtStart()
    {
        QString file;
        {
            auto store = open();
            for (int i = 0; i < 3; ++i)
                QVERIFY(store->enqueueCase(caseDraft(1)).ok());
            file = store->filePath();
        }
        // The index no longer matches its table (as a torn write to its pages would leave it):
        // every page still reads, so only the full integrity check can tell.
        QVERIFY(execRaw(file, "PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql = "
                              "'CREATE INDEX entries_due ON entries (next_attempt_at, state)' WHERE name = 'entries_due';"));
        QCOMPARE(queryRaw(file, "PRAGMA quick_check"), QByteArray("ok"));
        QVERIFY(queryRaw(file, "PRAGMA integrity_check") != "ok");

        QTest::ignoreMessage(QtCriticalMsg, QRegularExpression(QStringLiteral("outbox file was damaged.*missing from index")));
        auto store = open();
        QVERIFY(store);
        QVERIFY(store->health().recoveredFromCorruption);
        QVERIFY(store->health().corruptionDetail.contains(QLatin1String("entries_due")));
        QCOMPARE(store->integrityCheck().value(), QStringLiteral("ok"));
        QCOMPARE(OutboxStore::damagedFilesSetAside(m_dir->path()).size(), 1);
    }

    void entryFirstTriedTooLongAgoIsParkedNotResent()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(0)).value();
        QVERIFY(store->markTransient(leaseOrFail(*store), m_clock.nowMs + 1000, QStringLiteral("network")).ok());
        m_clock.nowMs += 5LL * 24 * 3600'000;
        QVERIFY(store->markTransient(leaseOrFail(*store), m_clock.nowMs + 1000, QStringLiteral("network")).ok());
        m_clock.nowMs += 1LL * 24 * 3600'000 + 1000;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("first tried too long ago")));
        QCOMPARE(leaseOrFail(*store).id, qint64(0));
        const OutboxEntry parked = store->find(queued.localRef).value().value();
        QCOMPARE(parked.state, EntryState::Parked);
        QCOMPARE(parked.lastError, QStringLiteral("idempotency_window_expired"));
        // Staff who checked with the platform re-arm it, and a new window starts.
        QVERIFY(store->retry(queued.localRef, QStringLiteral("s")).ok());
        QCOMPARE(leaseOrFail(*store).request.idempotencyKey, queued.idempotencyKey);
    }

    void migratesAFileFromTheFirstSchema()
    {
        QString file;
        QueuedCase queued;
        {
            auto store = open();
            queued = store->enqueueCase(caseDraft(1)).value();
            file = store->filePath();
        }
        // What a kiosk of the first release left behind.
        QVERIFY(execRaw(file, "ALTER TABLE entries DROP COLUMN first_attempt_at; ALTER TABLE entries DROP COLUMN body_frozen; "
                              "ALTER TABLE entries DROP COLUMN not_before; PRAGMA user_version = 1;"));
        auto store = open();
        QVERIFY(store);
        QCOMPARE(stateOf(*store, queued.localRef), EntryState::Pending);
        QCOMPARE(drain(*store).size(), 2);
        QCOMPARE(stateOf(*store, queued.localRef), EntryState::Delivered);
        store.reset();
        QCOMPARE(queryRaw(file, "PRAGMA user_version").toInt(), 3);
    }

    void newerSchemaIsRefusedRatherThanLost()
    {
        QString file;
        {
            auto store = open();
            file = store->filePath();
        }
        QVERIFY(execRaw(file, "PRAGMA user_version = 99"));
        const auto refused = OutboxStore::open(options(m_dir->path(), m_key, &m_clock));
        QCOMPARE(refused.error().code, OutboxErrorCode::NewerSchema);
    }

    void outboxFileIsForTheKioskUserOnly()
    {
        auto store = open();
        QVERIFY(store->enqueueCase(caseDraft(0)).ok());
        QCOMPARE(QFile::permissions(store->filePath()) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        QCOMPARE(QFile::permissions(store->filePath() + QStringLiteral("-wal")) & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
    }

    void statsReportDepthForTheHeartbeat()
    {
        auto store = open();
        QVERIFY(store->enqueueCase(caseDraft(1)).ok());
        m_clock.nowMs += 90'000;
        const QueuedCase second = store->enqueueCase(caseDraft(0)).value();
        QVERIFY(store->park(second.localRef, QStringLiteral("s")).ok());
        const OutboxStats stats = store->stats().value();
        QCOMPARE(stats.pending, 2);
        QCOMPARE(stats.waiting, 1);
        QCOMPARE(stats.parked, 1);
        QCOMPARE(stats.oldestPendingS, qint64(90));
        QVERIFY(stats.payloadBytes > 4096);
    }
};

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "test_outboxstore.moc"
