#pragma once

#include "receiptcontent.h"
#include "ticketcontent.h"
#include "complaintslipcontent.h"

#include <QByteArray>
#include <QString>

// Renders the 80 mm receipt a resident takes away (and the printer test page) as a one-page PDF
// whose length follows its content: hall, service, case number or local reference, times, the
// applicant masked, next steps and a QR code to follow the case, with the CJK font embedded;
// and a queue ticket.
// Needs a QGuiApplication; returns an empty array and says why on failure.
class ReceiptRenderer
{
public:
    static constexpr qreal paperWidthMm = 80.0;
    static constexpr qreal marginMm = 4.0; // thermal heads print about 72 mm of the 80

    [[nodiscard]] static QByteArray render(const ReceiptContent &content, QString *error = nullptr);
    [[nodiscard]] static QByteArray renderTestPage(const TestPageContent &content, QString *error = nullptr);
    // A queue ticket on the same paper: the number large, the counter group, people ahead, the time.
    [[nodiscard]] static QByteArray renderTicket(const TicketContent &content, QString *error = nullptr);
    // A complaint's slip: its category and its 12345 number, or its local reference while queued.
    [[nodiscard]] static QByteArray renderComplaintSlip(const ComplaintSlipContent &content, QString *error = nullptr);
};
