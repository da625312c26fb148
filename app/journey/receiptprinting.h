#pragma once

#include "journeydevices.h"

#include <QObject>
#include <QPointer>
#include <QString>

class AgentFiling;
class ApplicationDraft;
class ApplicationJourney;
class Catalogue;
class DocumentDelivery;
class KioskConfig;
class PostalDelivery;
class PrintJob;
class ResidentIdentity;
class SessionMachine;

// The receipt of the case just filed or queued, or of an instant item's case, rendered in the
// resident's language and printed on the receipt printer. Only this session's latest receipt job
// is news: one left from an earlier session (held for paper, printed after its resident went) is
// not reported to the next resident.
class ReceiptPrinting : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        const KioskConfig *config = nullptr;
        const Catalogue *catalogue = nullptr;
        SessionMachine *session = nullptr;
        ResidentIdentity *identity = nullptr;
        ApplicationDraft *draft = nullptr;
        DocumentDelivery *delivery = nullptr;
        const ApplicationJourney *journey = nullptr;
        JourneyDevices devices;
        const AgentFiling *agent = nullptr; // someone filing for another person: both are named
        const PostalDelivery *postal = nullptr; // says how the document comes, for an item that offers post
    };

    explicit ReceiptPrinting(const Parts &parts, QObject *parent = nullptr);

    // Prints the receipt in `language`; receiptPrinted() follows with whether it came out, and a
    // failure can be retried (reprint). A printer that stops on the receipt (out of paper) is
    // reported not printed at once, and printed after all if it comes out once staff see to the
    // printer, while the session lasts. False when there is no receipt to print or no printer.
    bool printReceipt(const QString &language);
    [[nodiscard]] bool receiptPrinterUsable() const { return m_parts.devices.receiptPrinterUsable(); }

signals:
    // The receipt job ended or stalled: printed, or not with the printer's reason ("media-empty", …).
    void receiptPrinted(bool printed, const QString &detail);

private:
    void follow(PrintJob *job);

    Parts m_parts;
    // This session's latest receipt job.
    QPointer<PrintJob> m_receiptJob;
};
