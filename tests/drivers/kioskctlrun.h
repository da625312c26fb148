#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// kioskctl run as a technician runs it, with a test's configuration: its exit code and what it
// printed. KIOSKCTL is defined by the test's CMake target.
struct KioskctlRun {
    int exitCode = -1;
    QString out;
    QString err;

    static KioskctlRun run(const QString &config, const QStringList &args)
    {
        QProcess process;
        process.start(QStringLiteral(KIOSKCTL), QStringList{QStringLiteral("--config"), config} + args);
        if (!process.waitForFinished(60000))
            process.kill();
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }
};
