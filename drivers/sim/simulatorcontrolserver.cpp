#include "sim/simulatorcontrolserver.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>

SimulatorControlServer::SimulatorControlServer(QObject *parent)
    : QObject(parent)
{
}

SimulatorControlServer::~SimulatorControlServer()
{
    close();
}

bool SimulatorControlServer::listen(const QString &path, Handler handler, QString *error)
{
    close();
    m_handler = std::move(handler);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QLocalServer::removeServer(path);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(path)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, m_server->errorString());
        close();
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SimulatorControlServer::accept);
    return true;
}

void SimulatorControlServer::close()
{
    if (!m_server)
        return;
    m_server->close();
    delete m_server;
    m_server = nullptr;
}

void SimulatorControlServer::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            while (socket->canReadLine()) {
                const QString line = QString::fromUtf8(socket->readLine()).trimmed();
                socket->write(m_handler(line).toUtf8() + '\n');
            }
        });
    }
}
