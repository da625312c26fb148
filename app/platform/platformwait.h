#pragma once

#include "platformcall.h"

#include <QEventLoop>

// For code that runs one platform call at a time (kioskctl, the status report, benchmarks, tests):
// waits for its one answer in a local event loop. Every call has its own timeout and deadline
// (PlatformClientSettings::timeoutMs), so the wait always ends.
inline PlatformResult waitFor(PlatformCall *call)
{
    PlatformResult result;
    QEventLoop loop;
    QObject::connect(call, &PlatformCall::finished, &loop, [&](const PlatformResult &answer) {
        result = answer;
        loop.quit();
    });
    loop.exec();
    return result;
}
