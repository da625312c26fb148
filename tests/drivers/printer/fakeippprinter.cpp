#include "fakeippprinter.h"

#include <QTcpSocket>

#include <cups/ipp.h>

#include <optional>

namespace {

struct Sink {
    QByteArray bytes;
};

ssize_t writeToSink(void *context, ipp_uchar_t *buffer, size_t bytes)
{
    static_cast<Sink *>(context)->bytes.append(reinterpret_cast<const char *>(buffer), static_cast<qsizetype>(bytes));
    return static_cast<ssize_t>(bytes);
}

// Decodes a chunked HTTP body; empty until the last chunk has arrived.
std::optional<QByteArray> dechunk(const QByteArray &body, qsizetype *consumed)
{
    QByteArray out;
    qsizetype pos = 0;
    while (true) {
        const qsizetype lineEnd = body.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return std::nullopt;
        bool ok = false;
        const qsizetype size = body.mid(pos, lineEnd - pos).trimmed().toLongLong(&ok, 16);
        if (!ok)
            return std::nullopt;
        pos = lineEnd + 2;
        if (size == 0) {
            if (body.size() < pos + 2)
                return std::nullopt;
            *consumed = pos + 2;
            return out;
        }
        if (body.size() < pos + size + 2)
            return std::nullopt;
        out.append(body.mid(pos, size));
        pos += size + 2;
    }
}

} // namespace

FakeIppPrinter::FakeIppPrinter(QObject *parent)
    : QTcpServer(parent)
{
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

void FakeIppPrinter::setState(int printerState, const QStringList &reasons)
{
    m_state = printerState;
    m_reasons = reasons;
}

void FakeIppPrinter::setMarker(const QString &name, int level, int lowLevel)
{
    m_markerName = name;
    m_markerLevel = level;
    m_markerLowLevel = lowLevel;
}

QString FakeIppPrinter::uri() const
{
    return QStringLiteral("ipp://127.0.0.1:%1/ipp/print").arg(serverPort());
}

void FakeIppPrinter::serve(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer.append(socket->readAll());
    while (true) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QByteArray header = buffer.left(headerEnd).toLower();
        QByteArray rest = buffer.mid(headerEnd + 4);
        if (header.contains("expect: 100-continue") && !header.contains("x-continued")) {
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            // Remember that this request has been told to continue.
            buffer.insert(headerEnd, "\r\nx-continued: 1");
            continue;
        }
        QByteArray body;
        qsizetype consumed = 0;
        if (header.contains("transfer-encoding: chunked")) {
            const std::optional<QByteArray> decoded = dechunk(rest, &consumed);
            if (!decoded)
                return;
            body = *decoded;
        } else {
            const qsizetype at = header.indexOf("content-length:");
            const qsizetype length = at < 0 ? 0 : header.mid(at + 15, header.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
            if (rest.size() < length)
                return;
            body = rest.left(length);
            consumed = length;
        }
        buffer = rest.mid(consumed);
        const QByteArray reply = answer(body);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/ipp\r\nContent-Length: " + QByteArray::number(reply.size())
                      + "\r\n\r\n" + reply);
        ++m_answered;
    }
}

QByteArray FakeIppPrinter::answer(const QByteArray &ippRequest) const
{
    const auto byteAt = [&](qsizetype i) { return i < ippRequest.size() ? static_cast<quint8>(ippRequest.at(i)) : 0; };
    const int operation = (byteAt(2) << 8) | byteAt(3);
    const int requestId = static_cast<int>((quint32(byteAt(4)) << 24) | (byteAt(5) << 16) | (byteAt(6) << 8) | byteAt(7));

    ipp_t *response = ippNew();
    ippSetVersion(response, 2, 0);
    ippSetRequestId(response, requestId);
    ippAddString(response, IPP_TAG_OPERATION, IPP_TAG_CHARSET, "attributes-charset", nullptr, "utf-8");
    ippAddString(response, IPP_TAG_OPERATION, IPP_TAG_LANGUAGE, "attributes-natural-language", nullptr, "en");
    if (operation != IPP_OP_GET_PRINTER_ATTRIBUTES) {
        ippSetStatusCode(response, IPP_STATUS_ERROR_OPERATION_NOT_SUPPORTED);
    } else {
        ippSetStatusCode(response, IPP_STATUS_OK);
        ippAddInteger(response, IPP_TAG_PRINTER, IPP_TAG_ENUM, "printer-state", m_state);
        const QStringList reasons = m_reasons.isEmpty() ? QStringList{QStringLiteral("none")} : m_reasons;
        QList<QByteArray> utf8;
        for (const QString &reason : reasons)
            utf8 << reason.toUtf8();
        QList<const char *> pointers;
        for (const QByteArray &reason : std::as_const(utf8))
            pointers << reason.constData();
        ippAddStrings(response, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "printer-state-reasons", static_cast<int>(pointers.size()), nullptr,
                      pointers.data());
        ippAddBoolean(response, IPP_TAG_PRINTER, "printer-is-accepting-jobs", 1);
        ippAddString(response, IPP_TAG_PRINTER, IPP_TAG_TEXT, "printer-make-and-model", nullptr, "Fake IPP Printer");
        if (!m_markerName.isEmpty()) {
            ippAddString(response, IPP_TAG_PRINTER, IPP_TAG_NAME, "marker-names", nullptr, m_markerName.toUtf8().constData());
            ippAddString(response, IPP_TAG_PRINTER, IPP_TAG_KEYWORD, "marker-types", nullptr, "toner");
            ippAddInteger(response, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "marker-levels", m_markerLevel);
            ippAddInteger(response, IPP_TAG_PRINTER, IPP_TAG_INTEGER, "marker-low-levels", m_markerLowLevel);
        }
    }
    Sink sink;
    ippWriteIO(&sink, writeToSink, 1, nullptr, response);
    ippDelete(response);
    return sink.bytes;
}
