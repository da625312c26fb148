#include "outofservice.h"

#include "device/deviceregistry.h"
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
    if (!m_devices)
        return {};
    // Only a device that reports an error counts: one still starting (health unknown) does not
    // take the kiosk out of service.
    const auto failed = [](const Device *device) { return !device || device->health().level == HealthLevel::Error; };
    const Device *reader = m_devices->device(QStringLiteral("id_card_reader"));
    const Device *scanner = m_devices->device(QStringLiteral("barcode_scanner"));
    if (!reader || !failed(reader))
        return {};
    if (!failed(scanner))
        return {};
    return QStringLiteral("id_card_reader: %1").arg(reader->health().detail);
}

bool OutOfService::screenShown() const
{
    return applies() && m_session->state() == SessionState::Attract;
}
