#pragma once

#include <QMetaType>
#include <QPolygon>
#include <QString>

// One code found in an image: its format as ZXing names it ("QRCode"), its text, and its corners
// in the coordinates of the image the caller passed in.
struct DecodedCode {
    QString format;
    QString text;
    QPolygon position;
};

Q_DECLARE_METATYPE(DecodedCode)
