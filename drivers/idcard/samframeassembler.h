#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// Turns a byte stream from a serial line or USB pipe into SAM frames: it skips noise until the
// preamble, waits for bytes split across reads, and reports a frame whose length or checksum is
// wrong as a typed error before resynchronising on the next preamble. Pure: no I/O.
class SamFrameAssembler
{
public:
    enum class Error { None, BadLength, BadChecksum };

    struct Result {
        Error error = Error::None;
        QByteArray body;         // between LEN and CHK; empty on error
        qsizetype skippedNoise = 0; // bytes dropped before this frame's preamble
    };

    // `minimumLength` is the smallest LEN a valid frame has here: 3 for commands, 4 for responses.
    explicit SamFrameAssembler(qsizetype minimumLength = 4);

    void feed(QByteArrayView bytes);
    // The next complete frame or error, or nothing until more bytes arrive.
    [[nodiscard]] std::optional<Result> next();
    void clear();
    [[nodiscard]] qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    QByteArray m_buffer;
    qsizetype m_minimumLength;
    qsizetype m_noise = 0;
};
