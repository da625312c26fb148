#include "cataloguesearchindex.h"

#include <QVarLengthArray>

#include <algorithm>
#include <iterator>

namespace {

char16_t folded(QChar c)
{
    return c.toCaseFolded().unicode();
}

} // namespace

CatalogueSearchIndex::CatalogueSearchIndex(const Catalogue &catalogue, const CatalogueSearch &search)
    : m_search(&search)
{
    const QList<CatalogueItem> &items = catalogue.items();
    m_entries.reserve(size_t(items.size()));
    for (int position = 0; position < items.size(); ++position)
        add(position, items.at(position));
    std::sort(m_englishWords.begin(), m_englishWords.end());
    m_syllables = m_byReading.keys();
    std::sort(m_syllables.begin(), m_syllables.end());
    for (const QString &syllable : std::as_const(m_syllables))
        m_longestSyllable = std::max(m_longestSyllable, syllable.size());
}

void CatalogueSearchIndex::add(int position, const CatalogueItem &item)
{
    m_entries.push_back({&item, CatalogueSearch::englishWords(item.name.en), m_search->spelling(item.name.zh)});
    for (const QString &word : m_entries.back().englishWords)
        m_englishWords.emplace_back(word.toLower(), position);

    const QString &name = item.name.zh;
    const CatalogueSearch::Readings &readings = m_search->readings();
    QVarLengthArray<char16_t, 8> previousStarts;
    QVarLengthArray<char16_t, 8> startsBefore; // of the character before the previous one
    QStringList previousReadings;
    for (const QChar c : name) {
        post(m_byCharacter, folded(c), position);
        if (CatalogueSearch::isSkipped(c))
            continue; // not spelled: the characters either side of it are consecutive
        // How a resident can type this character: a reading's first letter (initials, or the
        // start of a whole syllable) or the character itself; a Latin letter or a digit is typed
        // as itself, lower case.
        QVarLengthArray<char16_t, 8> starts;
        const auto found = readings.constFind(c);
        const QStringList characterReadings = found != readings.cend() ? *found : QStringList();
        if (found != readings.cend()) {
            for (const QString &reading : characterReadings) {
                post(m_byReading, reading, position);
                for (const QString &before : std::as_const(previousReadings))
                    post(m_byReadingPair, before + QLatin1Char(' ') + reading, position);
                if (!reading.isEmpty() && !starts.contains(reading.at(0).unicode()))
                    starts.append(reading.at(0).unicode());
            }
            starts.append(c.unicode());
        } else {
            starts.append(c.toLower().unicode());
        }
        for (const char16_t start : std::as_const(starts)) {
            post(m_byStart, start, position);
            for (const char16_t before : std::as_const(previousStarts)) {
                post(m_byStartPair, pair(before, start), position);
                for (const char16_t first : std::as_const(startsBefore))
                    post(m_byStartTriple, triple(first, before, start), position);
            }
        }
        startsBefore = previousStarts;
        previousStarts = starts;
        previousReadings = characterReadings;
    }
}

template<typename Key>
void CatalogueSearchIndex::post(QHash<Key, Postings> &table, const Key &key, int position)
{
    Postings &postings = table[key];
    if (postings.isEmpty() || postings.constLast() != position)
        postings.append(position);
}

void CatalogueSearchIndex::Gathered::add(const Postings *postings, bool exact, quint8 rule)
{
    if (!postings)
        return;
    if (exact) {
        proven.insert(proven.end(), postings->cbegin(), postings->cend());
        return;
    }
    for (const int position : *postings)
        candidates.emplace_back(position, rule);
}

CatalogueSearchHits CatalogueSearchIndex::search(const QString &query) const
{
    CatalogueSearchHits hits;
    hits.m_index = this;
    hits.m_query = CatalogueSearch::Query(query);
    if (hits.m_query.trimmed.isEmpty())
        return hits;
    Gathered gathered;
    addChinese(hits.m_query.trimmed, gathered);
    addEnglish(hits.m_query.words, gathered);
    addPinyin(hits.m_query.spelled, gathered);

    std::vector<int> &proven = gathered.proven;
    std::sort(proven.begin(), proven.end());
    proven.erase(std::unique(proven.begin(), proven.end()), proven.end());
    // A candidate found several ways is checked each of them; one proven is not checked at all.
    std::sort(gathered.candidates.begin(), gathered.candidates.end());
    for (const auto &[position, rule] : gathered.candidates) {
        if (!hits.m_unproven.empty() && hits.m_unproven.back().position == position)
            hits.m_unproven.back().rules |= rule;
        else if (!std::binary_search(proven.cbegin(), proven.cend(), position))
            hits.m_unproven.push_back({position, rule});
    }
    hits.m_proven = std::move(proven);
    return hits;
}

QList<const CatalogueItem *> CatalogueSearchIndex::find(const QString &query) const
{
    CatalogueSearchHits hits = search(query);
    return hits.items(0, hits.count());
}

bool CatalogueSearchIndex::check(int position, quint8 rules, const CatalogueSearch::Query &query) const
{
    const Entry &entry = m_entries.at(size_t(position));
    if ((rules & CatalogueSearchHits::ChineseRule) && CatalogueSearch::containsTyped(entry.item->name.zh, query))
        return true;
    if ((rules & CatalogueSearchHits::EnglishRule) && CatalogueSearch::startsEnglishWords(entry.englishWords, query))
        return true;
    return (rules & CatalogueSearchHits::PinyinRule) && !query.spelled.isEmpty() && m_search->spellsPartOf(entry.spelling, query.spelled);
}

// A name containing the query contains each of its characters: the rarest one's items, which
// for a query of one character are exactly the names containing it.
void CatalogueSearchIndex::addChinese(const QString &trimmed, Gathered &out) const
{
    const Postings *rarest = nullptr;
    for (const QChar c : trimmed) {
        const auto found = m_byCharacter.constFind(folded(c));
        if (found == m_byCharacter.cend())
            return; // a character no name has
        if (!rarest || found->size() < rarest->size())
            rarest = &*found;
    }
    out.add(rarest, trimmed.size() == 1, CatalogueSearchHits::ChineseRule);
}

// Every query word starts some word of the name. For words in plain ASCII (what the English
// names are made of) the items of each word's prefix range are exactly the names with such a
// word, so their intersection is exactly the matches; other words are only candidates.
void CatalogueSearchIndex::addEnglish(const QStringList &words, Gathered &out) const
{
    if (words.isEmpty())
        return;
    const auto itemsStarting = [this](const QString &prefix) {
        std::vector<int> items;
        auto at = std::lower_bound(m_englishWords.cbegin(), m_englishWords.cend(), std::make_pair(prefix, -1));
        for (; at != m_englishWords.cend() && at->first.startsWith(prefix); ++at)
            items.push_back(at->second);
        std::sort(items.begin(), items.end());
        items.erase(std::unique(items.begin(), items.end()), items.end());
        return items;
    };
    const bool ascii = std::all_of(words.cbegin(), words.cend(), [](const QString &word) {
        return std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.unicode() < 0x80; });
    });
    std::vector<int> items = itemsStarting(words.constFirst().toLower());
    if (!ascii) {
        for (const int position : items)
            out.candidates.emplace_back(position, CatalogueSearchHits::EnglishRule);
        return;
    }
    for (qsizetype w = 1; w < words.size() && !items.empty(); ++w) {
        const std::vector<int> next = itemsStarting(words.at(w).toLower());
        std::vector<int> both;
        std::set_intersection(items.cbegin(), items.cend(), next.cbegin(), next.cend(), std::back_inserter(both));
        items = std::move(both);
    }
    out.proven.insert(out.proven.end(), items.cbegin(), items.cend());
}

// Pinyin over consecutive characters: the first character takes the query's first letter and
// one or more after it (its initial, zh/ch/sh, or a whole reading), and the next character
// starts where it stopped. So the items where two consecutive characters start with the query's
// first letter and with one of the letters the first syllable can end before; or, for a query
// within one syllable, the items with a character read that way.
//
// Proven without checking, each a way the rules spell: a query of one letter or character (a
// character of the name starts so); a query within one syllable (a character is read so); two or
// three letters or characters over as many consecutive characters, each giving one (initials:
// sfz); and a whole syllable followed by the start of the next character's (shebao, yinhangl).
void CatalogueSearchIndex::addPinyin(const QString &spelled, Gathered &out) const
{
    if (spelled.isEmpty())
        return;
    const char16_t first = spelled.at(0).unicode();
    if (spelled.size() == 1) {
        const auto found = m_byStart.constFind(first);
        out.add(found == m_byStart.cend() ? nullptr : &*found, true, CatalogueSearchHits::PinyinRule);
        return;
    }
    const auto lookUp = [](const auto &table, const auto &key) {
        const auto found = table.constFind(key);
        return found == table.cend() ? nullptr : &*found;
    };
    // The syllables the query ends inside.
    for (auto at = std::lower_bound(m_syllables.cbegin(), m_syllables.cend(), spelled); at != m_syllables.cend() && at->startsWith(spelled); ++at)
        out.add(lookUp(m_byReading, *at), true, CatalogueSearchHits::PinyinRule);
    if (spelled.size() == 3)
        out.add(lookUp(m_byStartTriple, triple(first, spelled.at(1).unicode(), spelled.at(2).unicode())), true, CatalogueSearchHits::PinyinRule);

    QList<qsizetype> steps{1};
    const bool retroflex = spelled.at(1) == QLatin1Char('h') && QStringLiteral("zcs").contains(spelled.at(0));
    if (retroflex)
        steps.append(2);
    // The whole syllables the query starts with.
    for (qsizetype length = 1; length < spelled.size() && length <= m_longestSyllable; ++length) {
        const QString syllable = spelled.left(length);
        if (!m_byReading.contains(syllable))
            continue;
        if (!steps.contains(length))
            steps.append(length);
        // The next character read so that the rest of the query starts its reading.
        const QString rest = spelled.mid(length);
        for (auto at = std::lower_bound(m_syllables.cbegin(), m_syllables.cend(), rest); at != m_syllables.cend() && at->startsWith(rest); ++at)
            out.add(lookUp(m_byReadingPair, syllable + QLatin1Char(' ') + *at), true, CatalogueSearchHits::PinyinRule);
    }
    for (const qsizetype step : std::as_const(steps)) {
        if (step >= spelled.size())
            continue;
        out.add(lookUp(m_byStartPair, pair(first, spelled.at(step).unicode())), spelled.size() == 2, CatalogueSearchHits::PinyinRule);
    }
}
