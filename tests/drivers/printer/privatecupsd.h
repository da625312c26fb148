#pragma once

#include <QString>
#include <QStringList>

class QProcess;

// A CUPS scheduler of the test's own, so the driver's `cups:QUEUE` path runs against a real cupsd
// without touching the machine's: `cupsd -f` with its own cupsd.conf and cups-files.conf, its
// spool, state, cache and logs under one directory, listening on a free loopback port only, no
// browsing, filters run as `lp` (debian12-notes.md "Printing"). It needs root, as cupsd does.
// Stopping it (or destroying it) ends cupsd and the jobs it runs.
class PrivateCupsd
{
public:
    PrivateCupsd() = default;
    PrivateCupsd(const PrivateCupsd &) = delete;
    PrivateCupsd &operator=(const PrivateCupsd &) = delete;
    ~PrivateCupsd();

    // Writes the configuration under `root` (made readable to lp, whose filters read the spool
    // there; the directories above it must let lp through) and starts cupsd; false with the
    // reason (and cupsd's own words) in `error`.
    [[nodiscard]] bool start(const QString &root, QString *error);
    void stop();

    // "127.0.0.1:PORT": what CUPS_SERVER must say for libcups and the CUPS commands to use it.
    [[nodiscard]] QString server() const;
    // Creates an enabled, driverless queue for an IPP Everywhere printer, as a technician would
    // (lpadmin -p NAME -E -v URI -m everywhere), and waits until cupsd has made its PPD.
    [[nodiscard]] bool addEverywhereQueue(const QString &name, const QString &printerUri, QString *error);
    // Runs a CUPS command (cupsdisable, cupsaccept, …) against this cupsd.
    [[nodiscard]] bool run(const QString &program, const QStringList &arguments, QString *error);

private:
    // What cupsd says the queue is ("… IPP Everywhere", or "Local Raw Printer" while it has no PPD).
    [[nodiscard]] QString makeAndModel(const QString &queue) const;

    QString m_root;
    QProcess *m_process = nullptr;
    quint16 m_port = 0;
};
