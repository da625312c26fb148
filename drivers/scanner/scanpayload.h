#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// What a scanner's bytes mean as text (reference/devices.md §2): UTF-8 when the bytes are valid
// UTF-8, else GB18030 (what Chinese scanners send for codes printed by older systems). Leading and
// trailing CR/LF are stripped first, since some codes begin with a CR and most scans end with one.
// Pure functions: no I/O, no state.
namespace ScanPayload {

enum class Encoding { Utf8, Gb18030 };

// The longest scan any transport passes on. A QR code holds at most 2953 bytes and a PDF417 about
// 1.8 KB, so a longer stream is a fault (a babbling scanner, a wedge stuck on a key, a hostile
// device) and is dropped whole rather than grown without end. Every transport counts what it
// dropped as scans_too_long.
inline constexpr qsizetype MaxBytes = 8 * 1024;

struct Text {
    QString text;
    Encoding encoding = Encoding::Utf8;
};

[[nodiscard]] QByteArray stripLineEnds(QByteArrayView bytes);
// Strips line ends, then decodes; an empty result means the scan carried nothing.
[[nodiscard]] Text decode(QByteArrayView bytes);
[[nodiscard]] QString toString(Encoding encoding);
// What a log line may say about a scan: its length and format, never its content.
[[nodiscard]] QString describe(const QString &format, const QString &text);

} // namespace ScanPayload
