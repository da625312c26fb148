#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <optional>

// The SAM frame of GA/T 467 (reference/devices.md §1), as pure functions over bytes:
//   AA AA AA 96 69 | LEN_H LEN_L | body… | CHK
// LEN counts every byte after itself (CHK included); CHK is the XOR of LEN_H … last body byte.
// A command's body is CMD PARA [DATA]; a response's body is SW1 SW2 SW3 [DATA].
namespace SamFrame {

inline constexpr std::array<char, 5> Preamble = {'\xAA', '\xAA', '\xAA', '\x96', '\x69'};
inline constexpr qsizetype PreambleSize = 5;
inline constexpr qsizetype HeaderSize = 7; // preamble + LEN
// The largest body a reader sends: SW1-3, three lengths, text, photo and fingerprint.
inline constexpr qsizetype MaxLength = 3 + 6 + 256 + 1024 + 1024 + 1;

enum class Command : quint16 {
    ResetSam = 0x10FF,
    SamStatus = 0x11FF,
    ReadSamId = 0x12FF,
    FindCard = 0x2001,
    SelectCard = 0x2002,
    ReadText = 0x3001,
    ReadTextAndFingerprint = 0x3010,
    ReadAppendedAddress = 0x3003, // opcode unverified (devices.md); kept configurable by the reader
    SetMaxRfFrameBytes = 0x61FF,
};

struct Request {
    quint8 command = 0;
    quint8 parameter = 0;
    QByteArray data;
    [[nodiscard]] quint16 code() const { return static_cast<quint16>(command << 8 | parameter); }
};

struct Response {
    quint8 sw1 = 0;
    quint8 sw2 = 0;
    quint8 sw3 = 0;
    QByteArray data;
};

// The XOR of `bytes`.
[[nodiscard]] quint8 checksum(QByteArrayView bytes);

// A whole frame with preamble, LEN and CHK around `body`.
[[nodiscard]] QByteArray wrap(QByteArrayView body);
[[nodiscard]] QByteArray encodeCommand(Command command, QByteArrayView data = {});
[[nodiscard]] QByteArray encodeResponse(quint8 sw3, QByteArrayView data = {}, quint8 sw1 = 0, quint8 sw2 = 0);

// Splits an assembled body (what SamFrameAssembler yields) into its fields; nothing when the
// body is too short to be a request (2 bytes) or a response (3 bytes).
[[nodiscard]] std::optional<Request> parseRequest(QByteArrayView body);
[[nodiscard]] std::optional<Response> parseResponse(QByteArrayView body);

// Whether `response` can be the reply to `command`, judged by the data a success carries (find:
// 4 bytes, select: 8, SAM id: 16, read: the length fields; failures: none). The protocol has no
// sequence numbers, so this is how a late reply to an earlier, timed-out command is recognised.
[[nodiscard]] bool isPlausibleReply(Command command, const Response &response);

// The SAM id of a read-SAM-id reply (16 data bytes) as the platform receives it in `sam_id`:
// the bytes in order, as upper-case hex in groups of four, because vendors print them in
// differing decimal forms. Empty when the data is not 16 bytes.
[[nodiscard]] QString formatSamId(QByteArrayView data);

} // namespace SamFrame
