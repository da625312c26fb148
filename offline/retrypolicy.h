#pragma once

#include <chrono>
#include <optional>

// When to try a transient failure again: "full jitter" exponential backoff, a delay drawn
// uniformly from [0, min(cap, base * 2^step)], so that many kiosks coming back online after an
// outage do not all call the platform in the same second. A Retry-After from the platform is a
// floor, itself bounded by maxRetryAfter so a bad header cannot stall the queue for days.
struct RetryPolicy {
    std::chrono::milliseconds base{2000};
    std::chrono::milliseconds cap{std::chrono::minutes(15)};
    std::chrono::milliseconds maxRetryAfter{std::chrono::hours(1)};

    // The upper bound of the delay after the failure numbered `step` (0 for the first failure).
    [[nodiscard]] std::chrono::milliseconds ceiling(int step) const;

    // `unitRandom` is uniform in [0, 1): the sender draws it, tests fix it.
    [[nodiscard]] std::chrono::milliseconds delay(int step, double unitRandom,
                                                  std::optional<std::chrono::seconds> retryAfter = std::nullopt) const;
};
