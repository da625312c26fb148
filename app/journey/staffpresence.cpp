#include "staffpresence.h"

#include "applog.h"
#include "auditlog.h"
#include "platformcall.h"
#include "platformclient.h"
#include "scannedcodes.h"

#include <QJsonObject>

namespace {

QString actorOf(const QString &staffId)
{
    return QStringLiteral("staff:") + staffId;
}

} // namespace

bool StaffPresence::isStaffCode(const QString &text)
{
    return text.startsWith(QLatin1String(CodePrefix));
}

StaffPresence::StaffPresence(SessionMachine *session, PlatformClient *platform, ScannedCodes *codes, AuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_platform(platform)
    , m_audit(audit)
{
    m_session->addWipeable(this);
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, [this] {
        qCInfo(lcSession) << "staff token of" << m_staffId << "ran out";
        forget();
        emit presenceChanged();
    });
    if (codes)
        connect(codes, &ScannedCodes::codeScanned, this, [this](const QString &text) { (void)signIn(text); });
}

StaffPresence::~StaffPresence()
{
    m_session->removeWipeable(this);
}

bool StaffPresence::signIn(const QString &payload)
{
    // Staff sign in beside a resident: on the attract screen there is nobody to help yet.
    const SessionState state = m_session->state();
    if (!isStaffCode(payload) || state == SessionState::Attract || state == SessionState::Wipe || m_call)
        return false;
    m_session->touch();
    if (!m_platform) {
        m_problem = QStringLiteral("platform_offline");
        emit presenceChanged();
        return false;
    }
    m_problem.clear();
    m_call = m_platform->verifyStaff(payload);
    connect(m_call, &PlatformCall::finished, this, &StaffPresence::takeAnswer);
    emit presenceChanged();
    return true;
}

void StaffPresence::takeAnswer(const PlatformResult &result)
{
    m_call = nullptr;
    if (!result.isOk()) {
        if (result.errorCode == QLatin1String("staff_unknown") || result.errorCode == QLatin1String("staff_code_expired"))
            m_problem = result.errorCode;
        else
            m_problem = result.httpStatus == 0 ? QStringLiteral("platform_offline") : QStringLiteral("platform_error");
        qCInfo(lcSession) << "staff code not accepted:" << result.summary();
        if (m_audit)
            (void)m_audit->record(QStringLiteral("staff"), QStringLiteral("staff.sign_in"), QStringLiteral("refused"), m_problem);
        emit presenceChanged();
        return;
    }
    const QJsonObject &body = result.body;
    m_staffId = body.value(QLatin1String("staff_id")).toString();
    m_name = LocalizedText::fromJson(body.value(QLatin1String("display_name")).toObject());
    m_token = body.value(QLatin1String("staff_token")).toString();
    m_problem.clear();
    m_expiry.start(std::chrono::seconds(body.value(QLatin1String("expires_in")).toInt()));
    qCInfo(lcSession) << "staff member" << m_staffId << "signed in";
    if (m_audit)
        (void)m_audit->record(actorOf(m_staffId), QStringLiteral("staff.sign_in"), QStringLiteral("ok"));
    emit presenceChanged();
}

void StaffPresence::recordAssistedCase(const QString &itemCode)
{
    if (!isPresent() || !m_audit)
        return;
    (void)m_audit->record(actorOf(m_staffId), QStringLiteral("staff.assisted_case"), QStringLiteral("ok"), itemCode);
}

void StaffPresence::forget()
{
    m_expiry.stop();
    m_staffId.clear();
    m_name = {};
    m_token.fill(QLatin1Char('\0'));
    m_token.clear();
}

void StaffPresence::wipeSessionData()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call = nullptr;
    }
    if (isPresent() && m_audit)
        (void)m_audit->record(actorOf(m_staffId), QStringLiteral("staff.sign_out"), QStringLiteral("ok"), QStringLiteral("session_ended"));
    forget();
    m_problem.clear();
    emit presenceChanged();
}
