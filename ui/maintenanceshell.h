#pragma once

#include "kioskconfig.h"
#include "processsingleton.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

#include <functional>
#include <memory>

class AuditLog;
class KioskRuntime;
class MaintenanceGate;
class PrintJob;

// What the maintenance and provisioning screens see, as the singleton `Maintenance`: the PIN
// gate, device health and self-tests, paper, outbox, platform checks, logs, audit trail and the
// first-boot checklist. Every attempt and action is written to the audit log (actor "maintenance").
// It also decides when the kiosk is out of service because no resident could identify, and
// takes signed admin codes (AdminCode) scanned at any moment as another way in.
class MaintenanceShell : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Maintenance)
    QML_SINGLETON
    Q_PROPERTY(QString mode READ mode NOTIFY modeChanged)
    Q_PROPERTY(QString purpose READ purpose NOTIFY modeChanged)
    Q_PROPERTY(bool settingPin READ settingPin NOTIFY modeChanged)
    Q_PROPERTY(QString pinProblem READ pinProblem NOTIFY pinChanged)
    Q_PROPERTY(int failuresLeft READ failuresLeft NOTIFY pinChanged)
    Q_PROPERTY(QString lockedUntil READ lockedUntil NOTIFY pinChanged)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY provisioningChanged)
    Q_PROPERTY(bool devicesFailed READ devicesFailed NOTIFY devicesChanged)
    Q_PROPERTY(QString outOfServiceReason READ outOfServiceReason NOTIFY devicesChanged)
    Q_PROPERTY(QVariantList devices READ devices NOTIFY devicesChanged)
    Q_PROPERTY(QString cardTest READ cardTest NOTIFY selfTestChanged)
    Q_PROPERTY(QString scanTest READ scanTest NOTIFY selfTestChanged)
    Q_PROPERTY(QString printTest READ printTest NOTIFY selfTestChanged)
    Q_PROPERTY(QString cameraFigures READ cameraFigures NOTIFY selfTestChanged)
    Q_PROPERTY(QVariantList paper READ paper NOTIFY paperChanged)
    Q_PROPERTY(QVariantMap outbox READ outbox NOTIFY outboxChanged)
    Q_PROPERTY(QVariantList failedEntries READ failedEntries NOTIFY outboxChanged)
    Q_PROPERTY(QVariantMap platformCheck READ platformCheck NOTIFY platformChanged)
    Q_PROPERTY(QStringList recentLog READ recentLog NOTIFY logsChanged)
    Q_PROPERTY(QVariantList auditEntries READ auditEntries NOTIFY logsChanged)
    Q_PROPERTY(QVariantList checklist READ checklist NOTIFY provisioningChanged)
    Q_PROPERTY(bool checklistGreen READ checklistGreen NOTIFY provisioningChanged)
    Q_PROPERTY(QString provisioningProblem READ provisioningProblem NOTIFY provisioningChanged)
    Q_PROPERTY(QString hallName READ hallName NOTIFY provisioningChanged)
    Q_PROPERTY(QString hallNameEn READ hallNameEn NOTIFY provisioningChanged)
    Q_PROPERTY(QString site READ site NOTIFY provisioningChanged)
    Q_PROPERTY(QString terminalId READ terminalId NOTIFY provisioningChanged)
    Q_PROPERTY(QString adminCodeProblem READ adminCodeProblem NOTIFY adminCodeChanged)
    Q_PROPERTY(QString adminCodeRole READ adminCodeRole NOTIFY adminCodeChanged)

public:
    explicit MaintenanceShell(KioskRuntime *runtime, QObject *parent = nullptr);
    ~MaintenanceShell() override;

    // QML asks for the singleton here; the process creates the one controller before loading QML.
    static MaintenanceShell *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    // Tests move the gate's clock (lockouts last minutes); the gate is rebuilt around it.
    void setClock(std::function<QDateTime()> now);

    // "" (closed), "pin" (the PIN pad), "maintenance" or "provisioning".
    [[nodiscard]] QString mode() const { return m_mode; }
    // What the PIN pad opens: "maintenance" or "provisioning".
    [[nodiscard]] QString purpose() const { return m_purpose; }
    // No PIN is set and this is the terminal's first setup: the technician chooses one.
    [[nodiscard]] bool settingPin() const { return m_settingPin; }
    // Why the last PIN was not accepted: "refused", "locked_out", "no_pin", "mismatch", a weakness
    // code from MaintenancePin::weaknessOf, "not_saved"; empty when there is nothing to say.
    [[nodiscard]] QString pinProblem() const { return m_pinProblem; }
    [[nodiscard]] int failuresLeft() const;
    // The end of a lockout as local "HH:mm", empty when not locked.
    [[nodiscard]] QString lockedUntil() const;
    [[nodiscard]] bool enrolled() const;
    // No resident could identify: the card reader has failed and no other identification
    // device (the barcode scanner, for e-ID codes) works either. The kiosk then shows 本机暂停使用.
    [[nodiscard]] bool devicesFailed() const;
    [[nodiscard]] QString outOfServiceReason() const;
    // Each device: id, level, detail, hint, usable, statistics ("reads 3 · failures 0").
    [[nodiscard]] QVariantList devices() const;
    [[nodiscard]] QString cardTest() const { return m_cardTest; }
    [[nodiscard]] QString scanTest() const { return m_scanTest; }
    // "", "printing", "printed" or "failed: detail".
    [[nodiscard]] QString printTest() const { return m_printTest; }
    // "brightness 118 · focus 342" from the camera's newest frame, or empty.
    [[nodiscard]] QString cameraFigures() const { return m_cameraFigures; }
    // Each printer: id, printed (since refill), remaining (estimated receipts), refilledAt.
    [[nodiscard]] QVariantList paper() const;
    // pending, parked, delivered, oldestS, bytes, problem.
    [[nodiscard]] QVariantMap outbox() const;
    // Parked entries: localRef, kind, error, attempts; never a payload.
    [[nodiscard]] QVariantList failedEntries() const;
    // checked, reachable, enrolled, terminalId, httpStatus, latencyMs, clockOffsetS, lastHeartbeat, detail.
    [[nodiscard]] QVariantMap platformCheck() const { return m_platformCheck; }
    [[nodiscard]] QStringList recentLog() const { return m_recentLog; }
    // at, action, result, detail; newest first.
    [[nodiscard]] QVariantList auditEntries() const { return m_auditEntries; }
    // id, ok, detail.
    [[nodiscard]] QVariantList checklist() const;
    [[nodiscard]] bool checklistGreen() const;
    [[nodiscard]] QString provisioningProblem() const { return m_provisioningProblem; }
    [[nodiscard]] QString hallName() const { return m_config.string(QStringLiteral("kiosk/hall_name")); }
    [[nodiscard]] QString hallNameEn() const { return m_config.string(QStringLiteral("kiosk/hall_name_en")); }
    [[nodiscard]] QString site() const { return m_config.string(QStringLiteral("kiosk/site")); }
    // The enrolled terminal's id, or the site code before enrolment.
    [[nodiscard]] QString terminalId() const;

    // Why the last scanned admin code was refused: an AdminCode::errorName ("expired",
    // "replayed"…), "disabled" (no keys configured) or "not_stored"; cleared after a few seconds.
    [[nodiscard]] QString adminCodeProblem() const { return m_adminCodeProblem; }
    // "maintainer" or "technician" while maintenance was opened by an admin code, else empty.
    [[nodiscard]] QString adminCodeRole() const { return m_adminCodeRole; }
    // A scanned code that AdminCode::isAdminCodePayload: checked against admin/code_keys, this
    // terminal and the replay list; a good one opens maintenance (ending a resident's session
    // through its wipe, as the gesture does), a bad one is only audited and briefly explained.
    // Other codes are ignored. True when maintenance opened.
    bool takeAdminCode(const QString &text);

    // The hidden gesture was made: ends a resident's session through its wipe, then shows the
    // PIN pad for `purpose` ("maintenance" or "provisioning").
    Q_INVOKABLE void requestEntry(const QString &purpose);
    Q_INVOKABLE bool submitPin(const QString &pin);
    // First setup only: the technician's new PIN, typed twice, written into the configuration.
    Q_INVOKABLE bool setFirstPin(const QString &pin, const QString &repeated);
    Q_INVOKABLE void leave();
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void startCardTest();
    Q_INVOKABLE void startScanTest();
    Q_INVOKABLE void measureCamera(const QString &cameraId);
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

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void watchHeartbeat();
    void setMode(const QString &mode);
    void audit(const QString &action, const QString &result, const QString &detail = {});
    void rebuildGate();
    void stopSelfTests();
    void refreshLogs();
    [[nodiscard]] QString stateDir() const;
    [[nodiscard]] QDateTime now() const;
    void refuseAdminCode(const QString &problem, const QString &detail);

    KioskRuntime *m_runtime;
    KioskConfig m_config; // the runtime's, plus what provisioning wrote to the file since
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<MaintenanceGate> m_gate;
    std::function<QDateTime()> m_now;
    QString m_mode;
    QString m_purpose;
    bool m_settingPin = false;
    QString m_pinProblem;
    QTimer m_idle;
    QString m_cardTest;
    QString m_scanTest;
    QString m_printTest;
    QString m_cameraFigures;
    QPointer<PrintJob> m_printJob;
    QList<QMetaObject::Connection> m_selfTestConnections;
    QVariantMap m_platformCheck;
    QDateTime m_lastHeartbeat;
    QString m_lastHeartbeatResult;
    QStringList m_recentLog;
    QVariantList m_auditEntries;
    QString m_provisioningProblem;
    bool m_platformReachable = false;
    QString m_platformDetail;
    bool m_platformChecked = false;
    QString m_adminCodeProblem;
    QString m_adminCodeRole;
    QTimer m_adminCodeNotice;
    ProcessSingleton<MaintenanceShell> m_singleton{this};
};
