#include "sessionstate.h"

QString sessionStateName(SessionState state)
{
    switch (state) {
    case SessionState::Attract: return QStringLiteral("attract");
    case SessionState::ChooseService: return QStringLiteral("choose");
    case SessionState::Identify: return QStringLiteral("identify");
    case SessionState::Verify: return QStringLiteral("verify");
    case SessionState::Form: return QStringLiteral("form");
    case SessionState::Materials: return QStringLiteral("materials");
    case SessionState::Review: return QStringLiteral("review");
    case SessionState::Submit: return QStringLiteral("submit");
    case SessionState::Result: return QStringLiteral("result");
    case SessionState::Rating: return QStringLiteral("rating");
    case SessionState::Wipe: return QStringLiteral("wipe");
    }
    return {};
}

QString sessionEndName(SessionEnd reason)
{
    switch (reason) {
    case SessionEnd::Completed: return QStringLiteral("completed");
    case SessionEnd::Cancelled: return QStringLiteral("cancelled");
    case SessionEnd::TimedOut: return QStringLiteral("timed_out");
    case SessionEnd::CardRemoved: return QStringLiteral("card_removed");
    case SessionEnd::DeviceFailed: return QStringLiteral("device_failed");
    }
    return {};
}
