#pragma once

#include "platformresult.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>

// The response shapes of reference/platform-api.md, checked field by field so the rest of the
// kiosk can trust what the client hands it. Each check returns the path of the first field that
// does not fit, or an empty string for a body of the right shape.
namespace ResponseShape {

// Checks a successful response body from `endpoint`; on success `json` holds the parsed object
// (left empty for a document, which is not JSON).
[[nodiscard]] QString check(PlatformEndpoint endpoint, const QHash<QByteArray, QByteArray> &headers,
                            const QByteArray &body, QJsonObject *json);

// Checks the contract's error object {"error": {"code", "message", "details"}}.
[[nodiscard]] QString checkError(const QByteArray &body, QJsonObject *error);

// A case number: the 6-digit division, the 8-digit date, a 6-digit sequence.
[[nodiscard]] bool isCaseNumber(const QString &text);

// A document_url the kiosk may fetch: a plain path under /documents/ on the platform's own
// origin. The licence list and a filed case's reply are held to the same rule.
[[nodiscard]] bool isDocumentPath(const QString &text);

} // namespace ResponseShape
