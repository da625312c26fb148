#include "formvalidation.h"

#include "idcard/citizennumber.h"
#include "typedidnumber.h"

#include <QDate>
#include <QRegularExpression>

namespace FormValidation {

namespace {

constexpr qsizetype MaximumLength = 200;

bool isMainlandMobile(const QString &value)
{
    static const QRegularExpression mobile(QStringLiteral("^1[3-9]\\d{9}$"));
    return mobile.match(value).hasMatch();
}

bool isLandline(const QString &value)
{
    // 0551-12345678 or 055112345678: an area code of 3–4 digits and a 7–8 digit number.
    static const QRegularExpression landline(QStringLiteral("^0\\d{2,3}-?\\d{7,8}$"));
    return landline.match(value).hasMatch();
}

QDate dateOf(const QString &value)
{
    static const QRegularExpression digits(QStringLiteral("^\\d{8}$"));
    static const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (digits.match(value).hasMatch())
        return QDate::fromString(value, QStringLiteral("yyyyMMdd"));
    if (iso.match(value).hasMatch())
        return QDate::fromString(value, QStringLiteral("yyyy-MM-dd"));
    return {};
}

} // namespace

QString normalized(const FormField &field, const QString &value)
{
    if (field.type != QLatin1String("date"))
        return value;
    const QString trimmed = value.trimmed();
    static const QRegularExpression digits(QStringLiteral("^\\d{8}$"));
    if (!digits.match(trimmed).hasMatch())
        return value;
    return trimmed.left(4) + QLatin1Char('-') + trimmed.mid(4, 2) + QLatin1Char('-') + trimmed.mid(6);
}

Problem check(const FormField &field, const QString &rawValue)
{
    const QString value = rawValue.trimmed();
    if (value.isEmpty())
        return field.required ? Problem::Required : Problem::None;
    if (value.size() > MaximumLength)
        return Problem::TooLong;
    if (field.type == QLatin1String("phone"))
        return isMainlandMobile(value) || isLandline(value) ? Problem::None : Problem::NotAPhone;
    if (field.type == QLatin1String("number")) {
        static const QRegularExpression digits(QStringLiteral("^\\d+(\\.\\d+)?$"));
        return digits.match(value).hasMatch() ? Problem::None : Problem::NotANumber;
    }
    if (field.type == QLatin1String("date"))
        return dateOf(value).isValid() ? Problem::None : Problem::NotADate;
    if (field.type == QLatin1String("id_number")) {
        // Every card the kiosk reads fills this field: the 18-character numbers end in their
        // check character; the 2017 foreign permanent resident card's 15 have none (3 letters,
        // 12 digits), and refusing them kept its holders from applying.
        const bool foreign2017 = TypedIdNumber::check(IdCardHolder::CardType::ForeignPermanent2017, value) == TypedIdNumber::Problem::None;
        return CitizenNumber::isValid(value) || foreign2017 ? Problem::None : Problem::NotAnIdNumber;
    }
    if (field.type == QLatin1String("select")) {
        for (const auto &option : field.options) {
            if (option.first == value)
                return Problem::None;
        }
        return Problem::NotAnOption;
    }
    if (field.type == QLatin1String("checkbox"))
        return (value == QLatin1String("true") || value == QLatin1String("false")) ? Problem::None : Problem::NotAnOption;
    return Problem::None;
}

bool isAccountNumber(const FormField &field)
{
    return field.type == QLatin1String("number") && field.id.startsWith(QLatin1String("bank_"));
}

QString problemName(Problem problem)
{
    switch (problem) {
    case Problem::None: return {};
    case Problem::Required: return QStringLiteral("required");
    case Problem::NotAPhone: return QStringLiteral("not_a_phone");
    case Problem::NotANumber: return QStringLiteral("not_a_number");
    case Problem::NotADate: return QStringLiteral("not_a_date");
    case Problem::NotAnIdNumber: return QStringLiteral("not_an_id_number");
    case Problem::NotAnOption: return QStringLiteral("not_an_option");
    case Problem::TooLong: return QStringLiteral("too_long");
    }
    return {};
}

} // namespace FormValidation
