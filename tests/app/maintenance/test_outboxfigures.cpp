#include "../../offline/outboxfixture.h"
#include "outboxcondition.h"
#include "outboxfigures.h"

#include <QTemporaryDir>
#include <QTest>

using namespace OutboxFixture;

// The outbox's figures on the maintenance screen, and why there are none when there are none.
class TestOutboxFigures : public QObject
{
    Q_OBJECT

private slots:
    void aClosedOutboxSaysWhyInsteadOfFigures()
    {
        OutboxCondition wrongKey;
        wrongKey.health = QStringLiteral("error");
        wrongKey.detail = QStringLiteral("key_mismatch");
        wrongKey.message = QStringLiteral("No application can be queued: the key does not match");
        const QVariantMap figures = OutboxFigures::of(wrongKey, nullptr);
        QCOMPARE(figures.value(QStringLiteral("problem")).toString(), QStringLiteral("key_mismatch"));
        QCOMPARE(figures.value(QStringLiteral("health")).toString(), QStringLiteral("error"));
        QCOMPARE(figures.value(QStringLiteral("alert")).toString(), wrongKey.message);
        QVERIFY(!figures.contains(QStringLiteral("pending")));
        QCOMPARE(OutboxFigures::of(OutboxCondition(), nullptr).value(QStringLiteral("problem")).toString(),
                 QStringLiteral("outbox_unavailable"));
    }

    void anOpenOutboxCountsItsEntries()
    {
        QTemporaryDir dir;
        ManualClock clock;
        auto opened = OutboxStore::open(options(dir.path(), createKeyFile(dir.path()), &clock));
        QVERIFY(opened.ok());
        std::unique_ptr<OutboxStore> store = std::move(opened).value();
        QVERIFY(store->enqueueCase(caseDraft(1, 1000)).ok());
        QVERIFY(store->enqueueCase(caseDraft(0)).ok());
        const QVariantMap figures = OutboxFigures::of(OutboxCondition(), store.get());
        // A case with one material is two entries, the material first.
        QCOMPARE(figures.value(QStringLiteral("pending")).toInt(), 3);
        QCOMPARE(figures.value(QStringLiteral("parked")).toInt(), 0);
        QCOMPARE(figures.value(QStringLiteral("delivered")).toInt(), 0);
        QVERIFY(figures.value(QStringLiteral("bytes")).toLongLong() > 1000);
        QVERIFY(figures.contains(QStringLiteral("oldestS")));
        QCOMPARE(figures.value(QStringLiteral("problem")).toString(), QString());
        QCOMPARE(figures.value(QStringLiteral("health")).toString(), QStringLiteral("ok"));
        QCOMPARE(figures.value(QStringLiteral("alert")).toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TestOutboxFigures)
#include "test_outboxfigures.moc"
