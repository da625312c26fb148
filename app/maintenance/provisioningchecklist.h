#pragma once

#include "clockskew.h"
#include "kioskconfig.h"

#include <QJsonArray>
#include <QList>
#include <QString>

class DeviceRegistry;

// What must hold before a terminal goes into service, one item a line, the same for the touch
// screen's provisioning and `kioskctl checklist`: devices ok, enrolled, platform reachable,
// outbox key present, a test page printed, maintenance PIN set, the clock agreeing with the
// platform's, secrets sealed to the machine, production mode (nothing only the demo may use), and
// the files the kiosk needs readable by the kiosk's user, not by whoever runs the check. Every item
// is green or says why not.
class ProvisioningChecklist
{
public:
    struct Item {
        QString id;     // "devices_ok", "enrolled", "platform_reachable", "outbox_key", "test_page", "pin_set",
                        // "clock", "secrets_sealed", "production", "kiosk_reads_files"
        bool ok = false;
        QString detail; // why not, or what was found ("T340103000017", "receipt_printer: error (media_empty)")
        bool warning = false; // green, but something a technician should know (no TPM)
    };

    // Reads what the files say (credentials, outbox key, printer statistics, PIN hash).
    explicit ProvisioningChecklist(const KioskConfig &config);

    // The devices as DeviceSurvey describes them (kioskctl's survey, or the kiosk's registry):
    // each configured one must be usable, by the same rule `kioskctl status` and `devices` apply.
    void setDevices(const QJsonArray &devices);
    // The registry's devices; nothing is checked without a registry.
    void setDevicesOf(const DeviceRegistry *registry);
    // The outcome of one call to the platform (see `kioskctl platform ping`); unknown until set.
    void setPlatformReachable(bool reachable, const QString &detail);
    // What the platform's Date said of this terminal's clock (PlatformClient::clockSkew): green
    // within ClockSkew::FarOffMs; unknown until set.
    void setClock(const ClockSkew &skew);

    [[nodiscard]] QList<Item> items() const;
    [[nodiscard]] bool allGreen() const;

    // The receipt printer completed at least one job since it was installed (its statistics,
    // which survive restarts, say so): the technician has seen a test page come out.
    [[nodiscard]] static bool testPagePrinted(const KioskConfig &config);

private:
    KioskConfig m_config;
    Item m_devices{QStringLiteral("devices_ok"), false, QStringLiteral("not checked")};
    Item m_enrolled{QStringLiteral("enrolled"), false, {}};
    Item m_platform{QStringLiteral("platform_reachable"), false, QStringLiteral("not checked")};
    Item m_outboxKey{QStringLiteral("outbox_key"), false, {}};
    Item m_testPage{QStringLiteral("test_page"), false, {}};
    Item m_pin{QStringLiteral("pin_set"), false, {}};
    Item m_clock{QStringLiteral("clock"), false, QStringLiteral("not measured: the platform was not reached")};
    Item m_sealed{QStringLiteral("secrets_sealed"), false, {}};
    Item m_production{QStringLiteral("production"), false, {}};
    Item m_files{QStringLiteral("kiosk_reads_files"), false, {}};
};
