#include "scanner/sim/scannersimulatorhost.h"

#include <QThread>

ScannerSimulatorHost::ScannerSimulatorHost(QObject *parent)
    : QObject(parent)
{
}

ScannerSimulatorHost::~ScannerSimulatorHost()
{
    stop();
}

bool ScannerSimulatorHost::start(const ScannerSimulator::Options &options, QString *error)
{
    stop();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("scanner-simulator"));
    m_simulator = new ScannerSimulator;
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

void ScannerSimulatorHost::stop()
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

QString ScannerSimulatorHost::execute(const QString &commandLine)
{
    if (!m_simulator)
        return QStringLiteral("error: the simulator is not running");
    QString reply;
    QMetaObject::invokeMethod(
        m_simulator, [&] { reply = m_simulator->execute(commandLine); }, Qt::BlockingQueuedConnection);
    return reply;
}
