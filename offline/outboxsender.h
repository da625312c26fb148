#pragma once

#include "outboxresult.h"
#include "outboxstore.h"
#include "outboxtransport.h"
#include "retrypolicy.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

// Uniform in [0, 1); injected so tests control the jitter.
using OutboxRandom = std::function<double()>;

// Drains the outbox through a transport, one entry at a time: leases it, sends it with its own
// idempotency key, then records the answer (delivered and erased, retried later with full-jitter
// backoff, or parked for staff). Only one sender may run per outbox file; start() enforces it.
// sendNext() works without start() and without an event loop, which is how the tests drive it.
class OutboxSender : public QObject
{
    Q_OBJECT

public:
    OutboxSender(OutboxStore &store, OutboxTransport &transport, QObject *parent = nullptr);
    ~OutboxSender() override;

    void setRetryPolicy(const RetryPolicy &policy);
    void setRandomSource(OutboxRandom random);
    // How long tombstones are kept for reprinting receipts.
    void setRetention(std::chrono::hours retention);

    // Takes the sender lock, frees the leases a killed predecessor left behind, prunes old
    // tombstones and starts draining on the event loop.
    [[nodiscard]] OutboxResult<OutboxOk> start();
    void stop();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] bool isSending() const;

    // Leases the next due entry and hands it to the transport. False when nothing is due, an
    // entry is already with the transport, or the store failed (storageFailed is emitted).
    bool sendNext();

public slots:
    // Call after an enqueue so a new entry does not wait for the next poll.
    void wake();

signals:
    void delivered(const QString &localRef, const QString &reference);
    void retryScheduled(const QString &localRef, qint64 atMs, const QString &reason);
    void parked(const QString &localRef, const QString &code);
    void storageFailed(const QString &message);

private:
    void complete(quint64 generation, const DeliveryResult &result);
    void scheduleNext();
    void leaseTimedOut();
    void prune();
    void reportStorage(const OutboxError &error);

    OutboxStore &m_store;
    OutboxTransport &m_transport;
    RetryPolicy m_policy;
    OutboxRandom m_random;
    std::chrono::hours m_retention{24 * 30};
    int m_lockFd = -1; // an flock()ed file: the kernel frees it when a killed sender dies
    std::optional<OutboxLease> m_inFlight;
    quint64 m_generation = 0;
    bool m_running = false;
    QTimer m_pump;
    QTimer m_leaseWatch;
    QTimer m_pruneTimer;
};
