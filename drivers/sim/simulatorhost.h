#pragma once

#include <QMetaObject>
#include <QString>
#include <QThread>

// Runs a device simulator on a thread of its own inside another process (the kiosk with a device
// configured as `simulated`, or a test), so that its replies keep their pace whatever the caller's
// thread is doing. `Simulator` is a QObject with a nested Options, start(Options, QString *) and
// execute(QString). Stopping, or destroying the host, deletes the simulator on its own thread.
template <typename Simulator>
class SimulatorHost
{
public:
    explicit SimulatorHost(QString threadName)
        : m_threadName(std::move(threadName))
    {
    }
    ~SimulatorHost() { stop(); }
    SimulatorHost(const SimulatorHost &) = delete;
    SimulatorHost &operator=(const SimulatorHost &) = delete;

    [[nodiscard]] bool start(const typename Simulator::Options &options, QString *error)
    {
        stop();
        m_thread = new QThread;
        m_thread->setObjectName(m_threadName);
        m_simulator = new Simulator;
        m_simulator->moveToThread(m_thread);
        m_thread->start();
        bool started = false;
        QString startError;
        QMetaObject::invokeMethod(
            m_simulator, [&] { started = m_simulator->start(options, &startError); }, Qt::BlockingQueuedConnection);
        if (!started) {
            if (error)
                *error = startError;
            stop();
        }
        return started;
    }

    void stop()
    {
        if (!m_thread)
            return;
        QMetaObject::invokeMethod(
            m_simulator, [simulator = m_simulator] { delete simulator; }, Qt::BlockingQueuedConnection);
        m_simulator = nullptr;
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }

    // Runs one control command on the simulator's thread and waits for the answer.
    QString execute(const QString &commandLine)
    {
        if (!m_simulator)
            return QStringLiteral("error: the simulator is not running");
        QString reply;
        QMetaObject::invokeMethod(
            m_simulator, [&] { reply = m_simulator->execute(commandLine); }, Qt::BlockingQueuedConnection);
        return reply;
    }

    [[nodiscard]] Simulator *simulator() const { return m_simulator; }

private:
    QString m_threadName;
    QThread *m_thread = nullptr;
    Simulator *m_simulator = nullptr;
};
