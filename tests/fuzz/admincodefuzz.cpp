#include "admincode.h"
#include "fuzzrequire.h"

#include <QTimeZone>

#include <cstddef>
#include <cstdint>

// Admin codes as the scanner reads them. Two ways in: the input as the scanned text, against a
// terminal that trusts a key of its own (no input can carry that key's signature); and the input
// as the choices of a code signed with that key (role, terminal, validity, the clock), then
// verified and tampered with. Promises:
//   - text without the prefix is NotAdminCode; no unsigned text is ever accepted;
//   - a code signed with the trusted key is never reported as malformed, unknown or forged, its
//     claims read back as signed, and it is accepted only for this terminal (or "*") and only
//     within its validity and the clock skew;
//   - changing one character of the signed claims makes it unacceptable.
namespace {

const AdminKeyPair &trustedKey()
{
    static const AdminKeyPair pair = [] {
        QString error;
        const std::optional<AdminKeyPair> generated = AdminCode::generateKeyPair(&error);
        FUZZ_REQUIRE(generated.has_value());
        return *generated;
    }();
    return pair;
}

quint8 byteAt(const uint8_t *data, size_t size, size_t index)
{
    return index < size ? data[index] : 0;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> trusted{trustedKey().publicPem};
    const QString terminal = QStringLiteral("T-0042");
    const QDateTime base(QDate(2026, 11, 23), QTime(5, 0), QTimeZone::utc());

    const QString scanned = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const AdminCodeVerdict raw = AdminCode::verify(scanned, trusted, terminal, base, size % 2 == 0);
    FUZZ_REQUIRE(!raw.ok());
    if (!AdminCode::isAdminCodePayload(scanned))
        FUZZ_REQUIRE(raw.error == AdminCodeError::NotAdminCode);
    FUZZ_REQUIRE(!AdminCode::errorName(raw.error).isEmpty());

    static const QString roles[] = {QStringLiteral("maintainer"), QStringLiteral("technician"), QStringLiteral("visitor")};
    static const QString terminals[] = {terminal, QStringLiteral("*"), QStringLiteral("T-0043")};
    AdminCodeClaims claims;
    claims.role = roles[byteAt(data, size, 0) % 3];
    claims.terminal = terminals[byteAt(data, size, 1) % 3];
    claims.issued = base;
    claims.expires = base.addSecs(1 + (byteAt(data, size, 2) << 4 | byteAt(data, size, 3) >> 4));
    claims.nonce = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(data), qsizetype(std::min<size_t>(size, 12))).toHex().leftJustified(24, '0'));
    const QDateTime now = base.addSecs(qint64(byteAt(data, size, 4)) * 20 - 600);
    const bool enrolled = byteAt(data, size, 5) % 2 == 0;

    QString error;
    const QString code = AdminCode::sign(claims, trustedKey().privatePem, &error);
    if (code.isEmpty()) {
        FUZZ_REQUIRE(!error.isEmpty());
        return 0;
    }
    const AdminCodeVerdict verdict = AdminCode::verify(code, trusted, terminal, now, enrolled);
    FUZZ_REQUIRE(verdict.error != AdminCodeError::Malformed && verdict.error != AdminCodeError::UnknownKey
                 && verdict.error != AdminCodeError::BadSignature && verdict.error != AdminCodeError::NotAdminCode);
    FUZZ_REQUIRE(verdict.claims.role == claims.role && verdict.claims.terminal == claims.terminal
                 && verdict.claims.issued == claims.issued && verdict.claims.expires == claims.expires
                 && verdict.claims.nonce == claims.nonce);
    if (verdict.ok()) {
        FUZZ_REQUIRE(claims.terminal == terminal || (claims.terminal == QLatin1String("*") && !enrolled));
        FUZZ_REQUIRE(now.secsTo(claims.issued) <= AdminCode::ClockSkewSeconds);
        FUZZ_REQUIRE(claims.expires.secsTo(now) <= AdminCode::ClockSkewSeconds);
        FUZZ_REQUIRE(claims.issued.secsTo(claims.expires) <= AdminCode::MaximumValiditySeconds);
    }

    // One character of the claims changed (never the last, whose spare bits may not count).
    const qsizetype claimsBegin = qsizetype(sizeof AdminCode::Prefix) - 1;
    const qsizetype claimsEnd = code.indexOf(QLatin1Char('.'), claimsBegin);
    FUZZ_REQUIRE(claimsEnd > claimsBegin + 1);
    const qsizetype at = claimsBegin + qsizetype(byteAt(data, size, 6)) % (claimsEnd - claimsBegin - 1);
    QString tampered = code;
    tampered[at] = tampered.at(at) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    FUZZ_REQUIRE(!AdminCode::verify(tampered, trusted, terminal, now, enrolled).ok());
    return 0;
}
