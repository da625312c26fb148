#pragma once

#include <QString>

// What the speech engine is handed for a text on screen. Numbers that are read as codes (ID,
// case, phone and ticket numbers) are spelled a digit at a time, and the stars that mask part of
// a number are said as "hidden", so a masked number is read exactly as the screen shows it. A
// full 18-character ID number that reached the screen by mistake is masked before it is spoken.
namespace SpokenText {

// `language` is the UI's ("zh" or "en"); it chooses the word for the hidden digits.
[[nodiscard]] QString forSpeech(const QString &text, const QString &language);

} // namespace SpokenText
