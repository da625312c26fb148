#include "residentchoice.h"

#include "admincode.h"
#include "agentfiling.h"
#include "applicationdraft.h"
#include "applicationjourney.h"
#include "codeidentification.h"
#include "instanterrands.h"
#include "itemavailability.h"
#include "kioskruntime.h"
#include "queueticketing.h"
#include "residentidentification.h"
#include "residentrecords.h"
#include "staffpresence.h"
#include "themeapplication.h"
#include "typedidnumber.h"

#include <QJsonObject>

#include <utility>

namespace {

// The errand as CodeIdentification names it.
QString errandName(ResidentChoice::Errand errand)
{
    switch (errand) {
    case ResidentChoice::Errand::Progress: return QStringLiteral("progress");
    case ResidentChoice::Errand::Licences: return QStringLiteral("licences");
    case ResidentChoice::Errand::Appointments: return QStringLiteral("appointments");
    case ResidentChoice::Errand::Tickets:
    case ResidentChoice::Errand::Complaint:
    case ResidentChoice::Errand::None: break;
    }
    return {};
}

} // namespace

ResidentChoice::ResidentChoice(KioskRuntime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
{
    runtime->session()->addWipeable(this);
    connect(runtime->identity(), &ResidentIdentity::changed, this, [this] {
        setProblem(ResidentIdentity::refusalName(m_runtime->identity()->lastRefusal()));
    });
    connect(runtime->identification(), &ResidentIdentification::cardReadFailed, this, &ResidentChoice::setProblem);
    connect(runtime->identification(), &ResidentIdentification::codeScanned, this, &ResidentChoice::takeScannedCode);
    connect(runtime->identification(), &ResidentIdentification::codeShownAtHome, this, &ResidentChoice::takeCodeAtHome);
    connect(runtime->identification(), &ResidentIdentification::verificationFinished, this, [this](bool verified, const QString &problem) {
        if (m_runtime->session()->state() == SessionState::Identify) {
            // The answer about a code shown at identification: who it is, or why not. For a
            // progress query, a code the platform does not know was not the receipt's either.
            const bool attesting = std::exchange(m_attesting, false);
            setProblem(verified ? QString()
                       : attesting ? QStringLiteral("staff_") + problem
                       : (m_errand == Errand::Progress && problem == QLatin1String("card_invalid"))
                           ? QStringLiteral("code_not_a_receipt")
                           : QStringLiteral("code_") + problem);
            return;
        }
        if (verified)
            proceedAfterVerification();
    });
    connect(runtime->queueTicketing(), &QueueTicketing::changed, this, &ResidentChoice::followQueueTicketing);
}

void ResidentChoice::followQueueTicketing()
{
    // A ticket given (or an appointment checked in) is the errand's result.
    const SessionState state = m_runtime->session()->state();
    if (m_runtime->queueTicketing()->stage() == QueueTicketing::Stage::Issued
        && (m_errand == Errand::Tickets || m_errand == Errand::Appointments)
        && (state == SessionState::ChooseService || state == SessionState::Identify))
        (void)m_runtime->session()->advance(SessionState::Result);
}

ResidentChoice::~ResidentChoice()
{
    m_runtime->session()->removeWipeable(this);
}

const CatalogueItem *ResidentChoice::item() const
{
    if (m_themeItem)
        return &*m_themeItem;
    return m_runtime->catalogue().item(m_itemCode);
}

QString ResidentChoice::codeRefusal() const
{
    return CodeIdentification::refusal(m_runtime->catalogue(), errandName(m_errand), m_themeItem ? m_themeId : QString(), m_itemCode);
}

bool ResidentChoice::codeBeingChecked() const
{
    return m_runtime->session()->state() == SessionState::Identify
           && m_runtime->verification()->state() == IdentityVerification::State::Verifying;
}

bool ResidentChoice::faceCheckNeeded() const
{
    if (m_errand == Errand::Licences)
        return m_runtime->errands()->licencesNeedAFace();
    const CatalogueItem *chosen = item();
    return chosen && chosen->faceRequired;
}

bool ResidentChoice::staffAttestationOffered() const
{
    const CatalogueItem *chosen = m_errand == Errand::None && !m_themeItem ? item() : nullptr;
    return chosen && m_runtime->staff()->isPresent() && chosen->auth.contains(QLatin1String("staff_attested")) && !chosen->faceRequired
           && m_runtime->session()->state() == SessionState::Identify && !m_runtime->identity()->isIdentified();
}

bool ResidentChoice::identifyByStaff(const QString &name, const QString &idNumber, const QString &evidence)
{
    if (!staffAttestationOffered() || codeBeingChecked()) {
        setProblem(QStringLiteral("staff_attestation_not_offered"));
        return false;
    }
    const TypedIdNumber::Problem numberProblem = TypedIdNumber::check(IdCardHolder::CardType::Resident, idNumber);
    if (numberProblem != TypedIdNumber::Problem::None) {
        setProblem(QStringLiteral("staff_id_number_") + TypedIdNumber::problemName(numberProblem));
        return false;
    }
    const QJsonObject person{{QStringLiteral("name"), name.trimmed()}, {QStringLiteral("id_number"), TypedIdNumber::normalised(idNumber)}};
    if (name.trimmed().isEmpty()
        || !m_runtime->identification()->identifyByStaff(m_runtime->staff()->staffToken(), person, evidence)) {
        setProblem(QStringLiteral("staff_attestation_not_sent"));
        return false;
    }
    m_attesting = true;
    setProblem({});
    return true;
}

bool ResidentChoice::agentOffered() const
{
    const CatalogueItem *chosen = m_errand == Errand::None && !m_themeItem ? item() : nullptr;
    return chosen && chosen->agentAllowed && chosen->kind == ItemKind::Apply && m_runtime->session()->state() == SessionState::Identify
           && m_runtime->identity()->isIdentified() && m_runtime->identity()->method() == ResidentIdentity::Method::Card
           && !m_runtime->agent()->isActing();
}

bool ResidentChoice::actForSomeoneElse(const QString &name, const QString &cardType, const QString &idNumber, const QString &relation)
{
    const std::optional<IdCardHolder::CardType> type = IdCardHolder::typeFromName(cardType);
    if (!agentOffered() || !type) {
        setProblem(QStringLiteral("agent_not_offered"));
        return false;
    }
    m_runtime->session()->touch();
    const QString refusal = m_runtime->agent()->actFor(*m_runtime->identity()->holder(), name, *type, idNumber, relation);
    setProblem(refusal.isEmpty() ? QString() : QStringLiteral("agent_") + refusal);
    emit selectionChanged();
    return refusal.isEmpty();
}

bool ResidentChoice::openItem(const QString &code)
{
    if (!m_runtime->catalogue().item(code))
        return false;
    m_itemCode = code;
    emit selectionChanged();
    return true;
}

bool ResidentChoice::openTheme(const QString &themeId)
{
    if (!m_runtime->catalogue().theme(themeId))
        return false;
    m_itemCode.clear();
    m_themeId = themeId;
    emit selectionChanged();
    return true;
}

void ResidentChoice::back()
{
    // A complaint is left for the screen it was started from (home, or a refused case's result).
    if (m_errand == Errand::Complaint) {
        m_errand = m_errandBeforeComplaint;
        m_errandBeforeComplaint = Errand::None;
        emit selectionChanged();
        return;
    }
    if (m_runtime->session()->state() != SessionState::ChooseService) {
        m_runtime->identification()->stopFaceCheck();
        m_runtime->agent()->stop();
        (void)m_runtime->session()->advance(SessionState::ChooseService);
        if (m_errand != Errand::None || m_themeItem) {
            m_errand = Errand::None;
            m_themeItem.reset();
            emit selectionChanged();
        }
        return;
    }
    if (m_errand != Errand::None) {
        m_errand = Errand::None;
        m_runtime->queueTicketing()->wipeSessionData();
    } else if (!m_itemCode.isEmpty()) {
        m_itemCode.clear();
    } else {
        m_themeId.clear();
    }
    emit selectionChanged();
}

bool ResidentChoice::startSelectedItem()
{
    const CatalogueItem *chosen = item();
    if (chosen && chosen->kind == ItemKind::Query && !chosen->instant)
        return startErrand(Errand::Progress);
    if (m_itemCode.isEmpty() || !m_runtime->session()->advance(SessionState::Identify))
        return false;
    setProblem({});
    return true;
}

bool ResidentChoice::startErrand(Errand errand)
{
    if (errand == Errand::Complaint) {
        const SessionState state = m_runtime->session()->state();
        if (state != SessionState::ChooseService && state != SessionState::Result)
            return false;
        // From home it is about nothing chosen; from a result, about that result's item.
        if (state == SessionState::ChooseService)
            m_itemCode.clear();
        // From a refused case on the progress screen, back leads to the progress screen again.
        m_errandBeforeComplaint = state == SessionState::Result && m_errand == Errand::Progress ? Errand::Progress : Errand::None;
        m_errand = errand;
        emit selectionChanged();
        return true;
    }
    if (errand == Errand::Tickets || errand == Errand::Appointments) {
        if (m_runtime->session()->state() != SessionState::ChooseService)
            return false;
        m_errand = errand;
        m_itemCode.clear();
        emit selectionChanged();
        setProblem({});
        if (errand == Errand::Tickets)
            (void)m_runtime->queueTicketing()->loadGroups();
        return true;
    }
    if (errand == Errand::None || !m_runtime->session()->advance(SessionState::Identify))
        return false;
    m_errand = errand;
    m_itemCode.clear();
    emit selectionChanged();
    setProblem({});
    return true;
}

bool ResidentChoice::identifyForAppointments()
{
    if (m_errand != Errand::Appointments || !m_runtime->session()->advance(SessionState::Identify))
        return false;
    setProblem({});
    return true;
}

bool ResidentChoice::startTheme()
{
    std::optional<CatalogueItem> merged = ThemeApplication::mergedItem(m_runtime->catalogue(), m_themeId);
    if (!merged || !m_runtime->availability()->themeUnavailableReason(m_themeId).isEmpty())
        return false;
    if (!m_runtime->session()->advance(SessionState::Identify))
        return false;
    m_themeItem = std::move(merged);
    m_itemCode.clear();
    emit selectionChanged();
    setProblem({});
    return true;
}

ResidentChoice::Step ResidentChoice::continueAfterIdentification()
{
    if (!m_runtime->identity()->isIdentified())
        return Step::Refused;
    const CatalogueItem *chosen = item();
    if (m_errand == Errand::None && !chosen)
        return Step::Refused;
    // An application without a face check goes straight on: the card was read by the SAM, and
    // the case is verified by the platform when it arrives (it may be queued offline). One with
    // a fee is filed live and its fiscal receipt fetched with the holder token: the card is
    // checked with the platform first, as for an instant item.
    if (m_themeItem && !m_themeItem->faceRequired)
        return m_runtime->journey()->beginThemeApplication(m_themeId) ? Step::Started : Step::Refused;
    if (chosen && chosen->kind == ItemKind::Apply && !chosen->faceRequired && !chosen->fee)
        return m_runtime->journey()->beginApplication(m_itemCode) ? Step::Started : Step::Refused;
    if (!m_runtime->session()->advance(SessionState::Verify))
        return Step::Refused;
    // A face check waits on the consent screen; an identity shown by code was checked by the
    // platform already; everything else is a card check at once.
    if (faceCheckNeeded())
        return Step::Started;
    if (m_runtime->verification()->isVerified()) {
        proceedAfterVerification();
        return Step::Started;
    }
    return Step::CardCheck;
}

void ResidentChoice::proceedAfterVerification()
{
    if (m_runtime->session()->state() != SessionState::Verify)
        return;
    if (m_errand == Errand::Progress) {
        emit recordsRequested(m_runtime->errands()->showProgress());
        return;
    }
    if (m_errand == Errand::Licences) {
        emit recordsRequested(m_runtime->errands()->showLicences());
        return;
    }
    if (m_errand == Errand::Appointments) {
        if (m_runtime->queueTicketing()->loadAppointments())
            (void)m_runtime->session()->advance(SessionState::Result);
        return;
    }
    if (m_themeItem) {
        (void)m_runtime->journey()->beginThemeApplication(m_themeId);
        return;
    }
    const CatalogueItem *chosen = item();
    if (!chosen)
        return;
    if (chosen->kind == ItemKind::Apply)
        (void)m_runtime->journey()->beginApplication(chosen->code);
    else
        (void)m_runtime->errands()->deliverInstantItem(chosen->code);
}

bool ResidentChoice::queryTypedCaseNumber(const QString &typed)
{
    if (m_runtime->session()->state() != SessionState::Identify || m_errand != Errand::Progress)
        return false;
    m_runtime->session()->touch();
    if (!m_runtime->errands()->queryTypedReference(typed)) {
        setProblem(QStringLiteral("case_number_not_found"));
        return false;
    }
    setProblem({});
    emit recordsRequested(true);
    return true;
}

void ResidentChoice::takeScannedCode(const QString &text)
{
    // Staff's admin codes are maintenance's, and their work app's codes sign them in beside the
    // resident (StaffPresence); neither says anything of the resident.
    if (AdminCode::isAdminCodePayload(text) || StaffPresence::isStaffCode(text) || m_runtime->identity()->isIdentified()
        || codeBeingChecked())
        return;
    // An appointment's code checks it in whoever shows it.
    if (m_errand == Errand::Appointments && QueueTicketing::isAppointmentCode(text)) {
        (void)m_runtime->queueTicketing()->checkInCode(text);
        return;
    }
    // For a progress query a receipt's code answers at once; any other code is taken as the
    // resident's network-identity or app code, which the platform resolves to who they are.
    if (m_errand == Errand::Progress && m_runtime->errands()->queryReceiptCode(text)) {
        emit recordsRequested(true);
        setProblem({});
        return;
    }
    QString refusal = codeRefusal();
    if (refusal.isEmpty() && !m_runtime->identification()->identifyByCode(text))
        refusal = QStringLiteral("code_platform_offline");
    setProblem(refusal);
}

void ResidentChoice::takeCodeAtHome(const QString &text)
{
    // On the home screen a receipt's code means its case's progress, as the progress errand gives
    // it, and an appointment's code its check-in. Any other code waits until the resident has chosen.
    if (QueueTicketing::isAppointmentCode(text)) {
        if (m_errand == Errand::Appointments || startErrand(Errand::Appointments))
            (void)m_runtime->queueTicketing()->checkInCode(text);
        return;
    }
    if (AdminCode::isAdminCodePayload(text) || ResidentRecords::referenceFromReceiptCode(text).isEmpty()
        || !startErrand(Errand::Progress))
        return;
    if (m_runtime->errands()->queryReceiptCode(text))
        emit recordsRequested(true);
    else
        setProblem(QStringLiteral("code_not_a_receipt"));
}

void ResidentChoice::setProblem(const QString &problem)
{
    m_problem = problem;
    emit problemChanged();
}

bool ResidentChoice::leavingLosesInput() const
{
    switch (m_runtime->session()->state()) {
    case SessionState::Form:
    case SessionState::Materials:
    case SessionState::Review: return m_runtime->draft()->holdsResidentInput();
    default: return false; // nothing entered yet, or the case is already submitted
    }
}

bool ResidentChoice::requestExit()
{
    if (leavingLosesInput()) {
        setExitAsked(true);
        return false;
    }
    setExitAsked(false);
    return m_runtime->session()->end(SessionEnd::Cancelled);
}

void ResidentChoice::keepApplication()
{
    setExitAsked(false);
}

void ResidentChoice::setExitAsked(bool asked)
{
    if (m_exitAsked == asked)
        return;
    m_exitAsked = asked;
    emit exitAskedChanged();
}

void ResidentChoice::wipeSessionData()
{
    setExitAsked(false);
    m_itemCode.clear();
    m_themeId.clear();
    m_errand = Errand::None;
    m_errandBeforeComplaint = Errand::None;
    m_themeItem.reset();
    m_problem.clear();
    m_attesting = false;
    emit selectionChanged();
    emit problemChanged();
}
