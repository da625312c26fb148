#pragma once

#include "device/device.h"
#include "device/workerliveness.h"
#include "printer/printeraddress.h"
#include "printer/printerstatus.h"

#include <QByteArray>
#include <QHash>
#include <QPointer>

class QThread;
class PrintJob;
class PrinterWorker;

struct PrinterOptions {
    PrinterAddress address;                         // a queue or an IPP URI
    QString deviceClass = QStringLiteral("receipt_printer");
    int statusPollMs = 2000;
    int jobTimeoutS = 120;
    int connectTimeoutMs = 5000;
    // Set when the printer cannot exist at all (the simulator did not start): the device then
    // stays in error with this detail and says why in status().unreachableMessage.
    QString unavailableDetail;
    QString unavailableMessage;
};

// A CUPS printer (a receipt or an A4 printer) on the device model. Once enabled it reads the
// printer's state every few seconds on its own thread and maps it to the health vocabulary;
// print() submits a PDF as it is and returns a PrintJob that reports until the job ends.
class Printer : public Device
{
    Q_OBJECT
public:
    Printer(const QString &id, PrinterOptions options, QObject *parent = nullptr);
    ~Printer() override;

    [[nodiscard]] const PrinterOptions &options() const { return m_options; }
    // The last status read from the printer (not reachable until the first reading).
    [[nodiscard]] PrinterStatus status() const { return m_status; }

    // Sends `pdf` (printed as it is) under `title`. Never null; the job belongs to the printer
    // (delete it when done with it). A printer that is not enabled or in error refuses at once:
    // the job's finished(Refused) then arrives from the event loop, after the caller connected.
    [[nodiscard]] PrintJob *print(const QByteArray &pdf, const QString &title);
    // Jobs not yet finished.
    [[nodiscard]] int activeJobs() const;
    // At most this many jobs wait on the printer's thread; another is refused (`queue_full`)
    // and counted as `jobs_dropped`: a receipt is printed at once or not at all.
    static constexpr int JobQueueCapacity = 16;

    WorkerLiveness *workerLiveness() override { return m_worker ? &m_liveness : nullptr; }

signals:
    void statusChanged(const PrinterStatus &status);

protected:
    bool onOpen(QString *error) override;
    bool onEnable(QString *error) override;
    void onClose() override;
    void onCheckHealth(HealthCheckLevel level) override;
    void onAbandonWorker() override;

private:
    friend class PrintJob;
    void cancelJob(PrintJob *job);
    void applyStatus(const PrinterStatus &status);
    void applyJobState(quint64 localId, PrintJobState state, const QString &detail);
    void refuseLater(PrintJob *job, const QString &detail);
    void updateState();
    void stopThread();
    void abortJobs(const QString &detail);

    PrinterOptions m_options;
    PrinterStatus m_status;
    QThread *m_thread = nullptr;
    PrinterWorker *m_worker = nullptr;
    WorkerLiveness m_liveness;
    quint64 m_nextLocalId = 1;
    QHash<quint64, QPointer<PrintJob>> m_jobs;
};
