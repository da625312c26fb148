#include "soaklaps.h"

#include <QStringList>

#include <algorithm>

void SoakLaps::restart()
{
    m_clock.start();
}

void SoakLaps::lap(const QString &name)
{
    if (!m_clock.isValid())
        m_clock.start();
    const qint64 ns = m_clock.nsecsElapsed();
    m_clock.start();
    auto it = std::find_if(m_steps.begin(), m_steps.end(), [&name](const Step &step) { return step.name == name; });
    if (it == m_steps.end())
        it = m_steps.insert(m_steps.end(), Step{name, 0, 0});
    it->totalNs += ns;
    ++it->count;
}

qint64 SoakLaps::totalNs() const
{
    qint64 total = 0;
    for (const Step &step : m_steps)
        total += step.totalNs;
    return total;
}

QString SoakLaps::report(int sessions) const
{
    QList<Step> sorted = m_steps;
    std::sort(sorted.begin(), sorted.end(), [](const Step &a, const Step &b) { return a.totalNs > b.totalNs; });
    const double total = double(std::max<qint64>(1, totalNs()));
    const int over = std::max(1, sessions);
    QStringList lines{QStringLiteral("%1 ms a session over %2 sessions").arg(double(totalNs()) / 1e6 / over, 0, 'f', 1).arg(sessions)};
    for (const Step &step : sorted) {
        lines.append(QStringLiteral("  %1 %2 ms a session, %3 laps, %4 %")
                         .arg(step.name, -28)
                         .arg(double(step.totalNs) / 1e6 / over, 8, 'f', 1)
                         .arg(step.count, 6)
                         .arg(100.0 * double(step.totalNs) / total, 5, 'f', 1));
    }
    return lines.join(QLatin1Char('\n'));
}
