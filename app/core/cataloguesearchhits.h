#pragma once

#include "cataloguesearch.h"

#include <QList>

#include <vector>

class CatalogueSearchIndex;

// What one query found in a CatalogueSearchIndex, checked only as far as a screen asks. The
// search screen shows "找到的事项：N" and twenty results: the index proves most matches from its
// postings alone (a character or letter, a part of one reading, two or three initials, a whole
// syllable and the start of the next, English words), so counting them costs a merge; only the
// candidates it cannot prove are checked with CatalogueSearch's rules, for the count when it is
// asked and for a page as far as the page reaches. The items and their order are the walk's
// (the tests compare the two).
class CatalogueSearchHits
{
public:
    // Nothing found (a blank query).
    CatalogueSearchHits() = default;

    // How many items match; checks every candidate the index could not prove, once.
    [[nodiscard]] qsizetype count();
    // Up to `count` matching items from the `from`th on, in catalogue order.
    [[nodiscard]] QList<const CatalogueItem *> items(qsizetype from, qsizetype count);
    // How many candidates were checked with the search's rules so far (each at most once).
    [[nodiscard]] qsizetype checked() const { return m_checked; }

private:
    friend class CatalogueSearchIndex;

    enum Rule : quint8 { ChineseRule = 1, EnglishRule = 2, PinyinRule = 4 };
    struct Candidate
    {
        int position;
        quint8 rules;        // the ways it may match, Rule bits
        qint8 verdict = -1;  // unknown until checked
    };

    [[nodiscard]] bool matches(Candidate &candidate);
    // Finds the next match in catalogue order into m_found; false when there is none.
    bool advance();

    const CatalogueSearchIndex *m_index = nullptr;
    CatalogueSearch::Query m_query;
    std::vector<int> m_proven;          // positions, ascending
    std::vector<Candidate> m_unproven;  // positions, ascending, none of them proven
    size_t m_nextProven = 0;
    size_t m_nextUnproven = 0;
    QList<const CatalogueItem *> m_found;  // the first matches, in order
    qsizetype m_count = -1;
    qsizetype m_checked = 0;
};
