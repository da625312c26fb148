#include "themefiling.h"

#include <QTest>

namespace {

using Kind = CaseSubmission::Outcome::Kind;

QList<std::pair<QString, CaseDraft>> threeItems()
{
    QList<std::pair<QString, CaseDraft>> drafts;
    for (const char *code : {"A", "B", "C"}) {
        CaseDraft draft;
        draft.itemCode = QLatin1String(code);
        drafts.append({QLatin1String(code), draft});
    }
    return drafts;
}

CaseSubmission::Outcome stored(Kind kind, const QString &ref)
{
    return {kind, ref, kind == Kind::Filed ? QStringLiteral("CASE-") + ref : QString(), {}};
}

} // namespace

// 一件事一次办: a theme's cases are filed one after another, and the first not stored stops the rest.
class TestThemeFiling : public QObject
{
    Q_OBJECT

private slots:
    void aThemeFilesItsItemsOneAfterAnother()
    {
        ThemeFiling filing;
        filing.start(threeItems());
        QVERIFY(filing.isFiling());
        const std::optional<CaseDraft> second = filing.take(stored(Kind::Filed, QStringLiteral("1")));
        QVERIFY(second);
        QCOMPARE(second->itemCode, QStringLiteral("B"));
        const std::optional<CaseDraft> third = filing.take(stored(Kind::Queued, QStringLiteral("2")));
        QVERIFY(third);
        QCOMPARE(third->itemCode, QStringLiteral("C"));
        QVERIFY(!filing.take(stored(Kind::Filed, QStringLiteral("3"))));
        QVERIFY(!filing.isFiling());
        const auto &outcomes = filing.outcomes();
        QCOMPARE(outcomes.size(), 3);
        QCOMPARE(outcomes.at(0).first, QStringLiteral("A"));
        QCOMPARE(outcomes.at(0).second.caseNo, QStringLiteral("CASE-1"));
        QVERIFY(outcomes.at(1).second.kind == Kind::Queued);
        QCOMPARE(outcomes.at(2).first, QStringLiteral("C"));
    }

    void aThemeStopsAtTheFirstItemNotStored()
    {
        ThemeFiling filing;
        filing.start(threeItems());
        QVERIFY(filing.take(stored(Kind::Queued, QStringLiteral("1"))));
        QVERIFY(!filing.take({Kind::NotStored, {}, {}, QStringLiteral("outbox_full")}));
        QVERIFY(!filing.isFiling());
        const auto &outcomes = filing.outcomes();
        QCOMPARE(outcomes.size(), 3);
        QCOMPARE(outcomes.at(1).second.detail, QStringLiteral("outbox_full"));
        // The one after it was never tried, and the resident is told so.
        QCOMPARE(outcomes.at(2).first, QStringLiteral("C"));
        QVERIFY(outcomes.at(2).second.kind == Kind::NotStored);
        QCOMPARE(outcomes.at(2).second.detail, QStringLiteral("not_attempted"));
    }

    void aRefusedCaseDoesNotStopTheRest()
    {
        // Refused by the platform is still stored (and answered): the theme goes on.
        ThemeFiling filing;
        filing.start(threeItems());
        QVERIFY(filing.take({Kind::Refused, QStringLiteral("1"), {}, QStringLiteral("form_invalid")}));
    }

    void startingAgainForgetsTheLastThemesOutcomes()
    {
        ThemeFiling filing;
        filing.start(threeItems());
        QVERIFY(!filing.take({Kind::NotStored, {}, {}, QStringLiteral("busy")}));
        QCOMPARE(filing.outcomes().size(), 3);
        filing.start(threeItems());
        QVERIFY(filing.outcomes().isEmpty());
        filing.clear();
        QVERIFY(!filing.isFiling());
        QVERIFY(!filing.take(stored(Kind::Filed, QStringLiteral("1"))));
        QVERIFY(filing.outcomes().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestThemeFiling)
#include "test_themefiling.moc"
