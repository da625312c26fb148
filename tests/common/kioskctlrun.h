#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QProcess>
#include <QString>
#include <QStringList>

// kioskctl run as a technician runs it, with a test's configuration: its exit code and what it
// printed. The executable is the KIOSKCTL of the test's environment (kiosk_add_test … ENV
// "KIOSKCTL=$<TARGET_FILE:kioskctl>"); `input` is written to its standard input.
struct KioskctlRun {
    int exitCode = -1;
    QString out;
    QString err;

    [[nodiscard]] QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }

    static KioskctlRun run(const QString &config, const QStringList &args, const QByteArray &input = {})
    {
        QProcess process;
        process.start(qEnvironmentVariable("KIOSKCTL"), QStringList{QStringLiteral("--config"), config} + args);
        if (!process.waitForStarted(30000))
            return {-1, {}, QStringLiteral("kioskctl did not start: ") + process.errorString()};
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(180000)) {
            process.kill();
            process.waitForFinished();
            return {-1, QString::fromUtf8(process.readAllStandardOutput()), QStringLiteral("kioskctl did not finish within 180 s")};
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }
};
