#include "outboxstoretest.h"

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

// Leasing and delivery: one entry at a time, the same key and body on every attempt, and what each
// outcome of a send does to the entry.
class TestOutboxStoreLease : public OutboxStoreTest
{
    Q_OBJECT

private slots:
    void init() { setUp(); }

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
        // Re-armed under its old key it would reach a platform that has forgotten the key and
        // files it again: staff are refused and told to file it anew.
        const OutboxResult<QStringList> retried = store->retry(queued.localRef, QStringLiteral("s"));
        QVERIFY(!retried.ok());
        QCOMPARE(retried.error().code, OutboxErrorCode::InvalidState);
        QVERIFY2(retried.error().message.contains(QLatin1String("file the application again")), qPrintable(retried.error().message));
        QCOMPARE(leaseOrFail(*store).id, qint64(0));
        QCOMPARE(store->find(queued.localRef).value().value().state, EntryState::Parked);
    }
};

QTEST_GUILESS_MAIN(TestOutboxStoreLease)
#include "test_outboxstorelease.moc"
