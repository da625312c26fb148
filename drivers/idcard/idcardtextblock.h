#pragma once

#include "idcard/idcardholder.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// The card's data as a read command returns it (reference/devices.md §1), as pure functions:
// the lengths-then-blocks layout of a 30 01 / 30 10 reply, and the 256-byte UCS-2 LE text block
// of all four card types. encode*() are the inverse, for the simulator and round-trip tests.
namespace IdCardTextBlock {

inline constexpr qsizetype TextSize = 256;
inline constexpr qsizetype PhotoSize = 1024;

struct CardData {
    QByteArray text;
    QByteArray photo;
    QByteArray fingerprint;
};

// Splits the data of a successful read reply (after SW3). `withFingerprint` says whether the
// command was 30 10 (three lengths) or 30 01 (two).
[[nodiscard]] std::optional<CardData> parseReadData(QByteArrayView data, bool withFingerprint, QString *error = nullptr);
[[nodiscard]] QByteArray encodeReadData(const CardData &card, bool withFingerprint);

// Parses one 256-byte text block; fails only when it is not 256 bytes. Fields that do not
// parse stay empty or invalid and show up in IdCardHolder::problems().
[[nodiscard]] std::optional<IdCardHolder> parse(QByteArrayView block, QString *error = nullptr);
[[nodiscard]] QByteArray encode(const IdCardHolder &holder);

} // namespace IdCardTextBlock
