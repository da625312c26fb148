#pragma once

#include <QByteArray>

#include <optional>

// Turns a keyboard-wedge scanner's key events (Linux evdev codes, US layout) back into the bytes
// it scanned. Enter ends a scan. Characters outside ASCII arrive as Alt+numpad sequences, the
// way Windows-minded scanners send them: a code below 256 is one byte, a larger one the two bytes
// of a GBK/GB18030 character, so the result goes through ScanPayload::decode like any other scan.
// Pure: no I/O; the caller reads the events and calls finish() after 100 ms of silence.
class WedgeKeyDecoder
{
public:
    static constexpr int EventKey = 1; // EV_KEY

    // Feeds one input event (type, code, value as in struct input_event); returns the scan's
    // bytes when this event ends one.
    [[nodiscard]] std::optional<QByteArray> feed(int type, int code, int value);
    [[nodiscard]] std::optional<QByteArray> finish();
    [[nodiscard]] bool isPending() const { return !m_bytes.isEmpty(); }

    // The key events a wedge scanner sends for `bytes` (press and release, Enter at the end),
    // as (code, value) pairs, for the recorded-stream simulator and tests. Bytes outside printable
    // ASCII become Alt+numpad sequences (one per byte below 0x80, one per GB18030 pair above).
    struct KeyEvent {
        int code = 0;
        int value = 0;
    };
    [[nodiscard]] static QList<KeyEvent> encode(const QByteArray &bytes);

private:
    QByteArray m_bytes;
    bool m_shift = false;
    bool m_alt = false;
    int m_altCode = -1;
};
