#pragma once

#include "admincodeentry.h"
#include "auditentrymodel.h"
#include "checklistmodel.h"
#include "devicehealthmodel.h"
#include "deviceselftests.h"
#include "kioskconfig.h"
#include "paperrollmodel.h"
#include "parkedentrymodel.h"
#include "processsingleton.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

#include <functional>
#include <memory>

class AuditLog;
class KioskRuntime;
class MaintenanceGate;
class PlatformCheck;
class StaffIdleTimer;

// What the maintenance and provisioning screens see, as the singleton `Maintenance`: the PIN
// gate, device health and self-tests, paper, outbox, platform checks, logs, audit trail and the
// first-boot checklist. Every attempt and action is written to the audit log (actor "maintenance").
// It also tells when the kiosk is out of service because no resident could identify, and
// takes signed admin codes (AdminCodeEntry) scanned at any moment as another way in.
class MaintenanceShell : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Maintenance)
    QML_SINGLETON
    Q_PROPERTY(Mode mode READ mode NOTIFY modeChanged)
    Q_PROPERTY(Mode purpose READ purpose NOTIFY modeChanged)
    Q_PROPERTY(bool settingPin READ settingPin NOTIFY modeChanged)
    Q_PROPERTY(PinProblem pinProblem READ pinProblem NOTIFY pinChanged)
    Q_PROPERTY(int failuresLeft READ failuresLeft NOTIFY pinChanged)
    Q_PROPERTY(QString lockedUntil READ lockedUntil NOTIFY pinChanged)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY provisioningChanged)
    Q_PROPERTY(bool devicesFailed READ devicesFailed NOTIFY devicesChanged)
    Q_PROPERTY(QString outOfServiceReason READ outOfServiceReason NOTIFY devicesChanged)
    Q_PROPERTY(DeviceHealthModel *devices READ devices CONSTANT)
    Q_PROPERTY(DeviceSelfTests *selfTests READ selfTests CONSTANT)
    Q_PROPERTY(PaperRollModel *paper READ paper CONSTANT)
    Q_PROPERTY(QVariantMap outbox READ outbox NOTIFY outboxChanged)
    Q_PROPERTY(QString catalogueProblem READ catalogueProblem CONSTANT)
    Q_PROPERTY(ParkedEntryModel *parkedEntries READ parkedEntries CONSTANT)
    Q_PROPERTY(QVariantMap platformCheck READ platformCheck NOTIFY platformChanged)
    Q_PROPERTY(QStringList recentLog READ recentLog NOTIFY logsChanged)
    Q_PROPERTY(AuditEntryModel *auditEntries READ auditEntries CONSTANT)
    Q_PROPERTY(ChecklistModel *checklist READ checklist CONSTANT)
    Q_PROPERTY(bool checklistGreen READ checklistGreen NOTIFY provisioningChanged)
    Q_PROPERTY(ProvisioningProblem provisioningProblem READ provisioningProblem NOTIFY provisioningChanged)
    Q_PROPERTY(QString provisioningDetail READ provisioningDetail NOTIFY provisioningChanged)
    Q_PROPERTY(QString hallName READ hallName NOTIFY provisioningChanged)
    Q_PROPERTY(QString hallNameEn READ hallNameEn NOTIFY provisioningChanged)
    Q_PROPERTY(QString site READ site NOTIFY provisioningChanged)
    Q_PROPERTY(QString terminalId READ terminalId NOTIFY provisioningChanged)
    Q_PROPERTY(AdminCodeEntry::Problem adminCodeProblem READ adminCodeProblem NOTIFY adminCodeChanged)
    Q_PROPERTY(AdminCodeRole adminCodeRole READ adminCodeRole NOTIFY adminCodeChanged)

public:
    // Closed; the PIN pad; the maintenance or the provisioning screen. The last two also name
    // what the PIN pad opens (`purpose`). Value names are unique across the enums below, as QML
    // reads them all as Maintenance.<value>.
    enum class Mode { Closed, PinPad, Maintaining, Provisioning };
    Q_ENUM(Mode)
    // Why the last PIN was not accepted; PinTooWeak covers every MaintenancePin::weaknessOf code.
    enum class PinProblem { NoPinProblem, PinRefused, PinLockedOut, NoPinSet, PinMismatch, PinNotSaved, PinTooWeak };
    Q_ENUM(PinProblem)
    // What stands in the way of provisioning; EnrolmentRefused and PlatformNotConfigured have a
    // provisioningDetail.
    enum class ProvisioningProblem {
        NoProvisioningProblem,
        Enrolling,
        HallIncomplete,
        SettingsNotSaved,
        TokenMissing,
        PlatformNotConfigured,
        EnrolmentRefused,
    };
    Q_ENUM(ProvisioningProblem)
    // Who came in by an admin code while maintenance is open that way.
    enum class AdminCodeRole { NoAdminCode, Maintainer, Technician };
    Q_ENUM(AdminCodeRole)

    explicit MaintenanceShell(KioskRuntime *runtime, QObject *parent = nullptr);
    ~MaintenanceShell() override;

    // QML asks for the singleton here; the process creates the one controller before loading QML.
    static MaintenanceShell *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    // Tests move the gate's clock (lockouts last minutes); the gate is rebuilt around it.
    void setClock(std::function<QDateTime()> now);

    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] Mode purpose() const { return m_purpose; }
    // No PIN is set and this is the terminal's first setup: the technician chooses one.
    [[nodiscard]] bool settingPin() const { return m_settingPin; }
    [[nodiscard]] PinProblem pinProblem() const { return m_pinProblem; }
    [[nodiscard]] int failuresLeft() const;
    // The end of a lockout as local "HH:mm", empty when not locked.
    [[nodiscard]] QString lockedUntil() const;
    [[nodiscard]] bool enrolled() const;
    // No resident could identify (OutOfService::devicesReason). The kiosk then shows 本机暂停使用.
    [[nodiscard]] bool devicesFailed() const;
    [[nodiscard]] QString outOfServiceReason() const;
    [[nodiscard]] DeviceHealthModel *devices() const { return m_devices; }
    [[nodiscard]] DeviceSelfTests *selfTests() const { return m_selfTests; }
    [[nodiscard]] PaperRollModel *paper() const { return m_paper; }
    // OutboxFigures: pending, parked, delivered, oldestS, bytes, problem, health, alert.
    [[nodiscard]] QVariantMap outbox() const;
    // Why the configured catalogue file is not the one offered (the kiosk started on another).
    [[nodiscard]] QString catalogueProblem() const;
    [[nodiscard]] ParkedEntryModel *parkedEntries() const { return m_parked; }
    // PlatformCheck::figures().
    [[nodiscard]] QVariantMap platformCheck() const;
    [[nodiscard]] QStringList recentLog() const { return m_recentLog; }
    // The audit log's last 20 lines, newest first.
    [[nodiscard]] AuditEntryModel *auditEntries() const { return m_auditEntries; }
    // The provisioning checklist, as it stood at the last provisioningChanged().
    [[nodiscard]] ChecklistModel *checklist() const { return m_checklist; }
    [[nodiscard]] bool checklistGreen() const;
    [[nodiscard]] ProvisioningProblem provisioningProblem() const { return m_provisioningProblem; }
    // "refused: <the platform's summary>" or "platform_not_configured" for the problems that say more.
    [[nodiscard]] QString provisioningDetail() const { return m_provisioningDetail; }
    [[nodiscard]] QString hallName() const { return m_config.string(QStringLiteral("kiosk/hall_name")); }
    [[nodiscard]] QString hallNameEn() const { return m_config.string(QStringLiteral("kiosk/hall_name_en")); }
    [[nodiscard]] QString site() const { return m_config.string(QStringLiteral("kiosk/site")); }
    // The enrolled terminal's id, or the site code before enrolment.
    [[nodiscard]] QString terminalId() const;

    // Why the last scanned admin code was refused; cleared after a few seconds.
    [[nodiscard]] AdminCodeEntry::Problem adminCodeProblem() const { return m_adminCodeProblem; }
    [[nodiscard]] AdminCodeRole adminCodeRole() const { return m_adminCodeRole; }
    // A scanned code that AdminCode::isAdminCodePayload: checked by AdminCodeEntry; a good one
    // opens maintenance (ending a resident's session through its wipe, as the gesture does), a
    // bad one is only audited and briefly explained. Other codes are ignored. True when maintenance opened.
    bool takeAdminCode(const QString &text);

    // The hidden gesture was made: ends a resident's session through its wipe, then shows the
    // PIN pad for `purpose` (Maintaining or Provisioning).
    Q_INVOKABLE void requestEntry(MaintenanceShell::Mode purpose);
    Q_INVOKABLE bool submitPin(const QString &pin);
    // First setup only: the technician's new PIN, typed twice, written into the configuration.
    Q_INVOKABLE bool setFirstPin(const QString &pin, const QString &repeated);
    Q_INVOKABLE void leave();
    Q_INVOKABLE void refresh();
    Q_INVOKABLE bool printTestPage();
    Q_INVOKABLE bool paperRefilled(const QString &printerId);
    Q_INVOKABLE bool retryEntry(const QString &localRef);
    Q_INVOKABLE void checkPlatform();
    Q_INVOKABLE bool setHall(const QString &nameZh, const QString &nameEn, const QString &site);
    Q_INVOKABLE bool enrol(const QString &token);
    // Provisioning ends: allowed only when the checklist is all green.
    Q_INVOKABLE bool putIntoService();

signals:
    void modeChanged();
    void pinChanged();
    void devicesChanged();
    void selfTestChanged();
    void paperChanged();
    void outboxChanged();
    void platformChanged();
    void logsChanged();
    void provisioningChanged();
    void adminCodeChanged();

private:
    void setMode(Mode mode);
    void audit(const QString &action, const QString &result, const QString &detail = {});
    void rebuildGate();
    void refreshLogs();
    [[nodiscard]] ProvisioningChecklist currentChecklist() const;
    void setProvisioningProblem(ProvisioningProblem problem, const QString &detail = {})
    {
        m_provisioningProblem = problem;
        m_provisioningDetail = detail;
        emit provisioningChanged();
    }
    [[nodiscard]] QString stateDir() const;
    // The maintenance PIN hash as the configuration file holds it now, kept in m_config too.
    [[nodiscard]] QString currentPinHash();
    [[nodiscard]] QDateTime now() const;
    void refuseAdminCode(const AdminCodeEntry::Outcome &outcome);

    KioskRuntime *m_runtime;
    KioskConfig m_config; // the runtime's, plus what provisioning wrote to the file since
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<MaintenanceGate> m_gate;
    std::function<QDateTime()> m_now;
    Mode m_mode = Mode::Closed;
    Mode m_purpose = Mode::Maintaining;
    bool m_settingPin = false;
    PinProblem m_pinProblem = PinProblem::NoPinProblem;
    DeviceHealthModel *m_devices;
    DeviceSelfTests *m_selfTests;
    PaperRollModel *m_paper;
    ParkedEntryModel *m_parked;
    PlatformCheck *m_platform;
    QStringList m_recentLog;
    AuditEntryModel *m_auditEntries;
    StaffIdleTimer *m_idle;
    ChecklistModel *m_checklist;
    ProvisioningProblem m_provisioningProblem = ProvisioningProblem::NoProvisioningProblem;
    QString m_provisioningDetail;
    AdminCodeEntry::Problem m_adminCodeProblem = AdminCodeEntry::Problem::None;
    AdminCodeRole m_adminCodeRole = AdminCodeRole::NoAdminCode;
    QTimer m_adminCodeNotice;
    ProcessSingleton<MaintenanceShell> m_singleton{this};
};
