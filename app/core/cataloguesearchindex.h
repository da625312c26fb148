#pragma once

#include "cataloguesearch.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

// An index over one catalogue for CatalogueSearch, so that a search costs what it finds rather
// than what the catalogue holds: a county hall offers thousands of items, and walking every
// name's pinyin for each key a resident types took 12 ms at 2 000 items.
//
// The index only narrows: each way a query can match (part of the Chinese name, the start of
// English words, pinyin over consecutive characters) gives a set of candidates from postings
// built once, and the candidates are then checked with CatalogueSearch's own rules, so the index
// finds exactly what a walk over the catalogue finds (the tests compare the two).
class CatalogueSearchIndex
{
public:
    // The catalogue must outlive the index (the results point into it).
    CatalogueSearchIndex(const Catalogue &catalogue, const CatalogueSearch &search);

    // The matching items in catalogue order; nothing for a blank query.
    [[nodiscard]] QList<const CatalogueItem *> find(const QString &query) const;
    [[nodiscard]] qsizetype itemCount() const { return qsizetype(m_entries.size()); }

private:
    using Postings = QList<int>; // item positions, ascending, each once

    struct Entry
    {
        const CatalogueItem *item;
        QStringList englishWords;
    };

    void add(int position, const CatalogueItem &item);
    [[nodiscard]] std::vector<int> candidates(const CatalogueSearch::Query &query) const;
    void addChineseCandidates(const QString &trimmed, std::vector<int> &out) const;
    void addEnglishCandidates(const QStringList &words, std::vector<int> &out) const;
    void addPinyinCandidates(const QString &spelled, std::vector<int> &out) const;

    template<typename Key>
    static void post(QHash<Key, Postings> &table, const Key &key, int position);
    static void append(const Postings *postings, std::vector<int> &out);
    static quint32 pair(char16_t before, char16_t after) { return quint32(before) << 16 | after; }

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
    // Each reading of a character of a name: a query within one syllable (shen) is a prefix of one.
    QHash<QString, Postings> m_byReading;
};
