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

// The queue's figures for the heartbeat, and the retention of delivered entries.
class TestOutboxStoreStats : public OutboxStoreTest
{
    Q_OBJECT

private slots:
    void init() { setUp(); }

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

QTEST_GUILESS_MAIN(TestOutboxStoreStats)
#include "test_outboxstorestats.moc"
