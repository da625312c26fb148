#pragma once

#include <QString>

class DeviceRegistry;

// No resident can identify: the card reader has failed and no other identification device (the
// barcode scanner, for e-ID codes) works either. Only a device that reports an error counts: one
// still starting (health unknown) does not take the kiosk out of service.
class IdentificationOutage
{
public:
    // "id_card_reader: <detail>" when out of service for this reason, else empty.
    [[nodiscard]] static QString reasonIn(const DeviceRegistry *registry);
};
