#pragma once

#include "kioskconfig.h"

#include <QList>
#include <QString>

#include <utility>

// What the touch screen changes in the configuration (the first PIN, the hall) goes to the
// overlay under the state directory (KioskConfig::overlayPath), never to /etc/kiosk/kiosk.ini:
// the unit makes /etc read-only to the kiosk, and a technician's file stays as they wrote it.
namespace ConfigOverlay {

// Makes the overlay's folder (mode 0700) and returns the overlay's path; empty, with `error`
// saying why, when the folder cannot be made.
[[nodiscard]] QString prepare(const KioskConfig &config, QString *error);

// Writes `values` ("section/key" → value) into the overlay; only KioskConfig::overlayKeys() may
// be written there.
[[nodiscard]] bool setValues(const KioskConfig &config, const QList<std::pair<QString, QString>> &values, QString *error);

// setValues(), and once they are written, the same values in `config`, which the running kiosk
// then uses without reading its files again.
[[nodiscard]] bool store(KioskConfig &config, const QList<std::pair<QString, QString>> &values, QString *error);

} // namespace ConfigOverlay
