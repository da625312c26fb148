#include "responseshape.h"

#include "catalogue.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QUrl>

namespace ResponseShape {

namespace {

bool isTime(const QJsonValue &value)
{
    return value.isString() && PlatformResponse::parseTime(value.toString().toLatin1()).isValid();
}

bool isText(const QJsonValue &value)
{
    return value.isString() && !value.toString().isEmpty();
}

bool isLocalized(const QJsonValue &value)
{
    return value.isObject() && isText(value.toObject().value(QLatin1String("zh")));
}

bool isOneOf(const QJsonValue &value, std::initializer_list<const char *> choices)
{
    if (!value.isString())
        return false;
    for (const char *choice : choices) {
        if (value.toString() == QLatin1String(choice))
            return true;
    }
    return false;
}

QString checkCase(const QJsonObject &o, const QString &path)
{
    if (!isCaseNumber(o.value(QLatin1String("case_no")).toString()))
        return path + QLatin1String(".case_no");
    if (!isText(o.value(QLatin1String("item_code"))))
        return path + QLatin1String(".item_code");
    // awaiting_payment and cancelled (not paid in time) belong to fee items (contract 1.1).
    if (!isOneOf(o.value(QLatin1String("status")),
                 {"accepted", "in_review", "approved", "rejected", "needs_materials", "awaiting_payment", "cancelled"}))
        return path + QLatin1String(".status");
    if (o.contains(QLatin1String("document_url")) && !isDocumentPath(o.value(QLatin1String("document_url")).toString()))
        return path + QLatin1String(".document_url");
    const QJsonValue history = o.value(QLatin1String("history"));
    if (!history.isArray())
        return path + QLatin1String(".history");
    const QJsonArray entries = history.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject e = entries.at(i).toObject();
        const QString where = path + QStringLiteral(".history[%1]").arg(i);
        if (!isTime(e.value(QLatin1String("at"))))
            return where + QLatin1String(".at");
        if (!isText(e.value(QLatin1String("status"))))
            return where + QLatin1String(".status");
        if (e.contains(QLatin1String("note")) && !isLocalized(e.value(QLatin1String("note"))))
            return where + QLatin1String(".note");
    }
    return {};
}

QString checkJson(PlatformEndpoint endpoint, const QJsonObject &o)
{
    switch (endpoint) {
    case PlatformEndpoint::Enroll: {
        if (!isText(o.value(QLatin1String("terminal_id"))))
            return QStringLiteral("terminal_id");
        const QByteArray secret = QByteArray::fromBase64(o.value(QLatin1String("secret")).toString().toLatin1(),
                                                         QByteArray::AbortOnBase64DecodingErrors);
        if (secret.size() != 32)
            return QStringLiteral("secret");
        static const QRegularExpression division(QStringLiteral("^\\d{6}$"));
        if (!division.match(o.value(QLatin1String("division_code")).toString()).hasMatch())
            return QStringLiteral("division_code");
        if (!isTime(o.value(QLatin1String("server_time"))))
            return QStringLiteral("server_time");
        return {};
    }
    case PlatformEndpoint::Catalogue:
    case PlatformEndpoint::Document:
        return {}; // checked on the raw bytes
    case PlatformEndpoint::IdentityVerify: {
        const QJsonValue verified = o.value(QLatin1String("verified"));
        if (!verified.isBool())
            return QStringLiteral("verified");
        if (verified.toBool()) {
            if (!isText(o.value(QLatin1String("holder_token"))))
                return QStringLiteral("holder_token");
            if (!o.value(QLatin1String("score")).isDouble())
                return QStringLiteral("score");
            if (o.value(QLatin1String("expires_in")).toInt(0) <= 0)
                return QStringLiteral("expires_in");
        } else if (!isOneOf(o.value(QLatin1String("reason")), {"face_mismatch", "card_invalid", "card_expired", "qr_expired"})) {
            return QStringLiteral("reason");
        }
        return {};
    }
    case PlatformEndpoint::StaffVerify: {
        if (!isText(o.value(QLatin1String("staff_id"))))
            return QStringLiteral("staff_id");
        if (!isLocalized(o.value(QLatin1String("display_name"))))
            return QStringLiteral("display_name");
        if (!isText(o.value(QLatin1String("staff_token"))))
            return QStringLiteral("staff_token");
        if (o.value(QLatin1String("expires_in")).toInt(0) <= 0)
            return QStringLiteral("expires_in");
        return {};
    }
    case PlatformEndpoint::Materials: {
        if (!o.value(QLatin1String("material_ref")).toString().startsWith(QLatin1Char('M')))
            return QStringLiteral("material_ref");
        static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
        if (!sha.match(o.value(QLatin1String("sha256")).toString()).hasMatch())
            return QStringLiteral("sha256");
        return {};
    }
    case PlatformEndpoint::SubmitCase: {
        if (!isCaseNumber(o.value(QLatin1String("case_no")).toString()))
            return QStringLiteral("case_no");
        if (!isOneOf(o.value(QLatin1String("status")), {"accepted", "approved", "rejected", "awaiting_payment"}))
            return QStringLiteral("status");
        if (o.value(QLatin1String("status")).toString() == QLatin1String("awaiting_payment")) {
            // A fee item's case waits for its payment: the code, the amount and until when.
            const QJsonObject payment = o.value(QLatin1String("payment")).toObject();
            if (!isText(payment.value(QLatin1String("payment_id"))))
                return QStringLiteral("payment.payment_id");
            if (payment.value(QLatin1String("amount_fen")).toInt(0) <= 0)
                return QStringLiteral("payment.amount_fen");
            if (!isText(payment.value(QLatin1String("qr_payload"))) || payment.value(QLatin1String("qr_payload")).toString().size() > 512)
                return QStringLiteral("payment.qr_payload");
            if (!isTime(payment.value(QLatin1String("expires_at"))))
                return QStringLiteral("payment.expires_at");
        }
        if (!isLocalized(o.value(QLatin1String("message"))))
            return QStringLiteral("message");
        if (o.contains(QLatin1String("due"))
            && !QDate::fromString(o.value(QLatin1String("due")).toString(), Qt::ISODate).isValid())
            return QStringLiteral("due");
        if (o.contains(QLatin1String("document_url")) && !isDocumentPath(o.value(QLatin1String("document_url")).toString()))
            return QStringLiteral("document_url");
        return {};
    }
    case PlatformEndpoint::CaseStatus:
        return checkCase(o, QStringLiteral("case"));
    case PlatformEndpoint::CaseList: {
        const QJsonValue cases = o.value(QLatin1String("cases"));
        if (!cases.isArray())
            return QStringLiteral("cases");
        const QJsonArray list = cases.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString problem = checkCase(list.at(i).toObject(), QStringLiteral("cases[%1]").arg(i));
            if (!problem.isEmpty())
                return problem;
        }
        return {};
    }
    case PlatformEndpoint::Licenses: {
        const QJsonValue licenses = o.value(QLatin1String("licenses"));
        if (!licenses.isArray())
            return QStringLiteral("licenses");
        const QJsonArray list = licenses.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject l = list.at(i).toObject();
            const QString where = QStringLiteral("licenses[%1]").arg(i);
            if (!isText(l.value(QLatin1String("id"))))
                return where + QLatin1String(".id");
            if (!isLocalized(l.value(QLatin1String("type"))))
                return where + QLatin1String(".type");
            if (!isText(l.value(QLatin1String("issued"))))
                return where + QLatin1String(".issued");
            if (!isDocumentPath(l.value(QLatin1String("document_url")).toString()))
                return where + QLatin1String(".document_url");
        }
        return {};
    }
    case PlatformEndpoint::Evaluations:
        return isText(o.value(QLatin1String("evaluation_id"))) ? QString() : QStringLiteral("evaluation_id");
    case PlatformEndpoint::Screenshots:
        return isText(o.value(QLatin1String("screenshot_id"))) ? QString() : QStringLiteral("screenshot_id");
    case PlatformEndpoint::Payments:
        if (!isOneOf(o.value(QLatin1String("state")), {"pending", "paid", "expired", "cancelled", "refunded"}))
            return QStringLiteral("state");
        if (o.contains(QLatin1String("receipt_url")) && !isDocumentPath(o.value(QLatin1String("receipt_url")).toString()))
            return QStringLiteral("receipt_url");
        return {};
    case PlatformEndpoint::Complaints:
        return isText(o.value(QLatin1String("complaint_no"))) ? QString() : QStringLiteral("complaint_no");
    case PlatformEndpoint::TicketGroups: {
        const QJsonValue groups = o.value(QLatin1String("groups"));
        if (!groups.isArray())
            return QStringLiteral("groups");
        const QJsonArray list = groups.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject g = list.at(i).toObject();
            const QString where = QStringLiteral("groups[%1]").arg(i);
            if (!isText(g.value(QLatin1String("id"))))
                return where + QLatin1String(".id");
            if (!isLocalized(g.value(QLatin1String("name"))))
                return where + QLatin1String(".name");
            if (g.value(QLatin1String("waiting")).toInt(-1) < 0)
                return where + QLatin1String(".waiting");
            if (g.value(QLatin1String("estimated_wait_min")).toInt(-1) < 0)
                return where + QLatin1String(".estimated_wait_min");
            if (!g.value(QLatin1String("open")).isBool())
                return where + QLatin1String(".open");
        }
        return {};
    }
    case PlatformEndpoint::Tickets:
        if (!isText(o.value(QLatin1String("ticket_no"))))
            return QStringLiteral("ticket_no");
        if (!isText(o.value(QLatin1String("group"))))
            return QStringLiteral("group");
        if (o.value(QLatin1String("waiting_before")).toInt(-1) < 0)
            return QStringLiteral("waiting_before");
        if (o.value(QLatin1String("estimated_wait_min")).toInt(-1) < 0)
            return QStringLiteral("estimated_wait_min");
        if (!isTime(o.value(QLatin1String("issued_at"))))
            return QStringLiteral("issued_at");
        return {};
    case PlatformEndpoint::Appointments: {
        const QJsonValue appointments = o.value(QLatin1String("appointments"));
        if (!appointments.isArray())
            return QStringLiteral("appointments");
        const QJsonArray list = appointments.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject a = list.at(i).toObject();
            const QString where = QStringLiteral("appointments[%1]").arg(i);
            if (!isText(a.value(QLatin1String("id"))))
                return where + QLatin1String(".id");
            if (!isText(a.value(QLatin1String("group"))))
                return where + QLatin1String(".group");
            if (!isTime(a.value(QLatin1String("slot_start"))))
                return where + QLatin1String(".slot_start");
        }
        return {};
    }
    case PlatformEndpoint::AssistCall: {
        if (!isText(o.value(QLatin1String("call_id"))))
            return QStringLiteral("call_id");
        const QUrl url(o.value(QLatin1String("signalling_url")).toString());
        if (!url.isValid() || (url.scheme() != QLatin1String("wss") && url.scheme() != QLatin1String("ws")))
            return QStringLiteral("signalling_url");
        if (!o.value(QLatin1String("ice_servers")).isArray())
            return QStringLiteral("ice_servers");
        if (!o.value(QLatin1String("queue_position")).isDouble() || o.value(QLatin1String("queue_position")).toInt() < 0)
            return QStringLiteral("queue_position");
        return {};
    }
    case PlatformEndpoint::Heartbeat: {
        if (!isTime(o.value(QLatin1String("server_time"))))
            return QStringLiteral("server_time");
        if (!isText(o.value(QLatin1String("catalogue_version"))))
            return QStringLiteral("catalogue_version");
        const QJsonValue commands = o.value(QLatin1String("commands"));
        if (!commands.isArray())
            return QStringLiteral("commands");
        const QJsonArray list = commands.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject c = list.at(i).toObject();
            const QString where = QStringLiteral("commands[%1]").arg(i);
            if (!isText(c.value(QLatin1String("id"))))
                return where + QLatin1String(".id");
            // The commands of contract 1.0 and 1.1; the arguments of each are checked where it
            // is carried out, so a bad one fails that command (acknowledged) and not the heartbeat.
            if (!isOneOf(c.value(QLatin1String("name")), {"reload_catalogue", "lock", "unlock", "collect_diagnostics", "restart", "notice",
                                                          "screenshot", "update"}))
                return where + QLatin1String(".name");
        }
        return {};
    }
    }
    return QStringLiteral("endpoint");
}

} // namespace

bool isCaseNumber(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{20}$"));
    if (!shape.match(text).hasMatch())
        return false;
    return QDate::fromString(text.mid(6, 8), QStringLiteral("yyyyMMdd")).isValid();
}

QString check(PlatformEndpoint endpoint, const QHash<QByteArray, QByteArray> &headers, const QByteArray &body,
              QJsonObject *json)
{
    if (endpoint == PlatformEndpoint::Document) {
        if (!headers.value("content-type").startsWith("application/pdf"))
            return QStringLiteral("content-type");
        if (!body.startsWith("%PDF-") || !body.trimmed().endsWith("%%EOF"))
            return QStringLiteral("document");
        return {};
    }
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return QStringLiteral("body (not a JSON object)");
    if (endpoint == PlatformEndpoint::Catalogue) {
        QString error;
        QStringList ignored; // logged when the catalogue is offered, not on every fetch
        if (!Catalogue::fromJson(body, &error, &ignored))
            return error;
    }
    const QString problem = checkJson(endpoint, doc.object());
    if (problem.isEmpty() && json)
        *json = doc.object();
    return problem;
}

QString checkError(const QByteArray &body, QJsonObject *error)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return QStringLiteral("body (not a JSON object)");
    const QJsonValue e = doc.object().value(QLatin1String("error"));
    if (!e.isObject())
        return QStringLiteral("error");
    const QJsonObject o = e.toObject();
    if (!isText(o.value(QLatin1String("code"))))
        return QStringLiteral("error.code");
    if (!o.value(QLatin1String("message")).isString())
        return QStringLiteral("error.message");
    if (o.contains(QLatin1String("details")) && !o.value(QLatin1String("details")).isObject())
        return QStringLiteral("error.details");
    if (error)
        *error = o;
    return {};
}

bool isDocumentPath(const QString &text)
{
    // A path under /documents/ of the configured platform, nothing else: no scheme or host
    // ("https://elsewhere/…", "//elsewhere/…"), no climbing out ("/documents/../…", also
    // percent-encoded), no query or fragment that could smuggle a second holder token, and
    // nothing that QUrl would quietly rewrite.
    static const QRegularExpression shape(QStringLiteral("^/documents/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*$"));
    if (!shape.match(text).hasMatch())
        return false;
    const QStringList segments = text.split(QLatin1Char('/'));
    return !segments.contains(QStringLiteral("..")) && !segments.contains(QStringLiteral("."));
}

} // namespace ResponseShape
