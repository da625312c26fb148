#include "common/personaldata.h"

namespace PersonalData {

namespace {

// Keeps `head` leading and `tail` trailing characters and stars the rest; short values are
// starred entirely so that a mask never reveals most of a short value.
QString keepEnds(QStringView value, qsizetype head, qsizetype tail)
{
    const QString text = value.trimmed().toString();
    const qsizetype n = text.size();
    if (n == 0)
        return {};
    if (n <= head + tail)
        return QString(n, QLatin1Char('*'));
    return text.left(head) + QString(n - head - tail, QLatin1Char('*')) + text.right(tail);
}

} // namespace

QString maskIdNumber(QStringView idNumber)
{
    return keepEnds(idNumber, 4, 4);
}

QString maskName(QStringView name)
{
    const QString text = name.trimmed().toString();
    QString masked;
    masked.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (i == 0 || c.isSpace())
            masked.append(c);
        else if (!(c.isLowSurrogate()))
            masked.append(QLatin1Char('*'));
    }
    return masked;
}

QString maskPhone(QStringView phone)
{
    return keepEnds(phone, 3, 2);
}

QString maskAddress(QStringView address)
{
    const QString text = address.trimmed().toString();
    if (text.size() <= 6)
        return QString(text.size(), QLatin1Char('*'));
    return text.left(6) + QStringLiteral("…");
}

} // namespace PersonalData
