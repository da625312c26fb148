#pragma once

#include "cataloguesearch.h"
#include "cataloguesearchhits.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

// An index over one catalogue for CatalogueSearch, so that a search costs what it shows rather
// than what the catalogue holds: a county hall offers thousands of items, and walking every
// name's pinyin for each key a resident types took 12 ms at 2 000 items.
//
// Each way a query can match (part of the Chinese name, the start of English words, pinyin over
// consecutive characters) gives a set of items from postings built once. Where the postings
// prove a match (search() says which) the item is counted as found; the other candidates are
// checked with CatalogueSearch's own rules for that way, and only when a page or the count needs
// them (CatalogueSearchHits). So the index finds exactly what a walk over the catalogue finds
// (the tests compare the two).
class CatalogueSearchIndex
{
public:
    // The catalogue must outlive the index (the results point into it).
    CatalogueSearchIndex(const Catalogue &catalogue, const CatalogueSearch &search);

    // What `query` finds, to be counted and paged; the hits point into this index, which must
    // outlive them. Nothing for a blank query.
    [[nodiscard]] CatalogueSearchHits search(const QString &query) const;
    // All the matching items in catalogue order; nothing for a blank query.
    [[nodiscard]] QList<const CatalogueItem *> find(const QString &query) const;
    [[nodiscard]] qsizetype itemCount() const { return qsizetype(m_entries.size()); }

private:
    friend class CatalogueSearchHits;
    using Postings = QList<int>; // item positions, ascending, each once
    // Positions found from postings, and whether the postings prove them or they are only
    // candidates for the rule (CatalogueSearchHits::Rule) to check.
    struct Gathered
    {
        std::vector<int> proven;
        std::vector<std::pair<int, quint8>> candidates;
        void add(const Postings *postings, bool exact, quint8 rule);
    };

    struct Entry
    {
        const CatalogueItem *item;
        QStringList englishWords;
        CatalogueSearch::Spelling spelling;
    };

    void add(int position, const CatalogueItem &item);
    void addChinese(const QString &trimmed, Gathered &out) const;
    void addEnglish(const QStringList &words, Gathered &out) const;
    void addPinyin(const QString &spelled, Gathered &out) const;
    // Whether the item at `position` matches the query by one of `rules`.
    [[nodiscard]] bool check(int position, quint8 rules, const CatalogueSearch::Query &query) const;
    [[nodiscard]] const CatalogueItem *item(int position) const { return m_entries.at(size_t(position)).item; }

    template<typename Key>
    static void post(QHash<Key, Postings> &table, const Key &key, int position);
    static quint32 pair(char16_t before, char16_t after) { return quint32(before) << 16 | after; }
    static quint64 triple(char16_t first, char16_t second, char16_t third) { return quint64(first) << 32 | quint64(second) << 16 | third; }

    const CatalogueSearch *m_search;
    std::vector<Entry> m_entries;
    // Every character of every Chinese name, lower-cased: part of a name is found through its rarest character.
    QHash<char16_t, Postings> m_byCharacter;
    // Every word of the English names, lower-cased, sorted: a prefix is a range.
    std::vector<std::pair<QString, int>> m_englishWords;
    // How a spelled character can start: the first letters of its readings and the character itself.
    QHash<char16_t, Postings> m_byStart;
    // Two such starts of consecutive characters (s, f for 身份; 身, f for 身fz…), as pair().
    QHash<quint32, Postings> m_byStartPair;
    // Three such starts of consecutive characters, as triple(): three initials (sfz) prove a match.
    QHash<quint64, Postings> m_byStartTriple;
    // Each reading of a character of a name: a query within one syllable (shen) is a prefix of one.
    QHash<QString, Postings> m_byReading;
    // The readings of two consecutive characters, "she bao": a syllable and the start of the next.
    QHash<QString, Postings> m_byReadingPair;
    // m_byReading's keys, sorted: the syllables starting with a query are a range.
    QStringList m_syllables;
    qsizetype m_longestSyllable = 0;
};
