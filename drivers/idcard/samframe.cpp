#include "idcard/samframe.h"

#include <QStringList>

namespace SamFrame {

quint8 checksum(QByteArrayView bytes)
{
    quint8 sum = 0;
    for (char byte : bytes)
        sum ^= static_cast<quint8>(byte);
    return sum;
}

QByteArray wrap(QByteArrayView body)
{
    const qsizetype length = body.size() + 1;
    QByteArray frame;
    frame.reserve(HeaderSize + length);
    frame.append(Preamble.data(), PreambleSize);
    frame.append(static_cast<char>((length >> 8) & 0xFF));
    frame.append(static_cast<char>(length & 0xFF));
    frame.append(body.data(), body.size());
    frame.append(static_cast<char>(checksum(QByteArrayView(frame).sliced(PreambleSize))));
    return frame;
}

QByteArray encodeCommand(Command command, QByteArrayView data)
{
    const auto code = static_cast<quint16>(command);
    QByteArray body;
    body.append(static_cast<char>(code >> 8));
    body.append(static_cast<char>(code & 0xFF));
    body.append(data.data(), data.size());
    return wrap(body);
}

QByteArray encodeResponse(quint8 sw3, QByteArrayView data, quint8 sw1, quint8 sw2)
{
    QByteArray body;
    body.append(static_cast<char>(sw1));
    body.append(static_cast<char>(sw2));
    body.append(static_cast<char>(sw3));
    body.append(data.data(), data.size());
    return wrap(body);
}

std::optional<Request> parseRequest(QByteArrayView body)
{
    if (body.size() < 2)
        return std::nullopt;
    return Request{static_cast<quint8>(body[0]), static_cast<quint8>(body[1]), body.sliced(2).toByteArray()};
}

std::optional<Response> parseResponse(QByteArrayView body)
{
    if (body.size() < 3)
        return std::nullopt;
    return Response{static_cast<quint8>(body[0]), static_cast<quint8>(body[1]), static_cast<quint8>(body[2]),
                    body.sliced(3).toByteArray()};
}

bool isPlausibleReply(Command command, const Response &response)
{
    const qsizetype size = response.data.size();
    switch (command) {
    case Command::FindCard:
        return response.sw3 == 0x9F ? size == 4 : (response.sw3 != 0x90 && size == 0);
    case Command::SelectCard:
        return response.sw3 == 0x90 ? size == 8 : (response.sw3 != 0x9F && size == 0);
    case Command::ReadSamId:
        return response.sw3 == 0x90 ? size == 16 : size == 0;
    case Command::ReadText:
    case Command::ReadTextAndFingerprint:
    case Command::ReadAppendedAddress:
        return response.sw3 == 0x90 ? size >= 4 : (response.sw3 != 0x9F && size == 0);
    case Command::ResetSam:
    case Command::SamStatus:
    case Command::SetMaxRfFrameBytes:
        return response.sw3 != 0x9F && size == 0;
    }
    return false;
}

QString formatSamId(QByteArrayView data)
{
    if (data.size() != 16)
        return {};
    QStringList groups;
    for (qsizetype i = 0; i < data.size(); i += 2)
        groups.append(QString::fromLatin1(data.sliced(i, 2).toByteArray().toHex().toUpper()));
    return groups.join(QLatin1Char('-'));
}

} // namespace SamFrame
