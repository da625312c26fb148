#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

// The interface a vendor-licensed photo decoder plugin implements: the card's 1024-byte WLT photo
// in, a 102×126 24-bit BMP out. Plugins are Qt plugins (Q_PLUGIN_METADATA with this IID) loaded
// from the configured path; the reader works without one and the holder then has no decoded photo.
class IdCardPhotoDecoder
{
public:
    virtual ~IdCardPhotoDecoder() = default;
    [[nodiscard]] virtual QByteArray decode(const QByteArray &wlt, QString *error) = 0;
};

#define IdCardPhotoDecoder_iid "cn.gov.kiosk.IdCardPhotoDecoder/1"
Q_DECLARE_INTERFACE(IdCardPhotoDecoder, IdCardPhotoDecoder_iid)
