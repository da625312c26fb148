#pragma once

#include "idcard/idcardholder.h"

#include <QString>

// A card number typed at the kiosk (by staff vouching for a resident, or by an agent naming the
// person they act for), checked as the card type lays it out: the 18-character numbers of the
// resident card, the Hong Kong, Macao and Taiwan residence permit and the 2023 foreign permanent
// resident card end in their ISO 7064 MOD 11-2 check character (and the permit and the 2023 card
// start with their own prefixes); the 2017 foreign permanent resident card has 3 letters and 12
// digits and no check character.
namespace TypedIdNumber {

enum class Problem { None, Empty, WrongLength, WrongShape, CheckFailed };

// The number as it is kept: spaces gone, a lower-case 'x' (or letters) upper-cased.
[[nodiscard]] QString normalised(const QString &typed);
[[nodiscard]] Problem check(IdCardHolder::CardType type, const QString &typed);
// "empty", "wrong_length", "wrong_shape", "check_failed"; empty for None.
[[nodiscard]] QString problemName(Problem problem);

} // namespace TypedIdNumber
