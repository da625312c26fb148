#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

// Bytes the ID card suites write by hand, independently of the codec they test: frames from hex
// text, and a card's text block laid out field by field.
namespace HandBuilt {

inline QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

// A text block written field by field in the test, independently of IdCardTextBlock::encode.
inline QByteArray block(const QList<std::pair<int, QString>> &fields)
{
    QByteArray bytes(256, '\0');
    for (int i = 0; i < 256; i += 2)
        bytes[i] = ' ';
    for (const auto &[offset, text] : fields) {
        for (qsizetype i = 0; i < text.size(); ++i) {
            bytes[offset + 2 * i] = static_cast<char>(text.at(i).unicode() & 0xFF);
            bytes[offset + 2 * i + 1] = static_cast<char>(text.at(i).unicode() >> 8);
        }
    }
    return bytes;
}

} // namespace HandBuilt
