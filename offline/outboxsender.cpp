#include "outboxsender.h"

#include "outboxlog.h"

#include <QFile>
#include <QPointer>
#include <QRandomGenerator>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace {

// Even with nothing due the sender looks again now and then: staff may have re-armed an entry
// from kioskctl, which is another process.
constexpr qint64 idlePollMs = 30'000;

} // namespace

OutboxSender::OutboxSender(OutboxStore &store, OutboxTransport &transport, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_transport(transport)
    , m_random([] { return QRandomGenerator::global()->generateDouble(); })
{
    m_pump.setSingleShot(true);
    connect(&m_pump, &QTimer::timeout, this, [this] {
        if (!sendNext() && !m_inFlight)
            scheduleNext();
    });
    m_leaseWatch.setSingleShot(true);
    connect(&m_leaseWatch, &QTimer::timeout, this, &OutboxSender::leaseTimedOut);
    m_pruneTimer.setInterval(std::chrono::hours(6));
    connect(&m_pruneTimer, &QTimer::timeout, this, &OutboxSender::prune);
}

OutboxSender::~OutboxSender()
{
    stop();
}

void OutboxSender::setRetryPolicy(const RetryPolicy &policy)
{
    m_policy = policy;
}

void OutboxSender::setRandomSource(OutboxRandom random)
{
    m_random = std::move(random);
}

void OutboxSender::setRetention(std::chrono::hours retention)
{
    m_retention = retention;
}

OutboxResult<OutboxOk> OutboxSender::start()
{
    if (m_running)
        return OutboxOk{};
    // flock() rather than a PID file: a sender killed at any instruction, even while taking the
    // lock, leaves nothing a successor would have to judge stale.
    const QString lockPath = m_store.filePath() + QStringLiteral(".sender-lock");
    const int fd = ::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return OutboxError{OutboxErrorCode::Io, QStringLiteral("Cannot open the sender lock %1.").arg(lockPath)};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return OutboxError{OutboxErrorCode::InvalidState,
                           QStringLiteral("Another sender is already sending from %1.").arg(m_store.filePath())};
    }
    m_lockFd = fd;
    const OutboxResult<int> released = m_store.releaseLeases();
    if (!released) {
        stop();
        return released.error();
    }
    if (released.value() > 0)
        qCInfo(lcOutbox) << "took back" << released.value() << "entries leased before the last stop";
    m_running = true;
    prune();
    m_pruneTimer.start();
    m_pump.start(0);
    return OutboxOk{};
}

void OutboxSender::stop()
{
    m_running = false;
    m_pump.stop();
    m_pruneTimer.stop();
    if (m_lockFd >= 0)
        ::close(m_lockFd);
    m_lockFd = -1;
}

bool OutboxSender::isRunning() const
{
    return m_running;
}

bool OutboxSender::isSending() const
{
    return m_inFlight.has_value();
}

void OutboxSender::wake()
{
    if (m_running && !m_inFlight)
        m_pump.start(0);
}

bool OutboxSender::sendNext()
{
    if (m_inFlight)
        return false;
    OutboxResult<std::optional<OutboxLease>> leased = m_store.leaseNext();
    if (!leased) {
        reportStorage(leased.error());
        return false;
    }
    if (!leased.value())
        return false;
    m_inFlight = std::move(*leased.value());
    const quint64 generation = ++m_generation;
    if (!m_inFlight->bodyFrozen) {
        // Decided now and kept before anything leaves: should this attempt reach the platform
        // unanswered, every retry under the key must carry the very same body.
        if (const std::optional<QByteArray> body = m_transport.bodyForFirstSend(m_inFlight->request)) {
            if (auto frozen = m_store.freezeBody(*m_inFlight, *body); !frozen) {
                reportStorage(frozen.error());
                complete(generation, Transient{std::nullopt, QStringLiteral("storage")});
                return false;
            }
            m_inFlight->request.body = *body;
            m_inFlight->bodyFrozen = true;
        }
    }
    if (m_running) {
        // The transport has its own timeouts; this only stops a lost callback from stalling the queue.
        m_leaseWatch.start(m_store.leaseDuration());
    }
    QPointer<OutboxSender> self(this);
    // A copy (the body is shared, not duplicated): an answer given inside deliver() clears
    // m_inFlight while the transport may still be looking at the request.
    const OutboxRequest request = m_inFlight->request;
    m_transport.deliver(request, [self, generation](const DeliveryResult &result) {
        if (self)
            self->complete(generation, result);
    });
    return true;
}

void OutboxSender::complete(quint64 generation, const DeliveryResult &result)
{
    if (!m_inFlight || generation != m_generation)
        return;
    const OutboxLease lease = std::move(*m_inFlight);
    m_inFlight.reset();
    m_leaseWatch.stop();
    const QString &ref = lease.request.localRef;

    if (const auto *done = std::get_if<Delivered>(&result)) {
        if (auto recorded = m_store.markDelivered(lease, done->reference); !recorded) {
            reportStorage(recorded.error());
        } else {
            qCInfo(lcOutbox).noquote() << "delivered" << ref << "as" << done->reference << "after"
                                       << lease.request.attempt << "attempts";
            emit delivered(ref, done->reference);
        }
    } else if (const auto *transient = std::get_if<Transient>(&result)) {
        const auto delay = std::min<std::chrono::milliseconds>(m_policy.delay(lease.backoffStep, m_random(), transient->retryAfter),
                                                               m_store.longestWait());
        const qint64 at = m_store.now() + delay.count();
        // The platform's own wait, kept apart from the backoff so an early wake-up still honours it.
        const qint64 notBefore = transient->retryAfter ? m_store.now() + m_policy.delay(0, 0.0, transient->retryAfter).count() : 0;
        const QString code = transient->reason.isEmpty() ? QStringLiteral("transient") : transient->reason;
        if (auto recorded = m_store.markTransient(lease, at, code, std::min(notBefore, at)); !recorded) {
            reportStorage(recorded.error());
        } else {
            qCInfo(lcOutbox).noquote() << "will retry" << ref << "in" << delay.count() << "ms:" << code;
            emit retryScheduled(ref, at, code);
        }
    } else if (const auto *rekey = std::get_if<Rekey>(&result)) {
        if (auto recorded = m_store.rekey(lease, rekey->body, rekey->reason); !recorded) {
            reportStorage(recorded.error());
        } else {
            emit retryScheduled(ref, m_store.now(), rekey->reason);
        }
    } else if (const auto *permanent = std::get_if<Permanent>(&result)) {
        const QString code = permanent->code.isEmpty() ? QStringLiteral("permanent") : permanent->code;
        if (auto recorded = m_store.markParked(lease, code); !recorded) {
            reportStorage(recorded.error());
        } else {
            qCWarning(lcOutbox).noquote() << "parked" << ref << "for staff:" << code << permanent->reason;
            emit parked(ref, code);
        }
    }
    if (m_running)
        m_pump.start(0);
}

void OutboxSender::leaseTimedOut()
{
    if (!m_inFlight)
        return;
    // The transport never answered: the request may or may not have reached the platform, which
    // the idempotency key makes harmless when it is sent again.
    complete(m_generation, Transient{std::nullopt, QStringLiteral("no_answer")});
}

void OutboxSender::scheduleNext()
{
    if (!m_running)
        return;
    qint64 wait = idlePollMs;
    const OutboxResult<std::optional<qint64>> due = m_store.nextDueAtMs();
    if (due && due.value())
        wait = std::clamp<qint64>(*due.value() - m_store.now(), 0, idlePollMs);
    m_pump.start(std::chrono::milliseconds(wait));
}

void OutboxSender::prune()
{
    const qint64 cutoff = m_store.now() - std::chrono::duration_cast<std::chrono::milliseconds>(m_retention).count();
    if (auto pruned = m_store.pruneDeliveredBefore(cutoff); !pruned)
        reportStorage(pruned.error());
}

void OutboxSender::reportStorage(const OutboxError &error)
{
    // A lost lease is the protocol working (staff changed the entry, or it was taken again after
    // expiry), not a storage fault to alert anyone about.
    if (error.code == OutboxErrorCode::InvalidState) {
        qCInfo(lcOutbox).noquote() << error.message;
        return;
    }
    qCWarning(lcOutbox).noquote() << "outbox storage:" << error.message;
    emit storageFailed(error.message);
}
