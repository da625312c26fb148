#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// The signed admin QR code that opens maintenance mode without the PIN, as pure functions over
// text and keys: `KIOSKADM1.<base64url(JSON claims)>.<base64url(Ed25519 signature)>`, the
// signature over the first two parts. docs/maintenance.md describes the format and the rules.
enum class AdminCodeError {
    None,
    NotAdminCode,    // not this kind of code at all (a receipt, an app's code): ignore it
    Malformed,       // the prefix, but not three parts, not base64url, not the claims expected
    UnknownKey,      // signed with a key id that this terminal does not trust
    BadSignature,    // the key is trusted but the signature does not match the text
    TooLongValidity, // valid for longer than MaximumValiditySeconds
    WrongTerminal,   // made for another terminal
    NotYetValid,     // issued in the future, beyond the allowed clock skew
    Expired,         // expired, beyond the allowed clock skew
    Replayed,        // seen before within its validity (reported by AdminCodeReplayList's caller)
    WildcardRefused, // a code for any terminal ("*") that is not a short technician code, or on an enrolled terminal
};

struct AdminCodeClaims {
    QString terminal; // a terminal id, or "*" for any terminal that trusts the key
    QString role;     // "maintainer" or "technician"
    QDateTime issued; // UTC, whole seconds
    QDateTime expires;
    QString nonce;  // 24 hex characters, random per code
    QString keyId;  // AdminCode::keyIdOf() of the signing key's public half
};

struct AdminCodeVerdict {
    AdminCodeError error = AdminCodeError::Malformed;
    AdminCodeClaims claims; // filled as far as the payload could be read
    [[nodiscard]] bool ok() const { return error == AdminCodeError::None; }
};

struct AdminKeyPair {
    QByteArray privatePem; // PKCS#8
    QByteArray publicPem;  // SubjectPublicKeyInfo
};

namespace AdminCode {

inline constexpr char Prefix[] = "KIOSKADM1.";
inline constexpr int MaximumValiditySeconds = 15 * 60;
// Kiosks keep time by NTP, but a terminal that was off for days may be a little out.
inline constexpr int ClockSkewSeconds = 120;
inline constexpr char AnyTerminal[] = "*";
// A code for any terminal is a key to a whole site: it may only set up a terminal not enrolled yet
// (role technician) and lives this long at most.
inline constexpr int WildcardMaximumValiditySeconds = 5 * 60;

// A prefix check only: true for every text that claims to be an admin code, valid or not, so the
// resident side can leave all of them alone.
[[nodiscard]] bool isAdminCodePayload(const QString &text);

// "not_admin_code", "malformed", "bad_signature"…; "ok" for None.
[[nodiscard]] QString errorName(AdminCodeError error);
[[nodiscard]] bool isKnownRole(const QString &role);

[[nodiscard]] std::optional<AdminKeyPair> generateKeyPair(QString *error);
// 16 hex characters of the SHA-256 of the raw 32-byte public key; empty if `pem` holds no Ed25519 key.
[[nodiscard]] QString keyIdOf(const QByteArray &publicOrPrivatePem);
// Every Ed25519 public key in `pem` (a file may hold several PEM blocks); others are skipped
// with a note in `problems`.
[[nodiscard]] QList<QByteArray> publicKeysIn(const QByteArray &pem, QStringList *problems = nullptr);

// The payload for `claims` signed with the private key; `claims.keyId` is set from the key.
// Empty, with why, when the key is not an Ed25519 private key or the claims are not signable.
[[nodiscard]] QString sign(AdminCodeClaims claims, const QByteArray &privatePem, QString *error);

// Why a code for any terminal may not be signed or used, or empty when it may (and for a code
// that names one terminal): only a technician's, valid for WildcardMaximumValiditySeconds at
// most, and only for provisioning (`enrolled` false).
[[nodiscard]] QString wildcardProblem(const AdminCodeClaims &claims, bool enrolled);

// Reads and checks everything but replay: format, key, signature, validity length, terminal
// (`terminalId` is this terminal's id; "*" codes pass any terminal not yet `enrolled`, as
// wildcardProblem says) and time with the clock skew.
[[nodiscard]] AdminCodeVerdict verify(const QString &payload, const QList<QByteArray> &trustedPublicPems,
                                      const QString &terminalId, const QDateTime &now, bool enrolled = true);

} // namespace AdminCode
