#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <chrono>

class Device;

// Watches the worker threads of the devices (the ID card reader, the scanners, the cameras, the
// printers): every period it sends each worker a beat (WorkerLiveness) and, when a worker has left
// its beat unanswered for `stuckAfter`, reports it and has its device restart on a new thread
// (Device::restartStuckWorker). The GUI thread itself, where the outbox sender and the journeys
// run, is watched by the systemd watchdog through the frames it swaps.
class LivenessRegistry : public QObject
{
    Q_OBJECT

public:
    // What the registry last saw of one worker, for health and metrics.
    struct Pulse {
        QString deviceId;
        quint64 beats = 0;         // the liveness counter of its current worker thread
        qint64 silentMs = 0;       // how long its current beat has waited, 0 when answered
        qint64 restarts = 0;       // how often its worker was found stuck and restarted
    };

    LivenessRegistry(std::chrono::milliseconds period, std::chrono::milliseconds stuckAfter, QObject *parent = nullptr);

    void watch(Device *device);
    void start();
    void stop();

    [[nodiscard]] QList<Pulse> pulses() const;
    [[nodiscard]] qint64 restarts() const;

signals:
    // Emitted before the device restarts.
    void workerStuck(const QString &deviceId, qint64 silentMs);

private:
    struct Entry {
        QPointer<Device> device;
        QElapsedTimer waiting; // since the unanswered beat was sent
        qint64 restarts = 0;
    };

    void check();

    std::chrono::milliseconds m_stuckAfter;
    QTimer m_timer;
    QList<Entry> m_entries;
};
