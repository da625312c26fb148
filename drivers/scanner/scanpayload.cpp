#include "scanner/scanpayload.h"

#include <QStringDecoder>

namespace ScanPayload {

namespace {

bool isLineEnd(char c)
{
    return c == '\r' || c == '\n';
}

} // namespace

QByteArray stripLineEnds(QByteArrayView bytes)
{
    qsizetype begin = 0;
    qsizetype end = bytes.size();
    while (begin < end && isLineEnd(bytes.at(begin)))
        ++begin;
    while (end > begin && isLineEnd(bytes.at(end - 1)))
        --end;
    return bytes.sliced(begin, end - begin).toByteArray();
}

Text decode(QByteArrayView bytes)
{
    const QByteArray stripped = stripLineEnds(bytes);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(stripped);
    if (!utf8.hasError())
        return {text, Encoding::Utf8};
    QStringDecoder gb18030("GB18030", QStringDecoder::Flag::Stateless);
    if (gb18030.isValid()) {
        text = gb18030.decode(stripped);
        if (!gb18030.hasError())
            return {text, Encoding::Gb18030};
    }
    // Neither decodes cleanly: keep what UTF-8 makes of it, with replacement characters, so the
    // resident sees that something was scanned rather than nothing.
    return {QString::fromUtf8(stripped), Encoding::Utf8};
}

QString toString(Encoding encoding)
{
    return encoding == Encoding::Gb18030 ? QStringLiteral("gb18030") : QStringLiteral("utf-8");
}

QString describe(const QString &format, const QString &text)
{
    return QStringLiteral("%1, %2 characters").arg(format.isEmpty() ? QStringLiteral("unknown format") : format).arg(text.size());
}

} // namespace ScanPayload
