#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>

// Where a soak session's time goes: the harness marks a lap after each step it drives (the home
// screen shown, the card read, the receipt printed, ...), and the laps of every session add up per
// step, so the report shows which waits are the kiosk's work and which are periods.
class SoakLaps
{
public:
    struct Step {
        QString name;
        qint64 totalNs = 0;
        int count = 0;
    };

    // Starts a session's first lap.
    void restart();
    // Ends the running lap, adds it to `name`'s total and starts the next.
    void lap(const QString &name);
    [[nodiscard]] const QList<Step> &steps() const { return m_steps; }
    [[nodiscard]] qint64 totalNs() const;
    // One line a step, slowest first: its milliseconds a session over `sessions`, its laps, its share.
    [[nodiscard]] QString report(int sessions) const;

private:
    QElapsedTimer m_clock;
    QList<Step> m_steps;
};
