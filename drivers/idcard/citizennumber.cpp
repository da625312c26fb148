#include "idcard/citizennumber.h"

namespace CitizenNumber {

QChar checkCharacter(QStringView number)
{
    static constexpr int Weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char Checks[11] = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    if (number.size() < 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const QChar c = number.at(i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return {};
        sum += (c.unicode() - '0') * Weights[i];
    }
    return QLatin1Char(Checks[sum % 11]);
}

bool isValid(QStringView number)
{
    if (number.size() != 18)
        return false;
    const QChar expected = checkCharacter(number);
    return !expected.isNull() && expected == number.at(17).toUpper();
}

} // namespace CitizenNumber
