#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

// The request signature of reference/platform-api.md as pure functions over bytes: the canonical
// string, the body hash and the HMAC (SHA-256 or SM3, through OpenSSL). The client signs with
// them and the reference server verifies with them; the test vectors pin both to the contract.
enum class SignatureAlgorithm { HmacSha256, HmacSm3 };

namespace RequestSigner {

// "HMAC-SHA256" / "HMAC-SM3", as the X-Signature-Alg header spells them.
[[nodiscard]] QString algorithmName(SignatureAlgorithm algorithm);
[[nodiscard]] std::optional<SignatureAlgorithm> algorithmFromName(QStringView name);

// Lower-case hex of SHA-256 or SM3 of the body; the empty body hashes too.
[[nodiscard]] QByteArray bodyHash(SignatureAlgorithm algorithm, const QByteArray &body);

// The five lines joined by '\n' with no trailing newline: method, path with query exactly as
// sent, timestamp, nonce, body hash.
[[nodiscard]] QByteArray canonicalString(const QByteArray &method, const QByteArray &pathAndQuery,
                                         const QByteArray &timestamp, const QByteArray &nonce,
                                         const QByteArray &bodyHashHex);

// Lower-case hex of HMAC(secret, canonical), or empty if the crypto library refused.
[[nodiscard]] QByteArray signature(SignatureAlgorithm algorithm, const QByteArray &secret,
                                   const QByteArray &canonical);

// Compares a received signature with the expected one in constant time.
[[nodiscard]] bool verify(SignatureAlgorithm algorithm, const QByteArray &secret, const QByteArray &canonical,
                          const QByteArray &receivedHex);

// RFC 3339 with an explicit offset ("2026-11-23T13:05:00+08:00"), never "Z", as the contract writes times.
[[nodiscard]] QByteArray timestamp(const QDateTime &time);

// Reads an RFC 3339 time with an explicit offset or Z (an X-Timestamp, or a time in a body);
// invalid for anything else, a bare local time included, since the contract never writes one.
[[nodiscard]] QDateTime parseTimestamp(const QByteArray &text);

// Is this a nonce the contract accepts: 16 to 64 hex characters.
[[nodiscard]] bool isValidNonce(const QByteArray &nonce);

} // namespace RequestSigner
