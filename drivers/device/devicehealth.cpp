#include "device/devicehealth.h"

namespace DeviceVocabulary {

QString toString(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Ok: return QStringLiteral("ok");
    case HealthLevel::Warning: return QStringLiteral("warning");
    case HealthLevel::Error: return QStringLiteral("error");
    case HealthLevel::Busy: return QStringLiteral("busy");
    case HealthLevel::Disabled: return QStringLiteral("disabled");
    case HealthLevel::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QString toString(StaffHint hint)
{
    switch (hint) {
    case StaffHint::None: return QStringLiteral("none");
    case StaffHint::Retry: return QStringLiteral("retry");
    case StaffHint::Reset: return QStringLiteral("reset");
    case StaffHint::ReplaceConsumable: return QStringLiteral("replace_consumable");
    case StaffHint::CallService: break;
    }
    return QStringLiteral("call_service");
}

QString toString(HealthCheckLevel level)
{
    switch (level) {
    case HealthCheckLevel::Internal: return QStringLiteral("internal");
    case HealthCheckLevel::External: return QStringLiteral("external");
    case HealthCheckLevel::Interactive: break;
    }
    return QStringLiteral("interactive");
}

bool parse(const QString &text, HealthCheckLevel *level)
{
    for (HealthCheckLevel candidate : {HealthCheckLevel::Internal, HealthCheckLevel::External, HealthCheckLevel::Interactive}) {
        if (text == toString(candidate)) {
            *level = candidate;
            return true;
        }
    }
    return false;
}

} // namespace DeviceVocabulary
