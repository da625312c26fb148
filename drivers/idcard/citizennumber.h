#pragma once

#include <QChar>
#include <QStringView>

// The ISO 7064 MOD 11-2 check character of 18-character citizen numbers (GB 11643), also used
// by residence permits and the 2023 foreign permanent resident card.
namespace CitizenNumber {
// The check character for the first 17 digits of `number`, or a null QChar when they are not digits.
[[nodiscard]] QChar checkCharacter(QStringView number);
// True for 17 digits followed by their check character ('x' accepted for 'X').
[[nodiscard]] bool isValid(QStringView number);
} // namespace CitizenNumber
