#pragma once

#include "catalogue.h"
#include "kioskconfig.h"
#include "sessionmachine.h"

#include <QObject>
#include <QString>

#include <memory>

// Everything the kiosk process runs, built from one validated configuration: the catalogue it
// offers and the resident session. The UI module presents it; kioskctl and the tests build
// their own. Devices, the outbox and the platform client join it as their layers arrive.
class KioskRuntime : public QObject
{
    Q_OBJECT

public:
    // Builds the runtime or explains why it cannot start (a catalogue that does not load).
    [[nodiscard]] static std::unique_ptr<KioskRuntime> create(const KioskConfig &config, QString *error);

    [[nodiscard]] const KioskConfig &config() const { return m_config; }
    [[nodiscard]] const Catalogue &catalogue() const { return m_catalogue; }
    [[nodiscard]] SessionMachine *session() { return &m_session; }

private:
    KioskRuntime(const KioskConfig &config, Catalogue catalogue);

    KioskConfig m_config;
    Catalogue m_catalogue;
    SessionMachine m_session;
};
