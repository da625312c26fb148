#include "residentactivityfilter.h"

#include "sessionmachine.h"

#include <QEvent>

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
    case QEvent::KeyPress:
    case QEvent::Wheel:
        m_session->touch();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}
