#pragma once

#include "outboxresult.h"

#include <QByteArray>
#include <QString>

// The 32-byte AES-256 key that protects personal fields at rest, read from a provisioned file that
// only its owner may read (mode 0600 or stricter). The file holds 32 raw bytes or 64 hex digits.
// The key bytes are wiped from memory when the last copy goes away.
class OutboxKey
{
public:
    static constexpr int size = 32;

    [[nodiscard]] static OutboxResult<OutboxKey> load(const QString &path);

    // Writes a fresh random key as hex to `path` with mode 0600, refusing to replace an existing
    // file: provisioning calls this once per terminal.
    [[nodiscard]] static OutboxResult<OutboxKey> create(const QString &path);

    // A key from bytes already in memory (tests and benchmarks); `bytes` must be 32 bytes long.
    [[nodiscard]] static OutboxKey fromBytes(const QByteArray &bytes);

    OutboxKey(const OutboxKey &other) = default;
    OutboxKey &operator=(const OutboxKey &other) = default;
    ~OutboxKey();

    [[nodiscard]] const QByteArray &bytes() const { return m_bytes; }

private:
    explicit OutboxKey(QByteArray bytes) : m_bytes(std::move(bytes)) {}

    QByteArray m_bytes;
};
