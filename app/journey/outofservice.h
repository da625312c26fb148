#pragma once

#include <QObject>
#include <QString>

class DeviceRegistry;
class SessionMachine;
class TerminalSupervision;

// When the kiosk is out of service (本机暂停使用), the one rule of it: the platform has locked the
// terminal, or neither the card reader nor the code scanner can tell who a resident is. A resident
// already in a session finishes first; the out-of-service screen then takes the attract screen's
// place, and a locked terminal starts no new session.
class OutOfService : public QObject
{
    Q_OBJECT

public:
    OutOfService(const TerminalSupervision *supervision, DeviceRegistry *devices, SessionMachine *session, QObject *parent = nullptr);

    // The platform locked the terminal (heartbeat command `lock`) and has not unlocked it.
    [[nodiscard]] bool isLocked() const;
    // Why no resident can be identified: "id_card_reader: <its detail>" when the card reader reports
    // an error and the scanner does too (or there is none); empty otherwise. A device still
    // starting (health unknown) does not count.
    [[nodiscard]] QString devicesReason() const;
    [[nodiscard]] bool devicesFailed() const { return !devicesReason().isEmpty(); }
    // Locked or devices failed, whatever the resident on the screen is doing.
    [[nodiscard]] bool applies() const { return isLocked() || devicesFailed(); }
    // What residents see now: out of service, and nobody in a session.
    [[nodiscard]] bool screenShown() const;
    // A touch on the attract screen starts no session while the terminal is locked.
    [[nodiscard]] bool refusesNewSession() const { return isLocked(); }

signals:
    // Any of the above may have changed (the lock, a device's health, the session's state).
    void changed();

private:
    const TerminalSupervision *m_supervision;
    DeviceRegistry *m_devices;
    SessionMachine *m_session;
};
