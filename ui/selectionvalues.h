#pragma once

#include "catalogue.h"

#include <QVariantMap>

// What QML shows of the resident's choice, in their language: an item's guide and materials, a
// theme's name.
namespace SelectionValues {

// code, name, department, kind, instant, offlineOk, faceRequired, guide, and materials (each
// with its name and whether it is required).
[[nodiscard]] QVariantMap item(const CatalogueItem &item, const QString &language);
// id and name.
[[nodiscard]] QVariantMap theme(const CatalogueTheme &theme, const QString &language);

} // namespace SelectionValues
