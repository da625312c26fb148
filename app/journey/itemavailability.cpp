#include "itemavailability.h"

#include "outboxstore.h"
#include "platformclient.h"
#include "themeapplication.h"

QString ItemAvailability::unavailableReason(const CatalogueItem &item) const
{
    const bool apply = item.kind == ItemKind::Apply;
    if (apply && (!m_parts.outbox || !m_parts.submission))
        return QStringLiteral("outbox_unavailable");
    // Room for the case and a few document pages, checked before the resident starts.
    if (apply && !m_parts.outbox->canAccept(8LL * 1024 * 1024))
        return QStringLiteral("outbox_full");
    // Documents, queries and face checks are answered by the platform there and then; a face
    // for a case that may be queued can also be checked at the kiosk, with a local matcher.
    // A fee is paid by phone to the platform there and then: it is never queued.
    if (item.fee && (!m_parts.platform || m_parts.platform->connectivity() == PlatformClient::Connectivity::Offline))
        return QStringLiteral("fee_needs_platform");
    const bool needsPlatformLive = !apply || !item.offlineOk || (item.faceRequired && !m_parts.localFaceCheck);
    if (needsPlatformLive && (!m_parts.platform || m_parts.platform->connectivity() == PlatformClient::Connectivity::Offline))
        return QStringLiteral("platform_offline");
    if (item.faceRequired && !m_parts.devices.faceCameraUsable())
        return QStringLiteral("face_camera_unavailable");
    if (item.kind == ItemKind::Print && !m_parts.devices.documentPrinterUsable())
        return QStringLiteral("document_printer_unavailable");
    if (!apply)
        return {};
    if (!item.materials.isEmpty() && !m_parts.devices.documentCameraUsable())
        return QStringLiteral("document_camera_unavailable");
    return {};
}

QString ItemAvailability::themeUnavailableReason(const QString &themeId) const
{
    const Catalogue &catalogue = *m_parts.catalogue;
    const std::optional<CatalogueItem> merged = ThemeApplication::mergedItem(catalogue, themeId);
    if (!merged)
        return QStringLiteral("not_a_theme");
    for (const QString &code : catalogue.theme(themeId)->itemCodes) {
        const QString reason = unavailableReason(*catalogue.item(code));
        if (!reason.isEmpty())
            return reason;
    }
    return {};
}
