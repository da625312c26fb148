#pragma once

#include "catalogue.h"

#include <QChar>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// Finds the catalogue's items from what a resident types: part of the Chinese name (身份证), the
// start of words of the English name (birth reg), or pinyin over consecutive characters of the
// Chinese name — initials (sfz), whole syllables (shenfenzheng) or a mix (shenfz, 身fz). A
// character read several ways (行: xing, hang) matches any of its readings.
class CatalogueSearch
{
public:
    // The pinyin syllables of each Chinese character (HanziReadings gives the full table).
    using Readings = QHash<QChar, QStringList>;

    // What a resident typed, taken apart once for every item it is tried on.
    struct Query
    {
        explicit Query(const QString &typed = QString());

        QString trimmed;
        QStringList words;  // split at spaces, for the English name
        QString spelled;    // lower-cased, without the brackets, dots and spaces nobody spells
    };

    // A name's spelled characters taken apart once, so that trying a query on it looks nothing up:
    // lower-cased, without the characters nobody spells, each with its readings (none for a
    // character typed as itself).
    struct Spelling
    {
        QString characters;
        QList<QStringList> readings;
    };

    explicit CatalogueSearch(Readings readings);

    // The matching items in catalogue order, by a walk over every item (CatalogueSearchIndex
    // finds the same from an index); nothing for a blank query.
    [[nodiscard]] QList<const CatalogueItem *> find(const Catalogue &catalogue, const QString &query) const;
    [[nodiscard]] bool matches(const CatalogueItem &item, const QString &query) const;
    // The same with the query and the item's English words (englishWords()) taken apart already.
    [[nodiscard]] bool matches(const CatalogueItem &item, const QStringList &englishWords, const Query &query) const;
    // Whether `query` spells, from some character of `name` on, consecutive characters of it.
    [[nodiscard]] bool spellsPartOf(const QString &name, const QString &query) const;
    [[nodiscard]] bool spellsPartOf(const Spelling &name, const QString &spelled) const;
    [[nodiscard]] Spelling spelling(const QString &name) const;

    // The three ways an item matches (matches() is any of them), for CatalogueSearchIndex to
    // check a candidate only by the way it was found.
    [[nodiscard]] static bool containsTyped(const QString &name, const Query &query);
    [[nodiscard]] static bool startsEnglishWords(const QStringList &englishWords, const Query &query);

    [[nodiscard]] const Readings &readings() const { return m_readings; }
    // The words of an English name as matchesEnglishWords splits them.
    [[nodiscard]] static QStringList englishWords(const QString &name);
    // Characters of a name that are not spelled (brackets, dots, spaces).
    [[nodiscard]] static bool isSkipped(QChar c);

private:
    [[nodiscard]] bool spellsFrom(const Spelling &name, qsizetype at, const QString &query, qsizetype from) const;

    Readings m_readings;
};
