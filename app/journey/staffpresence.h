#pragma once

#include "localizedtext.h"
#include "platformcall.h"
#include "sessionmachine.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class AuditLog;
class PlatformClient;
class ScannedCodes;
struct PlatformResult;

// A hall's staff member (帮办员) helping the resident at the kiosk (platform-api.md 1.1, POST
// /staff/verify): they show their work app's code to the scanner or a camera at any moment of a
// session, the platform says who they are, and from then on the screens show that staff are
// present (with their masked name) and every case filed says who assisted. The staff token lives
// in memory only, until the platform's expiry or the session's wipe, whichever comes first. The
// audit log records each sign-in and each assisted case: staff id, item, time; never the
// resident's data.
class StaffPresence : public QObject, public SessionWipeable
{
    Q_OBJECT
    Q_PROPERTY(bool present READ isPresent NOTIFY presenceChanged)
    Q_PROPERTY(QString nameZh READ nameZh NOTIFY presenceChanged)
    Q_PROPERTY(QString nameEn READ nameEn NOTIFY presenceChanged)
    Q_PROPERTY(bool checking READ isChecking NOTIFY presenceChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY presenceChanged)

public:
    // The start of every code a staff member's work app shows. The contract leaves the code
    // opaque; the province's staff directory fixes this prefix, so that the kiosk can tell a
    // staff code from a resident's app code and never sends one as the other.
    static constexpr char CodePrefix[] = "https://staff.example.gov.cn/v1/";
    [[nodiscard]] static bool isStaffCode(const QString &text);

    // `codes` (may be null) brings every code the scanner and the cameras read; `audit` (may be
    // null) records sign-ins and assisted cases.
    StaffPresence(SessionMachine *session, PlatformClient *platform, ScannedCodes *codes, AuditLog *audit, QObject *parent = nullptr);
    ~StaffPresence() override;

    // Signs in with a staff code, as showing it to the scanner does: only during a session, with
    // the platform live. False when the code is not a staff code or there is no session.
    bool signIn(const QString &payload);

    [[nodiscard]] bool isPresent() const { return !m_staffId.isEmpty(); }
    [[nodiscard]] bool isChecking() const { return m_call != nullptr; }
    [[nodiscard]] QString staffId() const { return m_staffId; }
    [[nodiscard]] QString staffToken() const { return m_token; }
    [[nodiscard]] QString nameZh() const { return m_name.zh; }
    [[nodiscard]] QString nameEn() const { return m_name.in(QStringLiteral("en")); }
    // Why the last code signed nobody in: "staff_unknown", "staff_code_expired",
    // "platform_offline" (no answer), "platform_error"; empty otherwise.
    [[nodiscard]] QString problem() const { return m_problem; }

    // A case for `itemCode` is being filed while staff are present: the audit log says so.
    void recordAssistedCase(const QString &itemCode);

    void wipeSessionData() override;

signals:
    void presenceChanged();

private:
    void takeAnswer(const PlatformResult &result);
    void forget();

    SessionMachine *m_session;
    PlatformClient *m_platform;
    AuditLog *m_audit;
    QPointer<PlatformCall> m_call;
    QString m_staffId;
    LocalizedText m_name;
    QString m_token;
    QString m_problem;
    QTimer m_expiry;
};
