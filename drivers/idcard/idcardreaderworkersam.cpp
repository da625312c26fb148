#include "idcard/idcardreaderworker.h"

#include "device/driverslog.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>

// The worker's conversation with the SAM: one command and its reply (retried once when torn or
// lost), link failures, and the resets that fight a SAM fault. It lives apart from the worker's
// life cycle and card polling (idcardreaderworker.cpp) so each file holds one concern.

namespace {

// Three silent commands in a row mean the reader no longer answers, not a passing glitch.
constexpr int TimeoutsBeforeNoResponse = 3;
// A SAM fault that three resets have not cured will not be cured by a fourth at every poll: it
// then stands (health error) until the command that met it answers normally again.
constexpr int SamResetsBeforeGivingUp = 3;
// A reply whose bytes stop this long mid-way was torn on the line: a working link pauses about a
// millisecond between bytes even at 9600 baud.
constexpr qint64 TornGapMs = 50;
// A reply that starts after this share of the command timeout came close to being lost.
constexpr int SlowReplyDivisor = 4;

} // namespace

IdCardReaderWorker::Exchange IdCardReaderWorker::transact(SamFrame::Command command, QByteArrayView data)
{
    Exchange exchange = transactOnce(command, data);
    // A torn or corrupted reply, or one lost on the line, is worth one more try.
    if (exchange.badFrame || exchange.outcome == IdCardTransport::Outcome::Timeout) {
        count(exchange.badFrame ? QStringLiteral("bad_frames") : QStringLiteral("timeouts"));
        exchange = transactOnce(command, data);
    }
    if (exchange.ok()) {
        m_consecutiveTimeouts = 0;
    } else if (exchange.outcome == IdCardTransport::Outcome::Timeout) {
        count(QStringLiteral("timeouts"));
        ++m_consecutiveTimeouts;
    }
    return exchange;
}

IdCardReaderWorker::Exchange IdCardReaderWorker::transactOnce(SamFrame::Command command, QByteArrayView data)
{
    Exchange exchange;
    m_transport->discardInput();
    m_assembler.clear();
    const QDeadlineTimer deadline(m_options.commandTimeoutMs);
    // What the line did to this reply, counted once the reply is whole: a technician reading
    // the statistics sees the trouble the reader survived, not only what it failed at.
    QElapsedTimer sinceWrite;
    qint64 lastBytesAtMs = -1;
    bool torn = false;
    const auto survived = [this, &exchange, &torn, &lastBytesAtMs](qsizetype noise) {
        if (noise > 0)
            count(QStringLiteral("noise_bytes"), noise);
        if (exchange.ok() && torn)
            count(QStringLiteral("torn_replies"));
        torn = false;
        lastBytesAtMs = -1;
    };
    exchange.outcome = m_transport->write(SamFrame::encodeCommand(command, data), m_options.commandTimeoutMs, &exchange.error);
    sinceWrite.start();
    while (exchange.outcome == IdCardTransport::Outcome::Ok) {
        while (const auto result = m_assembler.next()) {
            if (result->error != SamFrameAssembler::Error::None) {
                exchange.badFrame = true;
                exchange.error = result->error == SamFrameAssembler::Error::BadChecksum ? QStringLiteral("bad checksum")
                                                                                      : QStringLiteral("bad length");
                survived(result->skippedNoise);
                return exchange;
            }
            if (const auto response = SamFrame::parseResponse(result->body)) {
                if (!SamFrame::isPlausibleReply(command, *response)) {
                    // A late reply to a command that already timed out: the real one follows.
                    count(QStringLiteral("stale_replies"));
                    survived(result->skippedNoise);
                    continue;
                }
                exchange.response = *response;
                survived(result->skippedNoise);
                return exchange;
            }
        }
        const qint64 left = deadline.remainingTime();
        if (left <= 0) {
            exchange.outcome = IdCardTransport::Outcome::Timeout;
            exchange.error = QStringLiteral("no reply within %1 ms").arg(m_options.commandTimeoutMs);
            break;
        }
        QByteArray bytes;
        exchange.outcome = m_transport->read(&bytes, static_cast<int>(left), &exchange.error);
        if (bytes.isEmpty())
            continue;
        const qint64 nowMs = sinceWrite.elapsed();
        if (lastBytesAtMs < 0 && nowMs >= m_options.commandTimeoutMs / SlowReplyDivisor)
            count(QStringLiteral("slow_replies"));
        else if (lastBytesAtMs >= 0 && nowMs - lastBytesAtMs >= TornGapMs)
            torn = true;
        lastBytesAtMs = nowMs;
        m_assembler.feed(bytes);
    }
    return exchange;
}

bool IdCardReaderWorker::handleLinkFailure(const Exchange &exchange)
{
    if (exchange.outcome == IdCardTransport::Outcome::Vanished || exchange.outcome == IdCardTransport::Outcome::Failed) {
        lost(exchange.error);
        return true;
    }
    if (exchange.outcome == IdCardTransport::Outcome::Timeout && m_consecutiveTimeouts >= TimeoutsBeforeNoResponse)
        setHealth(DeviceHealth::error(QStringLiteral("no_response"), StaffHint::Reset));
    return false;
}

bool IdCardReaderWorker::checkSam()
{
    const Exchange status = transact(SamFrame::Command::SamStatus);
    if (!status.ok()) {
        handleLinkFailure(status);
        if (status.outcome == IdCardTransport::Outcome::Timeout)
            setHealth(DeviceHealth::error(QStringLiteral("no_response"), StaffHint::Reset));
        return false;
    }
    const SamStatus samStatus = SamStatus::fromSw3(status.response.sw3);
    if (samStatus.code != SamStatus::Code::Success)
        return resetSam(SamFrame::Command::SamStatus, samStatus);
    samAnsweredNormally(SamFrame::Command::SamStatus);
    if (samFaultStands()) {
        // The SAM reports itself well, yet reads keep meeting a fault that resets did not cure.
        setHealth(DeviceHealth::error(m_samFault->status.detail, m_samFault->status.hint));
        return false;
    }
    samHealthy();
    return true;
}

bool IdCardReaderWorker::resetSam(SamFrame::Command command, const SamStatus &fault)
{
    if (!m_samFault || m_samFault->command != command)
        m_samFault = SamFault{command, fault, 0};
    m_samFault->status = fault;
    if (samFaultStands()) {
        setHealth(DeviceHealth::error(fault.detail, fault.hint));
        return false;
    }
    // A SAM fault (self-test, authentication, random number) is often cured by resetting the SAM.
    ++m_samFault->resets;
    qCWarning(lcDrivers).noquote() << "SAM fault" << fault.detail << "- resetting the SAM";
    count(QStringLiteral("sam_resets"));
    for (const SamFrame::Command step : {SamFrame::Command::ResetSam, SamFrame::Command::SamStatus}) {
        const Exchange exchange = transact(step);
        if (!exchange.ok()) {
            if (!handleLinkFailure(exchange))
                setHealth(DeviceHealth::error(fault.detail, fault.hint));
            return false;
        }
        const SamStatus after = SamStatus::fromSw3(exchange.response.sw3);
        if (step == SamFrame::Command::SamStatus && after.code != SamStatus::Code::Success) {
            setHealth(DeviceHealth::error(after.detail, after.hint));
            return false;
        }
    }
    qCInfo(lcDrivers) << "the SAM reports itself well after the reset";
    samHealthy();
    return true;
}

void IdCardReaderWorker::samAnsweredNormally(SamFrame::Command command)
{
    if (!m_samFault || m_samFault->command != command)
        return;
    const bool stood = samFaultStands();
    m_samFault.reset();
    if (stood) {
        qCInfo(lcDrivers) << "the SAM answers normally again";
        samHealthy();
    }
}

bool IdCardReaderWorker::samFaultStands() const
{
    return m_samFault && m_samFault->resets >= SamResetsBeforeGivingUp;
}

void IdCardReaderWorker::samHealthy()
{
    setHealth(DeviceHealth::ok());
    if (m_samId.isEmpty())
        readSamId();
}

void IdCardReaderWorker::readSamId()
{
    // The platform learns which SAM read a card; a reader that will not say still reads cards.
    const Exchange reply = transact(SamFrame::Command::ReadSamId);
    if (reply.ok() && SamStatus::fromSw3(reply.response.sw3).code == SamStatus::Code::Success)
        m_samId = SamFrame::formatSamId(reply.response.data);
    if (m_samId.isEmpty())
        qCInfo(lcDrivers) << "the reader did not give its SAM id";
}
