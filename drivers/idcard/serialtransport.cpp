#include "idcard/serialtransport.h"

#include <QFileInfo>
#include <QSerialPort>

SerialTransport::SerialTransport(QString path, qint32 baud)
    : m_path(std::move(path))
    , m_baud(baud)
{
}

SerialTransport::~SerialTransport() = default;

bool SerialTransport::open(QString *error)
{
    close();
    m_busy = false;
    // Resolve a stable symlink (the simulator's, or a udev by-id link) to the node it names now.
    const QString target = QFileInfo(m_path).canonicalFilePath();
    if (target.isEmpty()) {
        if (error)
            *error = QStringLiteral("%1 does not exist").arg(m_path);
        return false;
    }
    m_port = std::make_unique<QSerialPort>();
    m_port->setPortName(target);
    if (!m_port->open(QIODevice::ReadWrite)) {
        // QSerialPort locks the port; another process holding the lock shows as a permission error.
        m_busy = m_port->error() == QSerialPort::PermissionError && QFileInfo(target).isWritable();
        if (error)
            *error = QStringLiteral("%1: %2").arg(m_path, m_port->errorString());
        m_port.reset();
        return false;
    }
    if (!m_port->setBaudRate(m_baud) || !m_port->setDataBits(QSerialPort::Data8) || !m_port->setParity(QSerialPort::NoParity)
        || !m_port->setStopBits(QSerialPort::OneStop) || !m_port->setFlowControl(QSerialPort::NoFlowControl)) {
        if (error)
            *error = QStringLiteral("%1: cannot set %2 8N1: %3").arg(m_path).arg(m_baud).arg(m_port->errorString());
        m_port.reset();
        return false;
    }
    m_port->clear();
    return true;
}

void SerialTransport::close()
{
    if (m_port)
        m_port->close();
    m_port.reset();
}

bool SerialTransport::isOpen() const
{
    return m_port && m_port->isOpen();
}

IdCardTransport::Outcome SerialTransport::failure(QString *error)
{
    const QSerialPort::SerialPortError code = m_port->error();
    if (error)
        *error = QStringLiteral("%1: %2").arg(m_path, m_port->errorString());
    if (code == QSerialPort::TimeoutError || code == QSerialPort::NoError) {
        m_port->clearError();
        return Outcome::Timeout;
    }
    // A pty whose master went away, or a USB-serial bridge that was pulled, ends as a resource
    // error (EIO/ENXIO); so does a node that no longer exists.
    if (code == QSerialPort::ResourceError || code == QSerialPort::DeviceNotFoundError || !QFileInfo::exists(m_path))
        return Outcome::Vanished;
    return Outcome::Failed;
}

IdCardTransport::Outcome SerialTransport::write(const QByteArray &frame, int timeoutMs, QString *error)
{
    if (!isOpen()) {
        if (error)
            *error = QStringLiteral("%1 is not open").arg(m_path);
        return Outcome::Vanished;
    }
    if (m_port->write(frame) != frame.size())
        return failure(error);
    while (m_port->bytesToWrite() > 0) {
        if (!m_port->waitForBytesWritten(timeoutMs))
            return failure(error);
    }
    return Outcome::Ok;
}

IdCardTransport::Outcome SerialTransport::read(QByteArray *bytes, int timeoutMs, QString *error)
{
    if (!isOpen()) {
        if (error)
            *error = QStringLiteral("%1 is not open").arg(m_path);
        return Outcome::Vanished;
    }
    if (m_port->bytesAvailable() == 0 && !m_port->waitForReadyRead(timeoutMs))
        return failure(error);
    bytes->append(m_port->readAll());
    return Outcome::Ok;
}

void SerialTransport::discardInput()
{
    if (!isOpen())
        return;
    m_port->readAll();
    m_port->clear(QSerialPort::Input);
}

QString SerialTransport::describe() const
{
    return QStringLiteral("serial:%1@%2").arg(m_path).arg(m_baud);
}
