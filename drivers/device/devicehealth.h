#pragma once

#include <QMetaType>
#include <QString>

// The one health vocabulary every device and the heartbeat share (reference/devices.md §5): a
// level, a short machine-readable detail such as `sam_self_test_failed`, and a hint for staff.
enum class HealthLevel { Ok, Warning, Error, Busy, Disabled, Unknown };
enum class StaffHint { None, Retry, Reset, ReplaceConsumable, CallService };

// How deep a health check goes: `Internal` asks the device itself (self-test, status command),
// `External` also exercises what is attached to it (a card field, paper path), `Interactive`
// needs a person at the kiosk (present a card, look at a test page).
enum class HealthCheckLevel { Internal, External, Interactive };

struct DeviceHealth {
    HealthLevel level = HealthLevel::Unknown;
    QString detail;         // snake_case, machine-readable: "no_device", "media_low", "" when ok
    StaffHint hint = StaffHint::None;

    [[nodiscard]] bool isUsable() const { return level == HealthLevel::Ok || level == HealthLevel::Warning || level == HealthLevel::Busy; }
    [[nodiscard]] bool operator==(const DeviceHealth &other) const = default;

    [[nodiscard]] static DeviceHealth ok() { return {HealthLevel::Ok, {}, StaffHint::None}; }
    [[nodiscard]] static DeviceHealth error(const QString &detail, StaffHint hint) { return {HealthLevel::Error, detail, hint}; }
    [[nodiscard]] static DeviceHealth warning(const QString &detail, StaffHint hint) { return {HealthLevel::Warning, detail, hint}; }
};

namespace DeviceVocabulary {
[[nodiscard]] QString toString(HealthLevel level);
[[nodiscard]] QString toString(StaffHint hint);
[[nodiscard]] QString toString(HealthCheckLevel level);
[[nodiscard]] bool parse(const QString &text, HealthCheckLevel *level);
} // namespace DeviceVocabulary

Q_DECLARE_METATYPE(DeviceHealth)
