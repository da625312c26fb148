#include "residentidentity.h"

#include "applog.h"
#include "common/personaldata.h"
#include "common/residentpersonaldata.h"

namespace {

// What the log scrubber masks for as long as this resident is at the kiosk.
void rememberForTheLogs(const IdCardHolder &holder)
{
    using ResidentPersonalData::Kind;
    ResidentPersonalData::remember({{Kind::Name, holder.name},
                                    {Kind::Name, holder.nameEn},
                                    {Kind::Address, holder.address},
                                    {Kind::Number, holder.idNumber},
                                    {Kind::Number, holder.passNumber},
                                    {Kind::Number, holder.previousCardNumber}});
}

} // namespace

ResidentIdentity::ResidentIdentity(QObject *parent)
    : QObject(parent)
{
}

ResidentIdentity::Refusal ResidentIdentity::acceptCard(const IdCardHolder &holder, QDate today)
{
    Refusal refusal = Refusal::None;
    if (!holder.validFrom.isValid() || (!holder.validLongTerm && !holder.validUntil.isValid()) || holder.idNumber.isEmpty())
        refusal = Refusal::Unreadable;
    else if (holder.validFrom > today)
        refusal = Refusal::NotYetValid;
    else if (!holder.validLongTerm && holder.validUntil < today)
        refusal = Refusal::Expired;

    m_lastRefusal = refusal;
    if (refusal != Refusal::None) {
        qCInfo(lcSession) << "card refused:" << refusalName(refusal) << holder.maskedDescription();
        if (m_holder) {
            m_holder->wipe();
            m_holder.reset();
            ResidentPersonalData::forget();
        }
    } else {
        qCInfo(lcSession) << "resident identified by card:" << holder.maskedDescription();
        if (m_holder)
            m_holder->wipe();
        m_holder = holder;
        rememberForTheLogs(holder);
        m_method = Method::Card;
        forgetCode();
    }
    emit changed();
    return refusal;
}

void ResidentIdentity::acceptVerifiedCode(const IdCardHolder &holder, const QString &payload)
{
    qCInfo(lcSession) << "resident identified by code:" << holder.maskedDescription();
    if (m_holder)
        m_holder->wipe();
    m_holder = holder;
    rememberForTheLogs(holder);
    m_method = Method::Code;
    forgetCode();
    m_codePayload = payload;
    m_lastRefusal = Refusal::None;
    emit changed();
}

void ResidentIdentity::forgetCode()
{
    m_codePayload.fill(QLatin1Char('\0'));
    m_codePayload.clear();
}

QString ResidentIdentity::maskedName() const
{
    if (!m_holder)
        return {};
    return PersonalData::maskName(m_holder->name.isEmpty() ? m_holder->nameEn : m_holder->name);
}

QString ResidentIdentity::maskedIdNumber() const
{
    return m_holder ? PersonalData::maskIdNumber(m_holder->idNumber) : QString();
}

QString ResidentIdentity::cardType() const
{
    if (!m_holder)
        return {};
    return m_method == Method::Code ? QStringLiteral("netid") : IdCardHolder::typeName(m_holder->type);
}

namespace {

// The document behind an identity, as "id_card", "permit", "foreign_card" or "code": every label
// below follows it, so a new card type needs one line here and none on any screen.
QString documentKind(const QString &cardType)
{
    if (cardType == QLatin1String("hk_mo_tw_permit"))
        return QStringLiteral("permit");
    if (cardType.startsWith(QLatin1String("foreign_permanent")))
        return QStringLiteral("foreign_card");
    if (cardType == QLatin1String("netid"))
        return QStringLiteral("code");
    return QStringLiteral("id_card");
}

} // namespace

LocalizedText ResidentIdentity::documentSource() const
{
    if (!m_holder)
        return {};
    const QString kind = documentKind(cardType());
    if (kind == QLatin1String("permit"))
        return {QStringLiteral("来自居住证"), QStringLiteral("From your residence permit")};
    if (kind == QLatin1String("foreign_card"))
        return {QStringLiteral("来自永久居留身份证"), QStringLiteral("From your permanent residence card")};
    if (kind == QLatin1String("code"))
        return {QStringLiteral("来自身份码"), QStringLiteral("From your identity code")};
    return {QStringLiteral("来自身份证"), QStringLiteral("From your ID card")};
}

LocalizedText ResidentIdentity::numberLabel() const
{
    if (!m_holder)
        return {};
    const QString kind = documentKind(cardType());
    if (kind == QLatin1String("permit"))
        return {QStringLiteral("证件号码"), QStringLiteral("Permit number")};
    if (kind == QLatin1String("foreign_card"))
        return {QStringLiteral("永久居留身份证号码"), QStringLiteral("Permanent residence card number")};
    return {QStringLiteral("公民身份号码"), QStringLiteral("Citizen ID number")};
}

LocalizedText ResidentIdentity::prefilledNote() const
{
    if (!m_holder)
        return {};
    const QString kind = documentKind(cardType());
    if (kind == QLatin1String("permit"))
        return {QStringLiteral("来自居住证的信息已自动填好，只需填写其余带 * 的项目。"),
                QStringLiteral("Details from your residence permit are already filled in; just complete the other items marked *.")};
    if (kind == QLatin1String("foreign_card"))
        return {QStringLiteral("来自永久居留身份证的信息已自动填好，只需填写其余带 * 的项目。"),
                QStringLiteral("Details from your permanent residence card are already filled in; just complete the other items marked *.")};
    if (kind == QLatin1String("code"))
        return {QStringLiteral("来自身份码的信息已自动填好，只需填写其余带 * 的项目。"),
                QStringLiteral("Details from your identity code are already filled in; just complete the other items marked *.")};
    return {QStringLiteral("来自身份证的信息已自动填好，只需填写其余带 * 的项目。"),
            QStringLiteral("Details from your ID card are already filled in; just complete the other items marked *.")};
}

QString ResidentIdentity::refusalName(Refusal refusal)
{
    switch (refusal) {
    case Refusal::None: return {};
    case Refusal::Expired: return QStringLiteral("card_expired");
    case Refusal::NotYetValid: return QStringLiteral("card_not_yet_valid");
    case Refusal::Unreadable: return QStringLiteral("card_unreadable");
    }
    return {};
}

void ResidentIdentity::wipeSessionData()
{
    if (m_holder)
        m_holder->wipe();
    m_holder.reset();
    ResidentPersonalData::forget();
    m_method = Method::None;
    forgetCode();
    m_lastRefusal = Refusal::None;
    emit changed();
}
