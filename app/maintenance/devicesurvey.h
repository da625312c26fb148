#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

class DeviceRegistry;
class KioskConfig;

// Every configured device with its spec, presence, state, health and statistics, as the JSON the
// status report and the diagnostics bundle hold. Either from the kiosk's own running registry, or
// (for kioskctl, without the kiosk) by building the devices the way the kiosk does.
namespace DeviceSurvey {

// How long a survey waits for a device built for it to tell its health: a simulated printer's
// ippeveprinter may take seconds to start on a busy machine.
constexpr int WaitMs = 15000;

// The device ids in the order the configuration lists them.
[[nodiscard]] const QStringList &deviceIds();

[[nodiscard]] QJsonArray describe(const DeviceRegistry &registry, const KioskConfig &config);

// The one answer kioskctl gives to "how are the devices?", whichever command asks. While a kiosk
// runs on the configured state directory, what it holds is what it published (LiveDeviceHealth):
// a device is never opened beside the kiosk. Otherwise the configured devices are built and
// started in a private directory (nothing of the kiosk's is touched), each health awaited up to
// `waitMs`, and the statistics the kiosk keeps added; a simulated ID card reader is reached
// through a running simulator when there is one. `note` says which, and names devices that
// could not be built.
[[nodiscard]] QJsonArray survey(const KioskConfig &config, int waitMs, QString *note);

// Whether a surveyed device may serve residents: configured (not `none`) and usable.
[[nodiscard]] bool isUnusable(const QJsonObject &device);

} // namespace DeviceSurvey
