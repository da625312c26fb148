#pragma once

#include "catalogue.h"

#include <QJsonObject>
#include <QString>

// The platform's checks of a submitted form against the catalogue's form definition, as pure
// functions: each field that fails gets a reason ("required", "invalid_phone" …), which is what
// 422 validation_failed carries in its details.
namespace FormCheck {

[[nodiscard]] QJsonObject check(const CatalogueItem &item, const QJsonObject &form);

// GB 11643 resident ID number: 17 digits and a check character (0-9 or X).
[[nodiscard]] bool isIdNumber(const QString &text);

} // namespace FormCheck
