#include "applicationjourney.h"

#include "agentfiling.h"
#include "applicationdraft.h"
#include "applog.h"
#include "camera/camera.h"
#include "vision/documentcapture.h"
#include "catalogue.h"
#include "identityverification.h"
#include "itemavailability.h"
#include "documentdelivery.h"
#include "outboxplatformtransport.h"
#include "platformclient.h"
#include "postaldelivery.h"
#include "residentidentity.h"
#include "sessionmachine.h"
#include "staffpresence.h"
#include "themeapplication.h"

#include <QDateTime>
#include <QJsonDocument>

ApplicationJourney::ApplicationJourney(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    connect(m_parts.session, &SessionMachine::sessionEnded, this, &ApplicationJourney::stopDocumentCapture);
    connect(m_parts.session, &SessionMachine::sessionEnded, this, &ApplicationJourney::forgetTheme);
    if (m_parts.submission)
        connect(m_parts.submission, &CaseSubmission::finished, this, &ApplicationJourney::takeSubmissionOutcome);
    if (m_parts.delivery) {
        m_feeFiling = std::make_unique<FeeApplicationFiling>(m_parts.delivery);
        connect(m_feeFiling.get(), &FeeApplicationFiling::awaitingPayment, this, [this] {
            // The payment screen is the result's until the payment is settled; the outcome (and
            // with it the receipt) waits for the payment.
            if (m_parts.session->state() == SessionState::Submit)
                (void)m_parts.session->advance(SessionState::Result);
        });
        connect(m_feeFiling.get(), &FeeApplicationFiling::settled, this, &ApplicationJourney::takeFeeSettled);
        connect(m_feeFiling.get(), &FeeApplicationFiling::notFiled, this, &ApplicationJourney::takeFeeNotFiled);
        connect(m_parts.session, &SessionMachine::sessionEnded, m_feeFiling.get(), &FeeApplicationFiling::wipe);
    }
    if (Camera *camera = m_parts.devices.documentCamera()) {
        connect(camera, &Camera::pageCaptured, this, [this](const QByteArray &jpeg, const QSize &, bool found) {
            if (m_parts.session->state() != SessionState::Materials || m_captureMaterial.isEmpty())
                return;
            takePage(jpeg, found);
        });
    }
}

bool ApplicationJourney::beginApplication(const QString &itemCode)
{
    const CatalogueItem *item = m_parts.catalogue->item(itemCode);
    const IdCardHolder *holder = m_parts.identity->holder();
    if (!item || !holder || !m_parts.availability->unavailableReason(*item).isEmpty())
        return false;
    if (item->faceRequired && !m_parts.verification->faceChecked())
        return false;
    // Someone filing for another person: the application is the principal's, and the item asks
    // the agent for its authorisation too.
    const bool forPrincipal = m_parts.agent && m_parts.agent->isActing();
    if (forPrincipal && !item->agentAllowed)
        return false;
    if (!m_parts.session->advance(SessionState::Form))
        return false;
    if (forPrincipal)
        m_parts.draft->begin(AgentFiling::itemForAgent(*item), *m_parts.agent->principal());
    else
        m_parts.draft->begin(*item, *holder);
    return true;
}

bool ApplicationJourney::beginThemeApplication(const QString &themeId)
{
    const std::optional<CatalogueItem> merged = ThemeApplication::mergedItem(*m_parts.catalogue, themeId);
    const IdCardHolder *holder = m_parts.identity->holder();
    if (!merged || !holder || !m_parts.availability->themeUnavailableReason(themeId).isEmpty())
        return false;
    if (merged->faceRequired && !m_parts.verification->faceChecked())
        return false;
    // A theme bundles items that need not all allow an agent: agents file items one by one.
    if (m_parts.agent && m_parts.agent->isActing())
        return false;
    if (!m_parts.session->advance(SessionState::Form))
        return false;
    m_themeId = themeId;
    m_filing.clear();
    m_parts.draft->begin(*merged, *holder);
    return true;
}

bool ApplicationJourney::startDocumentCapture(const QString &materialId)
{
    Camera *camera = m_parts.devices.documentCamera();
    if (!camera || m_parts.session->state() != SessionState::Materials)
        return false;
    m_captureMaterial = materialId;
    m_replacedPage = -1;
    camera->setMode(Camera::Mode::Document);
    emit captureMaterialChanged();
    return true;
}

bool ApplicationJourney::retakePage(const QString &materialId, int index)
{
    if (index < 0 || index >= m_parts.draft->pages(materialId).size() || !startDocumentCapture(materialId))
        return false;
    m_replacedPage = index;
    return true;
}

void ApplicationJourney::takePage(const QByteArray &jpeg, bool pageFound)
{
    const bool replacing = m_replacedPage >= 0;
    const bool taken = replacing ? m_parts.draft->replacePage(m_captureMaterial, m_replacedPage, jpeg)
                                 : m_parts.draft->addPage(m_captureMaterial, jpeg);
    m_replacedPage = -1;
    if (!taken)
        return;
    // The resident goes on with the next paper the item still needs; one with more pages is
    // chosen again on the screen, which says so.
    if (!replacing) {
        const QString next = m_parts.draft->nextMaterialWithoutPages(m_captureMaterial);
        if (!next.isEmpty()) {
            m_captureMaterial = next;
            emit captureMaterialChanged();
        }
    }
    emit pageCaptured(pageFound);
}

bool ApplicationJourney::capturePage()
{
    Camera *camera = m_parts.devices.documentCamera();
    if (!camera || m_captureMaterial.isEmpty() || m_parts.session->state() != SessionState::Materials)
        return false;
    m_parts.session->touch();
    camera->capturePage();
    return true;
}

void ApplicationJourney::stopDocumentCapture()
{
    m_captureMaterial.clear();
    m_replacedPage = -1;
    emit captureMaterialChanged();
    if (Camera *camera = m_parts.devices.documentCamera())
        camera->setMode(Camera::Mode::Preview);
}

bool ApplicationJourney::buildCaseDraft(const CatalogueItem &item, const QJsonObject &caseBody, CaseDraft *draft) const
{
    const IdentityVerification *verification = m_parts.verification;
    draft->itemCode = item.code;
    QJsonObject body = caseBody;
    // A face checked at the kiosk has no token: the case goes as one queued offline.
    if (verification->isVerified() && !verification->holderToken().isEmpty()) {
        body.insert(QStringLiteral("holder_token"), verification->holderToken());
        body.insert(QLatin1String(OutboxPlatformTransport::HolderTokenExpiryKey),
                    verification->holderTokenExpiry().toString(Qt::ISODateWithMs));
    }
    // Every case filed while a staff member is signed in says who assisted (platform-api.md 1.1).
    if (m_parts.staff && m_parts.staff->isPresent())
        body.insert(QStringLiteral("assisted_by"), QJsonObject{{QStringLiteral("staff_id"), m_parts.staff->staffId()}});
    draft->body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    for (const MaterialSpec &material : item.materials) {
        const QList<QByteArray> pages = m_parts.draft->pages(material.id);
        if (pages.isEmpty())
            continue;
        // One page goes as the JPEG itself; several pages of one material become one PDF.
        if (pages.size() == 1) {
            draft->materials.append({material.id, QStringLiteral("image/jpeg"), pages.first()});
            continue;
        }
        QByteArray pdf;
        QString why;
        if (!DocumentCapture::toPdf(pages, &pdf, &why)) {
            qCWarning(lcSession) << "pages of" << material.id << "not combined:" << why;
            return false;
        }
        draft->materials.append({material.id, QStringLiteral("application/pdf"), pdf});
    }
    return true;
}

bool ApplicationJourney::submitApplication()
{
    ApplicationDraft *draft = m_parts.draft;
    CaseSubmission *submission = m_parts.submission;
    if (!draft->isActive() || !draft->isComplete() || !draft->materialsComplete())
        return false;
    // A fee item is filed live and paid there and then, never queued (contract 1.1 "Fees").
    const bool withFee = m_themeId.isEmpty() && draft->item()->fee.has_value();
    if (withFee ? (!m_feeFiling || m_feeFiling->isFiling()) : (!submission || submission->isWaiting()))
        return false;
    // An item that may be posted is filed once the resident said how its document comes.
    if (m_parts.postal && !m_parts.postal->ready())
        return false;
    const IdentityVerification *verification = m_parts.verification;
    const QString identifiedBy = verification->isVerified() ? verification->verifiedBy() : QStringLiteral("idcard");
    // An agent's case is the principal's, "verified_by": "agent", and names the agent with how
    // the agent was verified (platform-api.md 1.1).
    const bool forPrincipal = m_parts.agent && m_parts.agent->isActing() && m_parts.identity->holder();
    const QString verifiedBy = forPrincipal ? QStringLiteral("agent") : identifiedBy;
    QList<std::pair<QString, CaseDraft>> drafts;
    if (m_themeId.isEmpty()) {
        CaseDraft one;
        QJsonObject body = draft->caseBody(verifiedBy);
        if (forPrincipal)
            body.insert(QStringLiteral("agent"), m_parts.agent->agentJson(*m_parts.identity->holder(), identifiedBy));
        if (const QJsonObject delivery = m_parts.postal ? m_parts.postal->caseDelivery() : QJsonObject(); !delivery.isEmpty())
            body.insert(QStringLiteral("delivery"), delivery);
        if (!buildCaseDraft(*draft->item(), body, &one))
            return false;
        drafts.append({draft->item()->code, one});
    } else {
        for (const QString &code : m_parts.catalogue->theme(m_themeId)->itemCodes) {
            const CatalogueItem *item = m_parts.catalogue->item(code);
            CaseDraft one;
            if (!item || !buildCaseDraft(*item, ThemeApplication::caseBodyFor(*item, *draft, verifiedBy, m_themeId), &one))
                return false;
            drafts.append({code, one});
        }
    }
    stopDocumentCapture();
    if (!m_parts.session->advance(SessionState::Submit))
        return false;
    if (m_parts.staff) {
        for (const std::pair<QString, CaseDraft> &filed : drafts)
            m_parts.staff->recordAssistedCase(filed.first);
    }
    if (m_themeId.isEmpty())
        m_filing.clear();
    else
        m_filing.start(drafts);
    if (withFee)
        return fileWithFee(drafts.first().second, liveLocalReference());
    submission->submit(drafts.first().second);
    return true;
}

bool ApplicationJourney::fileWithFee(const CaseDraft &draft, const QString &localRef)
{
    m_feeLocalRef = localRef;
    if (m_feeFiling->file(m_parts.platform, m_parts.devices.documentPrinter(), draft, m_parts.verification->holderToken(), localRef))
        return true;
    takeFeeNotFiled(QStringLiteral("platform_error"), false);
    return true;
}

QString ApplicationJourney::liveLocalReference() const
{
    // Not queued, so without an outbox reference: this one is unique to the terminal and the
    // moment, and shaped like the outbox's so that receipts and staff read it alike.
    const PlatformClient *platform = m_parts.platform;
    const QString terminal = (platform && platform->settings().credentials) ? platform->settings().credentials->terminalId
                                                                            : QStringLiteral("T000000000000");
    return QStringLiteral("%1-%2").arg(terminal, QDateTime::currentDateTime().toString(QStringLiteral("hhmmss")));
}

void ApplicationJourney::takeFeeNotFiled(const QString &problem, bool refused)
{
    using Kind = CaseSubmission::Outcome::Kind;
    // Refused for good, as any application may be: the result says why. Otherwise the platform
    // could not be reached: nothing was filed and nothing charged, and the resident is back at
    // the review with all they entered, told that paying needs the platform, free to try again.
    m_lastOutcome = refused ? CaseSubmission::Outcome{Kind::Refused, m_feeLocalRef, {}, problem}
                            : CaseSubmission::Outcome{Kind::NotStored, {}, {}, QStringLiteral("fee_needs_platform")};
    if (m_parts.session->state() == SessionState::Submit)
        (void)m_parts.session->advance(refused ? SessionState::Result : SessionState::Review);
    emit submissionFinished(m_lastOutcome);
}

void ApplicationJourney::takeFeeSettled()
{
    // Paid (or, when it failed after filing, not known: DocumentDelivery says which): the case
    // is the platform's either way, and the receipt carries its number and what was paid.
    m_lastOutcome = {CaseSubmission::Outcome::Kind::Filed, m_feeLocalRef, m_parts.delivery->caseNumber(), {}};
    emit submissionFinished(m_lastOutcome);
}

void ApplicationJourney::takeSubmissionOutcome(const CaseSubmission::Outcome &outcome)
{
    using Kind = CaseSubmission::Outcome::Kind;
    if (!m_themeId.isEmpty() && m_filing.isFiling()) {
        // A theme files its items one after another; the resident waits for them all.
        if (const std::optional<CaseDraft> next = m_filing.take(outcome)) {
            m_parts.submission->submit(*next);
            return;
        }
        m_lastOutcome = m_filing.outcomes().first().second;
    } else {
        m_lastOutcome = outcome;
    }
    if (m_parts.session->state() == SessionState::Submit)
        (void)m_parts.session->advance(m_lastOutcome.kind == Kind::NotStored ? SessionState::Review : SessionState::Result);
    emit submissionFinished(m_lastOutcome);
}

void ApplicationJourney::forgetTheme()
{
    m_themeId.clear();
    m_filing.clear();
}
