#include "platformresult.h"

#include "requestsigner.h"
#include "responseshape.h"

#include <QLocale>
#include <QTimeZone>

namespace {

std::optional<int> retryAfter(const QHash<QByteArray, QByteArray> &headers)
{
    bool ok = false;
    const int seconds = headers.value("retry-after").trimmed().toInt(&ok);
    if (ok && seconds >= 0)
        return seconds;
    return std::nullopt;
}

PlatformResult malformed(PlatformResult result, const QString &problem)
{
    // The contract: a body that is not the documented shape is treated as 502.
    result.outcome = PlatformOutcome::Transient;
    result.errorCode = QStringLiteral("malformed");
    result.message = QStringLiteral("HTTP %1 with a body of the wrong shape at %2").arg(result.httpStatus).arg(problem);
    result.httpStatus = 502;
    result.body = {};
    result.content.clear();
    return result;
}

PlatformOutcome outcomeForError(int status, const QString &code)
{
    if (status == 401 && code == QLatin1String("clock_skew"))
        return PlatformOutcome::ClockSkew;
    // A replayed nonce can only be the network stack resending the same signed bytes after a
    // dropped connection: signing again with a fresh nonce is the cure, so it is transient.
    if (status == 401 && code == QLatin1String("replayed"))
        return PlatformOutcome::Transient;
    // 409 in_progress is the first request with the key still running: later it has its answer.
    // Every other 409 (group_closed, already_paid, … of contract 1.1) is the answer itself.
    if (status == 409)
        return code == QLatin1String("in_progress") ? PlatformOutcome::Transient : PlatformOutcome::Permanent;
    if (status == 429 || status >= 500)
        return PlatformOutcome::Transient;
    return PlatformOutcome::Permanent;
}

} // namespace

LocalizedText PlatformResult::userMessage() const
{
    switch (outcome) {
    case PlatformOutcome::Ok:
        return {};
    case PlatformOutcome::Transient:
    case PlatformOutcome::ClockSkew:
        return {QStringLiteral("政务服务平台暂时无法连接，请稍后再试。"),
                QStringLiteral("The government service platform cannot be reached right now. Please try again later.")};
    case PlatformOutcome::Permanent:
        break;
    }
    if (errorCode == QLatin1String("validation_failed"))
        return {QStringLiteral("填写的信息未通过校验，请检查后重新提交。"),
                QStringLiteral("Some of the information did not pass the check. Please review it and submit again.")};
    if (errorCode == QLatin1String("item_closed"))
        return {QStringLiteral("该事项暂停办理。"), QStringLiteral("This service is not available at the moment.")};
    if (errorCode == QLatin1String("not_found"))
        return {QStringLiteral("未找到相关记录。"), QStringLiteral("No matching record was found.")};
    return {QStringLiteral("暂时无法办理，请联系工作人员。"),
            QStringLiteral("This cannot be completed here. Please ask a member of staff.")};
}

QString PlatformResult::summary() const
{
    QString text = httpStatus ? QString::number(httpStatus) : QStringLiteral("no response");
    if (!errorCode.isEmpty())
        text += QLatin1Char(' ') + errorCode;
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    if (!requestId.isEmpty())
        text += QStringLiteral(" (request %1)").arg(requestId);
    return text;
}

PlatformResult PlatformResult::networkFailure(const QString &code, const QString &message)
{
    PlatformResult result;
    result.outcome = PlatformOutcome::Transient;
    result.errorCode = code;
    result.message = message;
    return result;
}

namespace PlatformResponse {

QDateTime parseTime(const QByteArray &text)
{
    const QString s = QString::fromLatin1(text).trimmed();
    if (s.isEmpty())
        return {};
    if (s.endsWith(QLatin1String(" GMT"))) {
        QDateTime t = QLocale::c().toDateTime(s.left(s.size() - 4), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        if (!t.isValid())
            return {};
        t.setTimeZone(QTimeZone::utc());
        return t;
    }
    return RequestSigner::parseTimestamp(text);
}

PlatformResult classify(PlatformEndpoint endpoint, int status, const QHash<QByteArray, QByteArray> &headers,
                        const QByteArray &body)
{
    PlatformResult result;
    result.httpStatus = status;
    result.requestId = QString::fromLatin1(headers.value("x-request-id"));
    result.serverTime = parseTime(headers.value("date"));
    result.replayed = headers.value("idempotent-replayed").trimmed().toLower() == "true";
    result.etag = headers.value("etag");
    result.retryAfterS = retryAfter(headers);

    if (endpoint == PlatformEndpoint::Catalogue && status == 304) {
        result.outcome = PlatformOutcome::Ok;
        result.notModified = true;
        return result;
    }
    if (status >= 200 && status < 300) {
        const QString problem = ResponseShape::check(endpoint, headers, body, &result.body);
        if (!problem.isEmpty())
            return malformed(result, problem);
        if (endpoint == PlatformEndpoint::Document || endpoint == PlatformEndpoint::Catalogue)
            result.content = body;
        result.outcome = PlatformOutcome::Ok;
        return result;
    }

    QJsonObject error;
    const QString problem = ResponseShape::checkError(body, &error);
    if (!problem.isEmpty())
        return malformed(result, problem);
    // The error's message is the platform's free text about this resident's call: it may name
    // them or quote what they typed. Only its code is kept, so that no log line, parked outbox
    // entry or staff screen repeats it.
    result.errorCode = error.value(QLatin1String("code")).toString();
    result.details = error.value(QLatin1String("details")).toObject();
    result.outcome = outcomeForError(status, result.errorCode);
    if (result.outcome == PlatformOutcome::ClockSkew) {
        // Date is what the contract names; details.server_time is taken when a proxy rewrote Date.
        const QDateTime fromDetails = parseTime(result.details.value(QLatin1String("server_time")).toString().toLatin1());
        if (fromDetails.isValid())
            result.serverTime = fromDetails;
        if (!result.serverTime.isValid())
            return malformed(result, QStringLiteral("clock_skew without a Date"));
    }
    return result;
}

} // namespace PlatformResponse
