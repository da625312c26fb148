#include "residentactivityfilter.h"

#include "sessionmachine.h"

#include <QEvent>
#include <QKeyEvent>

namespace {

quint64 keyIdentity(const QKeyEvent *event)
{
    return (quint64(quint32(event->key())) << 32) | event->nativeScanCode();
}

} // namespace

ResidentActivityFilter::ResidentActivityFilter(SessionMachine *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
}

bool ResidentActivityFilter::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        m_session->touch();
        break;
    case QEvent::KeyPress: {
        // The filter sees one press once for every object it is delivered to; the set makes
        // those, an auto-repeat and a held key's repeated presses all the one press they are.
        const auto *key = static_cast<QKeyEvent *>(event);
        if (!key->isAutoRepeat() && !m_keysDown.contains(keyIdentity(key))) {
            m_keysDown.insert(keyIdentity(key));
            m_session->touch();
        }
        break;
    }
    case QEvent::KeyRelease: {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (!key->isAutoRepeat())
            m_keysDown.remove(keyIdentity(key));
        break;
    }
    case QEvent::ApplicationDeactivate:
        // A release that went to another window is never seen; what is down starts afresh.
        m_keysDown.clear();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}
