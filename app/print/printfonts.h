#pragma once

#include <QFont>
#include <QString>

// The fonts printed pages use: Noto Sans CJK SC (fonts-noto-cjk), embedded in every PDF so a
// printer without CJK fonts prints the same glyphs. A page is never rendered with a stand-in
// font: missing glyphs on a receipt would be worse than no receipt.
namespace PrintFonts {

// Registers the font if fontconfig does not already list it; false (with why) when it is missing.
[[nodiscard]] bool ensureAvailable(QString *error);
[[nodiscard]] QFont font(qreal pointSize, bool bold = false);

} // namespace PrintFonts
