#include "provisioningchecklist.h"

#include "configfilecheck.h"
#include "configschema.h"
#include "devicesurvey.h"
#include "device/device.h"
#include "device/deviceregistry.h"
#include "device/devicestatistics.h"
#include "kioskconfig.h"
#include "maintenancepin.h"
#include "outboxkey.h"
#include "sealedcredentials.h"
#include "terminalcredentials.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

ProvisioningChecklist::ProvisioningChecklist(const KioskConfig &config)
    : m_config(config)
{
    QString error;
    const std::optional<TerminalCredentials> credentials =
        TerminalCredentials::load(config.string(QStringLiteral("platform/credentials_file")), &error);
    m_enrolled.ok = credentials && credentials->isValid();
    m_enrolled.detail = m_enrolled.ok ? credentials->terminalId : QStringLiteral("not enrolled");

    const OutboxResult<OutboxKey> key = OutboxKey::load(config.string(QStringLiteral("offline/key_file")));
    m_outboxKey.ok = key.ok();
    m_outboxKey.detail = key.ok() ? config.string(QStringLiteral("offline/key_file")) : key.error().message;

    if (config.string(QStringLiteral("devices/receipt_printer")) == QLatin1String("none")) {
        m_testPage.ok = true;
        m_testPage.detail = QStringLiteral("no receipt printer configured");
    } else {
        m_testPage.ok = testPagePrinted(config);
        m_testPage.detail = m_testPage.ok ? QStringLiteral("printed") : QStringLiteral("no page printed yet");
    }

    const QString hash = config.string(QStringLiteral("admin/pin_hash"));
    m_pin.ok = MaintenancePin::isWellFormed(hash);
    m_pin.detail = m_pin.ok ? QStringLiteral("set") : (hash.isEmpty() ? QStringLiteral("not set") : QStringLiteral("malformed"));

    const SealedCredentials::Finding sealed = SealedCredentials::assess(config);
    m_sealed.ok = sealed.ok;
    m_sealed.warning = sealed.warning;
    m_sealed.detail = sealed.detail;

    // Simulated devices and a plain-HTTP platform are the demo's; a terminal that uses one
    // without saying mode=demo is not ready for a hall.
    const QStringList demoOnly = config.demoOnlySettings();
    m_production.ok = config.mode() == KioskMode::Demo || demoOnly.isEmpty();
    m_production.detail = config.mode() == KioskMode::Demo ? QStringLiteral("demo mode")
                          : demoOnly.isEmpty()             ? QStringLiteral("production")
                                                           : demoOnly.join(QLatin1String("; ")) + QStringLiteral(" (only mode=demo allows it)");

    // kioskctl runs as root, which reads everything: the files count as the kiosk's user finds
    // them. Whether a file should exist, or holds what it should, is `kioskctl config check`'s.
    const ConfigFileCheck::Account kiosk = ConfigFileCheck::kioskAccount(config);
    QStringList files{config.sourcePath(), config.overlayPath()};
    for (const ConfigKey &entry : ConfigSchema::keys()) {
        if (entry.type == ConfigType::Path && entry.key != QLatin1String("kiosk/state_dir"))
            files << config.string(entry.key);
    }
    QStringList unreadable;
    for (const QString &file : std::as_const(files)) {
        QString why;
        if (!file.isEmpty() && QFileInfo::exists(file) && !ConfigFileCheck::readableBy(file, kiosk, &why))
            unreadable << why;
    }
    m_files.ok = unreadable.isEmpty();
    m_files.detail = m_files.ok ? QStringLiteral("readable by %1").arg(kiosk.name) : unreadable.join(QLatin1String("; "));
}

void ProvisioningChecklist::setDevicesOf(const DeviceRegistry *registry)
{
    if (registry)
        setDevices(DeviceSurvey::describe(*registry, m_config));
}

void ProvisioningChecklist::setDevices(const QJsonArray &devices)
{
    QStringList failing;
    int configured = 0;
    for (const QJsonValue &value : devices) {
        const QJsonObject device = value.toObject();
        if (device.value(QStringLiteral("spec")).toString() != QLatin1String("none"))
            ++configured;
        if (!DeviceSurvey::isUnusable(device))
            continue;
        const QString detail = device.value(QStringLiteral("detail")).toString();
        failing << QStringLiteral("%1: %2%3").arg(device.value(QStringLiteral("id")).toString(), device.value(QStringLiteral("health")).toString(),
                                                 detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail));
    }
    m_devices.ok = failing.isEmpty() && configured > 0;
    m_devices.detail = configured == 0 ? QStringLiteral("no devices configured")
                       : failing.isEmpty() ? QStringLiteral("%1 devices ok").arg(configured)
                                           : failing.join(QLatin1String("; "));
}

void ProvisioningChecklist::setPlatformReachable(bool reachable, const QString &detail)
{
    m_platform.ok = reachable;
    m_platform.detail = detail;
}

void ProvisioningChecklist::setClock(const ClockSkew &skew)
{
    if (!skew.isKnown())
        return;
    m_clock.ok = !skew.isFarOff();
    m_clock.detail = m_clock.ok ? QStringLiteral("within %1 s of the platform's").arg(qMax<qint64>(1, qAbs(skew.offsetMs) / 1000))
                                : QStringLiteral("%1 off the platform's: set the time (timedatectl, NTP servers in the "
                                                 "configuration); until then dates are judged by the platform's time")
                                      .arg(skew.seconds());
}

QList<ProvisioningChecklist::Item> ProvisioningChecklist::items() const
{
    return {m_devices, m_enrolled, m_platform, m_outboxKey, m_testPage, m_pin, m_clock, m_sealed, m_production, m_files};
}

bool ProvisioningChecklist::allGreen() const
{
    for (const Item &item : items()) {
        if (!item.ok)
            return false;
    }
    return true;
}

bool ProvisioningChecklist::testPagePrinted(const KioskConfig &config)
{
    DeviceStatistics statistics(QDir(config.string(QStringLiteral("kiosk/state_dir"))).filePath(QStringLiteral("devices/receipt_printer.json")));
    return statistics.load() && statistics.value(QStringLiteral("jobs_completed")) > 0;
}
