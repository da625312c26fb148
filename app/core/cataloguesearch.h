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

    explicit CatalogueSearch(Readings readings);

    // The matching items in catalogue order; nothing for a blank query.
    [[nodiscard]] QList<const CatalogueItem *> find(const Catalogue &catalogue, const QString &query) const;
    [[nodiscard]] bool matches(const CatalogueItem &item, const QString &query) const;
    // Whether `query` spells, from some character of `name` on, consecutive characters of it.
    [[nodiscard]] bool spellsPartOf(const QString &name, const QString &query) const;

private:
    [[nodiscard]] bool spellsFrom(const QString &name, qsizetype at, const QString &query, qsizetype from) const;

    Readings m_readings;
};
