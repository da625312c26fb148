#include "requestsigner.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <cctype>
#include <cstdlib>
#include <memory>

namespace RequestSigner {

namespace {

const char *digestName(SignatureAlgorithm algorithm)
{
    return algorithm == SignatureAlgorithm::HmacSm3 ? "SM3" : "SHA256";
}

} // namespace

QString algorithmName(SignatureAlgorithm algorithm)
{
    return algorithm == SignatureAlgorithm::HmacSm3 ? QStringLiteral("HMAC-SM3") : QStringLiteral("HMAC-SHA256");
}

std::optional<SignatureAlgorithm> algorithmFromName(QStringView name)
{
    if (name == QLatin1String("HMAC-SHA256"))
        return SignatureAlgorithm::HmacSha256;
    if (name == QLatin1String("HMAC-SM3"))
        return SignatureAlgorithm::HmacSm3;
    return std::nullopt;
}

QByteArray bodyHash(SignatureAlgorithm algorithm, const QByteArray &body)
{
    std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(EVP_MD_fetch(nullptr, digestName(algorithm), nullptr), &EVP_MD_free);
    if (!md)
        return {};
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(body.constData(), size_t(body.size()), out, &length, md.get(), nullptr) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), int(length)).toHex();
}

QByteArray canonicalString(const QByteArray &method, const QByteArray &pathAndQuery, const QByteArray &timestamp,
                           const QByteArray &nonce, const QByteArray &bodyHashHex)
{
    return method + '\n' + pathAndQuery + '\n' + timestamp + '\n' + nonce + '\n' + bodyHashHex;
}

QByteArray signature(SignatureAlgorithm algorithm, const QByteArray &secret, const QByteArray &canonical)
{
    std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr), &EVP_MAC_free);
    if (!mac)
        return {};
    std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> context(EVP_MAC_CTX_new(mac.get()), &EVP_MAC_CTX_free);
    if (!context)
        return {};
    char digest[16];
    qstrncpy(digest, digestName(algorithm), sizeof digest);
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end(),
    };
    // An empty key is legal HMAC, but OpenSSL wants a non-null pointer for it.
    static const unsigned char emptyKey = 0;
    const auto *key = secret.isEmpty() ? &emptyKey : reinterpret_cast<const unsigned char *>(secret.constData());
    if (EVP_MAC_init(context.get(), key, size_t(secret.size()), params) != 1
        || EVP_MAC_update(context.get(), reinterpret_cast<const unsigned char *>(canonical.constData()), size_t(canonical.size())) != 1)
        return {};
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t length = 0;
    if (EVP_MAC_final(context.get(), out, &length, sizeof out) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(out), int(length)).toHex();
}

bool verify(SignatureAlgorithm algorithm, const QByteArray &secret, const QByteArray &canonical, const QByteArray &receivedHex)
{
    const QByteArray expected = signature(algorithm, secret, canonical);
    const QByteArray received = receivedHex.toLower();
    if (expected.isEmpty() || expected.size() != received.size())
        return false;
    return CRYPTO_memcmp(expected.constData(), received.constData(), size_t(expected.size())) == 0;
}

QByteArray timestamp(const QDateTime &time)
{
    const int offset = time.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    const QByteArray local = time.toOffsetFromUtc(offset).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1();
    return local + (offset < 0 ? '-' : '+') + QByteArray::number(minutes / 60).rightJustified(2, '0') + ':'
        + QByteArray::number(minutes % 60).rightJustified(2, '0');
}

QDateTime parseTimestamp(const QByteArray &text)
{
    const QString s = QString::fromLatin1(text).trimmed();
    if (s.size() < 20 || !(s.endsWith(QLatin1Char('Z')) || s.at(s.size() - 6) == QLatin1Char('+') || s.at(s.size() - 6) == QLatin1Char('-')))
        return {};
    return QDateTime::fromString(s, Qt::ISODateWithMs);
}

bool isValidNonce(const QByteArray &nonce)
{
    if (nonce.size() < 16 || nonce.size() > 64)
        return false;
    for (char c : nonce) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return false;
    }
    return true;
}

} // namespace RequestSigner
