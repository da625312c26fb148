#include "assistancecheck.h"

#include "formcheck.h"
#include "staffregistry.h"

#include <QStringList>

namespace {

bool filedByAgent(const QJsonObject &caseBody)
{
    return caseBody.value(QLatin1String("applicant")).toObject().value(QLatin1String("verified_by")).toString() == QLatin1String("agent");
}

} // namespace

namespace AssistanceCheck {

Result check(const CatalogueItem &item, const QJsonObject &caseBody)
{
    Result result;
    const QJsonObject applicant = caseBody.value(QLatin1String("applicant")).toObject();
    const QString verifiedBy = applicant.value(QLatin1String("verified_by")).toString();
    static const QStringList methods = {QStringLiteral("idcard+face"), QStringLiteral("idcard"), QStringLiteral("netid_qr"),
                                        QStringLiteral("staff_attested"), QStringLiteral("agent")};
    if (!methods.contains(verifiedBy))
        result.details.insert(QStringLiteral("applicant.verified_by"), QStringLiteral("unknown_method"));

    const bool assisted = caseBody.contains(QLatin1String("assisted_by"));
    const QString staffId = caseBody.value(QLatin1String("assisted_by")).toObject().value(QLatin1String("staff_id")).toString();
    if (assisted && !StaffRegistry::member(staffId))
        result.details.insert(QStringLiteral("assisted_by.staff_id"), QStringLiteral("unknown_staff"));

    if (verifiedBy == QLatin1String("staff_attested")) {
        if (!item.auth.contains(QLatin1String("staff_attested")))
            result.refusal = QStringLiteral("method_not_allowed");
        // A resident vouched for by staff is vouched for by someone: the case says who.
        if (!assisted)
            result.details.insert(QStringLiteral("assisted_by"), QStringLiteral("required"));
    }

    const bool hasAgent = caseBody.contains(QLatin1String("agent"));
    if (verifiedBy == QLatin1String("agent")) {
        if (!item.agentAllowed)
            result.refusal = QStringLiteral("method_not_allowed");
        const QJsonObject agent = caseBody.value(QLatin1String("agent")).toObject();
        if (!hasAgent)
            result.details.insert(QStringLiteral("agent"), QStringLiteral("required"));
        else {
            if (agent.value(QLatin1String("name")).toString().trimmed().isEmpty())
                result.details.insert(QStringLiteral("agent.name"), QStringLiteral("required"));
            if (!FormCheck::isIdNumber(agent.value(QLatin1String("id_number")).toString()))
                result.details.insert(QStringLiteral("agent.id_number"), QStringLiteral("invalid_id_number"));
            const QString agentVerifiedBy = agent.value(QLatin1String("verified_by")).toString();
            if (agentVerifiedBy != QLatin1String("idcard") && agentVerifiedBy != QLatin1String("idcard+face"))
                result.details.insert(QStringLiteral("agent.verified_by"), QStringLiteral("unknown_method"));
            static const QStringList relations = {QStringLiteral("spouse"), QStringLiteral("parent"), QStringLiteral("child"),
                                                  QStringLiteral("sibling"), QStringLiteral("other")};
            if (!relations.contains(agent.value(QLatin1String("relation")).toString()))
                result.details.insert(QStringLiteral("agent.relation"), QStringLiteral("unknown_relation"));
            if (agent.value(QLatin1String("id_number")).toString().toUpper()
                == applicant.value(QLatin1String("id_number")).toString().toUpper())
                result.details.insert(QStringLiteral("agent.id_number"), QStringLiteral("same_as_applicant"));
        }
    } else if (hasAgent) {
        result.details.insert(QStringLiteral("agent"), QStringLiteral("only_with_verified_by_agent"));
    }
    return result;
}

QString tokenIdNumber(const QJsonObject &caseBody)
{
    const QString role = filedByAgent(caseBody) ? QStringLiteral("agent") : QStringLiteral("applicant");
    return caseBody.value(role).toObject().value(QLatin1String("id_number")).toString();
}

bool needsAuthorisation(const CatalogueItem &item, const QJsonObject &caseBody)
{
    return item.agentAuthorisation && item.agentAuthorisation->required && filedByAgent(caseBody);
}

} // namespace AssistanceCheck
