#pragma once

#include "httpmessage.h"

#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

// How a response leaves: whole, cut off halfway through its body, not at all (the connection is
// reset), or one byte at a time (a link that trickles). All but the first are fault switches the
// kiosk must survive.
struct HttpDelivery {
    enum class Mode { Whole, Truncated, Reset, Trickled };
    Mode mode = Mode::Whole;
    int byteIntervalMs = 0; // Trickled: the pause before each byte
};

using HttpReply = std::function<void(const HttpResponse &response, HttpDelivery delivery)>;
using HttpHandler = std::function<void(const HttpRequest &request, const HttpReply &reply)>;
// Offered a connection whose first request asks to upgrade to a WebSocket, before any of it is
// read off the socket; takes the socket (and returns true) or leaves it to be answered as HTTP.
using UpgradeHandler = std::function<bool(QTcpSocket *socket, const HttpRequest &head)>;

// A small HTTP/1.1 server over QTcpServer, plain or TLS (QSslSocket per connection), with
// keep-alive and one request at a time per connection. It exists instead of QHttpServer because
// Qt 6.4's QHttpServer cannot reset a connection or send a truncated body, which the fault
// switches need, and the handler may answer late (latency) through the HttpReply it is given.
class HttpListener : public QTcpServer
{
    Q_OBJECT
public:
    HttpListener(HttpHandler handler, QObject *parent = nullptr);

    // Serve TLS with this configuration (certificate, key, protocol) instead of plain HTTP.
    void setTls(const QSslConfiguration &configuration);
    void setUpgradeHandler(UpgradeHandler handler) { m_upgrade = std::move(handler); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpHandler m_handler;
    UpgradeHandler m_upgrade;
    QSslConfiguration m_tls;
    bool m_useTls = false;
};

// One client connection: parses requests off the stream and hands them to the handler in order.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, const HttpHandler &handler, const UpgradeHandler &upgrade, QObject *parent);

private:
    void readRequests();
    [[nodiscard]] bool handedOver(); // true: leave the socket alone
    void deliver(const HttpResponse &response, HttpDelivery delivery, bool keepAlive);
    void trickle(const QByteArray &bytes, int intervalMs);
    void resetConnection();

    QTcpSocket *m_socket;
    HttpHandler m_handler;
    UpgradeHandler m_upgrade;
    QByteArray m_buffer;
    QByteArray m_trickling; // what is left of a trickled answer
    bool m_busy = false;
    bool m_firstRequest = true;
};
