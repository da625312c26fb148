#pragma once

#include "catalogue.h"
#include "kioskconfig.h"
#include "residentidentity.h"
#include "sessionmachine.h"

#include <QObject>
#include <QString>

#include <memory>

class DeviceRegistry;
struct IdCardHolder;

// Everything the kiosk process runs, built from one validated configuration: the catalogue it
// offers, the peripherals, and the resident session with the identity it holds. The UI module
// presents it; kioskctl and the tests build their own. The outbox and the platform client join
// it as the journeys arrive.
class KioskRuntime : public QObject
{
    Q_OBJECT

public:
    // Builds the runtime or explains why it cannot start (a catalogue that does not load, a state
    // directory that cannot be made). Devices that fail to open do not stop the kiosk: they report
    // their health, and the services that need them are shown unavailable.
    [[nodiscard]] static std::unique_ptr<KioskRuntime> create(const KioskConfig &config, QString *error);
    ~KioskRuntime() override;

    [[nodiscard]] const KioskConfig &config() const { return m_config; }
    [[nodiscard]] const Catalogue &catalogue() const { return m_catalogue; }
    [[nodiscard]] SessionMachine *session() { return &m_session; }
    [[nodiscard]] ResidentIdentity *identity() { return &m_identity; }
    [[nodiscard]] DeviceRegistry *devices() const { return m_devices.get(); }

signals:
    // A card was presented while the kiosk waited for one, and refused (expired, unreadable).
    void cardRefused(ResidentIdentity::Refusal refusal);
    // A card was presented but could not be read (moved too soon, SAM trouble): ask again.
    void cardReadFailed(const QString &detail);

private:
    KioskRuntime(const KioskConfig &config, Catalogue catalogue);
    void startDevices();
    void takeCard(const IdCardHolder &holder);

    KioskConfig m_config;
    Catalogue m_catalogue;
    SessionMachine m_session;
    ResidentIdentity m_identity;
    std::unique_ptr<DeviceRegistry> m_devices;
};
