#pragma once

#include <QDateTime>
#include <QObject>
#include <QVariantMap>

class PlatformClient;
class PlatformHeartbeat;

// The maintenance screen's "is the platform there" check, as `kioskctl platform ping` does it:
// enrolled, a signed catalogue request proves the signature too; not yet enrolled, an enrolment
// with no token is refused cleanly, which proves the way. It also remembers the last heartbeat.
// figures(): checking, or checked, reachable, enrolled, terminalId, signatureOk, httpStatus,
// latencyMs, clockOffsetS, clockFarOff, detail, lastHeartbeat, lastHeartbeatResult.
class PlatformCheck : public QObject
{
    Q_OBJECT
public:
    explicit PlatformCheck(QObject *parent = nullptr);

    void watch(PlatformHeartbeat *heartbeat);
    // `terminalId` is named in the figures when the terminal is enrolled.
    void start(PlatformClient *platform, const QString &terminalId);
    // The outcome no longer holds (the terminal just enrolled): unknown until checked again.
    void forget() { m_checked = false; }

    [[nodiscard]] QVariantMap figures() const { return m_figures; }
    [[nodiscard]] bool checked() const { return m_checked; }
    [[nodiscard]] bool reachable() const { return m_reachable; }
    // "HTTP 200 in 35 ms", or why the platform is not reachable.
    [[nodiscard]] QString detail() const { return m_detail; }

signals:
    void changed();
    // An audit line: "platform.check" ok or failed.
    void performed(const QString &action, const QString &result, const QString &detail);

private:
    QVariantMap m_figures;
    bool m_checked = false;
    bool m_reachable = false;
    QString m_detail;
    QDateTime m_lastHeartbeat;
    QString m_lastHeartbeatResult;
};
