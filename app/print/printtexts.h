#pragma once

#include <QDateTime>
#include <QString>

// The fixed words on printed pages, in Chinese (the source) and English. Printed pages are made
// outside QML, so they carry their own small table instead of qsTr().
enum class PrintText {
    ReceiptTitle, AcknowledgementTitle, TestPageTitle, Item, Department, CaseNumber, LocalReference, Applicant,
    IdNumber, FiledAt, PrintedAt, Terminal, Materials, NoMaterials, NextSteps, ScanToFollow, OfflineNote,
    KeepReceipt, AcknowledgementNote, Seal, Printer, Software, FontSample, NotKept, Agent,
    // A queue ticket (取号).
    TicketTitle, CounterGroup, PeopleAhead, EstimatedWait, Minutes, PriorityQueue, Appointment, WatchTheScreen,
    // A complaint's slip (投诉建议).
    ComplaintTitle, ComplaintNumber, ComplaintLocalRef, ComplaintCategory, ComplaintQueuedNote, ComplaintReplyNote,
    CannotGetDone, ServiceComplaint, KioskFault, Suggestion,
    // A fee paid by phone (缴费).
    FeePaid,
};

namespace PrintTexts {
[[nodiscard]] QString text(PrintText id, const QString &language);
// "2026年11月23日 15:04" or "23 Nov 2026 15:04", in the kiosk's local time.
[[nodiscard]] QString dateTime(const QDateTime &time, const QString &language);
} // namespace PrintTexts
