#include "../../offline/outboxfixture.h"
#include "parkedentrymodel.h"

#include <QTemporaryDir>
#include <QTest>

using namespace OutboxFixture;

// The outbox's parked entries as staff see them, and their retry, against a real outbox file.
class TestParkedEntryModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;

    std::unique_ptr<OutboxStore> open()
    {
        OutboxResult<std::unique_ptr<OutboxStore>> store = OutboxStore::open(options(m_dir->path(), createKeyFile(m_dir->path()), &m_clock));
        if (!store) {
            qWarning() << store.error().message;
            return {};
        }
        return std::move(store).value();
    }

    // Parks the entry the sender would send next, as a refusal by the platform does.
    static bool parkNext(OutboxStore &store, const QString &code)
    {
        OutboxResult<std::optional<OutboxLease>> lease = store.leaseNext();
        return lease && lease.value() && store.markParked(*lease.value(), code).ok();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
    }

    void withoutAnOutboxTheListIsEmptyAndNothingIsRetried()
    {
        ParkedEntryModel model(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QString detail;
        QVERIFY(!model.retry(QStringLiteral("L-1"), QStringLiteral("maintenance"), &detail));
        QCOMPARE(model.roleNames().value(ParkedEntryModel::LocalRefRole), QByteArray("localRef"));
        QCOMPARE(model.roleNames().value(ParkedEntryModel::ErrorRole), QByteArray("error"));
    }

    void onlyParkedEntriesAreListedWithTheirErrorNeverTheirContent()
    {
        auto store = open();
        QVERIFY(store);
        const QString parked = store->enqueueCase(caseDraft(0)).value().localRef;
        QVERIFY(store->enqueueCase(caseDraft(0)).ok());
        QVERIFY(parkNext(*store, QStringLiteral("validation_failed")));
        ParkedEntryModel model(store.get());
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex row = model.index(0);
        QCOMPARE(model.data(row, ParkedEntryModel::LocalRefRole).toString(), parked);
        QCOMPARE(model.data(row, ParkedEntryModel::KindRole).toString(), QStringLiteral("case"));
        QCOMPARE(model.data(row, ParkedEntryModel::ErrorRole).toString(), QStringLiteral("validation_failed"));
        QCOMPARE(model.data(row, ParkedEntryModel::AttemptsRole).toInt(), 1);
        for (int role : model.roleNames().keys())
            QVERIFY(!model.data(row, role).toString().contains(residentIdNumber));
    }

    void aRetriedEntryLeavesTheListAndSaysWhatWasRearmed()
    {
        auto store = open();
        QVERIFY(store);
        const QString parked = store->enqueueCase(caseDraft(0)).value().localRef;
        QVERIFY(parkNext(*store, QStringLiteral("validation_failed")));
        ParkedEntryModel model(store.get());
        QCOMPARE(model.rowCount(), 1);
        QString detail;
        QVERIFY(model.retry(parked, QStringLiteral("maintenance"), &detail));
        QVERIFY2(detail.contains(parked), qPrintable(detail));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.retry(QStringLiteral("no-such-entry"), QStringLiteral("maintenance"), &detail));
        QVERIFY(!detail.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestParkedEntryModel)
#include "test_parkedentrymodel.moc"
