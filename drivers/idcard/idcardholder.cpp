#include "idcard/idcardholder.h"

#include "common/personaldata.h"
#include "idcard/citizennumber.h"
#include "idcard/nation.h"

#include <QCryptographicHash>
#include <QDebug>

namespace {

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

void overwrite(QByteArray &bytes)
{
    bytes.fill('\0');
    bytes.clear();
}

void overwrite(QString &text)
{
    text.fill(QLatin1Char(' '));
    text.clear();
}

} // namespace

QString IdCardHolder::typeName(CardType type)
{
    switch (type) {
    case CardType::Resident: return QStringLiteral("resident");
    case CardType::HkMoTwPermit: return QStringLiteral("hk_mo_tw_permit");
    case CardType::ForeignPermanent2017: return QStringLiteral("foreign_permanent_2017");
    case CardType::ForeignPermanent2023: break;
    }
    return QStringLiteral("foreign_permanent_2023");
}

std::optional<IdCardHolder::CardType> IdCardHolder::typeFromName(const QString &name)
{
    for (CardType type : {CardType::Resident, CardType::HkMoTwPermit, CardType::ForeignPermanent2017, CardType::ForeignPermanent2023}) {
        if (typeName(type) == name)
            return type;
    }
    return std::nullopt;
}

QString IdCardHolder::genderName(Gender gender)
{
    switch (gender) {
    case Gender::Male: return QStringLiteral("male");
    case Gender::Female: return QStringLiteral("female");
    case Gender::Unstated: return QStringLiteral("unstated");
    case Gender::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QStringList IdCardHolder::problems() const
{
    QStringList found;
    const bool checkedNumber = type != CardType::ForeignPermanent2017;
    if (checkedNumber && !CitizenNumber::isValid(idNumber))
        found << QStringLiteral("id_number fails its ISO 7064 MOD 11-2 check");
    if (type == CardType::ForeignPermanent2017 && idNumber.size() != 15)
        found << QStringLiteral("card number is not 15 characters");
    if (type == CardType::Resident && !Nation::isKnown(nationCode))
        found << QStringLiteral("nation code %1 is not in GB/T 3304").arg(nationCode);
    if (!birthDate.isValid())
        found << QStringLiteral("birth date does not parse");
    if (!validFrom.isValid())
        found << QStringLiteral("valid-from date does not parse");
    if (!validLongTerm && !validUntil.isValid())
        found << QStringLiteral("valid-until date does not parse");
    return found;
}

QByteArray IdCardHolder::identityKey() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(typeName(type).toUtf8());
    hash.addData(idNumber.toUtf8());
    hash.addData(isoDate(validFrom).toUtf8());
    return hash.result();
}

QString IdCardHolder::maskedDescription() const
{
    return QStringLiteral("%1 %2 %3").arg(typeName(type), PersonalData::maskName(name.isEmpty() ? nameEn : name),
                                          PersonalData::maskIdNumber(idNumber));
}

QJsonObject IdCardHolder::toJson(bool reveal) const
{
    QJsonObject json;
    const auto put = [&json](const char *key, const QString &value) {
        if (!value.isEmpty())
            json.insert(QLatin1String(key), value);
    };
    const auto personal = [reveal](const QString &value, QString (*mask)(QStringView)) {
        return reveal ? value : mask(value);
    };
    put("type", typeName(type));
    put("name", personal(name, PersonalData::maskName));
    put("name_en", personal(nameEn, PersonalData::maskName));
    put("gender", genderName(gender));
    if (nationCode > 0)
        put("nation", Nation::nameZh(nationCode).isEmpty() ? QString::number(nationCode) : Nation::nameZh(nationCode));
    put("birth_date", reveal ? isoDate(birthDate) : (birthDate.isValid() ? QStringLiteral("****-**-**") : QString()));
    put("address", personal(address, PersonalData::maskAddress));
    put("id_number", personal(idNumber, PersonalData::maskIdNumber));
    put("issuer", issuer);
    put("valid_from", isoDate(validFrom));
    put("valid_until", validLongTerm ? QStringLiteral("long_term") : isoDate(validUntil));
    put("pass_number", personal(passNumber, PersonalData::maskIdNumber));
    put("issue_count", issueCount);
    put("renewal_count", renewalCount);
    put("nationality", nationality);
    put("card_version", cardVersion);
    put("issuing_office", issuingOffice);
    put("previous_card_number", personal(previousCardNumber, PersonalData::maskIdNumber));
    json.insert(QLatin1String("photo_bytes"), photo.size());
    json.insert(QLatin1String("fingerprint_bytes"), fingerprint.size());
    if (!decodedPhoto.isEmpty())
        json.insert(QLatin1String("photo_decoded"), true);
    return json;
}

void IdCardHolder::wipe()
{
    for (QString *text : {&name, &nameEn, &address, &idNumber, &issuer, &passNumber, &issueCount, &renewalCount, &nationality,
                          &cardVersion, &issuingOffice, &previousCardNumber})
        overwrite(*text);
    for (QByteArray *bytes : {&photo, &fingerprint, &decodedPhoto})
        overwrite(*bytes);
    birthDate = validFrom = validUntil = QDate();
    nationCode = 0;
    gender = Gender::Unknown;
    validLongTerm = false;
    samId.clear();
}

QDebug operator<<(QDebug debug, const IdCardHolder &holder)
{
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "IdCardHolder(" << holder.maskedDescription() << ")";
    return debug;
}
