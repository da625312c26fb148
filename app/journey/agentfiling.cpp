#include "agentfiling.h"

#include "common/personaldata.h"
#include "common/residentpersonaldata.h"
#include "typedidnumber.h"

#include <QStringList>

const QStringList &AgentFiling::relations()
{
    static const QStringList names = {QStringLiteral("parent"), QStringLiteral("child"), QStringLiteral("spouse"),
                                      QStringLiteral("sibling"), QStringLiteral("other")};
    return names;
}

AgentFiling::AgentFiling(SessionMachine *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_session->addWipeable(this);
}

AgentFiling::~AgentFiling()
{
    m_session->removeWipeable(this);
}

QString AgentFiling::actFor(const IdCardHolder &agentCard, const QString &principalName, IdCardHolder::CardType principalType,
                            const QString &principalIdNumber, const QString &relation)
{
    if (principalName.trimmed().isEmpty())
        return QStringLiteral("principal_name_missing");
    const TypedIdNumber::Problem problem = TypedIdNumber::check(principalType, principalIdNumber);
    if (problem != TypedIdNumber::Problem::None)
        return QStringLiteral("principal_id_number_") + TypedIdNumber::problemName(problem);
    if (!relations().contains(relation))
        return QStringLiteral("relation_unknown");
    const QString number = TypedIdNumber::normalised(principalIdNumber);
    if (number == agentCard.idNumber.toUpper())
        return QStringLiteral("principal_is_agent");
    IdCardHolder principal;
    principal.type = principalType;
    principal.name = principalName.trimmed();
    principal.idNumber = number;
    stop();
    m_principal = principal;
    m_relation = relation;
    // The principal is personal data like the card holder's: the log scrubber masks them too,
    // until the session's wipe forgets both (ResidentIdentity).
    QList<ResidentPersonalData::Value> remembered = ResidentPersonalData::remembered();
    remembered.append({ResidentPersonalData::Kind::Name, principal.name});
    remembered.append({ResidentPersonalData::Kind::Number, principal.idNumber});
    ResidentPersonalData::remember(remembered);
    emit changed();
    return {};
}

void AgentFiling::stop()
{
    const bool was = isActing();
    if (m_principal)
        m_principal->wipe();
    m_principal.reset();
    m_relation.clear();
    if (was)
        emit changed();
}

QString AgentFiling::principalMaskedName() const
{
    return m_principal ? PersonalData::maskName(m_principal->name) : QString();
}

QString AgentFiling::principalMaskedIdNumber() const
{
    return m_principal ? PersonalData::maskIdNumber(m_principal->idNumber) : QString();
}

CatalogueItem AgentFiling::itemForAgent(const CatalogueItem &item)
{
    CatalogueItem forAgent = item;
    if (item.agentAuthorisation)
        forAgent.materials.append(*item.agentAuthorisation);
    return forAgent;
}

QJsonObject AgentFiling::agentJson(const IdCardHolder &agentCard, const QString &verifiedBy) const
{
    return {{QStringLiteral("name"), agentCard.name.isEmpty() ? agentCard.nameEn : agentCard.name},
            {QStringLiteral("id_number"), agentCard.idNumber},
            {QStringLiteral("verified_by"), verifiedBy},
            {QStringLiteral("relation"), m_relation}};
}

void AgentFiling::wipeSessionData()
{
    stop();
}
