#include "personaldatafilter.h"

#include "common/personaldata.h"

#include <QRegularExpression>

namespace PersonalDataFilter {

QString scrub(const QString &text)
{
    // Digits on either side would make a longer number (an order id, a timestamp), which is not
    // an ID number or a phone; the look-arounds keep those intact.
    static const QRegularExpression idNumber(QStringLiteral("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])"));
    static const QRegularExpression mobile(QStringLiteral("(?<![0-9])1[3-9][0-9]{9}(?![0-9])"));
    if (text.size() < 11)
        return text;
    QString result = text;
    for (const QRegularExpression *pattern : {&idNumber, &mobile}) {
        const bool isId = pattern == &idNumber;
        QString replaced;
        qsizetype last = 0;
        QRegularExpressionMatchIterator it = pattern->globalMatch(result);
        if (!it.hasNext())
            continue;
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            replaced += QStringView(result).mid(last, match.capturedStart() - last);
            replaced += isId ? PersonalData::maskIdNumber(match.capturedView()) : PersonalData::maskPhone(match.capturedView());
            last = match.capturedEnd();
        }
        replaced += QStringView(result).mid(last);
        result = replaced;
    }
    return result;
}

} // namespace PersonalDataFilter
