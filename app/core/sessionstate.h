#pragma once

#include <QString>

// The steps of a resident's session (DESIGN.md "The resident session"). Wipe is passed through,
// never rested in: it clears everything and leads back to Attract.
enum class SessionState {
    Attract,       // nobody is using the kiosk: hall name, clock, "touch to start"
    ChooseService, // home screen, service guides
    Identify,      // ID card, QR code, or staff-assisted
    Verify,        // consent, then face verification (never the only way)
    Form,          // prefilled from the card (零填报)
    Materials,     // document camera
    Review,
    Submit,        // live, or queued when the item allows it
    Result,        // case number, receipt
    Rating,        // 好差评, always offered after a transaction
    Wipe,
};

// Why a session ended; every reason takes the same wipe path.
enum class SessionEnd { Completed, Cancelled, TimedOut, CardRemoved, DeviceFailed };

[[nodiscard]] QString sessionStateName(SessionState state);
[[nodiscard]] QString sessionEndName(SessionEnd reason);
