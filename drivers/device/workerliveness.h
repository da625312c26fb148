#pragma once

#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

// A worker thread's pulse: the owner's thread queues a beat to the worker's event loop and the
// worker's thread counts it when it gets there. A worker whose loop is stuck (a read that never
// returns, a library call that hangs) leaves its beat unanswered, which LivenessRegistry sees.
// All calls are made on the owner's thread; only the beat counter is touched by the worker's.
class WorkerLiveness
{
public:
    // Follows `worker`, an object living on the thread to watch; forgets the previous one.
    void attach(QObject *worker);
    // Forgets the worker: beats a worker left behind still answers count for nobody.
    void detach();

    [[nodiscard]] bool isAttached() const { return !m_worker.isNull(); }
    // Whether every beat queued so far has been counted by the worker's thread.
    [[nodiscard]] bool isAnswered() const { return m_beats->load() == m_probes; }
    // Queues one beat to the worker's thread, unless the last one is still waiting there (a
    // stuck loop must not pile up beats: the queue between the threads stays bounded).
    void probe();

    // Beats the worker's thread counted since attach(): the liveness counter.
    [[nodiscard]] quint64 beats() const { return m_beats->load(); }
    [[nodiscard]] quint64 probes() const { return m_probes; }

private:
    QPointer<QObject> m_worker;
    // Shared with the queued beats, which may run after detach() or the owner's end.
    std::shared_ptr<std::atomic<quint64>> m_beats = std::make_shared<std::atomic<quint64>>(0);
    quint64 m_probes = 0;
};
