#include "admincode.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringList>

#include <openssl/bio.h>
#include <openssl/decoder.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace AdminCode {

namespace {

using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;
using MdContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr int NonceBytes = 12;

// OpenSSL 3.0's PEM_read_bio_* try a decoder for every key type they know and build the whole
// chain again for each key, which made reading one key cost milliseconds; naming Ed25519 and the
// PEM input leaves the decoder one chain to try. Another key type still reads as no key.
PKey readKey(const QByteArray &pem, const char *structure, int selection)
{
    EVP_PKEY *read = nullptr;
    std::unique_ptr<OSSL_DECODER_CTX, decltype(&OSSL_DECODER_CTX_free)> decoder(
        OSSL_DECODER_CTX_new_for_pkey(&read, "PEM", structure, "ED25519", selection, nullptr, nullptr), &OSSL_DECODER_CTX_free);
    const auto *data = reinterpret_cast<const unsigned char *>(pem.constData());
    size_t length = size_t(pem.size());
    if (!decoder || OSSL_DECODER_from_data(decoder.get(), &data, &length) != 1)
        read = nullptr;
    PKey key(read, &EVP_PKEY_free);
    if (key && EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519)
        key.reset();
    return key;
}

PKey readPrivateKey(const QByteArray &pem)
{
    return readKey(pem, "PrivateKeyInfo", EVP_PKEY_KEYPAIR);
}

PKey readPublicKey(const QByteArray &pem)
{
    return readKey(pem, "SubjectPublicKeyInfo", EVP_PKEY_PUBLIC_KEY);
}

QByteArray writePem(EVP_PKEY *key, bool privateHalf)
{
    Bio bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (!bio)
        return {};
    const int written = privateHalf ? PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
                                    : PEM_write_bio_PUBKEY(bio.get(), key);
    if (written != 1)
        return {};
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, qsizetype(length));
}

QString keyIdOfKey(EVP_PKEY *key)
{
    unsigned char raw[32];
    size_t length = sizeof raw;
    if (EVP_PKEY_get_raw_public_key(key, raw, &length) != 1 || length != sizeof raw)
        return {};
    const QByteArray hash = QCryptographicHash::hash(QByteArray(reinterpret_cast<const char *>(raw), int(length)), QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.left(8).toHex());
}

QByteArray signBytes(EVP_PKEY *key, const QByteArray &message)
{
    MdContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!context || EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key) != 1)
        return {};
    size_t length = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(message.constData());
    if (EVP_DigestSign(context.get(), nullptr, &length, data, size_t(message.size())) != 1)
        return {};
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, data, size_t(message.size())) != 1)
        return {};
    signature.truncate(qsizetype(length));
    return signature;
}

bool verifyBytes(EVP_PKEY *key, const QByteArray &message, const QByteArray &signature)
{
    MdContext context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!context || EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key) != 1)
        return false;
    return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(signature.constData()), size_t(signature.size()),
                            reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()))
        == 1;
}

// Strict base64url: the alphabet only, no padding, so one code has one spelling.
std::optional<QByteArray> decodeBase64Url(const QByteArray &text)
{
    if (text.isEmpty())
        return std::nullopt;
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(text, Base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64(Base64Url) != text)
        return std::nullopt;
    return decoded.decoded;
}

bool isNonce(const QString &nonce)
{
    if (nonce.size() != 2 * NonceBytes)
        return false;
    for (const QChar c : nonce) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

// The claims as JSON with a fixed key order (QJsonObject sorts keys), times as Unix seconds.
QByteArray claimsJson(const AdminCodeClaims &claims)
{
    const QJsonObject object{
        {QStringLiteral("terminal"), claims.terminal},
        {QStringLiteral("role"), claims.role},
        {QStringLiteral("issued"), claims.issued.toSecsSinceEpoch()},
        {QStringLiteral("expires"), claims.expires.toSecsSinceEpoch()},
        {QStringLiteral("nonce"), claims.nonce},
        {QStringLiteral("key_id"), claims.keyId},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<AdminCodeClaims> claimsFrom(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    for (const char *key : {"terminal", "role", "nonce", "key_id"}) {
        if (!object.value(QLatin1String(key)).isString())
            return std::nullopt;
    }
    for (const char *key : {"issued", "expires"}) {
        if (!object.value(QLatin1String(key)).isDouble())
            return std::nullopt;
    }
    AdminCodeClaims claims;
    claims.terminal = object.value(QLatin1String("terminal")).toString();
    claims.role = object.value(QLatin1String("role")).toString();
    claims.nonce = object.value(QLatin1String("nonce")).toString();
    claims.keyId = object.value(QLatin1String("key_id")).toString();
    claims.issued = QDateTime::fromSecsSinceEpoch(qint64(object.value(QLatin1String("issued")).toDouble()), Qt::UTC);
    claims.expires = QDateTime::fromSecsSinceEpoch(qint64(object.value(QLatin1String("expires")).toDouble()), Qt::UTC);
    if (claims.terminal.isEmpty() || !isKnownRole(claims.role) || !isNonce(claims.nonce) || claims.keyId.isEmpty()
        || claims.expires <= claims.issued)
        return std::nullopt;
    return claims;
}

} // namespace

bool isAdminCodePayload(const QString &text)
{
    return text.startsWith(QLatin1String(Prefix));
}

QString errorName(AdminCodeError error)
{
    switch (error) {
    case AdminCodeError::None: return QStringLiteral("ok");
    case AdminCodeError::NotAdminCode: return QStringLiteral("not_admin_code");
    case AdminCodeError::Malformed: return QStringLiteral("malformed");
    case AdminCodeError::UnknownKey: return QStringLiteral("unknown_key");
    case AdminCodeError::BadSignature: return QStringLiteral("bad_signature");
    case AdminCodeError::TooLongValidity: return QStringLiteral("too_long_validity");
    case AdminCodeError::WrongTerminal: return QStringLiteral("wrong_terminal");
    case AdminCodeError::NotYetValid: return QStringLiteral("not_yet_valid");
    case AdminCodeError::Expired: return QStringLiteral("expired");
    case AdminCodeError::Replayed: return QStringLiteral("replayed");
    case AdminCodeError::WildcardRefused: return QStringLiteral("wildcard_refused");
    }
    return QStringLiteral("malformed");
}

bool isKnownRole(const QString &role)
{
    return role == QLatin1String("maintainer") || role == QLatin1String("technician");
}

std::optional<AdminKeyPair> generateKeyPair(QString *error)
{
    PKey key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), &EVP_PKEY_free);
    AdminKeyPair pair;
    if (key) {
        pair.privatePem = writePem(key.get(), true);
        pair.publicPem = writePem(key.get(), false);
    }
    if (pair.privatePem.isEmpty() || pair.publicPem.isEmpty()) {
        if (error)
            *error = QStringLiteral("OpenSSL could not make an Ed25519 key");
        return std::nullopt;
    }
    return pair;
}

QString keyIdOf(const QByteArray &publicOrPrivatePem)
{
    PKey key = publicOrPrivatePem.contains("PRIVATE KEY") ? readPrivateKey(publicOrPrivatePem) : readPublicKey(publicOrPrivatePem);
    return key ? keyIdOfKey(key.get()) : QString();
}

QList<QByteArray> publicKeysIn(const QByteArray &pem, QStringList *problems)
{
    static const QByteArray begin = QByteArrayLiteral("-----BEGIN ");
    static const QByteArray endMarker = QByteArrayLiteral("-----END ");
    QList<QByteArray> keys;
    qsizetype from = 0;
    int block = 0;
    while ((from = pem.indexOf(begin, from)) >= 0) {
        const qsizetype endAt = pem.indexOf(endMarker, from);
        const qsizetype lineEnd = endAt < 0 ? -1 : pem.indexOf('\n', endAt);
        const QByteArray one = pem.mid(from, (lineEnd < 0 ? pem.size() : lineEnd + 1) - from);
        ++block;
        if (readPublicKey(one))
            keys.append(one);
        else if (problems)
            problems->append(QStringLiteral("block %1 is not an Ed25519 public key").arg(block));
        if (lineEnd < 0)
            break;
        from = lineEnd + 1;
    }
    return keys;
}

QString sign(AdminCodeClaims claims, const QByteArray &privatePem, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    PKey key = readPrivateKey(privatePem);
    if (!key)
        return fail(QStringLiteral("not an Ed25519 private key in PEM"));
    claims.keyId = keyIdOfKey(key.get());
    if (claims.nonce.isEmpty()) {
        QByteArray random(NonceBytes, '\0');
        QRandomGenerator::system()->generate(random.begin(), random.end());
        claims.nonce = QString::fromLatin1(random.toHex());
    }
    if (claims.terminal.isEmpty() || !isKnownRole(claims.role) || !isNonce(claims.nonce))
        return fail(QStringLiteral("a code needs a terminal, a role (maintainer or technician) and a 24-hex nonce"));
    if (!claims.issued.isValid() || !claims.expires.isValid() || claims.expires <= claims.issued)
        return fail(QStringLiteral("a code must expire after it is issued"));
    if (const QString wildcard = wildcardProblem(claims, false); !wildcard.isEmpty())
        return fail(wildcard);
    const QByteArray signedPart = QByteArray(Prefix) + claimsJson(claims).toBase64(Base64Url);
    const QByteArray signature = signBytes(key.get(), signedPart);
    if (signature.isEmpty())
        return fail(QStringLiteral("OpenSSL could not sign"));
    return QString::fromLatin1(signedPart + '.' + signature.toBase64(Base64Url));
}

QString wildcardProblem(const AdminCodeClaims &claims, bool enrolled)
{
    if (claims.terminal != QLatin1String(AnyTerminal))
        return {};
    if (claims.role != QLatin1String("technician"))
        return QStringLiteral("a code for any terminal (*) is for a technician setting up a terminal; name the terminal "
                              "for a maintainer");
    if (claims.issued.secsTo(claims.expires) > WildcardMaximumValiditySeconds)
        return QStringLiteral("a code for any terminal (*) may be valid for %1 minutes at most")
            .arg(WildcardMaximumValiditySeconds / 60);
    if (enrolled)
        return QStringLiteral("a code for any terminal (*) only sets up a terminal not enrolled yet; name this terminal");
    return {};
}

AdminCodeVerdict verify(const QString &payload, const QList<QByteArray> &trustedPublicPems, const QString &terminalId,
                        const QDateTime &now, bool enrolled)
{
    AdminCodeVerdict verdict;
    if (!isAdminCodePayload(payload)) {
        verdict.error = AdminCodeError::NotAdminCode;
        return verdict;
    }
    const QByteArray text = payload.toLatin1();
    const QList<QByteArray> parts = text.mid(qsizetype(sizeof Prefix) - 1).split('.');
    if (payload.size() != text.size() || parts.size() != 2)
        return verdict;
    const std::optional<QByteArray> json = decodeBase64Url(parts.at(0));
    const std::optional<QByteArray> signature = decodeBase64Url(parts.at(1));
    if (!json || !signature)
        return verdict;
    const std::optional<AdminCodeClaims> claims = claimsFrom(*json);
    if (!claims)
        return verdict;
    verdict.claims = *claims;

    PKey trusted(nullptr, &EVP_PKEY_free);
    for (const QByteArray &pem : trustedPublicPems) {
        PKey candidate = readPublicKey(pem);
        if (candidate && keyIdOfKey(candidate.get()) == claims->keyId) {
            trusted = std::move(candidate);
            break;
        }
    }
    if (!trusted) {
        verdict.error = AdminCodeError::UnknownKey;
        return verdict;
    }
    const QByteArray signedPart = QByteArray(Prefix) + parts.at(0);
    if (!verifyBytes(trusted.get(), signedPart, *signature)) {
        verdict.error = AdminCodeError::BadSignature;
        return verdict;
    }
    if (claims->issued.secsTo(claims->expires) > MaximumValiditySeconds)
        verdict.error = AdminCodeError::TooLongValidity;
    else if (!wildcardProblem(*claims, enrolled).isEmpty())
        verdict.error = AdminCodeError::WildcardRefused;
    else if (claims->terminal != QLatin1String(AnyTerminal) && (terminalId.isEmpty() || claims->terminal != terminalId))
        verdict.error = AdminCodeError::WrongTerminal;
    else if (now.secsTo(claims->issued) > ClockSkewSeconds)
        verdict.error = AdminCodeError::NotYetValid;
    else if (claims->expires.secsTo(now) > ClockSkewSeconds)
        verdict.error = AdminCodeError::Expired;
    else
        verdict.error = AdminCodeError::None;
    return verdict;
}

} // namespace AdminCode
