#pragma once

#include <QString>
#include <QStringList>

class DeviceRegistry;

// The demo's controls of the in-process simulators: a card laid on or taken off the simulated
// reader, a reader fault, a code shown to the simulated scanner, a simulated camera that stalls.
// Offered only when the card reader is the in-process simulator, so a kiosk with real devices
// has none of them.
class SimulatorControls
{
public:
    explicit SimulatorControls(DeviceRegistry *devices)
        : m_devices(devices)
    {
    }

    [[nodiscard]] bool available() const;
    // The simulated cards' names and the reader's fault names, empty without the simulator.
    [[nodiscard]] QStringList cards() const;
    [[nodiscard]] QStringList faults() const;
    // Runs one command ("card present resident", "fault sam_failure", "scan PAYLOAD",
    // "camera stall document_camera", "camera resume document_camera"); the simulator's answer,
    // or "error: …".
    QString execute(const QString &command);

private:
    DeviceRegistry *m_devices;
};
