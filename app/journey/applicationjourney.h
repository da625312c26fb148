#pragma once

#include "casesubmission.h"
#include "feeapplicationfiling.h"
#include "journeydevices.h"
#include "themefiling.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <utility>

class AgentFiling;
class ApplicationDraft;
class Catalogue;
class DocumentDelivery;
class IdentityVerification;
class ItemAvailability;
class PlatformClient;
class PostalDelivery;
class ResidentIdentity;
class SessionMachine;
class StaffPresence;
struct CatalogueItem;

// An application from the identified resident to its case: the draft of one item, or of a
// theme's merged form (一件事一次办), the pages of its materials from the document camera, and
// the submission through the outbox, a theme's items filed one after another. An item with a fee
// is filed live instead (FeeApplicationFiling): its case waits for the resident's payment, and
// the outcome is told once the payment is settled.
class ApplicationJourney : public QObject
{
    Q_OBJECT

public:
    struct Parts {
        const Catalogue *catalogue = nullptr;
        SessionMachine *session = nullptr;
        ResidentIdentity *identity = nullptr;
        ApplicationDraft *draft = nullptr;
        IdentityVerification *verification = nullptr;
        const ItemAvailability *availability = nullptr;
        CaseSubmission *submission = nullptr; // null when nothing can be filed
        JourneyDevices devices;
        StaffPresence *staff = nullptr; // null: no staff sign-in at this kiosk
        const AgentFiling *agent = nullptr; // null: nobody files for another person here
        const PostalDelivery *postal = nullptr; // how the document comes, for an item that offers post
        PlatformClient *platform = nullptr; // null: a fee item cannot be filed here
        DocumentDelivery *delivery = nullptr; // a fee item's case and payment
    };

    explicit ApplicationJourney(const Parts &parts, QObject *parent = nullptr);

    // Starts the application for the selected item once the resident is identified (and, when
    // the item needs it, verified).
    bool beginApplication(const QString &itemCode);
    // The theme's items filed from one merged form after one identification; the merged item is
    // what the draft holds.
    bool beginThemeApplication(const QString &themeId);
    // The theme of the application in progress, or empty for a single item.
    [[nodiscard]] QString themeInProgress() const { return m_themeId; }
    // After a theme's submission: each item's code with what became of its case, in order.
    [[nodiscard]] const QList<std::pair<QString, CaseSubmission::Outcome>> &themeOutcomes() const { return m_filing.outcomes(); }
    // What became of the last submission (a theme's: its first item's).
    [[nodiscard]] const CaseSubmission::Outcome &lastOutcome() const { return m_lastOutcome; }

    // The document camera (高拍仪), when there is one.
    [[nodiscard]] bool documentCameraUsable() const { return m_parts.devices.documentCameraUsable(); }
    // Points the document camera at the material `materialId` of the draft; capturePage() then
    // adds what it sees as one page (pageCaptured() follows).
    bool startDocumentCapture(const QString &materialId);
    // The material the next page goes to; after a new page it is the next material still
    // without one (ApplicationDraft::nextMaterialWithoutPages()), or stays where it is.
    [[nodiscard]] QString captureMaterial() const { return m_captureMaterial; }
    // The next page taken replaces page `index` of the material instead of adding one.
    bool retakePage(const QString &materialId, int index);
    bool capturePage();
    void stopDocumentCapture();

    // Files the draft through the outbox, or a fee item's live; submissionFinished() follows (for
    // a fee item once its payment is settled; a code left to expire and the resident leaving
    // end the session without it).
    bool submitApplication();

signals:
    void submissionFinished(const CaseSubmission::Outcome &outcome);
    // A page was captured for the current material; `pageFound` is false when no page outline
    // was found and the whole frame was kept (the resident may want to retake it).
    void pageCaptured(bool pageFound);
    void captureMaterialChanged();

private:
    [[nodiscard]] bool buildCaseDraft(const CatalogueItem &item, const QJsonObject &body, CaseDraft *draft) const;
    void takeSubmissionOutcome(const CaseSubmission::Outcome &outcome);
    [[nodiscard]] bool fileWithFee(const CaseDraft &draft, const QString &localRef);
    void takeFeeNotFiled(const QString &problem, bool refused);
    void takeFeeSettled();
    [[nodiscard]] QString liveLocalReference() const;
    void forgetTheme();
    void takePage(const QByteArray &jpeg, bool pageFound);

    Parts m_parts;
    QString m_captureMaterial;
    int m_replacedPage = -1;
    QString m_themeId;
    ThemeFiling m_filing;
    CaseSubmission::Outcome m_lastOutcome;
    std::unique_ptr<FeeApplicationFiling> m_feeFiling; // with a delivery to take the payment
    QString m_feeLocalRef;
};
