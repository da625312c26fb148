#pragma once

#include "idcard/idcardtransport.h"

#include <memory>

class QSerialPort;

// A reader on a serial line (RS-232, a USB-serial bridge, or the simulator's pseudo-terminal),
// 8N1 at a configurable baud. Create, use and destroy it on one thread.
class SerialTransport : public IdCardTransport
{
public:
    SerialTransport(QString path, qint32 baud);
    ~SerialTransport() override;

    bool open(QString *error) override;
    bool openFailedBusy() const override { return m_busy; }
    void close() override;
    bool isOpen() const override;
    Outcome write(const QByteArray &frame, int timeoutMs, QString *error) override;
    Outcome read(QByteArray *bytes, int timeoutMs, QString *error) override;
    void discardInput() override;
    QString describe() const override;

private:
    Outcome failure(QString *error);

    QString m_path;
    qint32 m_baud;
    bool m_busy = false;
    std::unique_ptr<QSerialPort> m_port;
};
