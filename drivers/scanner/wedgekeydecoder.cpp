#include "scanner/wedgekeydecoder.h"

#include "scanner/scanpayload.h"

#include <QList>

#include <algorithm>
#include <utility>

#include <linux/input-event-codes.h>

namespace {

struct KeyChar {
    int code;
    char plain;
    char shifted;
};

// The US layout, which scanners assume whatever the host's layout is.
constexpr KeyChar keyTable[] = {
    {KEY_1, '1', '!'}, {KEY_2, '2', '@'}, {KEY_3, '3', '#'}, {KEY_4, '4', '$'}, {KEY_5, '5', '%'},
    {KEY_6, '6', '^'}, {KEY_7, '7', '&'}, {KEY_8, '8', '*'}, {KEY_9, '9', '('}, {KEY_0, '0', ')'},
    {KEY_MINUS, '-', '_'}, {KEY_EQUAL, '=', '+'}, {KEY_TAB, '\t', '\t'},
    {KEY_Q, 'q', 'Q'}, {KEY_W, 'w', 'W'}, {KEY_E, 'e', 'E'}, {KEY_R, 'r', 'R'}, {KEY_T, 't', 'T'},
    {KEY_Y, 'y', 'Y'}, {KEY_U, 'u', 'U'}, {KEY_I, 'i', 'I'}, {KEY_O, 'o', 'O'}, {KEY_P, 'p', 'P'},
    {KEY_LEFTBRACE, '[', '{'}, {KEY_RIGHTBRACE, ']', '}'},
    {KEY_A, 'a', 'A'}, {KEY_S, 's', 'S'}, {KEY_D, 'd', 'D'}, {KEY_F, 'f', 'F'}, {KEY_G, 'g', 'G'},
    {KEY_H, 'h', 'H'}, {KEY_J, 'j', 'J'}, {KEY_K, 'k', 'K'}, {KEY_L, 'l', 'L'},
    {KEY_SEMICOLON, ';', ':'}, {KEY_APOSTROPHE, '\'', '"'}, {KEY_GRAVE, '`', '~'}, {KEY_BACKSLASH, '\\', '|'},
    {KEY_Z, 'z', 'Z'}, {KEY_X, 'x', 'X'}, {KEY_C, 'c', 'C'}, {KEY_V, 'v', 'V'}, {KEY_B, 'b', 'B'},
    {KEY_N, 'n', 'N'}, {KEY_M, 'm', 'M'}, {KEY_COMMA, ',', '<'}, {KEY_DOT, '.', '>'}, {KEY_SLASH, '/', '?'},
    {KEY_SPACE, ' ', ' '},
};

constexpr int keypadDigits[10] = {KEY_KP0, KEY_KP1, KEY_KP2, KEY_KP3, KEY_KP4, KEY_KP5, KEY_KP6, KEY_KP7, KEY_KP8, KEY_KP9};

int keypadDigit(int code)
{
    for (int digit = 0; digit < 10; ++digit) {
        if (keypadDigits[digit] == code)
            return digit;
    }
    return -1;
}

// The keypad's other characters, which scanners set to "keypad emulation" send for numbers.
char keypadSymbol(int code)
{
    switch (code) {
    case KEY_KPMINUS:
        return '-';
    case KEY_KPPLUS:
        return '+';
    case KEY_KPASTERISK:
        return '*';
    case KEY_KPSLASH:
        return '/';
    case KEY_KPDOT:
        return '.';
    default:
        return 0;
    }
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

} // namespace

void WedgeKeyDecoder::feed(int type, int code, int value)
{
    if (type != EventKey || value == 2)
        return; // SYN, MSC and autorepeat carry nothing a scan needs
    const bool pressed = value == 1;
    if (code == KEY_LEFTSHIFT || code == KEY_RIGHTSHIFT) {
        m_shift = pressed;
        return;
    }
    if (code == KEY_LEFTALT || code == KEY_RIGHTALT) {
        if (pressed) {
            m_alt = true;
            m_altCode = -1;
        } else {
            if (m_altCode >= 0 && m_altCode < 256) {
                typeByte(char(m_altCode));
            } else if (m_altCode >= 256 && m_altCode < AltCodeTooLarge) {
                typeByte(char((m_altCode >> 8) & 0xff));
                typeByte(char(m_altCode & 0xff));
            }
            m_alt = false;
            m_altCode = -1;
        }
        return;
    }
    if (!pressed)
        return;
    if (code == KEY_CAPSLOCK) {
        m_capsLock = !m_capsLock;
        return;
    }
    const int digit = keypadDigit(code);
    if (m_alt) {
        if (digit >= 0) {
            // Capped, so a scanner that never lets go of Alt cannot overflow the accumulator.
            m_altCode = std::min((m_altCode < 0 ? 0 : m_altCode * 10) + digit, int(AltCodeTooLarge));
        }
        return;
    }
    if (code == KEY_ENTER || code == KEY_KPENTER) {
        typeByte('\n');
        return;
    }
    if (digit >= 0) {
        typeByte(char('0' + digit));
        return;
    }
    if (const char symbol = keypadSymbol(code)) {
        typeByte(symbol);
        return;
    }
    for (const KeyChar &key : keyTable) {
        if (key.code == code) {
            // CapsLock turns letters only, and Shift turns them back.
            const bool upper = isLetter(key.plain) ? m_shift != m_capsLock : m_shift;
            typeByte(upper ? key.shifted : key.plain);
            break;
        }
    }
}

void WedgeKeyDecoder::typeByte(char byte)
{
    m_endsWithLineBreak = byte == '\n';
    if (m_tooLong)
        return;
    if (m_bytes.size() >= ScanPayload::MaxBytes) {
        m_bytes.clear();
        m_tooLong = true;
        return;
    }
    m_bytes += byte;
}

std::optional<QByteArray> WedgeKeyDecoder::finish()
{
    m_endsWithLineBreak = false;
    if (m_tooLong) {
        m_tooLong = false;
        ++m_droppedScans;
        return std::nullopt;
    }
    if (m_bytes.isEmpty())
        return std::nullopt;
    QByteArray bytes = m_bytes;
    m_bytes.clear();
    return bytes;
}

int WedgeKeyDecoder::takeDroppedScans()
{
    return std::exchange(m_droppedScans, 0);
}

QList<WedgeKeyDecoder::KeyEvent> WedgeKeyDecoder::encode(const QByteArray &bytes)
{
    QList<KeyEvent> events;
    const auto tap = [&events](int code) {
        events << KeyEvent{code, 1} << KeyEvent{code, 0};
    };
    const auto altCode = [&events, &tap](int number) {
        events << KeyEvent{KEY_LEFTALT, 1};
        for (const QChar digit : QString::number(number))
            tap(keypadDigits[digit.digitValue()]);
        events << KeyEvent{KEY_LEFTALT, 0};
    };
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = quint8(bytes.at(i));
        if (byte == '\n' || (byte == '\r' && (i + 1 == bytes.size() || bytes.at(i + 1) != '\n'))) {
            tap(KEY_ENTER);
            continue;
        }
        if (byte == '\r')
            continue; // CR LF is one Enter
        if (byte >= 0x80 && i + 1 < bytes.size()) {
            altCode((byte << 8) | quint8(bytes.at(i + 1)));
            ++i;
            continue;
        }
        const KeyChar *found = nullptr;
        bool shifted = false;
        for (const KeyChar &key : keyTable) {
            if (key.plain == char(byte) || key.shifted == char(byte)) {
                found = &key;
                shifted = key.plain != char(byte);
                break;
            }
        }
        if (!found) {
            altCode(byte);
            continue;
        }
        if (shifted)
            events << KeyEvent{KEY_LEFTSHIFT, 1};
        tap(found->code);
        if (shifted)
            events << KeyEvent{KEY_LEFTSHIFT, 0};
    }
    tap(KEY_ENTER);
    return events;
}
