#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>

// HTTP/1.1 messages as the reference server needs them, parsed and written as pure functions
// over bytes: a request with a Content-Length body (the kiosk never sends chunked bodies) and a
// response with a status, headers and a body.
struct HttpRequest {
    QByteArray method;
    QByteArray target;                      // path with query, exactly as sent
    QHash<QByteArray, QByteArray> headers;  // names in lower case
    QByteArray body;
    bool fromLoopback = false;              // set by the listener from the connection's peer
    bool secure = false;                    // set by the listener: the connection is TLS

    [[nodiscard]] QByteArray path() const;  // the target without its query
    [[nodiscard]] QByteArray queryValue(const QByteArray &name) const; // percent-decoded
    [[nodiscard]] bool keepAlive() const;
};

struct HttpResponse {
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    [[nodiscard]] QByteArray header(const QByteArray &name) const;
    // The whole response, Content-Length included.
    [[nodiscard]] QByteArray serialize() const;
};

namespace HttpParser {

enum class Status { Incomplete, Complete, Bad };

constexpr qsizetype maxHeaderBytes = 64 * 1024;
constexpr qsizetype maxBodyBytes = 12 * 1024 * 1024;

// Takes one complete request off the front of `buffer`; leaves the buffer alone when more
// bytes are needed. Bad covers a malformed request line, chunked bodies and oversized messages.
[[nodiscard]] Status take(QByteArray &buffer, HttpRequest *request);

[[nodiscard]] QByteArray reasonPhrase(int status);

} // namespace HttpParser
