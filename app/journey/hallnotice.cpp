#include "hallnotice.h"

#include <chrono>

HallNotice::HallNotice(QObject *parent)
    : QObject(parent)
{
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &HallNotice::expire);
}

bool HallNotice::show(const QString &zh, const QString &en, const QDateTime &until, QString *problem)
{
    const QString chinese = zh.simplified();
    const QString english = en.simplified();
    if (chinese.isEmpty() && english.isEmpty()) {
        clear();
        return true;
    }
    if (chinese.size() > MaxLength || english.size() > MaxLength) {
        *problem = QStringLiteral("the notice is longer than %1 characters").arg(MaxLength);
        return false;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (until.isValid() && until <= now) {
        *problem = QStringLiteral("until (%1) has already passed").arg(until.toString(Qt::ISODate));
        return false;
    }
    m_zh = chinese;
    m_en = english;
    m_until = until;
    m_expiry.stop();
    expire();
    emit changed();
    return true;
}

void HallNotice::expire()
{
    if (!m_until.isValid())
        return;
    // QTimer counts in int milliseconds: a notice weeks away is looked at again in a day.
    const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(m_until);
    if (left <= 0)
        clear();
    else
        m_expiry.start(std::chrono::milliseconds(qMin<qint64>(left, 24LL * 3600 * 1000)));
}

void HallNotice::clear()
{
    m_expiry.stop();
    if (!isShown())
        return;
    m_zh.clear();
    m_en.clear();
    m_until = {};
    emit changed();
}
