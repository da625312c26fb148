#pragma once

#include <QString>

// The maintenance PIN a technician chooses on a terminal's first setup, typed twice: refused when
// weak or when the two differ, else hashed and written as admin/pin_hash into the file given: the
// kiosk gives its configuration overlay (KioskConfig::overlayPath), /etc being read-only to it.
class FirstPin
{
public:
    // Empty when written (`hash` then holds what was written); otherwise why not: a
    // MaintenancePin::weaknessOf code, "mismatch", or "not_saved" (no configuration file, or it
    // could not be written: `error` says why).
    [[nodiscard]] static QString save(const QString &pin, const QString &repeated, const QString &configPath, QString *hash,
                                      QString *error);
};
