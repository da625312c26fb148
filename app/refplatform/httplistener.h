#pragma once

#include "httpmessage.h"

#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

// How a response leaves: whole, cut off halfway through its body, or not at all (the
// connection is reset). The last two are fault switches the kiosk must survive.
enum class HttpDelivery { Whole, Truncated, Reset };

using HttpReply = std::function<void(const HttpResponse &response, HttpDelivery delivery)>;
using HttpHandler = std::function<void(const HttpRequest &request, const HttpReply &reply)>;

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

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    HttpHandler m_handler;
    QSslConfiguration m_tls;
    bool m_useTls = false;
};

// One client connection: parses requests off the stream and hands them to the handler in order.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, const HttpHandler &handler, QObject *parent);

private:
    void readRequests();
    void deliver(const HttpResponse &response, HttpDelivery delivery, bool keepAlive);
    void resetConnection();

    QTcpSocket *m_socket;
    HttpHandler m_handler;
    QByteArray m_buffer;
    bool m_busy = false;
};
