#pragma once

#include "platformcall.h"

#include <QEventLoop>

// kioskctl's commands run one platform call at a time: this waits for its one answer. The call
// has its own timeout (platform/timeout_s), so the wait always ends.
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
