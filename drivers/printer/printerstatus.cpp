#include "printer/printerstatus.h"

#include <array>

namespace PrinterStatusMapping {

namespace {

struct ReasonRule {
    const char *keyword;
    HealthLevel level;
    const char *detail;
    StaffHint hint;
};

// In order of seriousness: the first rule a printer's reasons match decides its health, so a
// jammed printer that is also low on paper reports the jam.
constexpr std::array<ReasonRule, 19> reasonRules{{
    {"offline", HealthLevel::Error, "offline", StaffHint::CallService},
    {"shutdown", HealthLevel::Error, "offline", StaffHint::CallService},
    {"door-open", HealthLevel::Error, "door_open", StaffHint::Reset},
    {"cover-open", HealthLevel::Error, "door_open", StaffHint::Reset},
    {"media-jam", HealthLevel::Error, "media_jam", StaffHint::Reset},
    {"media-empty", HealthLevel::Error, "media_empty", StaffHint::ReplaceConsumable},
    {"media-needed", HealthLevel::Error, "media_empty", StaffHint::ReplaceConsumable},
    {"toner-empty", HealthLevel::Error, "toner_empty", StaffHint::ReplaceConsumable},
    {"marker-supply-empty", HealthLevel::Error, "toner_empty", StaffHint::ReplaceConsumable},
    {"input-tray-missing", HealthLevel::Error, "tray_missing", StaffHint::Reset},
    {"output-area-full", HealthLevel::Error, "output_full", StaffHint::Reset},
    {"marker-waste-full", HealthLevel::Error, "waste_full", StaffHint::ReplaceConsumable},
    {"spool-area-full", HealthLevel::Error, "spool_full", StaffHint::CallService},
    {"paused", HealthLevel::Error, "paused", StaffHint::Reset},
    {"media-low", HealthLevel::Warning, "media_low", StaffHint::ReplaceConsumable},
    {"toner-low", HealthLevel::Warning, "toner_low", StaffHint::ReplaceConsumable},
    {"marker-supply-low", HealthLevel::Warning, "toner_low", StaffHint::ReplaceConsumable},
    {"output-area-almost-full", HealthLevel::Warning, "output_almost_full", StaffHint::Reset},
    {"marker-waste-almost-full", HealthLevel::Warning, "waste_almost_full", StaffHint::ReplaceConsumable},
}};

constexpr int ippPrinterStopped = 5;
constexpr int ippPrinterProcessing = 4;

DeviceHealth fromRule(const ReasonRule &rule)
{
    return {rule.level, QString::fromLatin1(rule.detail), rule.hint};
}

QStringList keywordsOf(const PrinterStatus &status)
{
    QStringList keywords;
    for (const QString &reason : status.reasons)
        keywords << reasonKeyword(reason.trimmed());
    return keywords;
}

// The first rule of `level` that the printer's reasons match, in order of seriousness.
const ReasonRule *firstRule(const QStringList &keywords, HealthLevel level)
{
    for (const ReasonRule &rule : reasonRules) {
        if (rule.level == level && keywords.contains(QLatin1String(rule.keyword)))
            return &rule;
    }
    return nullptr;
}

} // namespace

QString reasonKeyword(const QString &reason)
{
    for (const QLatin1String suffix : {QLatin1String("-error"), QLatin1String("-warning"), QLatin1String("-report")}) {
        if (reason.endsWith(suffix))
            return reason.chopped(suffix.size());
    }
    return reason;
}

DeviceHealth health(const PrinterStatus &status)
{
    if (!status.reachable)
        return DeviceHealth::error(status.unreachableDetail.isEmpty() ? QStringLiteral("no_response") : status.unreachableDetail,
                                   StaffHint::Retry);

    const QStringList keywords = keywordsOf(status);
    if (const ReasonRule *rule = firstRule(keywords, HealthLevel::Error))
        return fromRule(*rule);
    // Supplies reported only as levels (many printers never raise marker-supply-empty).
    for (const PrinterMarker &marker : status.markers) {
        if (marker.level == 0)
            return DeviceHealth::error(QStringLiteral("toner_empty"), StaffHint::ReplaceConsumable);
    }
    if (status.state == ippPrinterStopped)
        return DeviceHealth::error(QStringLiteral("stopped"), StaffHint::CallService);
    if (!status.acceptingJobs)
        return DeviceHealth::error(QStringLiteral("not_accepting_jobs"), StaffHint::CallService);
    if (const ReasonRule *rule = firstRule(keywords, HealthLevel::Warning))
        return fromRule(*rule);
    for (const PrinterMarker &marker : status.markers) {
        if (marker.level > 0 && marker.lowLevel > 0 && marker.level <= marker.lowLevel)
            return DeviceHealth::warning(QStringLiteral("toner_low"), StaffHint::ReplaceConsumable);
    }
    if (status.state == ippPrinterProcessing)
        return {HealthLevel::Busy, QStringLiteral("printing"), StaffHint::None};
    return DeviceHealth::ok();
}

QString blockingReason(const PrinterStatus &status)
{
    if (!status.reachable)
        return {};
    const ReasonRule *rule = firstRule(keywordsOf(status), HealthLevel::Error);
    return rule ? QString::fromLatin1(rule->keyword) : QString();
}

PrintJobState jobStateFromIpp(int jobState)
{
    switch (jobState) {
    case 3:
        return PrintJobState::Pending;
    case 4:
        return PrintJobState::Held;
    case 5:
        return PrintJobState::Processing;
    case 6:
        return PrintJobState::Stopped;
    case 7:
        return PrintJobState::Cancelled;
    case 8:
        return PrintJobState::Aborted;
    case 9:
        return PrintJobState::Completed;
    default:
        // A value outside RFC 8011 means the printer no longer knows the job: it did not print.
        return PrintJobState::Aborted;
    }
}

bool isFinal(PrintJobState state)
{
    return state == PrintJobState::Cancelled || state == PrintJobState::Aborted || state == PrintJobState::Completed
        || state == PrintJobState::Refused;
}

QString toString(PrintJobState state)
{
    switch (state) {
    case PrintJobState::Submitting:
        return QStringLiteral("submitting");
    case PrintJobState::Pending:
        return QStringLiteral("pending");
    case PrintJobState::Held:
        return QStringLiteral("held");
    case PrintJobState::Processing:
        return QStringLiteral("processing");
    case PrintJobState::Stopped:
        return QStringLiteral("stopped");
    case PrintJobState::Cancelled:
        return QStringLiteral("cancelled");
    case PrintJobState::Aborted:
        return QStringLiteral("aborted");
    case PrintJobState::Completed:
        return QStringLiteral("completed");
    case PrintJobState::Refused:
        return QStringLiteral("refused");
    }
    return {};
}

} // namespace PrinterStatusMapping
