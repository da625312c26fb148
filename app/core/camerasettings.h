#pragma once

class KioskConfig;
struct DeviceRegistryOptions;

// The cameras' part of [devices] (resolutions, frame rates, code formats) as the device registry
// takes it, so that the kiosk and every kioskctl command that opens a camera run it alike.
namespace CameraSettings {

void apply(const KioskConfig &config, DeviceRegistryOptions *options);

} // namespace CameraSettings
