#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

class OutboxKey;

// AES-256-GCM for the outbox's personal fields and materials. A sealed value is a version byte,
// a random 96-bit nonce, the ciphertext and the 128-bit tag; `associated` binds it to its entry,
// so a value copied into another row, or altered by one bit, never opens.
class OutboxCipher
{
public:
    static constexpr int overhead = 1 + 12 + 16;

    explicit OutboxCipher(const OutboxKey &key);
    ~OutboxCipher();
    OutboxCipher(const OutboxCipher &) = delete;
    OutboxCipher &operator=(const OutboxCipher &) = delete;

    [[nodiscard]] QByteArray seal(QByteArrayView plaintext, QByteArrayView associated) const;

    // Nothing when the value was altered, belongs to another entry or was sealed with another key.
    [[nodiscard]] std::optional<QByteArray> open(QByteArrayView sealed, QByteArrayView associated) const;

private:
    QByteArray m_key;
};
