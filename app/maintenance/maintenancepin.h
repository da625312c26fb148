#pragma once

#include <QString>

// A maintenance PIN kept only as a salted slow hash, in the one-line form the configuration key
// admin/pin_hash holds: "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>". Checking a PIN
// costs the same time whether it is right or wrong, and a weak PIN is refused before it is hashed.
// New hashes take OWASP's current work factor; older ones still open the gate, which then
// hashes the PIN again (needsRehash).
class MaintenancePin
{
public:
    // OWASP's Password Storage Cheat Sheet asks for 600 000 rounds of PBKDF2-HMAC-SHA256.
    static constexpr int DefaultIterations = 600000;
    // The fewest a stored hash may name: what terminals wrote before the default was raised.
    static constexpr int MinimumIterations = 100000;
    static constexpr int MinimumLength = 6;

    // A fresh random 16-byte salt every call, so two hashes of one PIN differ.
    [[nodiscard]] static QString hash(const QString &pin);
    [[nodiscard]] static QString hash(const QString &pin, int iterations);

    // False for a wrong PIN and for a stored value that is not a well-formed hash.
    [[nodiscard]] static bool matches(const QString &pin, const QString &stored);
    [[nodiscard]] static bool isWellFormed(const QString &stored);
    // True for a well-formed hash made with fewer than DefaultIterations: once the PIN has been
    // checked against it, it should be replaced by hash(pin).
    [[nodiscard]] static bool needsRehash(const QString &stored);
    // The hash the configuration file at `configPath` holds now: `kioskctl maintenance set-pin`
    // writes it there while the kiosk runs, and the kiosk reads it at each check rather than
    // once at its start. `fallback` when there is no file or it does not load.
    [[nodiscard]] static QString storedIn(const QString &configPath, const QString &fallback);

    // Empty when the PIN is acceptable, otherwise a reason code: "too-short", "not-digits",
    // "repeated" (all one digit) or "sequence" (a run like 123456 or 987654).
    [[nodiscard]] static QString weaknessOf(const QString &pin);
    // The reason code as a sentence for the maintainer.
    [[nodiscard]] static QString describeWeakness(const QString &reason);
};
