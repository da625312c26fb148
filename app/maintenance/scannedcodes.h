#pragma once

#include <QObject>

class DeviceRegistry;

// Every code a scanning device reads (the barcode scanner, the face and document cameras), at any
// moment and whatever screen is up: staff show their admin codes on the attract or the
// out-of-service screen, where the resident's journey listens to nothing.
class ScannedCodes : public QObject
{
    Q_OBJECT
public:
    explicit ScannedCodes(const DeviceRegistry *registry, QObject *parent = nullptr);

signals:
    void codeScanned(const QString &text);
};
