#include "device/workerliveness.h"

#include <QMetaObject>

void WorkerLiveness::attach(QObject *worker)
{
    detach();
    m_worker = worker;
}

void WorkerLiveness::detach()
{
    m_worker.clear();
    m_beats = std::make_shared<std::atomic<quint64>>(0);
    m_probes = 0;
}

void WorkerLiveness::probe()
{
    if (m_worker.isNull() || !isAnswered())
        return;
    ++m_probes;
    QMetaObject::invokeMethod(m_worker.data(), [beats = m_beats] { beats->fetch_add(1); }, Qt::QueuedConnection);
}
