#include "faultplan.h"

#include <QJsonArray>

namespace {

bool probability(const QJsonValue &value, double *out)
{
    if (value.isBool()) {
        *out = value.toBool() ? 1.0 : 0.0;
        return true;
    }
    if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 1)
        return false;
    *out = value.toDouble();
    return true;
}

} // namespace

bool FaultPlan::merge(const QJsonObject &changes, QString *error)
{
    FaultPlan next = *this;
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it) {
        const QString &key = it.key();
        const QJsonValue v = it.value();
        bool ok = true;
        if (key == QLatin1String("latency_ms")) {
            ok = v.isDouble() && v.toInt(-1) >= 0;
            next.latencyMs = v.toInt();
        } else if (key == QLatin1String("error_rate")) {
            ok = v.isObject();
            next.errorRates.clear();
            const QJsonObject rates = v.toObject();
            for (auto r = rates.constBegin(); ok && r != rates.constEnd(); ++r) {
                double p = 0;
                ok = probability(r.value(), &p);
                next.errorRates.insert(r.key(), p);
            }
        } else if (key == QLatin1String("outage")) {
            ok = v.isBool();
            next.outage = v.toBool();
        } else if (key == QLatin1String("rate_limit")) {
            ok = v.isDouble() && v.toInt(-1) >= 0;
            next.rateLimitPerSecond = v.toInt();
        } else if (key == QLatin1String("rate_window_s")) {
            ok = v.isDouble() && v.toInt(0) >= 1;
            next.rateWindowS = v.toInt();
        } else if (key == QLatin1String("trickle_ms")) {
            ok = v.isDouble() && v.toInt(-1) >= 0;
            next.trickleMs = v.toInt();
        } else if (key == QLatin1String("malformed")) {
            ok = probability(v, &next.malformed);
        } else if (key == QLatin1String("truncate")) {
            ok = probability(v, &next.truncate);
        } else if (key == QLatin1String("reset")) {
            ok = probability(v, &next.reset);
        } else if (key == QLatin1String("clock_offset_s")) {
            ok = v.isDouble();
            next.clockOffsetS = v.toInt();
        } else {
            *error = QStringLiteral("unknown fault '%1'").arg(key);
            return false;
        }
        if (!ok) {
            *error = QStringLiteral("bad value for '%1'").arg(key);
            return false;
        }
    }
    *this = next;
    return true;
}

QJsonObject FaultPlan::toJson() const
{
    QJsonObject rates;
    for (auto it = errorRates.constBegin(); it != errorRates.constEnd(); ++it)
        rates.insert(it.key(), it.value());
    QJsonArray windows;
    for (const auto &w : outageWindows)
        windows.append(QStringLiteral("%1-%2").arg(w.first).arg(w.second));
    return {{QStringLiteral("latency_ms"), latencyMs},   {QStringLiteral("error_rate"), rates},
            {QStringLiteral("outage"), outage},          {QStringLiteral("outage_windows"), windows},
            {QStringLiteral("rate_limit"), rateLimitPerSecond}, {QStringLiteral("rate_window_s"), rateWindowS},
            {QStringLiteral("trickle_ms"), trickleMs},           {QStringLiteral("malformed"), malformed},
            {QStringLiteral("truncate"), truncate},      {QStringLiteral("reset"), reset},
            {QStringLiteral("clock_offset_s"), clockOffsetS}};
}

bool FaultPlan::inOutage(qint64 secondsSinceStart) const
{
    if (outage)
        return true;
    for (const auto &w : outageWindows) {
        if (secondsSinceStart >= w.first && secondsSinceStart < w.second)
            return true;
    }
    return false;
}

double FaultPlan::errorRate(const QString &endpoint) const
{
    return errorRates.value(endpoint, errorRates.value(QStringLiteral("*"), 0.0));
}

bool FaultPlan::addErrorRate(const QString &spec, QString *error)
{
    const qsizetype eq = spec.indexOf(QLatin1Char('='));
    bool ok = false;
    const double p = spec.mid(eq + 1).toDouble(&ok);
    if (eq <= 0 || !ok || p < 0 || p > 1) {
        *error = QStringLiteral("--error-rate wants ENDPOINT=P with P in 0..1, not '%1'").arg(spec);
        return false;
    }
    errorRates.insert(spec.left(eq), p);
    return true;
}

bool FaultPlan::addOutageWindow(const QString &spec, QString *error)
{
    const QStringList parts = spec.split(QLatin1Char('-'));
    bool okStart = false;
    bool okEnd = false;
    const int start = parts.value(0).toInt(&okStart);
    const int end = parts.value(1).toInt(&okEnd);
    if (parts.size() != 2 || !okStart || !okEnd || start < 0 || end <= start) {
        *error = QStringLiteral("--outage wants START-END in seconds since start, not '%1'").arg(spec);
        return false;
    }
    outageWindows.append({start, end});
    return true;
}
