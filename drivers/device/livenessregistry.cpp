#include "device/livenessregistry.h"

#include "device/device.h"
#include "device/workerliveness.h"

LivenessRegistry::LivenessRegistry(std::chrono::milliseconds period, std::chrono::milliseconds stuckAfter, QObject *parent)
    : QObject(parent)
    , m_stuckAfter(stuckAfter)
{
    m_timer.setInterval(period);
    connect(&m_timer, &QTimer::timeout, this, &LivenessRegistry::check);
}

void LivenessRegistry::watch(Device *device)
{
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.device == device)
            return;
    }
    m_entries.append(Entry{device, {}, 0});
}

void LivenessRegistry::start()
{
    m_timer.start();
    check();
}

void LivenessRegistry::stop()
{
    m_timer.stop();
}

QList<LivenessRegistry::Pulse> LivenessRegistry::pulses() const
{
    QList<Pulse> pulses;
    for (const Entry &entry : m_entries) {
        if (!entry.device)
            continue;
        Pulse pulse;
        pulse.deviceId = entry.device->id();
        pulse.restarts = entry.restarts;
        if (WorkerLiveness *liveness = entry.device->workerLiveness()) {
            pulse.beats = liveness->beats();
            if (!liveness->isAnswered() && entry.waiting.isValid())
                pulse.silentMs = entry.waiting.elapsed();
        }
        pulses.append(pulse);
    }
    return pulses;
}

qint64 LivenessRegistry::restarts() const
{
    qint64 total = 0;
    for (const Entry &entry : m_entries)
        total += entry.restarts;
    return total;
}

void LivenessRegistry::check()
{
    for (Entry &entry : m_entries) {
        WorkerLiveness *liveness = entry.device ? entry.device->workerLiveness() : nullptr;
        if (!liveness || !liveness->isAttached()) {
            entry.waiting.invalidate();
            continue;
        }
        if (liveness->isAnswered()) {
            liveness->probe();
            entry.waiting.start();
            continue;
        }
        if (!entry.waiting.isValid())
            entry.waiting.start();
        const qint64 silent = entry.waiting.elapsed();
        if (silent < m_stuckAfter.count())
            continue;
        ++entry.restarts;
        entry.waiting.invalidate();
        emit workerStuck(entry.device->id(), silent);
        entry.device->restartStuckWorker(silent);
    }
}
