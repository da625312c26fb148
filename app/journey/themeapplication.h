#pragma once

#include "catalogue.h"

#include <QJsonObject>
#include <QString>

#include <optional>

class ApplicationDraft;

// 一件事一次办: several items filed from one identity check and one merged form. These are pure
// functions over the catalogue: the form and materials a theme asks for once (fields and
// materials shared by id, required if any item requires them, read-only only if every item
// says so), and what each of its items' cases carries out of the one draft.
namespace ThemeApplication {

// The merged item the resident fills in: code "theme:<id>", the theme's name, every field and
// material of its items once. Face check if any item needs one; offline only if all allow it.
// Nothing for an unknown theme or one whose items are not all `apply` items in the catalogue.
[[nodiscard]] std::optional<CatalogueItem> mergedItem(const Catalogue &catalogue, const QString &themeId);

// The case body of POST /cases for `item`, one of the theme's, from the merged draft: its own
// fields only, the applicant, how they were verified and the theme's id.
[[nodiscard]] QJsonObject caseBodyFor(const CatalogueItem &item, const ApplicationDraft &draft, const QString &verifiedBy,
                                      const QString &themeId);

} // namespace ThemeApplication
