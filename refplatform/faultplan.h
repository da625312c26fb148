#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

// The reference server's fault switches, set from the command line and changed at run time
// through POST /_inspect/faults. Probabilities are 0..1; an outage drops every API connection.
struct FaultPlan {
    int latencyMs = 0;
    QHash<QString, double> errorRates;     // endpoint ("cases", "materials" … or "*") → P(503)
    bool outage = false;                   // the runtime switch
    QList<std::pair<int, int>> outageWindows; // seconds since start, [start, end)
    int rateLimitPerSecond = 0;            // 0: none; above it in one window, 429 with Retry-After
    int rateWindowS = 1;                   // the rate limit's window; Retry-After is what is left of it
    int trickleMs = 0;                     // 0: answers go whole; else one byte every N ms
    double malformed = 0;                  // P(a 2xx body replaced by garbage)
    double truncate = 0;                   // P(the body cut off halfway)
    double reset = 0;                      // P(the connection reset after the work is done)
    int clockOffsetS = 0;                  // the platform's clock minus the real one

    // Applies the keys present in `changes`; unknown keys or bad values yield an error.
    [[nodiscard]] bool merge(const QJsonObject &changes, QString *error);
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] bool inOutage(qint64 secondsSinceStart) const;
    [[nodiscard]] double errorRate(const QString &endpoint) const;

    // "cases=0.5" → errorRates; "10-20" → outageWindows.
    [[nodiscard]] bool addErrorRate(const QString &spec, QString *error);
    [[nodiscard]] bool addOutageWindow(const QString &spec, QString *error);
};
