#include "httplistener.h"

#include <QSslSocket>
#include <QTimer>

#include <sys/socket.h>

HttpListener::HttpListener(HttpHandler handler, QObject *parent)
    : QTcpServer(parent)
    , m_handler(std::move(handler))
{
}

void HttpListener::setTls(const QSslConfiguration &configuration)
{
    m_tls = configuration;
    m_useTls = true;
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
    if (m_useTls) {
        auto *tls = new QSslSocket(this);
        if (!tls->setSocketDescriptor(descriptor)) {
            delete tls;
            return;
        }
        tls->setSslConfiguration(m_tls);
        // A failed handshake (a client that does not trust our CA) just ends the connection.
        connect(tls, &QSslSocket::sslErrors, tls, [tls](const QList<QSslError> &) { tls->abort(); });
        tls->startServerEncryption();
        socket = tls;
    } else {
        socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
    }
    new HttpConnection(socket, m_handler, m_upgrade, socket);
}

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpHandler &handler, const UpgradeHandler &upgrade, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(handler)
    , m_upgrade(upgrade)
{
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequests);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QAbstractSocket::errorOccurred, socket, [socket](QAbstractSocket::SocketError) {
        if (socket->state() == QAbstractSocket::UnconnectedState)
            socket->deleteLater();
    });
}

bool HttpConnection::handedOver()
{
    // Only a connection's first request may become a WebSocket, and it is looked at without
    // being read, so that the WebSocket server reads the handshake itself. True: the caller
    // leaves the socket alone (handed over, or the head is still arriving).
    if (!m_upgrade || !m_firstRequest)
        return false;
    QByteArray head = m_socket->peek(HttpParser::maxHeaderBytes);
    HttpRequest request;
    const HttpParser::Status status = HttpParser::take(head, &request);
    if (status == HttpParser::Status::Incomplete && m_socket->bytesAvailable() < HttpParser::maxHeaderBytes)
        return true;
    if (status != HttpParser::Status::Complete) {
        m_firstRequest = false;
        return false;
    }
    m_firstRequest = false;
    if (request.headers.value("upgrade").toLower() != "websocket")
        return false;
    request.fromLoopback = m_socket->peerAddress().isLoopback();
    request.secure = qobject_cast<QSslSocket *>(m_socket) != nullptr;
    QTcpSocket *socket = m_socket;
    socket->disconnect(); // the connection's own handlers let go of the socket
    socket->setParent(nullptr);
    if (!m_upgrade(socket, request)) {
        socket->abort();
        socket->deleteLater();
    }
    return true;
}

void HttpConnection::readRequests()
{
    if (m_firstRequest && m_buffer.isEmpty() && handedOver())
        return;
    m_buffer += m_socket->readAll();
    if (m_busy)
        return;
    HttpRequest request;
    switch (HttpParser::take(m_buffer, &request)) {
    case HttpParser::Status::Incomplete:
        return;
    case HttpParser::Status::Bad: {
        HttpResponse bad;
        bad.status = 400;
        bad.setHeader("Content-Type", "application/json");
        bad.setHeader("Connection", "close");
        bad.body = R"({"error":{"code":"bad_request","message":"not an HTTP/1.1 request this server understands","details":{}}})";
        deliver(bad, {}, false);
        return;
    }
    case HttpParser::Status::Complete:
        break;
    }
    m_busy = true;
    request.fromLoopback = m_socket->peerAddress().isLoopback();
    request.secure = qobject_cast<QSslSocket *>(m_socket) != nullptr;
    const bool keepAlive = request.keepAlive();
    QPointer<HttpConnection> self(this);
    m_handler(request, [self, keepAlive](const HttpResponse &response, HttpDelivery delivery) {
        // The client may have gone while the answer was being prepared; the work stands.
        if (self)
            self->deliver(response, delivery, keepAlive);
    });
}

void HttpConnection::deliver(const HttpResponse &response, HttpDelivery delivery, bool keepAlive)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    switch (delivery.mode) {
    case HttpDelivery::Mode::Reset:
        resetConnection();
        return;
    case HttpDelivery::Mode::Truncated: {
        const QByteArray whole = response.serialize();
        m_socket->write(whole.left(whole.size() - qMax<qsizetype>(1, response.body.size() / 2)));
        m_socket->flush();
        m_socket->disconnectFromHost();
        return;
    }
    case HttpDelivery::Mode::Trickled: {
        HttpResponse closing = response;
        closing.setHeader("Connection", "close");
        trickle(closing.serialize(), qMax(1, delivery.byteIntervalMs));
        return;
    }
    case HttpDelivery::Mode::Whole:
        break;
    }
    HttpResponse out = response;
    const bool close = !keepAlive || out.header("Connection").toLower() == "close";
    if (close)
        out.setHeader("Connection", "close");
    m_socket->write(out.serialize());
    if (close) {
        m_socket->disconnectFromHost();
        return;
    }
    m_busy = false;
    if (!m_buffer.isEmpty())
        QTimer::singleShot(0, this, &HttpConnection::readRequests);
}

void HttpConnection::trickle(const QByteArray &bytes, int intervalMs)
{
    // Every byte comes before the client's inactivity timeout could fire; only a deadline on the
    // whole exchange ends it early. A client that gave up closes the socket, which stops this.
    m_trickling = bytes;
    auto *timer = new QTimer(this);
    timer->setInterval(intervalMs);
    connect(timer, &QTimer::timeout, this, [this, timer] {
        if (m_socket->state() != QAbstractSocket::ConnectedState || m_trickling.isEmpty()) {
            timer->deleteLater();
            if (m_socket->state() == QAbstractSocket::ConnectedState)
                m_socket->disconnectFromHost();
            return;
        }
        m_socket->write(m_trickling.left(1));
        m_trickling.remove(0, 1);
    });
    timer->start();
}

void HttpConnection::resetConnection()
{
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN: a reset connection.
    const struct linger hard = {1, 0};
    ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    m_socket->abort();
}
