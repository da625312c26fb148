#include "common/eventwait.h"

#include <QElapsedTimer>

EventWait::EventWait(std::chrono::milliseconds timeout)
{
    m_deadline.setSingleShot(true);
    if (timeout >= std::chrono::milliseconds(0)) {
        m_hasDeadline = true;
        m_deadline.setInterval(timeout);
        QObject::connect(&m_deadline, &QTimer::timeout, &m_loop, &QEventLoop::quit);
    }
}

void EventWait::end()
{
    m_ended = true;
    m_loop.quit();
}

bool EventWait::exec()
{
    if (m_ended)
        return true;
    if (m_hasDeadline)
        m_deadline.start();
    m_loop.exec();
    m_deadline.stop();
    return m_ended;
}

bool EventWait::until(const std::function<bool()> &done, std::chrono::milliseconds timeout, std::chrono::milliseconds interval)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeout.count())
            return false;
        QEventLoop loop;
        QTimer::singleShot(interval, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}
