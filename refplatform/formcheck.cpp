#include "formcheck.h"

#include <QDate>
#include <QRegularExpression>

namespace FormCheck {

bool isIdNumber(const QString &text)
{
    // The 2017 foreign permanent resident card's number: 3 letters and 12 digits, no check.
    static const QRegularExpression foreign2017(QStringLiteral("^[A-Za-z]{3}\\d{12}$"));
    if (foreign2017.match(text).hasMatch())
        return true;
    static const QRegularExpression shape(QStringLiteral("^\\d{17}[\\dXx]$"));
    if (!shape.match(text).hasMatch())
        return false;
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += text.at(i).digitValue() * weights[i];
    static const char checks[] = "10X98765432";
    if (text.at(17).toUpper() != QLatin1Char(checks[sum % 11]))
        return false;
    return QDate::fromString(text.mid(6, 8), QStringLiteral("yyyyMMdd")).isValid();
}

namespace {

QString problem(const FormField &field, const QJsonValue &value)
{
    const bool empty = value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty());
    if (empty)
        return field.required ? QStringLiteral("required") : QString();
    const QString text = value.toString();
    const QString &type = field.type;
    if (type == QLatin1String("checkbox"))
        return value.isBool() ? QString() : QStringLiteral("not_a_checkbox_value");
    if (type == QLatin1String("number")) {
        static const QRegularExpression number(QStringLiteral("^-?\\d+(\\.\\d+)?$"));
        return value.isDouble() || (value.isString() && number.match(text).hasMatch()) ? QString() : QStringLiteral("not_a_number");
    }
    if (!value.isString())
        return QStringLiteral("not_text");
    if (type == QLatin1String("text") || type == QLatin1String("address"))
        return text.size() <= 200 ? QString() : QStringLiteral("too_long");
    if (type == QLatin1String("date"))
        return QDate::fromString(text, Qt::ISODate).isValid() ? QString() : QStringLiteral("invalid_date");
    if (type == QLatin1String("phone")) {
        static const QRegularExpression phone(QStringLiteral("^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$"));
        return phone.match(text).hasMatch() ? QString() : QStringLiteral("invalid_phone");
    }
    if (type == QLatin1String("id_number"))
        return isIdNumber(text) ? QString() : QStringLiteral("invalid_id_number");
    if (type == QLatin1String("select")) {
        for (const auto &option : field.options) {
            if (option.first == text)
                return {};
        }
        return QStringLiteral("not_an_option");
    }
    return {};
}

} // namespace

QJsonObject check(const CatalogueItem &item, const QJsonObject &form)
{
    QJsonObject reasons;
    for (const FormField &field : item.form) {
        const QString reason = problem(field, form.value(field.id));
        if (!reason.isEmpty())
            reasons.insert(field.id, reason);
    }
    for (auto it = form.constBegin(); it != form.constEnd(); ++it) {
        bool known = false;
        for (const FormField &field : item.form)
            known = known || field.id == it.key();
        if (!known)
            reasons.insert(it.key(), QStringLiteral("unknown_field"));
    }
    return reasons;
}

} // namespace FormCheck
