#include "retrypolicy.h"

#include <QtGlobal>

#include <algorithm>

std::chrono::milliseconds RetryPolicy::ceiling(int step) const
{
    // Doubling stops as soon as the cap is reached, so a large step can never overflow.
    std::chrono::milliseconds bound = std::max(base, std::chrono::milliseconds(1));
    for (int i = 0; i < step && bound < cap; ++i)
        bound *= 2;
    return std::min(bound, cap);
}

std::chrono::milliseconds RetryPolicy::delay(int step, double unitRandom, std::optional<std::chrono::seconds> retryAfter) const
{
    const double unit = std::clamp(unitRandom, 0.0, 1.0);
    const auto jittered = std::chrono::milliseconds(qint64(double(ceiling(step).count()) * unit));
    if (!retryAfter)
        return jittered;
    const auto floor = std::min<std::chrono::milliseconds>(std::max(*retryAfter, std::chrono::seconds(0)), maxRetryAfter);
    return std::max(jittered, floor);
}
