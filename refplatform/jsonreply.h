#pragma once

#include "httpmessage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// The platform's JSON answers as the contract shapes them, for the handlers that live outside
// RefPlatform (hall counters, payments, complaints): a body, or an error with its code.
namespace JsonReply {

[[nodiscard]] inline HttpResponse body(int status, const QJsonObject &object)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/json; charset=utf-8");
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

[[nodiscard]] inline HttpResponse error(int status, const QString &code, const QString &message, const QJsonObject &details = {})
{
    return body(status, {{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                               {QStringLiteral("message"), message},
                                                               {QStringLiteral("details"), details}}}});
}

} // namespace JsonReply
