#include "common/personaldata.h"

#include <QList>

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
    // Counted in characters, not UTF-16 units, so a rare character outside the BMP (common in
    // names) is kept or starred whole.
    const QList<uint> characters = name.trimmed().toUcs4();
    QString masked;
    for (qsizetype i = 0; i < characters.size(); ++i) {
        const char32_t c = characters.at(i);
        if (i == 0 || QChar::isSpace(c))
            masked.append(QStringView(QChar::fromUcs4(c)));
        else
            masked.append(QLatin1Char('*'));
    }
    return masked;
}

QString maskPassNumber(QStringView number)
{
    return keepEnds(number, 2, 2);
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

QString maskAccountNumber(QStringView number)
{
    return keepEnds(number, 4, 4);
}

bool isMasked(QStringView text)
{
    return text.contains(QLatin1Char('*')) || text.contains(QChar(0x2026));
}

} // namespace PersonalData
