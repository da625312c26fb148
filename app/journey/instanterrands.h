#pragma once

#include "journeydevices.h"

#include <QObject>
#include <QString>

class Catalogue;
class DocumentDelivery;
class IdentityVerification;
class ItemAvailability;
class OutboxStore;
class PlatformClient;
class ResidentIdentity;
class ResidentRecords;
class SessionMachine;

// The errands that end in a result at once, after verification: a `print` or `query` item filed
// and its document printed, the resident's cases and their progress (办件查询), their
// e-licences (电子证照), and the progress of the case on a receipt's code.
class InstantErrands : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        const Catalogue *catalogue = nullptr;
        SessionMachine *session = nullptr;
        ResidentIdentity *identity = nullptr;
        IdentityVerification *verification = nullptr;
        ResidentRecords *records = nullptr;
        DocumentDelivery *delivery = nullptr;
        const ItemAvailability *availability = nullptr;
        PlatformClient *platform = nullptr;
        OutboxStore *outbox = nullptr;
        JourneyDevices devices;
    };

    explicit InstantErrands(const Parts &parts, QObject *parent = nullptr);

    // A `print` or `query` item filed and its document printed on the document printer.
    bool deliverInstantItem(const QString &itemCode);
    // The resident's cases and their progress.
    bool showProgress();
    // The resident's e-licences, each printable with printLicence(), once the holder is proven.
    bool showLicences();
    bool printLicence(const QString &licenceId);
    // Progress of the case on a receipt, from its QR code (no identification needed: the number
    // is the key, and the answer holds no personal data). A reference of this kiosk's outbox for
    // a case not yet sent is answered from the outbox. Returns false for a code that is no receipt's.
    bool queryReceiptCode(const QString &text);
    // The same for a case number (or local reference) the resident typed from their receipt.
    bool queryTypedReference(const QString &typed);
    // The e-licences (the household register among them) are the holder's alone. A card proves
    // nothing of who holds it, found or left on the reader, so it needs a face check; the app's
    // code was verified by the app, and needs none.
    [[nodiscard]] bool licencesNeedAFace() const;
    [[nodiscard]] bool documentPrinterUsable() const { return m_parts.devices.documentPrinterUsable(); }

private:
    [[nodiscard]] QString instantLocalReference() const;
    [[nodiscard]] bool licenceHolderProven() const;
    bool queryReference(const QString &reference);

    Parts m_parts;
};
