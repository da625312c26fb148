#include "personaldatafilter.h"

#include "common/personaldata.h"
#include "common/residentpersonaldata.h"

#include <QRegularExpression>

#include <functional>

namespace PersonalDataFilter {

namespace {

using Mask = std::function<QString(QStringView)>;

struct NumberShape {
    QRegularExpression pattern;
    Mask mask;
};

// A letter or digit on either side would make a longer token (an order id, a case number, a
// hash), which is none of these; a dot, colon, dash or slash beside eight digits makes a version,
// a time or a path. The look-arounds keep those intact.
const QList<NumberShape> &numberShapes()
{
    static const QList<NumberShape> shapes{
        // Resident card, residence permit (810000/820000/830000…) and the 2023 foreign permanent
        // resident card (9…): 17 digits and a check character.
        {QRegularExpression(QStringLiteral("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")), PersonalData::maskIdNumber},
        // The 2017 foreign permanent resident card: three letters of nationality and 12 digits.
        {QRegularExpression(QStringLiteral("(?<![0-9A-Za-z])[A-Z]{3}[0-9]{12}(?![0-9A-Za-z])")), PersonalData::maskIdNumber},
        // The first-generation resident card's 15 digits.
        {QRegularExpression(QStringLiteral("(?<![0-9A-Za-z])[1-9][0-9]{14}(?![0-9A-Za-z])")), PersonalData::maskIdNumber},
        // A mainland mobile number.
        {QRegularExpression(QStringLiteral("(?<![0-9])1[3-9][0-9]{9}(?![0-9])")), PersonalData::maskPhone},
        // A pass to the mainland for Hong Kong (H) and Macao (M) residents: 8 digits, or 10 on
        // the older booklet.
        {QRegularExpression(QStringLiteral("(?<![0-9A-Za-z])[HMhm][0-9]{8}(?:[0-9]{2})?(?![0-9A-Za-z])")), PersonalData::maskPassNumber},
        // A Taiwan compatriot pass (台胞证): 8 digits.
        {QRegularExpression(QStringLiteral("(?<![0-9A-Za-z.:/_-])[0-9]{8}(?![0-9A-Za-z.:/_-])")), PersonalData::maskPassNumber},
    };
    return shapes;
}

QString replaceMatches(const QString &text, const QRegularExpression &pattern, const Mask &mask)
{
    QRegularExpressionMatchIterator it = pattern.globalMatch(text);
    if (!it.hasNext())
        return text;
    QString replaced;
    qsizetype last = 0;
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        replaced += QStringView(text).mid(last, match.capturedStart() - last);
        replaced += mask(match.capturedView());
        last = match.capturedEnd();
    }
    replaced += QStringView(text).mid(last);
    return replaced;
}

QString replaceValue(const QString &text, const QString &value, const Mask &mask)
{
    // Latin names come in any case ("SMITH", "Smith"); Chinese ones have none.
    if (value.size() < 2 || !text.contains(value, Qt::CaseInsensitive))
        return text;
    QString replaced;
    qsizetype last = 0;
    for (qsizetype at = text.indexOf(value, 0, Qt::CaseInsensitive); at >= 0; at = text.indexOf(value, last, Qt::CaseInsensitive)) {
        replaced += QStringView(text).mid(last, at - last);
        replaced += mask(QStringView(text).mid(at, value.size()));
        last = at + value.size();
    }
    replaced += QStringView(text).mid(last);
    return replaced;
}

Mask maskFor(ResidentPersonalData::Kind kind)
{
    switch (kind) {
    case ResidentPersonalData::Kind::Name:
        return PersonalData::maskName;
    case ResidentPersonalData::Kind::Address:
        return PersonalData::maskAddress;
    case ResidentPersonalData::Kind::Number:
        return [](QStringView number) {
            return number.size() > 11 ? PersonalData::maskIdNumber(number) : PersonalData::maskPassNumber(number);
        };
    }
    return PersonalData::maskName;
}

// The resident's own values, longest first so that a full address is masked before a part of it
// that is also remembered. A Latin name is also looked for word by word ("SMITH, JOHN" may be
// written "John Smith"), and an address without its province and city.
QList<ResidentPersonalData::Value> residentValues()
{
    QList<ResidentPersonalData::Value> values;
    for (const ResidentPersonalData::Value &value : ResidentPersonalData::remembered()) {
        values.append(value);
        if (value.kind == ResidentPersonalData::Kind::Name) {
            static const QRegularExpression separators(QStringLiteral("[\\s,.·-]+"));
            const QStringList words = value.text.split(separators, Qt::SkipEmptyParts);
            if (words.size() > 1) {
                for (const QString &word : words) {
                    if (word.size() >= 3)
                        values.append({value.kind, word});
                }
            }
        } else if (value.kind == ResidentPersonalData::Kind::Address && value.text.size() > 12) {
            values.append({ResidentPersonalData::Kind::Name, value.text.mid(6)});
        }
    }
    std::stable_sort(values.begin(), values.end(), [](const auto &a, const auto &b) { return a.text.size() > b.text.size(); });
    return values;
}

} // namespace

QString scrub(const QString &text)
{
    QString result = text;
    // The resident's own values go first: their numbers are then masked whole, not by a shape
    // that matches a part of them.
    for (const ResidentPersonalData::Value &value : residentValues())
        result = replaceValue(result, value.text, maskFor(value.kind));
    if (result.size() < 8)
        return result;
    for (const NumberShape &shape : numberShapes())
        result = replaceMatches(result, shape.pattern, shape.mask);
    return result;
}

} // namespace PersonalDataFilter
