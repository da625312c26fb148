#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// What the soak harness records of the kiosk's own process and its state directory after a
// number of sessions: resident memory, open descriptors, threads, the bytes the state directory
// and its logs hold, and the files in it (for "nothing but tombstones left").
struct SoakSample {
    int sessions = 0;
    qint64 rssKiB = 0;
    int descriptors = 0;
    int threads = 0;
    qint64 stateBytes = 0;  // the kiosk's state, without the simulators' own (sim/)
    qint64 logBytes = 0;    // logs/ and the audit logs
    int outboxPending = 0;
    int outboxTombstones = 0;
    QStringList files;      // relative to the state directory, without sim/

    // Reads this process (the harness runs the kiosk in-process, as RunningKiosk does) and `stateDir`.
    [[nodiscard]] static SoakSample take(int sessions, const QString &stateDir);

    [[nodiscard]] static QString csvHeader();
    [[nodiscard]] QString csvRow() const;
    [[nodiscard]] static bool writeCsv(const QList<SoakSample> &samples, const QString &path, QString *error);
};
