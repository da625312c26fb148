#pragma once

#include "idcard/idcardholder.h"

#include <QJsonObject>

#include <optional>

// The identity the platform vouches for when a resident shows the code of the national network
// identity or the provincial app (POST /identity/verify, method netid_qr): the `holder` object
// of its answer ({"name", "id_number"}) as a card holder, so the form is prefilled as it is from
// a card. Birth date and gender are read from the citizen number, as GB 11643 lays them out.
namespace VerifiedHolder {
// Nothing when the name is missing or the number is not a valid 18-character citizen number.
[[nodiscard]] std::optional<IdCardHolder> fromPlatform(const QJsonObject &holder);
} // namespace VerifiedHolder
