#include "printjobname.h"

QString PrintJobName::of(Document document)
{
    switch (document) {
    case Document::Receipt:
        return QStringLiteral("kiosk-receipt");
    case Document::Acknowledgement:
        return QStringLiteral("kiosk-a4-receipt");
    case Document::Certificate:
        return QStringLiteral("kiosk-a4-certificate");
    case Document::Licence:
        return QStringLiteral("kiosk-a4-licence");
    case Document::TestPage:
        return QStringLiteral("kiosk-test-page");
    case Document::Ticket:
        return QStringLiteral("kiosk-ticket");
    case Document::ComplaintSlip:
        return QStringLiteral("kiosk-complaint");
    case Document::FiscalReceipt:
        return QStringLiteral("kiosk-a4-fiscal-receipt");
    }
    return QStringLiteral("kiosk-document");
}
