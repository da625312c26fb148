#pragma once

#include "common/logrotation.h"

#include <QDateTime>
#include <QList>
#include <QString>

class KioskConfig;

// Every maintenance and technician action on this terminal (PIN entered, self-test run, PIN set,
// bundle collected…), one JSON line each, appended and synced before the action is reported done.
// It holds no personal data: free text passes PersonalDataFilter before it is written.
struct AuditEntry {
    QDateTime at;   // UTC
    QString actor;  // who: "maintenance-ui", "kioskctl:root", "platform"
    QString action; // what, as a short code: "maintenance.pin", "outbox.retry", "diag.bundle"
    QString result; // "ok", "refused", "failed", "locked-out"…
    QString detail;
};

class AuditLog
{
public:
    // <state_dir>/audit.log, created with mode 0600; once it reaches limits.maxBytes it becomes
    // audit.log.1 and so on, so the log and its rotations stay within maxBytes × keptFiles.
    explicit AuditLog(QString path, LogRotationLimits limits = {});

    // The conventional place under a state directory.
    [[nodiscard]] static QString pathIn(const QString &stateDir);
    // "kioskctl:USER", or "kioskctl:PERSON(as root)" under sudo.
    [[nodiscard]] static QString ctlActor();
    // One line for a kioskctl command that changed the terminal: records under the configured
    // state directory with ctlActor() as the actor.
    static bool recordCtl(const KioskConfig &config, const QString &action, const QString &result, const QString &detail = {});

    // False when the entry could not be written and synced; the caller decides whether the
    // action may still go ahead.
    bool record(const QString &actor, const QString &action, const QString &result, const QString &detail = {});
    [[nodiscard]] QList<AuditEntry> recent(int count) const; // newest first, across rotations
    [[nodiscard]] QString path() const { return m_path; }

private:
    QString m_path;
    LogRotationLimits m_limits;
};
