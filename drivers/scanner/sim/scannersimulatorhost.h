#pragma once

#include "scanner/sim/scannersimulator.h"

#include <QObject>

class QThread;

// Runs a ScannerSimulator on a thread of its own inside the kiosk (`barcode_scanner = simulated`)
// or a test, so it answers its control socket whatever the caller's thread is doing.
class ScannerSimulatorHost : public QObject
{
    Q_OBJECT
public:
    explicit ScannerSimulatorHost(QObject *parent = nullptr);
    ~ScannerSimulatorHost() override;

    [[nodiscard]] bool start(const ScannerSimulator::Options &options, QString *error);
    void stop();
    // Runs one control command on the simulator's thread and waits for the answer.
    QString execute(const QString &commandLine);

private:
    QThread *m_thread = nullptr;
    ScannerSimulator *m_simulator = nullptr;
};
