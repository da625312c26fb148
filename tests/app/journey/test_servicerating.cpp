#include "servicerating.h"

#include "outboxkey.h"
#include "outboxstore.h"

#include <QTemporaryDir>
#include <QTest>

// 好差评: the levels and tags offered, which cases one rating is about, and what is queued.
class TestServiceRating : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        OutboxOptions options;
        options.stateDir = m_dir->path();
        options.keyFile = m_dir->filePath(QStringLiteral("outbox.key"));
        QVERIFY(OutboxKey::create(options.keyFile).ok());
        OutboxResult<std::unique_ptr<OutboxStore>> opened = OutboxStore::open(options);
        QVERIFY(opened);
        m_outbox = std::move(opened.value());
    }

    void cleanup()
    {
        m_outbox.reset();
        m_dir.reset();
    }

    void fiveLevelsBestFirstAndTheTwoLowestAskWhatWentWrong()
    {
        QCOMPARE(ServiceRating::scores(), (QList<int>{5, 4, 3, 2, 1}));
        QVERIFY(!ServiceRating::needsTags(0));
        QVERIFY(ServiceRating::needsTags(1));
        QVERIFY(ServiceRating::needsTags(2));
        QVERIFY(!ServiceRating::needsTags(3));
        QVERIFY(!ServiceRating::needsTags(5));
    }

    void theTagsGoToThePlatformAsCodesOfAFixedVocabulary()
    {
        QCOMPARE(ServiceRating::problemTags(),
                 (QStringList{QStringLiteral("too_many_steps"), QStringLiteral("kiosk_hard_to_use"), QStringLiteral("unclear_instructions"),
                              QStringLiteral("long_wait"), QStringLiteral("unclear_materials")}));
    }

    void aThemesRatingSpreadsOverEachOfItsCasesWithAReference()
    {
        using Kind = CaseSubmission::Outcome::Kind;
        const QList<std::pair<QString, CaseSubmission::Outcome>> outcomes{
            {QStringLiteral("A"), {Kind::Filed, QStringLiteral("T1-1"), QStringLiteral("CASE-A"), {}}},
            {QStringLiteral("B"), {Kind::Queued, QStringLiteral("T1-2"), {}, {}}},
            {QStringLiteral("C"), {Kind::NotStored, {}, {}, QStringLiteral("not_attempted")}}};
        const QList<ServiceRating::RatedCase> cases = ServiceRating::casesRated(outcomes, QStringLiteral("ignored"), {});
        QCOMPARE(cases.size(), 2);
        QCOMPARE(cases.at(0).caseNo, QStringLiteral("CASE-A"));
        QCOMPARE(cases.at(1).caseNo, QString());
        QCOMPARE(cases.at(1).localRef, QStringLiteral("T1-2"));
    }

    void aSingleItemsRatingIsAboutItsOneCase()
    {
        const QList<ServiceRating::RatedCase> cases = ServiceRating::casesRated({}, QStringLiteral("CASE-1"), QStringLiteral("T1-1"));
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().caseNo, QStringLiteral("CASE-1"));
        QCOMPARE(cases.first().localRef, QStringLiteral("T1-1"));
    }

    void aRatingIsQueuedInTheOutbox()
    {
        ServiceRating rating(m_outbox.get(), nullptr);
        QVERIFY(rating.submit(4, {}, QString(), {QStringLiteral("340100-20261120-000001"), {}}));
        QCOMPARE(m_outbox->stats().value().pending, 1);
    }

    void aLowRatingWithoutTagsOrARatingOfNoCaseIsRefused()
    {
        ServiceRating rating(m_outbox.get(), nullptr);
        const ServiceRating::RatedCase rated{QStringLiteral("340100-20261120-000001"), {}};
        QVERIFY(!rating.submit(2, {}, QString(), rated));
        QVERIFY(!rating.submit(0, {}, QString(), rated));
        QVERIFY(!rating.submit(6, {}, QString(), rated));
        QVERIFY(!rating.submit(5, {}, QString(), {}));
        QCOMPARE(m_outbox->stats().value().pending, 0);
        QVERIFY(rating.submit(1, {QStringLiteral("long_wait")}, QString(), rated));
        QCOMPARE(m_outbox->stats().value().pending, 1);
    }

    void noOutboxNoRating()
    {
        ServiceRating rating(nullptr, nullptr);
        QVERIFY(!rating.submit(5, {}, QString(), {QStringLiteral("340100-20261120-000001"), {}}));
        QVERIFY(!rating.submitForEach(5, {}, {{QStringLiteral("340100-20261120-000001"), {}}}));
    }

    void ratingEachCaseSucceedsIfAnyIsStored()
    {
        ServiceRating rating(m_outbox.get(), nullptr);
        QVERIFY(!rating.submitForEach(5, {}, {}));
        QVERIFY(rating.submitForEach(5, {}, {{}, {QStringLiteral("340100-20261120-000001"), {}}, {QStringLiteral("340100-20261120-000002"), {}}}));
        QCOMPARE(m_outbox->stats().value().pending, 2);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<OutboxStore> m_outbox;
};

QTEST_GUILESS_MAIN(TestServiceRating)
#include "test_servicerating.moc"
