#include "outboxauditlog.h"
#include "outboxstoretest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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

// What staff may do to an entry: retry, park and discard, each audited.
class TestOutboxStoreStaff : public OutboxStoreTest
{
    Q_OBJECT

private slots:
    void init() { setUp(); }

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

    void staffCannotReArmAnEntryThePlatformMayHaveFiledAndForgotten()
    {
        auto store = open();
        const QueuedCase queued = store->enqueueCase(caseDraft(0)).value();
        // Sent, no answer, parked by staff: the platform may hold the case under its key.
        QVERIFY(store->markTransient(leaseOrFail(*store), m_clock.nowMs + 1000, QStringLiteral("timeout")).ok());
        QVERIFY(store->park(queued.localRef, QStringLiteral("staff-1")).ok());
        m_clock.nowMs += 3LL * 24 * 3600'000;
        // Within the window the same key is still safe, and re-arming keeps the window's start.
        QVERIFY(store->retry(queued.localRef, QStringLiteral("staff-1")).ok());
        QVERIFY(store->park(queued.localRef, QStringLiteral("staff-1")).ok());
        m_clock.nowMs += 4LL * 24 * 3600'000;
        const OutboxResult<QStringList> late = store->retry(queued.localRef, QStringLiteral("staff-1"));
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, OutboxErrorCode::InvalidState);
        QVERIFY2(late.error().message.contains(QLatin1String("discard this entry and file the application again")),
                 qPrintable(late.error().message));
        QCOMPARE(stateOf(*store, queued.localRef), EntryState::Parked);
        // Only the retry within the window was done, so only it is audited.
        QCOMPARE(readAll(store->auditFilePath()).count("retry by=staff-1"), 1);
    }

    void theStaffAuditLogRotatesWithinItsBound()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("outbox-audit.log"));
        const LogRotationLimits limits{2048, 2};
        for (int i = 0; i < 100; ++i)
            QVERIFY(OutboxAuditLog(path, limits).append(m_clock.nowMs + i, QStringLiteral("retry"), QStringLiteral("staff-1"),
                                                        {QStringLiteral("T1-%1").arg(i, 6, 10, QLatin1Char('0'))}).ok());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 (QStringList{QStringLiteral("outbox-audit.log"), QStringLiteral("outbox-audit.log.1")}));
        QVERIFY(QFileInfo(path).size() <= limits.maxBytes);
        QVERIFY(QFileInfo(path + QStringLiteral(".1")).size() <= limits.maxBytes);
        QVERIFY(readAll(path).contains("refs=T1-000099\n"));
        QVERIFY(!readAll(path + QStringLiteral(".1")).contains("refs=T1-000000\n"));
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
};

QTEST_GUILESS_MAIN(TestOutboxStoreStaff)
#include "test_outboxstorestaff.moc"
