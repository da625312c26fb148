#pragma once

#include "catalogue.h"
#include "journeydevices.h"

#include <QString>

class CaseSubmission;
class OutboxStore;
class PlatformClient;

// Whether a resident can start an item (or a theme's items) on this kiosk right now, before they
// type anything: what the item needs of the outbox, the platform and the peripherals, asked
// afresh each time, since all three come and go.
class ItemAvailability
{
public:
    struct Parts {
        const Catalogue *catalogue = nullptr;
        JourneyDevices devices;
        OutboxStore *outbox = nullptr;
        CaseSubmission *submission = nullptr; // null when nothing can be filed (no outbox or no sender)
        PlatformClient *platform = nullptr;
        bool localFaceCheck = false; // a face can be checked at the kiosk while the platform is away
    };

    explicit ItemAvailability(const Parts &parts)
        : m_parts(parts)
    {
    }

    // "outbox_unavailable", "outbox_full", "platform_offline" (an item that needs the platform
    // live), "fee_needs_platform" (a fee item, paid by phone to the platform), "face_camera_unavailable", "document_printer_unavailable",
    // "document_camera_unavailable"; empty when the resident can start it.
    [[nodiscard]] QString unavailableReason(const CatalogueItem &item) const;
    // The first of the theme's items' reasons, or "not_a_theme"; empty when it can be started.
    [[nodiscard]] QString themeUnavailableReason(const QString &themeId) const;
    [[nodiscard]] bool localFaceCheckAvailable() const { return m_parts.localFaceCheck; }

private:
    Parts m_parts;
};
