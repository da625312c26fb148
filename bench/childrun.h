#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// One run of a program the benchmarks start: when it printed a line starting with a marker, when
// it exited, how, and its peak resident set from the kernel's own account (wait4's ru_maxrss),
// which a poll of /proc would miss for a process that lives half a second.
struct ChildRun {
    bool started = false;
    int exitCode = -1;
    double markerMs = -1;
    double exitMs = -1;
    qint64 peakRssKiB = 0;
    QByteArray errorOutput;

    static ChildRun run(const QString &program, const QStringList &arguments, const QByteArray &marker, int timeoutMs);
};
