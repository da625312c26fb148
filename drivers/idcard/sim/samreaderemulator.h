#pragma once

#include "idcard/idcardholder.h"
#include "idcard/samframe.h"
#include "sim/replysegment.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A SAM_A reader as a state machine over commands and replies: a card that is on the field or
// not, the "found once, then not again until it leaves" rule, and the faults the tests and the
// demo inject. Pure: it turns a request into the bytes to send and the pauses between them; the
// pty and the USB emulation do the I/O.
class SamReaderEmulator
{
public:
    enum class Fault {
        NoCard,       // finds answer 80 even with a card on the field (persistent)
        ReadFailure,  // the next read answers 41 (one-shot)
        SamFailure,   // every command answers 60, a reset does not help (persistent)
        SamFailureUntilReset, // every command answers 60 until a reset (10 FF) arrives
        SamReadError, // every read answers a SAM-class SW3 (31 unless chosen) until a reset
        TornFrames,   // replies arrive in three pieces, 150 ms apart (persistent)
        Noise,        // line noise before every reply's preamble (persistent)
        BadChecksum,  // the next reply carries a wrong checksum (one-shot)
        Slow,         // every reply waits 400 ms (persistent; within a 1 s command timeout)
        Late,         // the reader stalls: the next reply comes 1.5 s late, after a 1 s command
                      // timeout, and the backlog behind it 30 ms a reply (one-shot)
        Mute,         // no reply at all (persistent)
        Unplug,       // the reader is gone until the fault is cleared (persistent)
    };

    using Segment = ReplySegment;

    // `kioskctl sim fault NAME`: no_card, read_failure, sam_failure, sam_failure_until_reset,
    // sam_read_error, torn_frames, noise, bad_checksum, slow, late, mute, unplug; and `none` to
    // clear every fault.
    [[nodiscard]] static QStringList faultNames();
    [[nodiscard]] static std::optional<Fault> faultFromName(const QString &name);
    [[nodiscard]] static QString faultName(Fault fault);

    void present(const IdCardHolder &card);
    void remove();
    // A reader that lost power forgets which card it has already read.
    void powerCycle() { m_readSinceArrival = false; }
    void setFault(Fault fault);
    // The control language's `fault NAME [SW3]`: `sam_read_error` takes the SAM-class SW3 (hex,
    // as the codec classes it) reads answer with. The fault set, or nothing with the reason.
    [[nodiscard]] std::optional<Fault> setFault(const QString &name, const QString &argument, QString *error);
    void clearFaults();
    [[nodiscard]] bool hasFault(Fault fault) const { return m_faults.contains(fault); }
    [[nodiscard]] bool cardPresent() const { return m_card.has_value(); }
    [[nodiscard]] QStringList activeFaults() const;
    // How many reset frames (10 FF) the reader has received, so a test can prove one arrived.
    [[nodiscard]] int samResetsReceived() const { return m_samResetsReceived; }

    // The reply to one command, as timed pieces; empty when the reader stays silent.
    [[nodiscard]] QList<Segment> handle(const SamFrame::Request &request);

private:
    QByteArray answer(const SamFrame::Request &request);

    std::optional<IdCardHolder> m_card;
    bool m_readSinceArrival = false;
    QList<Fault> m_faults;
    quint32 m_noiseSeed = 1;
    int m_backlog = 0; // replies still to come slowly after a stall
    quint8 m_samReadErrorSw3 = 0x31;
    int m_samResetsReceived = 0;
};
