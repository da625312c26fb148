#pragma once

#include <QString>

// The name a print job carries to the printer: the CUPS job-name, which the queue lists and the
// spool file takes. It says which paper came out of which kiosk printer, in ASCII so that no
// spooler turns it into "_", and never holds what is the resident's: no name, number, case
// number or licence title ("kiosk-a4-licence", not "居民户口簿").
class PrintJobName
{
public:
    enum class Document {
        Receipt,         // the 80 mm receipt
        Acknowledgement, // the A4 receipt (受理回执) printed instead of, or beside, it
        Certificate,     // an A4 document the platform issued for an instant case
        Licence,         // an A4 copy of one of the resident's e-licences
        TestPage,        // the technician's printer test page
        Ticket,          // an 80 mm queue ticket (取号, 预约签到)
        ComplaintSlip,   // an 80 mm slip with a complaint's number (投诉建议)
        FiscalReceipt,   // an A4 fiscal receipt (财政电子票据) for a fee paid
    };

    [[nodiscard]] static QString of(Document document);
};
