#include "outboxcipher.h"

#include "outboxkey.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace {

constexpr char formatVersion = 0x01;
constexpr int nonceSize = 12;
constexpr int tagSize = 16;

struct ContextDeleter {
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using Context = std::unique_ptr<EVP_CIPHER_CTX, ContextDeleter>;

const unsigned char *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

} // namespace

OutboxCipher::OutboxCipher(const OutboxKey &key)
    : m_key(key.bytes().constData(), key.bytes().size())
{
}

OutboxCipher::~OutboxCipher()
{
    OPENSSL_cleanse(m_key.data(), size_t(m_key.size()));
}

QByteArray OutboxCipher::seal(QByteArrayView plaintext, QByteArrayView associated) const
{
    QByteArray sealed(overhead + plaintext.size(), Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(sealed.data());
    out[0] = formatVersion;
    unsigned char *nonce = out + 1;
    unsigned char *cipherText = nonce + nonceSize;
    unsigned char *tag = cipherText + plaintext.size();

    Context context(EVP_CIPHER_CTX_new());
    int length = 0;
    const bool done = context && RAND_bytes(nonce, nonceSize) == 1
        && EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, nonceSize, nullptr) == 1
        && EVP_EncryptInit_ex(context.get(), nullptr, nullptr, bytes(m_key), nonce) == 1
        && EVP_EncryptUpdate(context.get(), nullptr, &length, bytes(associated), int(associated.size())) == 1
        && EVP_EncryptUpdate(context.get(), cipherText, &length, bytes(plaintext), int(plaintext.size())) == 1
        && EVP_EncryptFinal_ex(context.get(), cipherText + length, &length) == 1
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, tagSize, tag) == 1;
    // A failure here means OpenSSL itself is broken; storing plaintext instead is never an option.
    Q_ASSERT(done);
    if (!done)
        qFatal("OutboxCipher: AES-256-GCM encryption failed");
    return sealed;
}

std::optional<QByteArray> OutboxCipher::open(QByteArrayView sealed, QByteArrayView associated) const
{
    if (sealed.size() < overhead || sealed.at(0) != formatVersion)
        return std::nullopt;
    const unsigned char *nonce = bytes(sealed) + 1;
    const unsigned char *cipherText = nonce + nonceSize;
    const int cipherLength = int(sealed.size()) - overhead;
    QByteArray tag(reinterpret_cast<const char *>(cipherText + cipherLength), tagSize);

    QByteArray plain(cipherLength, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(plain.data());
    Context context(EVP_CIPHER_CTX_new());
    int length = 0;
    const bool opened = context
        && EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_IVLEN, nonceSize, nullptr) == 1
        && EVP_DecryptInit_ex(context.get(), nullptr, nullptr, bytes(m_key), nonce) == 1
        && EVP_DecryptUpdate(context.get(), nullptr, &length, bytes(associated), int(associated.size())) == 1
        && EVP_DecryptUpdate(context.get(), out, &length, cipherText, cipherLength) == 1
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, tagSize, tag.data()) == 1
        && EVP_DecryptFinal_ex(context.get(), out + length, &length) == 1;
    if (!opened) {
        OPENSSL_cleanse(plain.data(), size_t(plain.size()));
        return std::nullopt;
    }
    return plain;
}
