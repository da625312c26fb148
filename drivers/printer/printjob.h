#pragma once

#include "printer/printerstatus.h"

#include <QObject>
#include <QString>

class Printer;

// One document sent to a printer, followed until it is completed, aborted, cancelled or refused.
// finished() is emitted exactly once; a job that fails after submission says so in detail()
// ("job-canceled-by-system", "timed_out", libcups' sentence), so the kiosk can offer a reprint.
class PrintJob : public QObject
{
    Q_OBJECT
public:
    [[nodiscard]] quint64 localId() const { return m_localId; }
    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] int jobId() const { return m_jobId; } // the printer's job-id; 0 until accepted
    [[nodiscard]] PrintJobState state() const { return m_state; }
    [[nodiscard]] QString detail() const { return m_detail; }
    [[nodiscard]] bool isFinished() const { return PrinterStatusMapping::isFinal(m_state); }
    [[nodiscard]] bool succeeded() const { return m_state == PrintJobState::Completed; }
    [[nodiscard]] qint64 submittedAtMs() const { return m_submittedAtMs; }

    // Asks the printer to cancel the job; the outcome arrives as finished(Cancelled), or as
    // whatever the job reached first.
    void cancel();

signals:
    void accepted(int jobId);
    void stateChanged(PrintJobState state);
    void finished(PrintJobState state);

private:
    friend class Printer;
    PrintJob(Printer *printer, quint64 localId, QString title);
    void setAccepted(int jobId);
    void setState(PrintJobState state, const QString &detail);

    Printer *m_printer;
    quint64 m_localId;
    QString m_title;
    int m_jobId = 0;
    PrintJobState m_state = PrintJobState::Submitting;
    QString m_detail;
    qint64 m_submittedAtMs = 0;
};
