#include "cataloguesearchindex.h"
#include "hanzireadings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

// The search index proves some matches from its postings and narrows the rest down to candidates
// that CatalogueSearch then checks, so it is right exactly when it neither leaves out an item the
// walk over the whole catalogue finds nor proves one the walk does not find. These tests compare
// the two over every way residents type (parts of names, initials, whole syllables, mixes, English
// words, characters typed as themselves, and letters at random) with the dictionary's full
// readings table, on the demo catalogue and on a catalogue with brackets, digits and Latin
// letters in its names: all the items, the count, and page after page as the search screen asks
// for them (the count after the pages, so that lazily checked candidates are counted right).
class TestCatalogueSearchIndex : public QObject
{
    Q_OBJECT

private:
    // The ways a run of a name's characters can be typed, the query stopping anywhere.
    static QStringList spellings(const QString &run, const CatalogueSearch::Readings &readings)
    {
        QStringList initials{QString()}, syllables{QString()}, mixed{QString()};
        for (qsizetype i = 0; i < run.size(); ++i) {
            const QChar c = run.at(i);
            if (CatalogueSearch::isSkipped(c))
                continue;
            const QStringList read = readings.value(c, {QString(c.toLower())});
            const QString first = read.constFirst();
            const QString last = read.constLast(); // a polyphone's other reading
            initials.last() += first.left(1);
            syllables.last() += last;
            mixed.last() += i == 0 ? first : (first.size() > 1 && first.at(1) == QLatin1Char('h') ? first.left(2) : first.left(1));
        }
        QStringList out;
        for (const QString &whole : initials + syllables + mixed) {
            for (qsizetype n = 1; n <= whole.size(); ++n)
                out.append(whole.left(n));
        }
        return out;
    }

    static QStringList queriesFor(const Catalogue &catalogue, const CatalogueSearch::Readings &readings)
    {
        QSet<QString> queries;
        for (const CatalogueItem &item : catalogue.items()) {
            const QString &zh = item.name.zh;
            for (qsizetype start = 0; start < zh.size(); ++start) {
                for (qsizetype length = 1; length <= 4 && start + length <= zh.size(); ++length) {
                    const QString run = zh.mid(start, length);
                    queries.insert(run);
                    for (const QString &spelled : spellings(run, readings))
                        queries.insert(spelled);
                    // The first character chosen from the keyboard, the rest as initials (身fz).
                    if (length > 1)
                        queries.insert(run.left(1) + spellings(run.mid(1), readings).value(0));
                }
            }
            const QStringList words = CatalogueSearch::englishWords(item.name.en);
            for (qsizetype w = 0; w < words.size(); ++w) {
                for (qsizetype n = 1; n <= 4; ++n)
                    queries.insert(words.at(w).left(n));
                if (w + 1 < words.size())
                    queries.insert(words.at(w).left(3) + QLatin1Char(' ') + words.at(w + 1).left(2));
            }
        }
        // Letters at random, as a resident mistyping does, and a few separators.
        QRandomGenerator random(20261207);
        const QString letters = QStringLiteral("abcdefghijklmnopqrstuvwxyz");
        for (int i = 0; i < 3000; ++i) {
            QString typed;
            const int length = 1 + int(random.bounded(6));
            for (int j = 0; j < length; ++j)
                typed += letters.at(random.bounded(26));
            queries.insert(typed);
        }
        queries.unite({QStringLiteral("xi'an"), QStringLiteral(" sfz "), QStringLiteral("shen fen"), QStringLiteral("（1）"),
                       QStringLiteral("12"), QStringLiteral("Ca"), QStringLiteral("ID"), QStringLiteral("'")});
        QStringList sorted(queries.cbegin(), queries.cend());
        sorted.sort();
        return sorted;
    }

    static Catalogue withNumberedCopies(const Catalogue &demo, int copies = 1)
    {
        QJsonArray items;
        int i = 0;
        for (int copy = 0; copy < copies; ++copy) {
            for (const CatalogueItem &item : demo.items()) {
                items.append(QJsonObject{
                    {QStringLiteral("code"), QStringLiteral("340100-000-ZZ-%1-01").arg(6000 + i, 4, 10, QLatin1Char('0'))},
                    {QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), item.name.zh + QStringLiteral("（CA%1）").arg(++i)},
                                                         {QStringLiteral("en"), item.name.en + QStringLiteral(" (no. %1)").arg(i)}}},
                    {QStringLiteral("department"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("局")}, {QStringLiteral("en"), QStringLiteral("Bureau")}}},
                    {QStringLiteral("kind"), QStringLiteral("query")},
                    {QStringLiteral("audience"), QStringLiteral("person")},
                    {QStringLiteral("auth"), QJsonArray{QStringLiteral("idcard")}},
                    {QStringLiteral("face_required"), false},
                    {QStringLiteral("offline_ok"), false},
                    {QStringLiteral("instant"), true},
                    {QStringLiteral("guide"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("无")}, {QStringLiteral("en"), QStringLiteral("None")}}},
                    {QStringLiteral("materials"), QJsonArray{}},
                    {QStringLiteral("form"), QJsonArray{}}});
            }
        }
        const QJsonObject root{{QStringLiteral("version"), QStringLiteral("copies")}, {QStringLiteral("items"), items}, {QStringLiteral("themes"), QJsonArray{}}};
        QString error;
        const std::optional<Catalogue> parsed = Catalogue::fromJson(QJsonDocument(root).toJson(), &error);
        if (!parsed)
            qFatal("copied catalogue refused: %s", qPrintable(error));
        return *parsed;
    }

    static void compare(const Catalogue &catalogue)
    {
        const CatalogueSearch search(HanziReadings::shared());
        const CatalogueSearchIndex index(catalogue, search);
        QCOMPARE(index.itemCount(), catalogue.items().size());
        const QStringList queries = queriesFor(catalogue, search.readings());
        int findingSome = 0;
        for (const QString &query : queries) {
            const QList<const CatalogueItem *> walked = search.find(catalogue, query);
            const QList<const CatalogueItem *> indexed = index.find(query);
            if (walked != indexed) {
                QStringList names;
                for (const CatalogueItem *item : walked)
                    names.append(item->name.zh);
                QFAIL(qPrintable(QStringLiteral("\"%1\": the walk finds %2 (%3), the index %4")
                                     .arg(query).arg(walked.size()).arg(names.join(QLatin1Char(','))).arg(indexed.size())));
            }
            // Pages of twenty (the search screen's) and of three (to page the small catalogues).
            for (const qsizetype page : {qsizetype(20), qsizetype(3)}) {
                CatalogueSearchHits hits = index.search(query);
                QList<const CatalogueItem *> paged;
                for (qsizetype from = 0;; from += page) {
                    const QList<const CatalogueItem *> more = hits.items(from, page);
                    paged += more;
                    if (more.size() < page)
                        break;
                }
                const qsizetype counted = hits.count();
                if (paged != walked || counted != walked.size())
                    QFAIL(qPrintable(QStringLiteral("\"%1\" in pages of %2: the walk finds %3, the pages hold %4, the count says %5")
                                         .arg(query).arg(page).arg(walked.size()).arg(paged.size()).arg(counted)));
            }
            findingSome += walked.isEmpty() ? 0 : 1;
        }
        // The queries must mostly find something, or the comparison proves little.
        QVERIFY2(findingSome > queries.size() / 3, qPrintable(QStringLiteral("%1 of %2 queries found something").arg(findingSome).arg(queries.size())));
        qInfo("%lld queries compared, %d finding something", qlonglong(queries.size()), findingSome);
    }

private slots:
    void theIndexFindsWhatTheWalkFindsInTheDemoCatalogue() { compare(Catalogue::demo()); }

    void theIndexFindsWhatTheWalkFindsWithBracketsDigitsAndLatinLettersInNames() { compare(withNumberedCopies(Catalogue::demo())); }

    void aSearchChecksOnlyWhatItShowsAndWhatItCannotProve()
    {
        const Catalogue large = withNumberedCopies(Catalogue::demo(), 40);
        const CatalogueSearch search(HanziReadings::shared());
        const CatalogueSearchIndex index(large, search);
        // One letter, one character, two or three initials over as many characters: the postings
        // are the matches, so the count checks nothing and is the walk's.
        for (const QString &query : {QStringLiteral("s"), QStringLiteral("证"), QStringLiteral("zf"), QStringLiteral("gjj")}) {
            CatalogueSearchHits hits = index.search(query);
            const qsizetype walked = search.find(large, query).size();
            QVERIFY2(walked >= 40, qPrintable(query));
            QCOMPARE(hits.count(), walked);
            QVERIFY2(hits.checked() == 0, qPrintable(QStringLiteral("%1: %2 checked").arg(query).arg(hits.checked())));
            QCOMPARE(hits.items(0, 20).size(), qsizetype(20));
            QCOMPARE(hits.checked(), qsizetype(0));
        }
        // Five initials (住房公积金) are candidates to check: the first page checks only as far
        // as it reaches, the count the rest, each once.
        const QString query = QStringLiteral("zfgjj");
        CatalogueSearchHits hits = index.search(query);
        const QList<const CatalogueItem *> walked = search.find(large, query);
        QVERIFY2(walked.size() >= 80, qPrintable(QString::number(walked.size())));
        QCOMPARE(hits.items(0, 20), walked.mid(0, 20));
        const qsizetype forThePage = hits.checked();
        QVERIFY2(forThePage >= 20, qPrintable(QString::number(forThePage)));
        QCOMPARE(hits.count(), walked.size());
        const qsizetype forTheCount = hits.checked();
        QVERIFY2(forTheCount > forThePage, qPrintable(QStringLiteral("%1 then %2").arg(forThePage).arg(forTheCount)));
        QCOMPARE(hits.items(20, 1000), walked.mid(20));
        QCOMPARE(hits.checked(), forTheCount);
    }

    void aBlankQueryFindsNothing()
    {
        const Catalogue demo = Catalogue::demo();
        const CatalogueSearch search(HanziReadings::shared());
        const CatalogueSearchIndex index(demo, search);
        QVERIFY(index.find(QStringLiteral("   ")).isEmpty());
        CatalogueSearchHits blank = index.search(QStringLiteral("   "));
        QCOMPARE(blank.count(), qsizetype(0));
        QVERIFY(blank.items(0, 20).isEmpty());
        QCOMPARE(CatalogueSearchHits().count(), qsizetype(0));
        QVERIFY(!index.find(QStringLiteral("gjj")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCatalogueSearchIndex)
#include "test_cataloguesearchindex.moc"
