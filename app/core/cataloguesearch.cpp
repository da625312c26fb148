#include "cataloguesearch.h"

#include <QRegularExpression>

namespace {

bool isLatinLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

// Every word of the query starts some word of the name, case aside: "birth reg" finds "Birth
// registration (household registration of a newborn)".
bool matchesEnglishWords(const QStringList &nameWords, const QStringList &queryWords)
{
    for (const QString &word : queryWords) {
        const bool found = std::any_of(nameWords.cbegin(), nameWords.cend(),
                                       [&word](const QString &w) { return w.startsWith(word, Qt::CaseInsensitive); });
        if (!found)
            return false;
    }
    return !queryWords.isEmpty();
}

} // namespace

CatalogueSearch::Query::Query(const QString &typed)
    : trimmed(typed.trimmed())
    , words(trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts))
{
    // Pinyin is typed without spaces or with apostrophes between syllables (xi'an).
    for (const QChar c : trimmed) {
        if (!isSkipped(c))
            spelled.append(c.toLower());
    }
}

CatalogueSearch::CatalogueSearch(Readings readings)
    : m_readings(std::move(readings))
{
}

// Brackets, dots and spaces in a name are not spelled: 住房公积金提取（无房租赁） is found by zfgjjtqwf.
bool CatalogueSearch::isSkipped(QChar c)
{
    return c.isPunct() || c.isSpace() || c.isSymbol();
}

QStringList CatalogueSearch::englishWords(const QString &name)
{
    static const QRegularExpression separators(QStringLiteral("[^A-Za-z0-9]+"));
    return name.split(separators, Qt::SkipEmptyParts);
}

QList<const CatalogueItem *> CatalogueSearch::find(const Catalogue &catalogue, const QString &query) const
{
    QList<const CatalogueItem *> found;
    const Query taken(query);
    if (taken.trimmed.isEmpty())
        return found;
    for (const CatalogueItem &item : catalogue.items()) {
        if (matches(item, englishWords(item.name.en), taken))
            found.append(&item);
    }
    return found;
}

bool CatalogueSearch::matches(const CatalogueItem &item, const QString &query) const
{
    return matches(item, englishWords(item.name.en), Query(query));
}

bool CatalogueSearch::matches(const CatalogueItem &item, const QStringList &englishWords, const Query &query) const
{
    if (query.trimmed.isEmpty())
        return false;
    if (containsTyped(item.name.zh, query))
        return true;
    if (startsEnglishWords(englishWords, query))
        return true;
    return !query.spelled.isEmpty() && spellsPartOf(item.name.zh, query.spelled);
}

bool CatalogueSearch::containsTyped(const QString &name, const Query &query)
{
    return !query.trimmed.isEmpty() && name.contains(query.trimmed, Qt::CaseInsensitive);
}

bool CatalogueSearch::startsEnglishWords(const QStringList &englishWords, const Query &query)
{
    return matchesEnglishWords(englishWords, query.words);
}

CatalogueSearch::Spelling CatalogueSearch::spelling(const QString &name) const
{
    Spelling out;
    out.characters.reserve(name.size());
    out.readings.reserve(name.size());
    for (const QChar c : name) {
        if (isSkipped(c))
            continue;
        out.characters.append(c.toLower());
        out.readings.append(m_readings.value(c));
    }
    return out;
}

bool CatalogueSearch::spellsPartOf(const QString &name, const QString &query) const
{
    return spellsPartOf(spelling(name), query);
}

bool CatalogueSearch::spellsPartOf(const Spelling &name, const QString &spelled) const
{
    for (qsizetype start = 0; start < name.characters.size(); ++start) {
        if (spellsFrom(name, start, spelled, 0))
            return true;
    }
    return false;
}

bool CatalogueSearch::spellsFrom(const Spelling &name, qsizetype at, const QString &query, qsizetype from) const
{
    if (from == query.size())
        return true;
    if (at == name.characters.size())
        return false;
    const QChar hanzi = name.characters.at(at);
    const QChar typed = query.at(from);
    const QStringList &readings = name.readings.at(at);
    // A character typed as itself (a chosen 身 in 身fz), or a Latin letter or digit in the name.
    if (!isLatinLetter(typed) || readings.isEmpty())
        return hanzi == typed && spellsFrom(name, at + 1, query, from + 1);
    const QStringView rest = QStringView(query).mid(from);
    for (const QString &reading : readings) {
        if (reading.at(0) != typed)
            continue;
        // The query may end inside this syllable (shenfenzh), give it whole, or give only its
        // initial; zh, ch and sh count as initials as well as their first letter.
        if (reading.startsWith(rest))
            return true;
        if (rest.startsWith(reading) && spellsFrom(name, at + 1, query, from + reading.size()))
            return true;
        if (spellsFrom(name, at + 1, query, from + 1))
            return true;
        const bool retroflex = reading.size() > 1 && reading.at(1) == QLatin1Char('h') && QStringLiteral("zcs").contains(typed);
        if (retroflex && rest.size() > 1 && rest.at(1) == QLatin1Char('h') && spellsFrom(name, at + 1, query, from + 2))
            return true;
    }
    return false;
}
