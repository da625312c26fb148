#pragma once

#include "idcard/idcardholder.h"

#include <QStringList>

// The simulator's scripted cards: invented but realistic Anhui holders of every card type, with
// valid check characters, so the demo and the tests read something that looks like the real thing.
namespace SimCards {
// The names `kioskctl sim card present NAME` accepts: the four type names and resident_long_term.
[[nodiscard]] QStringList names();
// The card called `name`, photo and fingerprint bytes included; nothing for an unknown name.
[[nodiscard]] std::optional<IdCardHolder> card(const QString &name);
} // namespace SimCards
