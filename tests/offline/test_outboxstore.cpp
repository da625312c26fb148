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

// Opening the outbox (keys, damaged and migrated files, the file's mode) and enqueueing cases within the budget.
class TestOutboxStore : public OutboxStoreTest
{
    Q_OBJECT

private slots:
    void init() { setUp(); }

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

    void aComplaintIsQueuedEncryptedAndLeasedAsAComplaint()
    {
        auto store = open();
        QCOMPARE(store->enqueueComplaint({R"({"category":"service","text":"  "})", {}}).error().code, OutboxErrorCode::InvalidInput);
        QCOMPARE(store->enqueueComplaint({"[1]", {}}).error().code, OutboxErrorCode::InvalidInput);
        const QByteArray body = R"({"category":"service","text":"张三丰 waited too long","contact_phone":"13912345678","anonymous":false})";
        const OutboxResult<QString> ref = store->enqueueComplaint({body, QStringLiteral("340100-000-ZZ-0001-01")});
        QVERIFY(ref.ok());
        QVERIFY2(ref.value().endsWith(QLatin1String("-C")), qPrintable(ref.value()));
        QByteArray disk;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            disk += readAll(store->filePath() + suffix);
        QVERIFY(!disk.contains(residentName.toUtf8()));
        QVERIFY(!disk.contains("13912345678"));
        const auto lease = store->leaseNext();
        QVERIFY(lease.ok() && lease.value().has_value());
        QCOMPARE(lease.value()->request.kind, EntryKind::Complaint);
        QCOMPARE(lease.value()->request.localRef, ref.value());
        QCOMPARE(lease.value()->request.itemCode, QStringLiteral("340100-000-ZZ-0001-01"));
        QCOMPARE(QJsonDocument::fromJson(lease.value()->request.body).object().value(QLatin1String("contact_phone")).toString(),
                 QStringLiteral("13912345678"));
        QCOMPARE(entryKindName(EntryKind::Complaint), QStringLiteral("complaint"));
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
                              "ALTER TABLE entries DROP COLUMN not_before; DROP INDEX entries_budget; PRAGMA user_version = 1;"));
        auto store = open();
        QVERIFY(store);
        QCOMPARE(stateOf(*store, queued.localRef), EntryState::Pending);
        QCOMPARE(drain(*store).size(), 2);
        QCOMPARE(stateOf(*store, queued.localRef), EntryState::Delivered);
        store.reset();
        QCOMPARE(queryRaw(file, "PRAGMA user_version").toInt(), 4);
    }

    void measuringTheBudgetReadsAnIndexNotTheQueuedPayloads()
    {
        QString file;
        {
            auto store = open();
            QVERIFY(store->enqueueCase(caseDraft(2)).ok());
            file = store->filePath();
        }
        // The query every enqueue runs (OutboxStore::Private::payloadInUse). A plan that scans the
        // table reads each queued material's pages, and enqueueing slows as an outage goes on.
        const QByteArray plan = queryRaw(file, "EXPLAIN QUERY PLAN SELECT COALESCE(SUM(payload_bytes), 0) FROM entries WHERE state <> 3", 3);
        QVERIFY2(plan.contains("COVERING INDEX"), plan.constData());
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
};

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "test_outboxstore.moc"
