#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// Newland's serial host commands (reference/devices.md §2): 7E 01 30 30 30 30, then '@' for a
// setting kept across power cycles or '#' for one that lasts until the next, the command, ';', 03.
// `#SCNTRG1` starts a scan; `@SCNMOD0` puts the engine in command-triggered mode. Pure functions.
namespace NewlandCommand {

enum class Persistence { Temporary, Persistent };

[[nodiscard]] QByteArray frame(QByteArrayView command, Persistence persistence = Persistence::Temporary);
// The command inside one frame, or nothing when `bytes` is not exactly one well-formed frame.
[[nodiscard]] std::optional<QByteArray> parse(QByteArrayView bytes);

inline constexpr char TriggerScan[] = "SCNTRG1";
inline constexpr char CommandTriggeredMode[] = "SCNMOD0";

} // namespace NewlandCommand
