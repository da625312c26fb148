#include "verifiedholder.h"

#include "idcard/citizennumber.h"

namespace VerifiedHolder {

std::optional<IdCardHolder> fromPlatform(const QJsonObject &holder)
{
    const QString name = holder.value(QLatin1String("name")).toString().trimmed();
    const QString number = holder.value(QLatin1String("id_number")).toString().trimmed().toUpper();
    if (name.isEmpty() || !CitizenNumber::isValid(number))
        return std::nullopt;
    IdCardHolder result;
    result.type = IdCardHolder::CardType::Resident;
    result.name = name;
    result.idNumber = number;
    // Digits 7-14 are the birth date; the 17th is odd for men and even for women.
    result.birthDate = QDate::fromString(number.mid(6, 8), QStringLiteral("yyyyMMdd"));
    result.gender = number.at(16).digitValue() % 2 == 1 ? IdCardHolder::Gender::Male : IdCardHolder::Gender::Female;
    return result;
}

} // namespace VerifiedHolder
