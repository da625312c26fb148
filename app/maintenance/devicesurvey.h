#pragma once

#include <QJsonArray>
#include <QString>

class DeviceRegistry;
class KioskConfig;

// Every configured device with its spec, presence, state, health and statistics, as the JSON the
// status report and the diagnostics bundle hold. Either from the kiosk's own running registry, or
// (for kioskctl, without the kiosk) by building the devices the way the kiosk does.
namespace DeviceSurvey {

// The device ids in the order the configuration lists them.
[[nodiscard]] const QStringList &deviceIds();

[[nodiscard]] QJsonArray describe(const DeviceRegistry &registry, const KioskConfig &config);

// Builds and starts the configured devices in a private directory (nothing of the kiosk's is
// touched), waits up to `waitMs` for each health, and adds the statistics the kiosk keeps. A
// simulated ID card reader is reached through a running kiosk's simulator when there is one.
// `note` says how, and names devices that could not be built.
[[nodiscard]] QJsonArray survey(const KioskConfig &config, int waitMs, QString *note);

} // namespace DeviceSurvey
