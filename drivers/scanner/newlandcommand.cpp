#include "scanner/newlandcommand.h"

namespace NewlandCommand {

namespace {

constexpr char Header[] = "\x7e\x01" "0000";
constexpr qsizetype HeaderSize = 6;

} // namespace

QByteArray frame(QByteArrayView command, Persistence persistence)
{
    QByteArray bytes(Header, HeaderSize);
    bytes += persistence == Persistence::Persistent ? '@' : '#';
    bytes += command.toByteArray();
    bytes += ';';
    bytes += '\x03';
    return bytes;
}

std::optional<QByteArray> parse(QByteArrayView bytes)
{
    if (bytes.size() < HeaderSize + 3 || bytes.first(HeaderSize) != QByteArrayView(Header, HeaderSize))
        return std::nullopt;
    const char mode = bytes.at(HeaderSize);
    if ((mode != '@' && mode != '#') || bytes.at(bytes.size() - 1) != '\x03' || bytes.at(bytes.size() - 2) != ';')
        return std::nullopt;
    return bytes.sliced(HeaderSize + 1, bytes.size() - HeaderSize - 3).toByteArray();
}

} // namespace NewlandCommand
