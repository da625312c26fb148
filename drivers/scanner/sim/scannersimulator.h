#pragma once

#include "sim/serialdevicesimulator.h"

// A serial (CDC-ACM) QR scanner on a pseudo-terminal: the real serial driver opens the slave
// side through a stable symlink. A control socket takes one command a line:
//   scan TEXT…                  the scanner reads a code carrying TEXT (UTF-8, CR LF after it)
//   scan --gb18030 TEXT…        the same text sent as GB18030, as older Chinese systems print it
//   scan --no-terminator TEXT…  no CR/LF: the driver must end the scan on silence
//   scan --escapes TEXT…        \r, \n, \t and \\ in TEXT stand for CR, LF, tab and a backslash
//                               (a multi-line code: its inner line breaks must survive)
//   status                      also the host commands the driver sent (Newland framing)
class ScannerSimulator : public SerialDeviceSimulator
{
    Q_OBJECT
public:
    explicit ScannerSimulator(QObject *parent = nullptr);
    ~ScannerSimulator() override;

    [[nodiscard]] static QString defaultTtyLinkPath(const QString &stateDirectory);
    [[nodiscard]] static QString defaultControlSocketPath(const QString &stateDirectory);

    QString execute(const QString &commandLine) override;

protected:
    void hostWrote(const QByteArray &bytes) override;

private:
    int m_scans = 0;
    QByteArray m_fromHost;       // bytes the driver sent, until they make a whole command
    QByteArray m_lastCommand;    // the last Newland host command received
    int m_commands = 0;
};
