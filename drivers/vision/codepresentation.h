#pragma once

#include "vision/decodedcode.h"

#include <QList>
#include <QMap>

// Reports each code once per presentation: a phone held in front of the camera yields one
// codeScanned, not thirty a second. A code counts as taken away once it has been out of sight
// for `goneAfterMs`; showing it again then reports it again. Pure: the caller passes the time.
class CodePresentation
{
public:
    explicit CodePresentation(qint64 goneAfterMs = 1500)
        : m_goneAfterMs(goneAfterMs)
    {
    }

    // The codes seen in one frame at `nowMs`; returns those that are new presentations.
    [[nodiscard]] QList<DecodedCode> admit(const QList<DecodedCode> &codes, qint64 nowMs);
    void reset() { m_lastSeen.clear(); }

private:
    qint64 m_goneAfterMs;
    QMap<QString, qint64> m_lastSeen; // format + text -> when last seen
};
