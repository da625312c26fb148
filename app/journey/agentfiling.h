#pragma once

#include "catalogue.h"
#include "idcard/idcardholder.h"
#include "sessionmachine.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <optional>

// Someone filing for another person (亲属代办, platform-api.md 1.1 "Acting for another person"):
// the agent identifies with their own card as usual; for an item whose catalogue entry says
// `agent_allowed`, they then name the person they act for (the principal: name, card type and
// number, checked by TypedIdNumber) and how they are related. The application is the
// principal's (its form prefilled with the principal's name and number), the case carries the
// agent, and the item's authorisation material (授权委托书) is asked for. All of it is the
// session's: the wipe overwrites the principal as it does a card.
class AgentFiling : public QObject, public SessionWipeable
{
    Q_OBJECT
    Q_PROPERTY(bool acting READ isActing NOTIFY changed)
    Q_PROPERTY(QString principalMaskedName READ principalMaskedName NOTIFY changed)
    Q_PROPERTY(QString principalMaskedIdNumber READ principalMaskedIdNumber NOTIFY changed)
    Q_PROPERTY(QString relation READ relation NOTIFY changed)

public:
    // The relations the contract names, in the order the screen offers them.
    [[nodiscard]] static const QStringList &relations();

    explicit AgentFiling(SessionMachine *session, QObject *parent = nullptr);
    ~AgentFiling() override;

    // The agent (identified by `agentCard`) acts for the principal; empty when taken, else why
    // not: "principal_name_missing", "principal_id_number_<problem>" (TypedIdNumber),
    // "relation_unknown", "principal_is_agent".
    [[nodiscard]] QString actFor(const IdCardHolder &agentCard, const QString &principalName, IdCardHolder::CardType principalType,
                                 const QString &principalIdNumber, const QString &relation);
    void stop();
    [[nodiscard]] bool isActing() const { return m_principal.has_value(); }
    // The person the application is for, as the form is prefilled from it.
    [[nodiscard]] const IdCardHolder *principal() const { return m_principal ? &*m_principal : nullptr; }
    [[nodiscard]] QString relation() const { return m_relation; }
    // What a screen may show of the principal.
    [[nodiscard]] QString principalMaskedName() const;
    [[nodiscard]] QString principalMaskedIdNumber() const;

    // The item as an agent files it: its materials and, when the catalogue asks agents for one,
    // the authorisation after them.
    [[nodiscard]] static CatalogueItem itemForAgent(const CatalogueItem &item);
    // The case's `agent` object: who filed (the card holder), how they were verified, and how
    // they are related to the applicant.
    [[nodiscard]] QJsonObject agentJson(const IdCardHolder &agentCard, const QString &verifiedBy) const;

    void wipeSessionData() override;

signals:
    void changed();

private:
    SessionMachine *m_session;
    std::optional<IdCardHolder> m_principal;
    QString m_relation;
};
