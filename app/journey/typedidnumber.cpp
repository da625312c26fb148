#include "typedidnumber.h"

#include "idcard/citizennumber.h"

#include <QRegularExpression>

namespace TypedIdNumber {

QString normalised(const QString &typed)
{
    QString number = typed;
    number.remove(QLatin1Char(' '));
    return number.toUpper();
}

Problem check(IdCardHolder::CardType type, const QString &typed)
{
    const QString number = normalised(typed);
    if (number.isEmpty())
        return Problem::Empty;
    using CardType = IdCardHolder::CardType;
    if (type == CardType::ForeignPermanent2017) {
        if (number.size() != 15)
            return Problem::WrongLength;
        static const QRegularExpression shape(QStringLiteral("^[A-Z]{3}\\d{12}$"));
        return shape.match(number).hasMatch() ? Problem::None : Problem::WrongShape;
    }
    if (number.size() != 18)
        return Problem::WrongLength;
    static const QRegularExpression digits(QStringLiteral("^\\d{17}[\\dX]$"));
    if (!digits.match(number).hasMatch())
        return Problem::WrongShape;
    // Each card type's own range: the permits begin 81 (Hong Kong), 82 (Macao) or 83 (Taiwan)
    // followed by 0000, the 2023 foreign card begins 9; a resident's number begins neither way.
    const bool permit = number.startsWith(QLatin1String("810000")) || number.startsWith(QLatin1String("820000"))
                        || number.startsWith(QLatin1String("830000"));
    const bool foreign = number.startsWith(QLatin1Char('9'));
    if ((type == CardType::HkMoTwPermit && !permit) || (type == CardType::ForeignPermanent2023 && !foreign)
        || (type == CardType::Resident && (permit || foreign)))
        return Problem::WrongShape;
    return CitizenNumber::isValid(number) ? Problem::None : Problem::CheckFailed;
}

QString problemName(Problem problem)
{
    switch (problem) {
    case Problem::None: return {};
    case Problem::Empty: return QStringLiteral("empty");
    case Problem::WrongLength: return QStringLiteral("wrong_length");
    case Problem::WrongShape: return QStringLiteral("wrong_shape");
    case Problem::CheckFailed: return QStringLiteral("check_failed");
    }
    return {};
}

} // namespace TypedIdNumber
