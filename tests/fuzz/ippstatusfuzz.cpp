#include "fuzzrequire.h"
#include "printer/printerstatus.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

// What a printer says about itself in answer to Get-Printer-Attributes, built from the input:
// reachability, printer-state, accepting-jobs, printer-state-reasons (the keywords printers send,
// with and without their severity suffix, and arbitrary ones) and marker levels; then a job state.
// Promises of the IPP-to-health mapping (reference/devices.md §4–5):
//   - an unreachable printer is an error and blocks on no reason;
//   - a blocking reason means an error; a known error reason always gives an error;
//   - the printer is healthy only with no known reason, no empty supply, not stopped and
//     accepting jobs;
//   - the order in which the printer lists its reasons and markers does not matter;
//   - a reason's keyword is the reason without at most one RFC 8011 severity suffix;
//   - every IPP job-state maps to a state with a name, and the final ones are final.
namespace {

const char *const keywords[] = {"offline", "shutdown", "door-open", "cover-open", "media-jam", "media-empty",
                                "media-needed", "toner-empty", "marker-supply-empty", "input-tray-missing",
                                "output-area-full", "marker-waste-full", "spool-area-full", "paused", "media-low",
                                "toner-low", "marker-supply-low", "output-area-almost-full", "marker-waste-almost-full",
                                "none", "moving-to-paused", "cups-insecure-filter"};
const char *const errorKeywords[] = {"offline", "shutdown", "door-open", "cover-open", "media-jam", "media-empty",
                                     "media-needed", "toner-empty", "marker-supply-empty", "input-tray-missing",
                                     "output-area-full", "marker-waste-full", "spool-area-full", "paused"};
const char *const suffixes[] = {"", "-error", "-warning", "-report"};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t at = 0;
    const auto next = [&]() -> quint8 { return at < size ? data[at++] : 0; };

    PrinterStatus status;
    status.reachable = next() % 8 != 0;
    status.state = next() % 8;
    status.acceptingJobs = next() % 4 != 0;
    const int reasonCount = next() % 6;
    for (int i = 0; i < reasonCount; ++i) {
        const quint8 choice = next();
        if (choice % 5 == 4) {
            // An arbitrary reason, as a printer of another make may send.
            const int length = next() % 24;
            QByteArray raw;
            for (int j = 0; j < length; ++j)
                raw += char(next());
            status.reasons << QString::fromLatin1(raw);
        } else {
            status.reasons << QString::fromLatin1(keywords[choice % std::size(keywords)]) + QLatin1String(suffixes[next() % 4]);
        }
    }
    const int markerCount = next() % 4;
    for (int i = 0; i < markerCount; ++i)
        status.markers << PrinterMarker{QStringLiteral("black toner"), QStringLiteral("toner"), int(qint8(next())), int(qint8(next()))};

    const DeviceHealth health = PrinterStatusMapping::health(status);
    const QString blocking = PrinterStatusMapping::blockingReason(status);
    FUZZ_REQUIRE(health.level != HealthLevel::Unknown && health.level != HealthLevel::Disabled);
    if (!status.reachable)
        FUZZ_REQUIRE(health.level == HealthLevel::Error && blocking.isEmpty());
    if (!blocking.isEmpty())
        FUZZ_REQUIRE(health.level == HealthLevel::Error);

    bool knownReason = false;
    bool errorReason = false;
    for (const QString &reason : status.reasons) {
        const QString keyword = PrinterStatusMapping::reasonKeyword(reason);
        FUZZ_REQUIRE(reason.startsWith(keyword));
        const QString suffix = reason.mid(keyword.size());
        FUZZ_REQUIRE(suffix.isEmpty() || suffix == QLatin1String("-error") || suffix == QLatin1String("-warning")
                     || suffix == QLatin1String("-report"));
        const QString trimmed = PrinterStatusMapping::reasonKeyword(reason.trimmed());
        for (const char *known : keywords)
            knownReason = knownReason || (trimmed == QLatin1String(known) && std::string_view(known) != "none"
                                          && std::string_view(known) != "moving-to-paused" && std::string_view(known) != "cups-insecure-filter");
        for (const char *known : errorKeywords)
            errorReason = errorReason || trimmed == QLatin1String(known);
    }
    if (status.reachable && errorReason)
        FUZZ_REQUIRE(health.level == HealthLevel::Error && !blocking.isEmpty());
    if (health.level == HealthLevel::Ok) {
        FUZZ_REQUIRE(status.reachable && !knownReason && status.state != 5 && status.acceptingJobs);
        for (const PrinterMarker &marker : status.markers)
            FUZZ_REQUIRE(marker.level != 0);
    }

    PrinterStatus reordered = status;
    std::reverse(reordered.reasons.begin(), reordered.reasons.end());
    std::reverse(reordered.markers.begin(), reordered.markers.end());
    FUZZ_REQUIRE(PrinterStatusMapping::health(reordered) == health);
    FUZZ_REQUIRE(PrinterStatusMapping::blockingReason(reordered) == blocking);

    const int jobState = int(next()) - 64;
    const PrintJobState state = PrinterStatusMapping::jobStateFromIpp(jobState);
    FUZZ_REQUIRE(!PrinterStatusMapping::toString(state).isEmpty());
    if (state == PrintJobState::Completed || state == PrintJobState::Cancelled || state == PrintJobState::Aborted)
        FUZZ_REQUIRE(PrinterStatusMapping::isFinal(state));
    if (jobState < 3 || jobState > 9)
        FUZZ_REQUIRE(state == PrintJobState::Aborted);
    return 0;
}
