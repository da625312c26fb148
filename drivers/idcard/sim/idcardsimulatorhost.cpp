#include "idcard/sim/idcardsimulatorhost.h"

#include <QThread>

IdCardSimulatorHost::IdCardSimulatorHost(QObject *parent)
    : QObject(parent)
{
}

IdCardSimulatorHost::~IdCardSimulatorHost()
{
    stop();
}

bool IdCardSimulatorHost::start(const IdCardSimulator::Options &options, QString *error)
{
    stop();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("idcard-simulator"));
    m_simulator = new IdCardSimulator;
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

void IdCardSimulatorHost::stop()
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

QString IdCardSimulatorHost::execute(const QString &commandLine)
{
    if (!m_simulator)
        return QStringLiteral("error: the simulator is not running");
    QString reply;
    QMetaObject::invokeMethod(
        m_simulator, [&] { reply = m_simulator->execute(commandLine); }, Qt::BlockingQueuedConnection);
    return reply;
}
