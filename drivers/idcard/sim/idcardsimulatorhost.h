#pragma once

#include "sim/simulatorhost.h"
#include "idcard/sim/idcardsimulator.h"

// Runs an IdCardSimulator on a thread of its own inside another process (the kiosk with
// `devices/id_card_reader = simulated`, or a test). Stopping (or destroying the host) removes
// the pty and the socket.
class IdCardSimulatorHost : public SimulatorHost<IdCardSimulator>
{
public:
    IdCardSimulatorHost()
        : SimulatorHost(QStringLiteral("idcard-simulator"))
    {
    }
};
