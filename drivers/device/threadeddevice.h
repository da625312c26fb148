#pragma once

#include "device/device.h"
#include "device/workerliveness.h"

#include <QMetaObject>
#include <QThread>

#include <utility>

// The thread plumbing every driver with its I/O off the caller's thread shares (the ID card
// reader, the barcode scanner, the camera): the worker lives on a thread of its own, created at
// open() and joined at close(); the driver talks to it only through queued calls, and the worker
// answers through signals that reach the driver on its own thread.
//
// `Worker` is a QObject with the slots open(), close(), setEnabled(bool) and checkHealth(int), and
// the signals healthChanged(DeviceHealth), healthChecked(int, DeviceHealth), presenceChanged(bool)
// and counted(QString, qint64). This template connects those and forwards enable, disable and
// health checks; a driver adds its own signals and calls in its hooks. A class template cannot
// carry Q_OBJECT, so the driver derived from it declares its signals itself, as before.
template <typename Worker>
class ThreadedDevice : public Device
{
public:
    using Device::Device;

    WorkerLiveness *workerLiveness() override { return m_worker ? &m_liveness : nullptr; }

protected:
    // The driver's destructor must call it (the worker may still use the driver's members, such
    // as a camera's frame provider, until its thread is joined).
    void stopWorker()
    {
        if (!m_thread)
            return;
        m_liveness.detach();
        QMetaObject::invokeMethod(m_worker, &Worker::close, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        m_worker = nullptr;
    }

    // Moves `worker` to a new thread named `threadName`, connects the signals every worker has,
    // lets `connectOwn(worker)` connect the driver's own signals, and starts the thread. The
    // worker opens its device when the driver queues open() (see callWorker), so a driver may
    // queue settings before it.
    template <typename ConnectOwn>
    void startWorker(Worker *worker, const QString &threadName, ConnectOwn connectOwn)
    {
        m_thread = new QThread(this);
        m_thread->setObjectName(threadName);
        m_worker = worker;
        m_worker->moveToThread(m_thread);
        QObject::connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        QObject::connect(m_worker, &Worker::healthChanged, this, [this](const DeviceHealth &health) {
            setHealth(health);
            setState(stateFor(health));
        });
        QObject::connect(m_worker, &Worker::healthChecked, this, [this](int level, const DeviceHealth &health) {
            reportHealthCheck(static_cast<HealthCheckLevel>(level), health);
        });
        QObject::connect(m_worker, &Worker::presenceChanged, this, &ThreadedDevice::setPresent);
        QObject::connect(m_worker, &Worker::counted, this,
                         [this](const QString &counter, qint64 amount) { count(counter, amount); });
        connectOwn(m_worker);
        m_liveness.attach(m_worker);
        m_thread->start();
    }

    // Queues `call(worker)` on the worker's thread; nothing when no worker runs (the device is
    // closed).
    template <typename Call>
    void callWorker(Call call)
    {
        if (m_worker)
            QMetaObject::invokeMethod(m_worker, [worker = m_worker, work = std::move(call)] { work(worker); },
                                      Qt::QueuedConnection);
    }

    [[nodiscard]] Worker *worker() const { return m_worker; }

    // The state a health reading puts the device in. Workers that report busy override it.
    [[nodiscard]] virtual State stateFor(const DeviceHealth &health) const
    {
        return health.level == HealthLevel::Error ? State::Error : State::Idle;
    }

    bool onEnable(QString *) override
    {
        callWorker([](Worker *w) { w->setEnabled(true); });
        return true;
    }

    void onDisable() override
    {
        callWorker([](Worker *w) { w->setEnabled(false); });
    }

    void onClose() override { stopWorker(); }

    // The stuck thread can be neither joined nor deleted while it runs: it is told to close its
    // device and quit whenever its loop comes back, and deletes itself then; its signals no
    // longer reach the driver, which starts a new worker.
    void onAbandonWorker() override
    {
        if (!m_thread)
            return;
        m_liveness.detach();
        QObject::disconnect(m_worker, nullptr, this, nullptr);
        m_thread->setParent(nullptr);
        QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, thread = m_thread] {
            worker->close();
            thread->quit();
        }, Qt::QueuedConnection);
        m_thread = nullptr;
        m_worker = nullptr;
    }

    void onCheckHealth(HealthCheckLevel level) override
    {
        callWorker([level](Worker *w) { w->checkHealth(static_cast<int>(level)); });
    }

private:
    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr;
    WorkerLiveness m_liveness;
};
