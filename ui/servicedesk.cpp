#include "servicedesk.h"

#include "kioskruntime.h"
#include "instanterrands.h"
#include "residentidentification.h"
#include "kioskshell.h"
#include "uilog.h"

#include <QHash>
#include <QMetaEnum>

ServiceDesk::ServiceDesk(KioskRuntime *runtime, KioskShell *shell, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_shell(shell)
{
    connect(runtime->identification(), &ResidentIdentification::faceGuidance, this, [this](const QString &guidance) {
        m_faceGuidance = guidance;
        emit verifyChanged();
    });
    // A code shown at identification is checked too; what the identify screen says of it is
    // the shell's, and the verify screen starts afresh.
    connect(runtime->identification(), &ResidentIdentification::verificationFinished, this, [this](bool verified, const QString &problem) {
        if (m_runtime->session()->state() == SessionState::Identify)
            return;
        setVerifyStage(verified ? VerifyStage::Verified
                                : (m_runtime->verification()->state() == IdentityVerification::State::Refused
                                       ? VerifyStage::Refused
                                       : VerifyStage::Failed),
                       problem);
    });
    connect(runtime->verification(), &IdentityVerification::started, this, [this] {
        if (m_runtime->session()->state() != SessionState::Identify)
            setVerifyStage(VerifyStage::Checking);
    });
    // A face camera that stops during the check ends it; the screen offers the other ways.
    connect(shell, &KioskShell::devicesChanged, this, [this] {
        if (m_verifyStage == VerifyStage::Face && !m_runtime->identification()->faceCameraUsable()) {
            m_runtime->identification()->stopFaceCheck();
            setVerifyStage(VerifyStage::Failed, QStringLiteral("face_camera_unavailable"));
        }
    });
    connect(runtime->delivery(), &DocumentDelivery::stageChanged, this, &ServiceDesk::deliveryChanged);
    connect(runtime->records(), &ResidentRecords::casesFetched, this, [this](bool ok) {
        m_recordsState = ok ? RecordsState::Ready : RecordsState::Failed;
        emit recordsChanged();
    });
    connect(runtime->records(), &ResidentRecords::licencesFetched, this, [this](bool ok) {
        m_recordsState = ok ? RecordsState::Ready : RecordsState::Failed;
        emit recordsChanged();
    });
    connect(shell, &KioskShell::languageChanged, this, [this] {
        emit deliveryChanged();
        emit recordsChanged();
    });
    connect(runtime->session(), &SessionMachine::sessionEnded, this, &ServiceDesk::reset);
}

ServiceDesk *ServiceDesk::create(QQmlEngine *, QJSEngine *)
{
    return ProcessSingleton<ServiceDesk>::forQml();
}

void ServiceDesk::reset()
{
    m_verifyStage = VerifyStage::Consent;
    m_verifyProblem.clear();
    m_faceGuidance.clear();
    m_recordsState = RecordsState::Idle;
    emit verifyChanged();
    emit deliveryChanged();
    emit recordsChanged();
}

void ServiceDesk::setVerifyStage(VerifyStage stage, const QString &problem)
{
    m_verifyStage = stage;
    m_verifyProblem = problem;
    // The log keeps its lower-case words ("consent", "face", "verified", …).
    qCInfo(lcUi) << "verification"
                 << QString::fromLatin1(QMetaEnum::fromType<VerifyStage>().valueToKey(int(stage))).toLower() << problem;
    emit verifyChanged();
}

bool ServiceDesk::faceCameraUsable() const
{
    return m_runtime->identification()->faceCameraUsable();
}

bool ServiceDesk::agreeToFaceCheck()
{
    m_faceGuidance.clear();
    if (!m_runtime->identification()->verifyResident(true)) {
        setVerifyStage(VerifyStage::Failed, QStringLiteral("face_camera_unavailable"));
        return false;
    }
    // The picture goes to the platform once the camera has a live face: "checking" follows then.
    setVerifyStage(VerifyStage::Face);
    return true;
}

void ServiceDesk::declineFaceCheck()
{
    m_runtime->identification()->stopFaceCheck();
    setVerifyStage(VerifyStage::Declined);
}

bool ServiceDesk::checkCard()
{
    if (!m_runtime->identification()->verifyResident(false)) {
        setVerifyStage(VerifyStage::Failed, QStringLiteral("platform_offline"));
        return false;
    }
    return true;
}

DocumentDelivery::Stage ServiceDesk::deliveryStage() const
{
    return m_runtime->delivery()->stage();
}

QString ServiceDesk::deliveryProblem() const
{
    return m_runtime->delivery()->problem();
}

QString ServiceDesk::deliveryMessage() const
{
    return m_runtime->delivery()->message().in(m_shell->language());
}

QString ServiceDesk::deliveryCaseNumber() const
{
    return m_runtime->delivery()->caseNumber();
}

ServiceDesk::CaseStatus ServiceDesk::caseStatusOf(const QString &status)
{
    static const QHash<QString, CaseStatus> known{
        {QStringLiteral("accepted"), CaseStatus::Accepted},
        {QStringLiteral("in_review"), CaseStatus::InReview},
        {QStringLiteral("approved"), CaseStatus::Approved},
        {QStringLiteral("rejected"), CaseStatus::Rejected},
        {QStringLiteral("needs_materials"), CaseStatus::NeedsMaterials},
        {QStringLiteral("queued_at_kiosk"), CaseStatus::QueuedAtKiosk},
        {QStringLiteral("awaiting_payment"), CaseStatus::AwaitingPayment},
        {QStringLiteral("cancelled"), CaseStatus::Cancelled},
    };
    return known.value(status, CaseStatus::Other);
}

ServiceDesk::CaseStatus ServiceDesk::deliveryCaseStatus() const
{
    return caseStatusOf(m_runtime->delivery()->caseStatus());
}

bool ServiceDesk::documentPrinted() const
{
    return m_runtime->delivery()->documentPrinted();
}

QString ServiceDesk::recordsProblem() const
{
    return m_runtime->records()->problem();
}

QVariantList ServiceDesk::cases() const
{
    const QString language = m_shell->language();
    QVariantList list;
    for (const CaseProgress &progress : m_runtime->records()->cases()) {
        QVariantList history;
        for (const ProgressStep &step : progress.history) {
            history.append(QVariantMap{{QStringLiteral("at"), step.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))},
                                       {QStringLiteral("status"), step.status},
                                       {QStringLiteral("note"), step.note.in(language)}});
        }
        const CatalogueItem *item = m_runtime->catalogue().item(progress.itemCode);
        list.append(QVariantMap{{QStringLiteral("caseNo"), progress.caseNo},
                                {QStringLiteral("localRef"), progress.localRef},
                                {QStringLiteral("item"), item ? item->name.in(language) : progress.itemCode},
                                {QStringLiteral("status"), QVariant::fromValue(int(caseStatusOf(progress.status)))},
                                {QStringLiteral("statusName"), progress.status},
                                {QStringLiteral("carrier"), progress.carrier},
                                {QStringLiteral("trackingNo"), progress.trackingNo},
                                {QStringLiteral("history"), history}});
    }
    return list;
}

QVariantList ServiceDesk::licences() const
{
    const QString language = m_shell->language();
    QVariantList list;
    for (const LicenceEntry &licence : m_runtime->records()->licences()) {
        list.append(QVariantMap{{QStringLiteral("id"), licence.id},
                                {QStringLiteral("type"), licence.type.in(language)},
                                {QStringLiteral("issued"), licence.issued.toLocalTime().date().toString(Qt::ISODate)}});
    }
    return list;
}

bool ServiceDesk::printLicence(const QString &licenceId)
{
    return m_runtime->errands()->printLicence(licenceId);
}

void ServiceDesk::recordsRequested(bool started)
{
    m_recordsState = started ? RecordsState::Loading : RecordsState::Failed;
    emit recordsChanged();
}
