#include "vision/codepresentation.h"

QList<DecodedCode> CodePresentation::admit(const QList<DecodedCode> &codes, qint64 nowMs)
{
    for (auto it = m_lastSeen.begin(); it != m_lastSeen.end();) {
        if (nowMs - it.value() > m_goneAfterMs)
            it = m_lastSeen.erase(it);
        else
            ++it;
    }
    QList<DecodedCode> fresh;
    for (const DecodedCode &code : codes) {
        const QString key = code.format + QLatin1Char('\n') + code.text;
        if (!m_lastSeen.contains(key))
            fresh << code;
        m_lastSeen.insert(key, nowMs);
    }
    return fresh;
}
