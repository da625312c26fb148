#include "printer/printerworker.h"

#include "device/driverslog.h"

#include <QDateTime>
#include <QTimer>

#include <cups/cups.h>

#include <array>

struct PrinterWorker::Cups {
    cups_dest_t *dest = nullptr;
    http_t *http = nullptr;
    cups_dinfo_t *info = nullptr;
    std::array<char, 1024> resource{};
    QByteArray printerUri;

    ~Cups() { close(); }
    void close()
    {
        if (info)
            cupsFreeDestInfo(info);
        if (http)
            httpClose(http);
        if (dest)
            cupsFreeDests(1, dest);
        info = nullptr;
        http = nullptr;
        dest = nullptr;
    }
};

namespace {

bool failed(ipp_status_t status)
{
    return status > IPP_STATUS_OK_EVENTS_COMPLETE;
}

QString lastCupsError()
{
    return QString::fromUtf8(cupsLastErrorString());
}

QStringList strings(ipp_attribute_t *attribute)
{
    QStringList values;
    for (int i = 0; attribute && i < ippGetCount(attribute); ++i)
        values << QString::fromUtf8(ippGetString(attribute, i, nullptr));
    return values;
}

QList<int> integers(ipp_attribute_t *attribute)
{
    QList<int> values;
    for (int i = 0; attribute && i < ippGetCount(attribute); ++i)
        values << ippGetInteger(attribute, i);
    return values;
}

ipp_t *newRequest(ipp_op_t operation, const QByteArray &printerUri)
{
    ipp_t *request = ippNewRequest(operation);
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, printerUri.constData());
    ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", nullptr, cupsUser());
    return request;
}

} // namespace

PrinterWorker::PrinterWorker(PrinterWorkerOptions options)
    : m_options(std::move(options))
    , m_cups(std::make_unique<Cups>())
{
    qRegisterMetaType<PrinterStatus>();
    qRegisterMetaType<PrintJobState>();
}

PrinterWorker::~PrinterWorker() = default;

void PrinterWorker::start()
{
    m_statusTimer = new QTimer(this);
    m_statusTimer->setInterval(m_options.statusPollMs);
    connect(m_statusTimer, &QTimer::timeout, this, &PrinterWorker::pollStatus);
    m_jobTimer = new QTimer(this);
    m_jobTimer->setInterval(m_options.jobPollMs);
    connect(m_jobTimer, &QTimer::timeout, this, &PrinterWorker::pollJobs);
    m_statusTimer->start();
    pollStatus();
}

void PrinterWorker::stop()
{
    if (m_statusTimer)
        m_statusTimer->stop();
    if (m_jobTimer)
        m_jobTimer->stop();
    disconnect();
}

bool PrinterWorker::ensureConnected(PrinterStatus *failure)
{
    if (m_cups->http)
        return true;
    const QByteArray target = m_options.address.target.toUtf8();
    unsigned flags = CUPS_DEST_FLAGS_NONE;
    if (m_options.address.kind == PrinterAddress::Kind::Uri) {
        m_cups->dest = cupsGetDestWithURI(nullptr, target.constData());
        flags = CUPS_DEST_FLAGS_DEVICE;
    } else {
        m_cups->dest = cupsGetNamedDest(CUPS_HTTP_DEFAULT, target.constData(), nullptr);
    }
    if (!m_cups->dest) {
        failure->unreachableDetail = QStringLiteral("no_device");
        failure->unreachableMessage = m_options.address.kind == PrinterAddress::Kind::Uri
            ? QStringLiteral("%1 is not a printer URI libcups accepts: %2").arg(m_options.address.target, lastCupsError())
            : QStringLiteral("CUPS has no queue named %1: %2").arg(m_options.address.target, lastCupsError());
        return false;
    }
    const char *uri = cupsGetOption("printer-uri-supported", m_cups->dest->num_options, m_cups->dest->options);
    m_cups->printerUri = uri ? QByteArray(uri) : target;
    m_cups->http = cupsConnectDest(m_cups->dest, flags, m_options.connectTimeoutMs, nullptr, m_cups->resource.data(),
                                   m_cups->resource.size(), nullptr, nullptr);
    if (!m_cups->http) {
        failure->unreachableDetail = QStringLiteral("no_response");
        failure->unreachableMessage = QStringLiteral("%1 does not answer: %2").arg(m_options.address.toString(), lastCupsError());
        m_cups->close();
        return false;
    }
    return true;
}

void PrinterWorker::disconnect()
{
    m_cups->close();
}

PrinterStatus PrinterWorker::readStatus()
{
    PrinterStatus status;
    if (!ensureConnected(&status))
        return status;

    static const std::array<const char *, 9> requested{
        "printer-state", "printer-state-reasons", "printer-state-message", "printer-is-accepting-jobs", "marker-names",
        "marker-types",  "marker-levels",         "marker-low-levels",     "printer-make-and-model"};
    ipp_t *request = newRequest(IPP_OP_GET_PRINTER_ATTRIBUTES, m_cups->printerUri);
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", static_cast<int>(requested.size()),
                  nullptr, requested.data());
    ipp_t *response = cupsDoRequest(m_cups->http, request, m_cups->resource.data());
    if (!response || failed(cupsLastError())) {
        status.unreachableDetail = QStringLiteral("no_response");
        status.unreachableMessage = QStringLiteral("%1 did not answer Get-Printer-Attributes: %2")
                                        .arg(m_options.address.toString(), lastCupsError());
        ippDelete(response);
        // A dropped connection is opened afresh next time rather than retried on a dead socket.
        disconnect();
        return status;
    }
    status.reachable = true;
    if (ipp_attribute_t *a = ippFindAttribute(response, "printer-state", IPP_TAG_ENUM))
        status.state = ippGetInteger(a, 0);
    status.reasons = strings(ippFindAttribute(response, "printer-state-reasons", IPP_TAG_KEYWORD));
    status.reasons.removeAll(QStringLiteral("none"));
    if (ipp_attribute_t *a = ippFindAttribute(response, "printer-state-message", IPP_TAG_TEXT))
        status.stateMessage = QString::fromUtf8(ippGetString(a, 0, nullptr));
    if (ipp_attribute_t *a = ippFindAttribute(response, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN))
        status.acceptingJobs = ippGetBoolean(a, 0) != 0;
    if (ipp_attribute_t *a = ippFindAttribute(response, "printer-make-and-model", IPP_TAG_TEXT))
        status.makeAndModel = QString::fromUtf8(ippGetString(a, 0, nullptr));
    const QStringList names = strings(ippFindAttribute(response, "marker-names", IPP_TAG_NAME));
    const QStringList types = strings(ippFindAttribute(response, "marker-types", IPP_TAG_KEYWORD));
    const QList<int> levels = integers(ippFindAttribute(response, "marker-levels", IPP_TAG_INTEGER));
    const QList<int> lowLevels = integers(ippFindAttribute(response, "marker-low-levels", IPP_TAG_INTEGER));
    for (qsizetype i = 0; i < levels.size(); ++i)
        status.markers.append({names.value(i), types.value(i), levels.at(i), lowLevels.value(i, -1)});
    ippDelete(response);
    m_blockingReason = PrinterStatusMapping::blockingReason(status);
    return status;
}

void PrinterWorker::pollStatus()
{
    emit statusRead(readStatus());
}

void PrinterWorker::checkHealth(int level)
{
    const PrinterStatus status = readStatus();
    emit statusRead(status);
    emit healthChecked(level, status);
}

void PrinterWorker::submit(quint64 localId, const QByteArray &pdf, const QString &title)
{
    PrinterStatus failure;
    if (!ensureConnected(&failure)) {
        emit jobStateChanged(localId, PrintJobState::Refused, failure.unreachableMessage);
        return;
    }
    if (!m_cups->info) {
        // Given a connection, libcups guesses whether it leads to the scheduler by comparing host
        // names: a CUPS_SERVER or ServerName spelled otherwise than the queue's own URI (127.0.0.1
        // against localhost) makes it ask cupsd about the printer's device URI, which cupsd does
        // not know. A queue is described by the scheduler, asked the default way.
        http_t *describer = m_options.address.kind == PrinterAddress::Kind::Queue ? CUPS_HTTP_DEFAULT : m_cups->http;
        m_cups->info = cupsCopyDestInfo(describer, m_cups->dest);
    }
    if (!m_cups->info) {
        const QString message = lastCupsError();
        disconnect();
        emit jobStateChanged(localId, PrintJobState::Refused, QStringLiteral("the printer did not describe itself: %1").arg(message));
        return;
    }
    const QByteArray name = title.toUtf8();
    int jobId = 0;
    if (failed(cupsCreateDestJob(m_cups->http, m_cups->dest, m_cups->info, &jobId, name.constData(), 0, nullptr)) || jobId <= 0) {
        const QString message = lastCupsError();
        disconnect();
        emit jobStateChanged(localId, PrintJobState::Refused, QStringLiteral("Create-Job refused: %1").arg(message));
        return;
    }
    bool sent = cupsStartDestDocument(m_cups->http, m_cups->dest, m_cups->info, jobId, name.constData(), CUPS_FORMAT_PDF, 0,
                                      nullptr, 1) == HTTP_STATUS_CONTINUE;
    sent = sent && cupsWriteRequestData(m_cups->http, pdf.constData(), static_cast<size_t>(pdf.size())) == HTTP_STATUS_CONTINUE;
    const ipp_status_t finished = sent ? cupsFinishDestDocument(m_cups->http, m_cups->dest, m_cups->info) : IPP_STATUS_ERROR_INTERNAL;
    if (!sent || failed(finished)) {
        const QString message = lastCupsError();
        // The job exists on the printer without its document: remove it so it never blocks the queue.
        disconnect();
        PrinterStatus ignored;
        if (ensureConnected(&ignored))
            cupsCancelDestJob(m_cups->http, m_cups->dest, jobId);
        emit jobStateChanged(localId, PrintJobState::Refused, QStringLiteral("Send-Document refused: %1").arg(message));
        return;
    }
    qCInfo(lcDrivers) << "printer" << m_options.address.toString() << "accepted job" << jobId << "of" << pdf.size() << "bytes";
    ActiveJob job;
    job.jobId = jobId;
    job.deadlineMs = QDateTime::currentMSecsSinceEpoch() + qint64(m_options.jobTimeoutS) * 1000;
    m_jobs.insert(localId, job);
    emit jobAccepted(localId, jobId);
    if (!m_jobTimer->isActive())
        m_jobTimer->start();
}

void PrinterWorker::cancel(quint64 localId)
{
    auto it = m_jobs.find(localId);
    if (it == m_jobs.end())
        return;
    PrinterStatus failure;
    if (!ensureConnected(&failure))
        return;
    if (failed(cupsCancelDestJob(m_cups->http, m_cups->dest, it->jobId)))
        qCWarning(lcDrivers) << "printer" << m_options.address.toString() << "did not cancel job" << it->jobId << ":" << lastCupsError();
    followJob(localId, *it);
    if (PrinterStatusMapping::isFinal(it->state))
        m_jobs.erase(it);
}

void PrinterWorker::pollJobs()
{
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        followJob(it.key(), *it);
        it = PrinterStatusMapping::isFinal(it->state) ? m_jobs.erase(it) : std::next(it);
    }
    if (m_jobs.isEmpty())
        m_jobTimer->stop();
}

void PrinterWorker::followJob(quint64 localId, ActiveJob &job)
{
    PrinterStatus failure;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!ensureConnected(&failure)) {
        if (now > job.deadlineMs) {
            job.state = PrintJobState::Aborted;
            emit jobStateChanged(localId, job.state, QStringLiteral("timed_out: %1").arg(failure.unreachableMessage));
        }
        return;
    }
    ipp_t *request = newRequest(IPP_OP_GET_JOB_ATTRIBUTES, m_cups->printerUri);
    ippAddInteger(request, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job.jobId);
    static const std::array<const char *, 3> requested{"job-state", "job-state-reasons", "job-state-message"};
    ippAddStrings(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", static_cast<int>(requested.size()),
                  nullptr, requested.data());
    ipp_t *response = cupsDoRequest(m_cups->http, request, m_cups->resource.data());
    const ipp_status_t status = cupsLastError();
    PrintJobState state = job.state;
    QString detail;
    if (response && status == IPP_STATUS_ERROR_NOT_FOUND) {
        state = PrintJobState::Aborted;
        detail = QStringLiteral("job_unknown: the printer no longer knows job %1").arg(job.jobId);
    } else if (response && !failed(status)) {
        if (ipp_attribute_t *a = ippFindAttribute(response, "job-state", IPP_TAG_ENUM))
            state = PrinterStatusMapping::jobStateFromIpp(ippGetInteger(a, 0));
        QStringList reasons = strings(ippFindAttribute(response, "job-state-reasons", IPP_TAG_KEYWORD));
        reasons.removeAll(QStringLiteral("none"));
        detail = reasons.join(QLatin1Char(','));
        if (ipp_attribute_t *a = ippFindAttribute(response, "job-state-message", IPP_TAG_TEXT)) {
            const QString message = QString::fromUtf8(ippGetString(a, 0, nullptr));
            if (!message.isEmpty() && PrinterStatusMapping::isFinal(state) && state != PrintJobState::Completed)
                detail += (detail.isEmpty() ? QString() : QStringLiteral(": ")) + message;
        }
    } else {
        disconnect();
    }
    ippDelete(response);

    if (!PrinterStatusMapping::isFinal(state) && now > job.deadlineMs) {
        if (m_cups->http)
            cupsCancelDestJob(m_cups->http, m_cups->dest, job.jobId);
        state = PrintJobState::Aborted;
        detail = QStringLiteral("timed_out: not printed within %1 s").arg(m_options.jobTimeoutS);
    }
    // A printer out of paper (or jammed, or open) keeps the job "processing" until someone sees
    // to it; the job is stopped for as long as that lasts, and one that fails meanwhile says why
    // first, so the resident hears "out of paper" and not only "not printed".
    if (!m_blockingReason.isEmpty() && state != PrintJobState::Completed) {
        if (!PrinterStatusMapping::isFinal(state))
            state = PrintJobState::Stopped;
        if (!detail.startsWith(m_blockingReason))
            detail = detail.isEmpty() ? m_blockingReason : QStringLiteral("%1: %2").arg(m_blockingReason, detail);
    }
    if (state != job.state || PrinterStatusMapping::isFinal(state)) {
        job.state = state;
        emit jobStateChanged(localId, state, detail);
    }
}
