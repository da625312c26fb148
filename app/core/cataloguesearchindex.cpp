#include "cataloguesearchindex.h"

#include <QVarLengthArray>

#include <algorithm>

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
}

void CatalogueSearchIndex::add(int position, const CatalogueItem &item)
{
    m_entries.push_back({&item, CatalogueSearch::englishWords(item.name.en)});
    for (const QString &word : m_entries.back().englishWords)
        m_englishWords.emplace_back(word.toLower(), position);

    const QString &name = item.name.zh;
    const CatalogueSearch::Readings &readings = m_search->readings();
    QVarLengthArray<char16_t, 8> previousStarts;
    for (const QChar c : name) {
        post(m_byCharacter, folded(c), position);
        if (CatalogueSearch::isSkipped(c))
            continue; // not spelled: the characters either side of it are consecutive
        // How a resident can type this character: a reading's first letter (initials, or the
        // start of a whole syllable) or the character itself; a Latin letter or a digit is typed
        // as itself, lower case.
        QVarLengthArray<char16_t, 8> starts;
        const auto found = readings.constFind(c);
        if (found != readings.cend()) {
            for (const QString &reading : *found) {
                post(m_byReading, reading, position);
                if (!reading.isEmpty() && !starts.contains(reading.at(0).unicode()))
                    starts.append(reading.at(0).unicode());
            }
            starts.append(c.unicode());
        } else {
            starts.append(c.toLower().unicode());
        }
        for (const char16_t start : std::as_const(starts)) {
            post(m_byStart, start, position);
            for (const char16_t before : std::as_const(previousStarts))
                post(m_byStartPair, pair(before, start), position);
        }
        previousStarts = starts;
    }
}

template<typename Key>
void CatalogueSearchIndex::post(QHash<Key, Postings> &table, const Key &key, int position)
{
    Postings &postings = table[key];
    if (postings.isEmpty() || postings.constLast() != position)
        postings.append(position);
}

void CatalogueSearchIndex::append(const Postings *postings, std::vector<int> &out)
{
    if (postings)
        out.insert(out.end(), postings->cbegin(), postings->cend());
}

QList<const CatalogueItem *> CatalogueSearchIndex::find(const QString &query) const
{
    QList<const CatalogueItem *> found;
    const CatalogueSearch::Query taken(query);
    if (taken.trimmed.isEmpty())
        return found;
    for (const int position : candidates(taken)) {
        const Entry &entry = m_entries.at(size_t(position));
        if (m_search->matches(*entry.item, entry.englishWords, taken))
            found.append(entry.item);
    }
    return found;
}

std::vector<int> CatalogueSearchIndex::candidates(const CatalogueSearch::Query &query) const
{
    std::vector<int> out;
    addChineseCandidates(query.trimmed, out);
    addEnglishCandidates(query.words, out);
    addPinyinCandidates(query.spelled, out);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// A name containing the query contains each of its characters: the rarest one's items.
void CatalogueSearchIndex::addChineseCandidates(const QString &trimmed, std::vector<int> &out) const
{
    const Postings *rarest = nullptr;
    for (const QChar c : trimmed) {
        const auto found = m_byCharacter.constFind(folded(c));
        if (found == m_byCharacter.cend())
            return; // a character no name has
        if (!rarest || found->size() < rarest->size())
            rarest = &*found;
    }
    append(rarest, out);
}

// Every query word starts some word of the name: the items of the first word's prefix range.
void CatalogueSearchIndex::addEnglishCandidates(const QStringList &words, std::vector<int> &out) const
{
    if (words.isEmpty())
        return;
    const QString prefix = words.constFirst().toLower();
    auto at = std::lower_bound(m_englishWords.cbegin(), m_englishWords.cend(), std::make_pair(prefix, -1));
    for (; at != m_englishWords.cend() && at->first.startsWith(prefix); ++at)
        out.push_back(at->second);
}

// Pinyin over consecutive characters: the first character takes the query's first letter and
// one or more after it (its initial, zh/ch/sh, or a whole reading), and the next character
// starts where it stopped. So the items where two consecutive characters start with the query's
// first letter and with one of the letters the first syllable can end before; or, for a query
// within one syllable, the items with a character read that way.
void CatalogueSearchIndex::addPinyinCandidates(const QString &spelled, std::vector<int> &out) const
{
    if (spelled.isEmpty())
        return;
    const char16_t first = spelled.at(0).unicode();
    if (spelled.size() == 1) {
        const auto found = m_byStart.constFind(first);
        append(found == m_byStart.cend() ? nullptr : &*found, out);
        return;
    }
    QList<qsizetype> steps{1};
    const bool retroflex = spelled.at(1) == QLatin1Char('h') && QStringLiteral("zcs").contains(spelled.at(0));
    if (retroflex)
        steps.append(2);
    for (auto reading = m_byReading.cbegin(); reading != m_byReading.cend(); ++reading) {
        const QString &syllable = reading.key();
        if (syllable.startsWith(spelled))
            append(&reading.value(), out); // the query ends inside this syllable
        else if (spelled.startsWith(syllable) && !steps.contains(syllable.size()))
            steps.append(syllable.size());
    }
    for (const qsizetype step : std::as_const(steps)) {
        if (step >= spelled.size())
            continue;
        const auto found = m_byStartPair.constFind(pair(first, spelled.at(step).unicode()));
        if (found != m_byStartPair.cend())
            append(&*found, out);
    }
}
