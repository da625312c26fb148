#include "sim/simcontrolclient.h"

#include <QLocalSocket>

namespace SimControlClient {

bool send(const QString &socketPath, const QString &commandLine, QString *reply, QString *error, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(socketPath);
    if (!socket.waitForConnected(timeoutMs)) {
        if (error)
            *error = QStringLiteral("no simulator listens on %1 (%2); is the kiosk running with a simulated reader, or kiosk-devsim?")
                         .arg(socketPath, socket.errorString());
        return false;
    }
    socket.write(commandLine.toUtf8() + '\n');
    socket.flush();
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs)) {
            if (error)
                *error = QStringLiteral("the simulator did not answer: %1").arg(socket.errorString());
            return false;
        }
    }
    if (reply)
        *reply = QString::fromUtf8(socket.readLine()).trimmed();
    return true;
}

} // namespace SimControlClient
