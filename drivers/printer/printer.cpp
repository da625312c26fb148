#include "printer/printer.h"

#include "device/driverslog.h"
#include "printer/printjob.h"
#include "printer/printerworker.h"

#include <QThread>
#include <QTimer>

Printer::Printer(const QString &id, PrinterOptions options, QObject *parent)
    : Device(id, options.deviceClass, options.address.toString(), parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<PrinterStatus>();
    qRegisterMetaType<PrintJobState>();
    m_status.unreachableDetail = m_options.unavailableDetail;
    m_status.unreachableMessage = m_options.unavailableMessage;
}

Printer::~Printer()
{
    stopThread();
}

bool Printer::onOpen(QString *)
{
    if (!m_options.unavailableDetail.isEmpty()) {
        qCWarning(lcDrivers) << id() << "is unavailable:" << m_options.unavailableMessage;
        setPresent(false);
        setHealth(DeviceHealth::error(m_options.unavailableDetail, StaffHint::CallService));
        setState(State::Error);
        return true;
    }
    PrinterWorkerOptions workerOptions;
    workerOptions.address = m_options.address;
    workerOptions.statusPollMs = m_options.statusPollMs;
    workerOptions.jobTimeoutS = m_options.jobTimeoutS;
    workerOptions.connectTimeoutMs = m_options.connectTimeoutMs;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("printer-") + id());
    m_worker = new PrinterWorker(workerOptions);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PrinterWorker::statusRead, this, &Printer::applyStatus);
    connect(m_worker, &PrinterWorker::healthChecked, this, [this](int level, const PrinterStatus &status) {
        reportHealthCheck(static_cast<HealthCheckLevel>(level), PrinterStatusMapping::health(status));
    });
    connect(m_worker, &PrinterWorker::jobAccepted, this, [this](quint64 localId, int jobId) {
        if (PrintJob *job = m_jobs.value(localId))
            job->setAccepted(jobId);
    });
    connect(m_worker, &PrinterWorker::jobStateChanged, this, &Printer::applyJobState);
    m_liveness.attach(m_worker);
    m_thread->start();
    return true;
}

bool Printer::onEnable(QString *)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &PrinterWorker::start, Qt::QueuedConnection);
    return true;
}

void Printer::onClose()
{
    stopThread();
}

void Printer::onCheckHealth(HealthCheckLevel level)
{
    if (!m_worker) {
        reportHealthCheck(level, health());
        return;
    }
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, level] { worker->checkHealth(static_cast<int>(level)); },
                              Qt::QueuedConnection);
}

PrintJob *Printer::print(const QByteArray &pdf, const QString &title)
{
    auto *job = new PrintJob(this, m_nextLocalId++, title);
    if (!m_worker || stage() != Stage::Enabled) {
        refuseLater(job, m_options.unavailableDetail.isEmpty() ? QStringLiteral("not_enabled: the printer is not started")
                                                               : QStringLiteral("%1: %2").arg(m_options.unavailableDetail,
                                                                                              m_options.unavailableMessage));
        return job;
    }
    if (health().level == HealthLevel::Error) {
        refuseLater(job, QStringLiteral("%1: the printer is in error").arg(health().detail));
        return job;
    }
    if (activeJobs() >= JobQueueCapacity) {
        count(QStringLiteral("jobs_dropped"));
        refuseLater(job, QStringLiteral("queue_full: %1 jobs wait for the printer already").arg(JobQueueCapacity));
        return job;
    }
    m_jobs.insert(job->localId(), job);
    count(QStringLiteral("jobs_submitted"));
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, localId = job->localId(), pdf, title] {
        worker->submit(localId, pdf, title);
    }, Qt::QueuedConnection);
    updateState();
    return job;
}

int Printer::activeJobs() const
{
    int active = 0;
    for (const QPointer<PrintJob> &job : m_jobs) {
        if (job && !job->isFinished())
            ++active;
    }
    return active;
}

void Printer::cancelJob(PrintJob *job)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, localId = job->localId()] { worker->cancel(localId); },
                                  Qt::QueuedConnection);
}

void Printer::refuseLater(PrintJob *job, const QString &detail)
{
    QTimer::singleShot(0, job, [job, detail] { job->setState(PrintJobState::Refused, detail); });
}

void Printer::applyStatus(const PrinterStatus &status)
{
    const bool changed = !(status == m_status);
    m_status = status;
    if (status.reachable != isPresent())
        setPresent(status.reachable);
    const DeviceHealth mapped = PrinterStatusMapping::health(status);
    if (changed) {
        if (!status.reachable)
            qCWarning(lcDrivers) << id() << "is unreachable:" << status.unreachableMessage;
        else
            qCInfo(lcDrivers) << id() << "state" << status.state << "reasons" << status.reasons << "->"
                              << DeviceVocabulary::toString(mapped.level) << mapped.detail;
        emit statusChanged(status);
    }
    setHealth(mapped);
    updateState();
}

void Printer::applyJobState(quint64 localId, PrintJobState state, const QString &detail)
{
    PrintJob *job = m_jobs.value(localId);
    if (PrinterStatusMapping::isFinal(state)) {
        m_jobs.remove(localId);
        count(state == PrintJobState::Completed ? QStringLiteral("jobs_completed") : QStringLiteral("jobs_failed"));
        if (state != PrintJobState::Completed)
            qCWarning(lcDrivers) << id() << "job" << localId << PrinterStatusMapping::toString(state) << detail;
    }
    if (job)
        job->setState(state, detail);
    updateState();
}

void Printer::updateState()
{
    if (stage() == Stage::Closed)
        return;
    if (health().level == HealthLevel::Error)
        setState(State::Error);
    else
        setState(activeJobs() > 0 || health().level == HealthLevel::Busy ? State::Busy : State::Idle);
}

void Printer::stopThread()
{
    if (!m_thread)
        return;
    m_liveness.detach();
    QMetaObject::invokeMethod(m_worker, &PrinterWorker::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
    abortJobs(QStringLiteral("closed: the printer was closed before the job ended"));
}

// As ThreadedDevice does: the stuck thread stops and deletes itself whenever its loop comes back;
// the jobs it held are reported aborted now, so no resident waits on a receipt that cannot come.
void Printer::onAbandonWorker()
{
    if (!m_thread)
        return;
    m_liveness.detach();
    disconnect(m_worker, nullptr, this, nullptr);
    m_thread->setParent(nullptr);
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, thread = m_thread] {
        worker->stop();
        thread->quit();
    }, Qt::QueuedConnection);
    m_thread = nullptr;
    m_worker = nullptr;
    abortJobs(QStringLiteral("worker_stuck: the printer's thread stopped answering"));
}

void Printer::abortJobs(const QString &detail)
{
    for (const QPointer<PrintJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->setState(PrintJobState::Aborted, detail);
    }
    m_jobs.clear();
}
