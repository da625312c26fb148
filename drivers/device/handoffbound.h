#pragma once

#include <QtGlobal>

#include <atomic>

// The bound of a queue between two threads that Qt's queued signals make: a worker's thread
// enters before it emits an item (a scan, a code, a captured face or page) and the receiving
// thread leaves when it has handled it. When `capacity` items are still waiting, the receiver has
// stopped keeping up (a stuck or starved GUI thread): the worker drops the item rather than let
// the event queue grow without end, and the drop is counted. The receiver collects the count with
// takeDropped() when it handles the next item, which there always is: drops happen only while
// items wait. Thread-safe; shared by the driver and its worker.
class HandoffBound
{
public:
    explicit HandoffBound(int capacity)
        : m_capacity(capacity)
    {
    }

    // On the sending thread: whether the item may go; false (and counted) when the queue is full.
    [[nodiscard]] bool tryEnter()
    {
        int waiting = m_waiting.load();
        do {
            if (waiting >= m_capacity) {
                m_dropped.fetch_add(1);
                return false;
            }
        } while (!m_waiting.compare_exchange_weak(waiting, waiting + 1));
        return true;
    }

    // On the receiving thread, once per item that entered.
    void leave() { m_waiting.fetch_sub(1); }

    // The drops since the last call.
    [[nodiscard]] qint64 takeDropped() { return m_dropped.exchange(0); }
    // The drops not yet taken.
    [[nodiscard]] qint64 dropped() const { return m_dropped.load(); }

    [[nodiscard]] int waiting() const { return m_waiting.load(); }
    [[nodiscard]] int capacity() const { return m_capacity; }

private:
    const int m_capacity;
    std::atomic<int> m_waiting{0};
    std::atomic<qint64> m_dropped{0};
};
