#include "outofservice.h"

#include "device/deviceregistry.h"
#include "identificationoutage.h"
#include "sessionmachine.h"
#include "terminalsupervision.h"

OutOfService::OutOfService(const TerminalSupervision *supervision, DeviceRegistry *devices, SessionMachine *session, QObject *parent)
    : QObject(parent)
    , m_supervision(supervision)
    , m_devices(devices)
    , m_session(session)
{
    connect(supervision, &TerminalSupervision::lockedChanged, this, &OutOfService::changed);
    connect(session, &SessionMachine::stateChanged, this, &OutOfService::changed);
    if (devices) {
        for (Device *device : devices->devices())
            connect(device, &Device::healthChanged, this, &OutOfService::changed);
    }
}

bool OutOfService::isLocked() const
{
    return m_supervision->isLocked();
}

QString OutOfService::devicesReason() const
{
    // Which devices count as "no way to identify" is IdentificationOutage's to say; this class
    // joins it with the platform's lock and the resident's session.
    return IdentificationOutage::reasonIn(m_devices);
}

bool OutOfService::screenShown() const
{
    return applies() && m_session->state() == SessionState::Attract;
}
