#include "idcard/idcardreader.h"

#include "idcard/idcardreaderworker.h"

#include <QThread>

IdCardReader::IdCardReader(const QString &id, IdCardReaderOptions options, QObject *parent)
    : Device(id, QStringLiteral("id_card_reader"), options.spec.toString(), parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<IdCardHolder>();
}

IdCardReader::~IdCardReader()
{
    stopThread();
}

bool IdCardReader::onOpen(QString *)
{
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("idcard-reader"));
    m_worker = new IdCardReaderWorker(m_options);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &IdCardReaderWorker::healthChanged, this, [this](const DeviceHealth &health) {
        setHealth(health);
        setState(health.level == HealthLevel::Error  ? State::Error
                 : health.level == HealthLevel::Busy ? State::Busy
                                                     : State::Idle);
    });
    connect(m_worker, &IdCardReaderWorker::healthChecked, this,
            [this](int level, const DeviceHealth &health) { reportHealthCheck(static_cast<HealthCheckLevel>(level), health); });
    connect(m_worker, &IdCardReaderWorker::presenceChanged, this, &IdCardReader::setPresent);
    connect(m_worker, &IdCardReaderWorker::busyChanged, this, [this](bool busy) {
        if (state() != State::Error && state() != State::Closed)
            setState(busy ? State::Busy : State::Idle);
    });
    connect(m_worker, &IdCardReaderWorker::interactiveCheckRead, this, &IdCardReader::interactiveCheckRead);
    connect(m_worker, &IdCardReaderWorker::interactiveCheckInconclusive, this,
            [this](const DeviceHealth &outcome) { reportCheckOutcome(HealthCheckLevel::Interactive, outcome); });
    connect(m_worker, &IdCardReaderWorker::counted, this, [this](const QString &counter, qint64 amount) { count(counter, amount); });
    connect(m_worker, &IdCardReaderWorker::cardDetected, this, &IdCardReader::cardDetected);
    connect(m_worker, &IdCardReaderWorker::cardRead, this, &IdCardReader::cardRead);
    connect(m_worker, &IdCardReaderWorker::cardReadFailed, this, &IdCardReader::cardReadFailed);
    connect(m_worker, &IdCardReaderWorker::cardRemoved, this, &IdCardReader::cardRemoved);

    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &IdCardReaderWorker::openReader, Qt::QueuedConnection);
    return true;
}

bool IdCardReader::onEnable(QString *)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->setPolling(true); }, Qt::QueuedConnection);
    return true;
}

void IdCardReader::onDisable()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->setPolling(false); }, Qt::QueuedConnection);
}

void IdCardReader::onClose()
{
    stopThread();
}

void IdCardReader::onCheckHealth(HealthCheckLevel level)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, level] { worker->checkHealth(static_cast<int>(level)); },
                              Qt::QueuedConnection);
}

void IdCardReader::stopThread()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, &IdCardReaderWorker::closeReader, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
}
