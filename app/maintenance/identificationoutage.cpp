#include "identificationoutage.h"

#include "device/device.h"
#include "device/deviceregistry.h"

QString IdentificationOutage::reasonIn(const DeviceRegistry *registry)
{
    if (!registry)
        return {};
    const auto failed = [](const Device *device) { return !device || device->health().level == HealthLevel::Error; };
    const Device *reader = registry->device(QStringLiteral("id_card_reader"));
    const Device *scanner = registry->device(QStringLiteral("barcode_scanner"));
    if (!reader || !failed(reader))
        return {};
    if (!failed(scanner))
        return {};
    return QStringLiteral("id_card_reader: %1").arg(reader->health().detail);
}
