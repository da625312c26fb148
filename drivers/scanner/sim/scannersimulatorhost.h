#pragma once

#include "sim/simulatorhost.h"
#include "scanner/sim/scannersimulator.h"

// Runs a ScannerSimulator on a thread of its own inside the kiosk (`barcode_scanner = simulated`)
// or a test, so it answers its control socket whatever the caller's thread is doing.
class ScannerSimulatorHost : public SimulatorHost<ScannerSimulator>
{
public:
    ScannerSimulatorHost()
        : SimulatorHost(QStringLiteral("scanner-simulator"))
    {
    }
};
