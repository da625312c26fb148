#include "residentidentity.h"

#include "applog.h"
#include "common/personaldata.h"

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
        }
    } else {
        qCInfo(lcSession) << "resident identified by card:" << holder.maskedDescription();
        if (m_holder)
            m_holder->wipe();
        m_holder = holder;
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
    m_method = Method::None;
    forgetCode();
    m_lastRefusal = Refusal::None;
    emit changed();
}
