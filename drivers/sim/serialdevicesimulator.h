#pragma once

#include <QObject>
#include <QString>

class PtyLink;
class SimulatorControlServer;

// A serial device's simulator: the device's real wire protocol on a pseudo-terminal (the driver
// opens the slave side through a stable symlink, as it would /dev/ttyUSB0), and a control socket
// taking one command a line for `kioskctl sim …`. A device class (the ID card reader, the serial
// scanner) says only what it does with the bytes the host writes and what its commands mean.
// It lives on one thread (its own, when a SimulatorHost runs it); call it there.
class SerialDeviceSimulator : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString ttyLinkPath;       // a stable symlink to the pty's slave side
        QString controlSocketPath; // empty: no control socket, execute() only
        int baud = 115200;         // pacing of replies; 0 sends at once
    };

    ~SerialDeviceSimulator() override;

    [[nodiscard]] bool start(const Options &options, QString *error);
    void stop();
    [[nodiscard]] QString ttyLinkPath() const { return m_options.ttyLinkPath; }
    [[nodiscard]] QString controlSocketPath() const { return m_options.controlSocketPath; }

    // Runs one control command; the answer starts with "ok" or "error:".
    virtual QString execute(const QString &commandLine) = 0;

protected:
    // `name` says which simulator the log line is about ("id card simulator").
    SerialDeviceSimulator(QString name, QObject *parent);

    // Bytes the driver wrote to its end of the line.
    virtual void hostWrote(const QByteArray &bytes) = 0;
    // After stop() has closed the line and the socket; a device class calls stop() itself in its
    // destructor, so this reaches it.
    virtual void stopped() {}

    [[nodiscard]] PtyLink *link() const { return m_link; }
    [[nodiscard]] const Options &options() const { return m_options; }

private:
    QString m_name;
    Options m_options;
    PtyLink *m_link = nullptr;
    SimulatorControlServer *m_control = nullptr;
};
