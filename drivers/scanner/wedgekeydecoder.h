#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

// Turns a keyboard-wedge scanner's key events (Linux evdev codes, US layout) back into the bytes
// it scanned. Enter becomes a line break: whether it ends the scan or breaks a multi-line code is
// for the caller to tell by the silence after it. Keypad digits count with or without NumLock's
// Alt sequences, and CapsLock pressed by the scanner (scanners that compensate for the host's
// CapsLock do that) swaps the case of letters. Characters outside ASCII arrive as Alt+numpad
// sequences, the way Windows-minded scanners send them: a code below 256 is one byte, a larger
// one the two bytes of a GBK/GB18030 character, so the result goes through ScanPayload::decode
// like any other scan. A scan longer than ScanPayload::MaxBytes is dropped whole and counted, and
// an Alt code longer than a GB18030 pair types nothing (its accumulator is capped, so no run of
// keypad digits can overflow it). Pure: no I/O; the caller reads the events and calls finish().
class WedgeKeyDecoder
{
public:
    static constexpr int EventKey = 1; // EV_KEY

    // Feeds one input event (type, code, value as in struct input_event).
    void feed(int type, int code, int value);
    // The bytes typed since the last finish(), line breaks included; nothing if none, or if the
    // scan grew too long (then counted by takeDroppedScans()).
    [[nodiscard]] std::optional<QByteArray> finish();
    [[nodiscard]] bool isPending() const { return !m_bytes.isEmpty() || m_tooLong; }
    // The last key typed was Enter: a short silence now ends the scan.
    [[nodiscard]] bool endsWithLineBreak() const { return m_endsWithLineBreak; }
    [[nodiscard]] qsizetype bufferedBytes() const { return m_bytes.size(); }
    // How many scans finish() dropped for being too long since the last call; resets the count.
    [[nodiscard]] int takeDroppedScans();

    // The key events a wedge scanner sends for `bytes` (press and release, Enter for each line
    // break and at the end), as (code, value) pairs, for tests. Bytes outside printable ASCII
    // become Alt+numpad sequences (one per byte below 0x80, one per GB18030 pair above).
    struct KeyEvent {
        int code = 0;
        int value = 0;
    };
    [[nodiscard]] static QList<KeyEvent> encode(const QByteArray &bytes);

    // An Alt code at or above this types nothing: no GB18030 pair is that large.
    static constexpr int AltCodeTooLarge = 0x10000;

private:
    void typeByte(char byte);

    QByteArray m_bytes;
    bool m_endsWithLineBreak = false;
    bool m_tooLong = false;
    int m_droppedScans = 0;
    bool m_shift = false;
    bool m_capsLock = false;
    bool m_alt = false;
    int m_altCode = -1;
};
