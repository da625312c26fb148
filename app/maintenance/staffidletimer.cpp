#include "staffidletimer.h"

#include <QCoreApplication>
#include <QEvent>

StaffIdleTimer::StaffIdleTimer(int idleMs, QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(idleMs);
    connect(&m_timer, &QTimer::timeout, this, &StaffIdleTimer::timedOut);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

StaffIdleTimer::~StaffIdleTimer()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void StaffIdleTimer::start()
{
    m_timer.start();
}

void StaffIdleTimer::stop()
{
    m_timer.stop();
}

bool StaffIdleTimer::eventFilter(QObject *watched, QEvent *event)
{
    if (m_timer.isActive()) {
        switch (event->type()) {
        case QEvent::MouseButtonPress:
        case QEvent::TouchBegin:
        case QEvent::KeyPress:
            m_timer.start();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}
