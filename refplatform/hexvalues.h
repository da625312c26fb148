#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QRandomGenerator>

// Hex values the reference platform's routes hand out and compare: content digests and random
// references (material, case and evaluation identifiers).

inline QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

inline QByteArray randomHex(QRandomGenerator &random, int bytes)
{
    QByteArray out(bytes, Qt::Uninitialized);
    for (char &c : out)
        c = char(random.bounded(256));
    return out.toHex();
}
