#include "httpmessage.h"

#include <QUrl>

QByteArray HttpRequest::path() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

QByteArray HttpRequest::queryValue(const QByteArray &name) const
{
    const qsizetype q = target.indexOf('?');
    if (q < 0)
        return {};
    for (const QByteArray &pair : target.mid(q + 1).split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq > 0 && pair.left(eq) == name)
            return QByteArray::fromPercentEncoding(QByteArray(pair.mid(eq + 1)).replace('+', ' '));
    }
    return {};
}

bool HttpRequest::keepAlive() const
{
    return headers.value("connection").toLower() != "close";
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0) {
            pair.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

QByteArray HttpResponse::serialize() const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpParser::reasonPhrase(status) + "\r\n";
    for (const auto &pair : headers) {
        if (pair.first.compare("content-length", Qt::CaseInsensitive) != 0)
            out += pair.first + ": " + pair.second + "\r\n";
    }
    // A 304 carries no body and says so by omitting Content-Length's body, not its header.
    out += "Content-Length: " + QByteArray::number(status == 304 ? 0 : body.size()) + "\r\n\r\n";
    if (status != 304)
        out += body;
    return out;
}

namespace HttpParser {

Status take(QByteArray &buffer, HttpRequest *request)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return buffer.size() > maxHeaderBytes ? Status::Bad : Status::Incomplete;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.") || !requestLine.at(1).startsWith('/'))
        return Status::Bad;
    HttpRequest r;
    r.method = requestLine.at(0);
    r.target = requestLine.at(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Status::Bad;
        r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    if (r.headers.contains("transfer-encoding"))
        return Status::Bad;
    bool ok = true;
    const qsizetype length = r.headers.contains("content-length") ? r.headers.value("content-length").toLongLong(&ok) : 0;
    if (!ok || length < 0 || length > maxBodyBytes)
        return Status::Bad;
    if (buffer.size() < end + 4 + length)
        return Status::Incomplete;
    r.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    *request = r;
    return Status::Complete;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

} // namespace HttpParser
