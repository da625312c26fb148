#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QProcess;

// A real IPP Everywhere printer for `simulated` printer specs and tests: an `ippeveprinter`
// process on a free loopback port. Tests (KIOSK_PRINTER_SIM_KEEP_DOCUMENTS=1) find every job's
// document in its spool directory; otherwise nothing printed is kept past the job. The
// real libcups driver prints to it. It needs the system D-Bus (even with DNS-SD off); when it
// cannot start, start() says why and the printer device reports `no_device`.
class PrinterSimulator : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString spoolDirectory;       // created; jobs land here as <job-id>-<title>.pdf
        QString name = QStringLiteral("Kiosk Printer");
        QString executable;           // empty: /usr/sbin/ippeveprinter, else found on PATH
        quint16 port = 0;             // 0: a free loopback port
    };

    explicit PrinterSimulator(QObject *parent = nullptr);
    ~PrinterSimulator() override;

    [[nodiscard]] bool start(const Options &options, QString *error);
    void stop();

    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QString uri() const;      // ipp://127.0.0.1:PORT/ipp/print
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString spoolDirectory() const { return m_options.spoolDirectory; }
    // The documents printed so far, oldest first (absolute paths); kept only for tests.
    [[nodiscard]] QStringList printedFiles() const;
    // The next job "jams": its print command fails, so ippeveprinter aborts it after accepting it.
    void failNextJob();
    // The next job takes four seconds to print (time to cancel it, or to outlast a job timeout).
    void slowNextJob();
    // The paper runs out during the next job: the printer reports media-empty and holds the job,
    // still processing, until loadPaper(); then it clears the reason and the job completes.
    void runOutOfPaperDuringNextJob();
    void loadPaper();

    [[nodiscard]] static QString findExecutable();
    [[nodiscard]] static QString defaultSpoolDirectory(const QString &stateDirectory, const QString &deviceId);

private:
    Options m_options;
    QProcess *m_process = nullptr;
    quint16 m_port = 0;
};
