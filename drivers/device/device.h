#pragma once

#include "device/devicehealth.h"
#include "device/devicestatistics.h"

#include <QDateTime>
#include <QObject>
#include <QString>

class QTimer;
class WorkerLiveness;

// One device of any class, after UnifiedPOS: the caller must `open`, then `claim`, then `enable`
// before it delivers events, and undoes them in reverse. The base enforces that order, keeps the
// state, health and statistics, and calls the driver's hooks; a driver does its I/O off the
// caller's thread and reports back through the protected setters, which emit the signals.
class Device : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Idle, Busy, Error };
    Q_ENUM(State)

    // How far through the life cycle the caller has gone.
    enum class Stage { Closed, Open, Claimed, Enabled };
    Q_ENUM(Stage)

    Device(QString id, QString deviceClass, QString spec, QObject *parent = nullptr);
    ~Device() override;

    [[nodiscard]] QString id() const { return m_id; }                   // "id_card_reader"
    [[nodiscard]] QString deviceClass() const { return m_deviceClass; } // "id_card_reader"
    [[nodiscard]] QString spec() const { return m_spec; }               // "serial:/dev/ttyUSB0@115200"

    // Each step fails (with a sentence in `error`) when called out of order or when the driver's
    // hook refuses; it never blocks on I/O: the outcome of talking to the hardware arrives later
    // through stateChanged() and healthChanged().
    [[nodiscard]] bool open(QString *error = nullptr);
    [[nodiscard]] bool claim(QString *error = nullptr);
    [[nodiscard]] bool enable(QString *error = nullptr);
    void disable();
    void release();
    void close();
    // open + claim + enable, stopping at the first failure.
    [[nodiscard]] bool start(QString *error = nullptr);

    // Asks the driver for a fresh health reading at `level`; the answer comes as healthChecked().
    void checkHealth(HealthCheckLevel level);

    [[nodiscard]] Stage stage() const { return m_stage; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] DeviceHealth health() const { return m_health; }
    [[nodiscard]] bool isPresent() const { return m_present; }
    [[nodiscard]] const DeviceStatistics &statistics() const { return m_statistics; }

    // Statistics persist to `directory`/devices/<id>.json; call before open().
    void setStateDirectory(const QString &directory);

    [[nodiscard]] static QString toString(State state);

    // The pulse of the worker thread the driver does its I/O on; null for drivers without one
    // and while none runs.
    [[nodiscard]] virtual WorkerLiveness *workerLiveness() { return nullptr; }
    // The worker thread has not answered for `silentMs`: says so in the health (`worker_stuck`)
    // and the statistics (`worker_restarts`), leaves the stuck thread behind without waiting for
    // it, and takes the device back to the stage it had reached on a new worker thread.
    void restartStuckWorker(qint64 silentMs);

signals:
    void stateChanged(Device::State state);
    void healthChanged(const DeviceHealth &health);
    void healthChecked(HealthCheckLevel level, const DeviceHealth &health);
    // Hot-plug: the device appeared (again) or vanished; a vanished device keeps its stage and
    // the driver reopens it when it comes back.
    void presenceChanged(bool present);

protected:
    // Driver hooks, called on the owner's thread in life-cycle order. The default accepts.
    virtual bool onOpen(QString *error);
    virtual bool onClaim(QString *error);
    virtual bool onEnable(QString *error);
    virtual void onDisable() {}
    virtual void onRelease() {}
    virtual void onClose() {}
    // Lets go of a worker thread that does not answer, without waiting for it.
    virtual void onAbandonWorker() {}
    // Must eventually call reportHealthCheck(level, …) or reportCheckOutcome(level, …) exactly once.
    virtual void onCheckHealth(HealthCheckLevel level);

    void setState(State state);
    void setHealth(const DeviceHealth &health);
    void setPresent(bool present);
    void reportHealthCheck(HealthCheckLevel level, const DeviceHealth &health);
    // Instead of reportHealthCheck, for an outcome about the attempt rather than the device (an
    // interactive check nobody took part in): answers the caller, keeps the standing health.
    void reportCheckOutcome(HealthCheckLevel level, const DeviceHealth &outcome);
    void count(const QString &counter, qint64 amount = 1);

private:
    void accountPoweredTime();

    QString m_id;
    QString m_deviceClass;
    QString m_spec;
    Stage m_stage = Stage::Closed;
    State m_state = State::Closed;
    DeviceHealth m_health;
    bool m_present = false;
    DeviceStatistics m_statistics;
    QDateTime m_enabledSince;
    QTimer *m_poweredClock = nullptr; // banks enabled time every few minutes, so a crash loses little
};
