#pragma once

#include "idcard/sim/idcardsimulator.h"

#include <QObject>

class QThread;

// Runs an IdCardSimulator on a thread of its own inside another process (the kiosk with
// `devices/id_card_reader = simulated`, or a test), so its replies keep their pace whatever the
// caller's thread is doing. Stopping (or destroying the host) removes the pty and the socket.
class IdCardSimulatorHost : public QObject
{
    Q_OBJECT
public:
    explicit IdCardSimulatorHost(QObject *parent = nullptr);
    ~IdCardSimulatorHost() override;

    [[nodiscard]] bool start(const IdCardSimulator::Options &options, QString *error);
    void stop();
    // Runs one control command on the simulator's thread and waits for the answer.
    QString execute(const QString &commandLine);
    [[nodiscard]] IdCardSimulator *simulator() const { return m_simulator; }

private:
    QThread *m_thread = nullptr;
    IdCardSimulator *m_simulator = nullptr;
};
