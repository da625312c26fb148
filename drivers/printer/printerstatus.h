#pragma once

#include "device/devicehealth.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// One supply the printer reports (IPP marker-names, marker-types, marker-levels and
// marker-low-levels). Levels are percent; negative levels mean "unknown" (-1, -2) or
// "some left" (-3), as RFC 8011 and PWG 5100.9 define them.
struct PrinterMarker {
    QString name;   // "black toner", "thermal paper"
    QString type;   // "toner", "ink-cartridge", …
    int level = -1;
    int lowLevel = -1;

    [[nodiscard]] bool operator==(const PrinterMarker &other) const = default;
};

// What a printer said about itself in answer to Get-Printer-Attributes, or that it did not
// answer at all. The IPP-to-health mapping below is a pure function over this value.
struct PrinterStatus {
    bool reachable = false;
    QString unreachableDetail;   // when not reachable: "no_response" or "no_device"
    QString unreachableMessage;  // libcups' sentence, for staff
    int state = 0;               // printer-state: 3 idle, 4 processing, 5 stopped
    QStringList reasons;         // printer-state-reasons as sent, e.g. "media-low-warning"
    QString stateMessage;        // printer-state-message
    bool acceptingJobs = true;   // printer-is-accepting-jobs
    QList<PrinterMarker> markers;
    QString makeAndModel;        // printer-make-and-model

    [[nodiscard]] bool operator==(const PrinterStatus &other) const = default;
};

// A print job's life (IPP job-state 3–9), plus the two ends that never reach the printer: the
// kiosk is still submitting it, or the printer refused it outright.
enum class PrintJobState { Submitting, Pending, Held, Processing, Stopped, Cancelled, Aborted, Completed, Refused };

namespace PrinterStatusMapping {

// The device-vocabulary health of a printer (reference/devices.md §4–5): `media-low` and low
// supplies are warnings; media empty, jam, open door, offline, empty toner and a stopped printer
// are errors; a printing printer is busy. The most serious reason wins.
[[nodiscard]] DeviceHealth health(const PrinterStatus &status);

// "media-low-warning" -> "media-low": the keyword without RFC 8011's severity suffix.
[[nodiscard]] QString reasonKeyword(const QString &reason);

// The keyword of the most serious reason that stops the printer ("media-empty", "media-jam", …),
// or nothing while it can print. A job that stalls or fails then carries it first in its detail,
// so the kiosk can tell the resident the printer is out of paper rather than only "not printed".
[[nodiscard]] QString blockingReason(const PrinterStatus &status);

[[nodiscard]] PrintJobState jobStateFromIpp(int jobState);
[[nodiscard]] bool isFinal(PrintJobState state);
[[nodiscard]] QString toString(PrintJobState state);

} // namespace PrinterStatusMapping

Q_DECLARE_METATYPE(PrinterStatus)
Q_DECLARE_METATYPE(PrintJobState)
