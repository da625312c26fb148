#include "printer/printjob.h"

#include "printer/printer.h"

#include <QDateTime>

PrintJob::PrintJob(Printer *printer, quint64 localId, QString title)
    : QObject(printer)
    , m_printer(printer)
    , m_localId(localId)
    , m_title(std::move(title))
    , m_submittedAtMs(QDateTime::currentMSecsSinceEpoch())
{
}

void PrintJob::cancel()
{
    if (!isFinished())
        m_printer->cancelJob(this);
}

void PrintJob::setAccepted(int jobId)
{
    m_jobId = jobId;
    emit accepted(jobId);
    if (m_state == PrintJobState::Submitting)
        setState(PrintJobState::Pending, {});
}

void PrintJob::setState(PrintJobState state, const QString &detail)
{
    if (isFinished() || (state == m_state && detail == m_detail))
        return;
    m_state = state;
    if (!detail.isEmpty())
        m_detail = detail;
    emit stateChanged(state);
    if (isFinished())
        emit finished(state);
}
