#pragma once

#include "catalogue.h"

#include <QJsonObject>
#include <QString>

// The platform's checks of who a case says helped and for whom (platform-api.md 1.1, "People
// helping residents"), as pure functions beside FormCheck: how the applicant was verified and
// whether the item allows it, the staff member who assisted, and the agent acting for the
// applicant with the authorisation the item asks of agents.
namespace AssistanceCheck {

struct Result {
    QString refusal;     // "method_not_allowed" when the item does not allow how it was done
    QJsonObject details; // field → reason, for 422 validation_failed
};

[[nodiscard]] Result check(const CatalogueItem &item, const QJsonObject &caseBody);

// Whose holder token the case must carry: the agent's for a case filed by an agent (they are
// the one the kiosk identified), else the applicant's.
[[nodiscard]] QString tokenIdNumber(const QJsonObject &caseBody);

// The catalogue's authorisation material (CatalogueItem::agentAuthorisation) must come with this
// case: an agent files it and the item requires the authorisation.
[[nodiscard]] bool needsAuthorisation(const CatalogueItem &item, const QJsonObject &caseBody);

} // namespace AssistanceCheck
