#pragma once

#include "common/eventwait.h"
#include "platformcall.h"

// For code that runs one platform call at a time (kioskctl, the status report, benchmarks, tests):
// waits for its one answer in a local event loop. Every call has its own timeout and deadline
// (PlatformClientSettings::timeoutMs), so the wait always ends.
inline PlatformResult waitFor(PlatformCall *call)
{
    PlatformResult result;
    EventWait wait;
    QObject::connect(call, &PlatformCall::finished, wait.context(), [&](const PlatformResult &answer) {
        result = answer;
        wait.end();
    });
    wait.exec();
    return result;
}
