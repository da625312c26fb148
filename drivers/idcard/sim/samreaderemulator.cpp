#include "idcard/sim/samreaderemulator.h"

#include "idcard/idcardtextblock.h"
#include "idcard/samstatus.h"

namespace {

struct FaultRow {
    SamReaderEmulator::Fault fault;
    const char *name;
};

constexpr FaultRow FaultRows[] = {
    {SamReaderEmulator::Fault::NoCard, "no_card"},
    {SamReaderEmulator::Fault::ReadFailure, "read_failure"},
    {SamReaderEmulator::Fault::SamFailure, "sam_failure"},
    {SamReaderEmulator::Fault::SamFailureUntilReset, "sam_failure_until_reset"},
    {SamReaderEmulator::Fault::SamReadError, "sam_read_error"},
    {SamReaderEmulator::Fault::TornFrames, "torn_frames"},
    {SamReaderEmulator::Fault::Noise, "noise"},
    {SamReaderEmulator::Fault::BadChecksum, "bad_checksum"},
    {SamReaderEmulator::Fault::Slow, "slow"},
    {SamReaderEmulator::Fault::Late, "late"},
    {SamReaderEmulator::Fault::Mute, "mute"},
    {SamReaderEmulator::Fault::Unplug, "unplug"},
};

constexpr quint8 Success = 0x90;
constexpr int TornPauseMs = 150;
constexpr quint8 DefaultSamReadError = 0x31; // the card failed to authenticate the SAM

// The SW3 values the codec classes as SAM faults, for `fault sam_read_error`'s help.
QString samFaultCodes()
{
    QStringList codes;
    for (int sw3 = 0; sw3 <= 0xFF; ++sw3) {
        if (SamStatus::fromSw3(static_cast<quint8>(sw3)).isSamFault())
            codes << QStringLiteral("%1").arg(sw3, 2, 16, QLatin1Char('0')).toUpper();
    }
    return codes.join(QStringLiteral(", "));
}

} // namespace

QStringList SamReaderEmulator::faultNames()
{
    QStringList names;
    for (const FaultRow &row : FaultRows)
        names << QString::fromLatin1(row.name);
    return names;
}

std::optional<SamReaderEmulator::Fault> SamReaderEmulator::faultFromName(const QString &name)
{
    for (const FaultRow &row : FaultRows) {
        if (name == QLatin1String(row.name))
            return row.fault;
    }
    return std::nullopt;
}

QString SamReaderEmulator::faultName(Fault fault)
{
    for (const FaultRow &row : FaultRows) {
        if (row.fault == fault)
            return QString::fromLatin1(row.name);
    }
    return {};
}

void SamReaderEmulator::present(const IdCardHolder &card)
{
    m_card = card;
    m_readSinceArrival = false;
}

void SamReaderEmulator::remove()
{
    if (m_card)
        m_card->wipe();
    m_card.reset();
    m_readSinceArrival = false;
}

void SamReaderEmulator::setFault(Fault fault)
{
    if (!m_faults.contains(fault))
        m_faults.append(fault);
}

std::optional<SamReaderEmulator::Fault> SamReaderEmulator::setFault(const QString &name, const QString &argument, QString *error)
{
    const std::optional<Fault> fault = faultFromName(name);
    if (!fault) {
        *error = QStringLiteral("no fault called %1; try none, %2").arg(name, faultNames().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    if (*fault == Fault::SamReadError) {
        quint8 sw3 = DefaultSamReadError;
        if (!argument.isEmpty()) {
            bool ok = false;
            const uint value = argument.toUInt(&ok, 16);
            if (!ok || value > 0xFF || !SamStatus::fromSw3(static_cast<quint8>(value)).isSamFault()) {
                *error = QStringLiteral("sam_read_error takes a SW3 that is a SAM fault: %1").arg(samFaultCodes());
                return std::nullopt;
            }
            sw3 = static_cast<quint8>(value);
        }
        m_samReadErrorSw3 = sw3;
    } else if (!argument.isEmpty()) {
        *error = QStringLiteral("fault %1 takes no argument").arg(name);
        return std::nullopt;
    }
    setFault(*fault);
    return fault;
}

void SamReaderEmulator::clearFaults()
{
    m_faults.clear();
}

QStringList SamReaderEmulator::activeFaults() const
{
    QStringList names;
    for (Fault fault : m_faults)
        names << faultName(fault);
    return names;
}

QByteArray SamReaderEmulator::answer(const SamFrame::Request &request)
{
    using C = SamFrame::Command;
    if (static_cast<C>(request.code()) == C::ResetSam) {
        ++m_samResetsReceived;
        // What a reset cures; a SAM that failed its self-test for good (sam_failure) stays failed.
        m_faults.removeAll(Fault::SamFailureUntilReset);
        m_faults.removeAll(Fault::SamReadError);
    }
    if (hasFault(Fault::SamFailure) || hasFault(Fault::SamFailureUntilReset))
        return SamFrame::encodeResponse(0x60);
    switch (static_cast<C>(request.code())) {
    case C::ResetSam:
    case C::SamStatus:
        return SamFrame::encodeResponse(Success);
    case C::ReadSamId:
        return SamFrame::encodeResponse(Success, QByteArray::fromHex("05000000340100000000000012345678"));
    case C::SetMaxRfFrameBytes:
        return SamFrame::encodeResponse(request.data.size() == 1 ? Success : 0x11);
    case C::FindCard:
        if (!m_card || m_readSinceArrival || hasFault(Fault::NoCard))
            return SamFrame::encodeResponse(0x80);
        return SamFrame::encodeResponse(0x9F, QByteArray(4, '\0'));
    case C::SelectCard:
        if (!m_card || hasFault(Fault::NoCard))
            return SamFrame::encodeResponse(0x81);
        return SamFrame::encodeResponse(Success, QByteArray(8, '\0'));
    case C::ReadText:
    case C::ReadTextAndFingerprint: {
        if (hasFault(Fault::SamReadError))
            return SamFrame::encodeResponse(m_samReadErrorSw3);
        if (!m_card || hasFault(Fault::ReadFailure)) {
            m_faults.removeAll(Fault::ReadFailure);
            return SamFrame::encodeResponse(0x41);
        }
        const bool fingerprint = static_cast<C>(request.code()) == C::ReadTextAndFingerprint;
        const IdCardTextBlock::CardData data{IdCardTextBlock::encode(*m_card), m_card->photo.leftJustified(1024, '\0', true),
                                             fingerprint ? m_card->fingerprint : QByteArray()};
        m_readSinceArrival = true;
        return SamFrame::encodeResponse(Success, IdCardTextBlock::encodeReadData(data, fingerprint));
    }
    case C::ReadAppendedAddress:
        return SamFrame::encodeResponse(m_card ? 0x91 : 0x41);
    }
    return SamFrame::encodeResponse(0x21);
}

QList<SamReaderEmulator::Segment> SamReaderEmulator::handle(const SamFrame::Request &request)
{
    if (hasFault(Fault::Unplug) || hasFault(Fault::Mute))
        return {};
    QByteArray reply = answer(request);
    if (hasFault(Fault::BadChecksum)) {
        m_faults.removeAll(Fault::BadChecksum);
        reply[reply.size() - 1] = static_cast<char>(reply.back() ^ 0x5A);
    }
    if (hasFault(Fault::Noise)) {
        QByteArray noise;
        for (int i = 0; i < 9; ++i) {
            m_noiseSeed = m_noiseSeed * 1103515245u + 12345u;
            noise.append(static_cast<char>(m_noiseSeed >> 16));
        }
        // Some of the noise looks like the start of a preamble, to test the resynchronisation.
        noise.append("\xAA\xAA", 2);
        reply.prepend(noise);
    }
    int delay = hasFault(Fault::Slow) ? 400 : 0;
    if (hasFault(Fault::Late)) {
        m_faults.removeAll(Fault::Late);
        delay = 1500;
        m_backlog = 3;
    } else if (m_backlog > 0) {
        --m_backlog;
        delay = std::max(delay, 30);
    }
    if (!hasFault(Fault::TornFrames))
        return {{delay, reply}};
    // Pauses far longer than a line ever leaves between the bytes of one reply, so the driver
    // can tell a torn reply from one that is merely paced.
    const qsizetype third = std::max<qsizetype>(1, reply.size() / 3);
    return {{delay, reply.left(3)}, {TornPauseMs, reply.mid(3, third)}, {TornPauseMs, reply.mid(3 + third)}};
}
