#pragma once

#include "catalogue.h"

#include <QString>

// Which journeys a resident may start by showing their network-identity or app code (netid_qr)
// instead of a card: the kiosk's own errands (progress, licences) take any identity the platform
// vouches for; an item says in the catalogue whether it does, and a theme only if each of its
// items does.
namespace CodeIdentification {

// Why a code cannot identify the resident for what they chose: "code_not_for_item", or empty
// when it can. `errand` is the kiosk's own errand ("progress", "licences") or empty; otherwise
// `themeId` names the theme being done, or else `itemCode` the item.
[[nodiscard]] QString refusal(const Catalogue &catalogue, const QString &errand, const QString &themeId, const QString &itemCode);

// The item may be started by code.
[[nodiscard]] bool accepts(const CatalogueItem *item);

} // namespace CodeIdentification
