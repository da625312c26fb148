#pragma once

#include "printer/printeraddress.h"
#include "printer/printerstatus.h"

#include <QByteArray>
#include <QHash>
#include <QObject>

#include <memory>

class QTimer;

struct PrinterWorkerOptions {
    PrinterAddress address;       // Queue or Uri
    int statusPollMs = 2000;      // how often printer-state is read while idle
    int jobPollMs = 250;          // how often active jobs are followed
    int connectTimeoutMs = 5000;
    int jobTimeoutS = 120;        // a job not finished by then is cancelled and reported aborted
};

// The printer's libcups side, on the printer's own thread: every call may block on the network,
// so nothing here runs on the kiosk's UI thread. It connects (to cupsd for a queue, straight to
// the printer for a URI), reads the printer's status on a timer, submits PDFs and follows each
// job until it ends. libcups' types stay in the .cpp.
class PrinterWorker : public QObject
{
    Q_OBJECT
public:
    explicit PrinterWorker(PrinterWorkerOptions options);
    ~PrinterWorker() override;

    void start();
    void stop();
    void submit(quint64 localId, const QByteArray &pdf, const QString &title);
    void cancel(quint64 localId);
    void checkHealth(int level);

signals:
    void statusRead(const PrinterStatus &status);
    void healthChecked(int level, const PrinterStatus &status);
    void jobAccepted(quint64 localId, int jobId);
    void jobStateChanged(quint64 localId, PrintJobState state, const QString &detail);

private:
    struct ActiveJob {
        int jobId = 0;
        qint64 deadlineMs = 0;
        PrintJobState state = PrintJobState::Pending;
    };
    struct Cups;

    bool ensureConnected(PrinterStatus *failure);
    void disconnect();
    PrinterStatus readStatus();
    void pollStatus();
    void pollJobs();
    void followJob(quint64 localId, ActiveJob &job);

    PrinterWorkerOptions m_options;
    std::unique_ptr<Cups> m_cups;
    QTimer *m_statusTimer = nullptr;
    QTimer *m_jobTimer = nullptr;
    QHash<quint64, ActiveJob> m_jobs;
    // What stops the printer as last read ("media-empty"), empty while it can print.
    QString m_blockingReason;
};
