// The case routes of the contract: materials, cases and their status, the resident's list of cases
// and licences, documents, and ratings. Kept apart from refplatform.cpp, which authenticates,
// routes and serves enrolment, the catalogue, identity and the heartbeat.
#include "refplatform.h"

#include "assistancecheck.h"
#include "formcheck.h"
#include "hexvalues.h"
#include "common/personaldata.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

namespace {

constexpr qsizetype maxMaterialBytes = 10 * 1024 * 1024;

QJsonObject localized(const char *zh, const char *en)
{
    return {{QStringLiteral("zh"), QString::fromUtf8(zh)}, {QStringLiteral("en"), QString::fromUtf8(en)}};
}

// A one-page PDF written by hand: the server stays free of QtGui, and the kiosk's printing code
// gets a real document to print. Text is ASCII (the standard Helvetica font has no CJK).
QByteArray minimalPdf(const QStringList &lines)
{
    QByteArray content = "BT /F1 14 Tf 56 780 Td 18 TL\n";
    for (const QString &line : lines) {
        QByteArray text = line.toLatin1();
        text.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
        content += "(" + text + ") Tj T*\n";
    }
    content += "ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace

QString RefPlatform::holderOf(const QByteArray &token) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT holder FROM holders WHERE token = ? AND expires_at > ?"));
    q.addBindValue(QString::fromLatin1(token));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

HttpResponse RefPlatform::uploadMaterial(const HttpRequest &request, const Auth &auth)
{
    const QString materialId = QString::fromUtf8(request.headers.value("x-material-id"));
    const QByteArray contentType = request.headers.value("content-type");
    if (materialId.isEmpty())
        return error(400, QStringLiteral("bad_request"), QStringLiteral("X-Material-Id is required"));
    QJsonObject details;
    const QByteArray sha = sha256Hex(request.body);
    if (request.headers.value("x-content-sha256").toLower() != sha)
        details.insert(QStringLiteral("content"), QStringLiteral("sha256_mismatch"));
    if (request.body.size() > maxMaterialBytes)
        details.insert(QStringLiteral("content"), QStringLiteral("too_large"));
    if (!contentType.startsWith("image/jpeg") && !contentType.startsWith("application/pdf"))
        details.insert(QStringLiteral("content_type"), QStringLiteral("unsupported"));
    if (!details.isEmpty())
        return error(422, QStringLiteral("validation_failed"), QStringLiteral("the material was refused"), details);
    const QString ref = QStringLiteral("M") + QString::fromLatin1(randomHex(m_random, 10));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO materials (material_ref, terminal_id, material_id, sha256, size, content_type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(ref);
    q.addBindValue(auth.terminalId);
    q.addBindValue(materialId);
    q.addBindValue(QString::fromLatin1(sha));
    q.addBindValue(request.body.size());
    q.addBindValue(QString::fromLatin1(contentType));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.exec();
    return json(201, {{QStringLiteral("material_ref"), ref}, {QStringLiteral("sha256"), QString::fromLatin1(sha)}});
}

HttpResponse RefPlatform::submitCase(const HttpRequest &request, const Auth &auth, const QString &idempotencyKey)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return error(400, QStringLiteral("bad_request"), QStringLiteral("the body is not a JSON object"));
    const QJsonObject body = doc.object();
    const CatalogueItem *item = m_catalogue->item(body.value(QLatin1String("item_code")).toString());
    if (!item)
        return error(422, QStringLiteral("item_closed"), QStringLiteral("this terminal does not offer that item"));

    QJsonObject details = FormCheck::check(*item, body.value(QLatin1String("form")).toObject());
    const QJsonObject applicant = body.value(QLatin1String("applicant")).toObject();
    const QString idNumber = applicant.value(QLatin1String("id_number")).toString();
    if (applicant.value(QLatin1String("name")).toString().trimmed().isEmpty())
        details.insert(QStringLiteral("applicant.name"), QStringLiteral("required"));
    if (!FormCheck::isIdNumber(idNumber))
        details.insert(QStringLiteral("applicant.id_number"), QStringLiteral("invalid_id_number"));
    const AssistanceCheck::Result assistance = AssistanceCheck::check(*item, body);
    if (!assistance.refusal.isEmpty())
        return error(422, assistance.refusal, QStringLiteral("the item does not allow this way of filing"), assistance.details);
    for (auto it = assistance.details.begin(); it != assistance.details.end(); ++it)
        details.insert(it.key(), it.value());
    if (body.value(QLatin1String("local_ref")).toString().isEmpty())
        details.insert(QStringLiteral("local_ref"), QStringLiteral("required"));
    // A token, when the case carries one, must still be honoured and be the applicant's own; a
    // case queued offline comes without one and is verified from its applicant here.
    if (body.contains(QLatin1String("holder_token"))) {
        const QString tokenHolder = holderOf(body.value(QLatin1String("holder_token")).toString().toLatin1());
        if (tokenHolder.isEmpty())
            details.insert(QStringLiteral("holder_token"), QStringLiteral("expired"));
        else if (tokenHolder != QString::fromLatin1(sha256Hex(AssistanceCheck::tokenIdNumber(body).toUpper().toLatin1())))
            details.insert(QStringLiteral("holder_token"), QStringLiteral("not_the_applicant"));
    }

    QSet<QString> attached;
    const QJsonArray refs = body.value(QLatin1String("materials")).toArray();
    QSqlQuery q(m_db);
    for (const QJsonValue &ref : refs) {
        q.prepare(QStringLiteral("SELECT material_id FROM materials WHERE material_ref = ? AND terminal_id = ?"));
        q.addBindValue(ref.toString());
        q.addBindValue(auth.terminalId);
        if (q.exec() && q.next())
            attached.insert(q.value(0).toString());
        else
            details.insert(QStringLiteral("materials"), QStringLiteral("unknown_material_ref"));
    }
    for (const MaterialSpec &m : item->materials) {
        if (m.required && !attached.contains(m.id))
            details.insert(QStringLiteral("materials.") + m.id, QStringLiteral("required"));
    }
    if (AssistanceCheck::needsAuthorisation(*item, body) && !attached.contains(item->agentAuthorisation->id))
        details.insert(QStringLiteral("materials.") + item->agentAuthorisation->id, QStringLiteral("required"));
    const QString theme = body.value(QLatin1String("theme")).toString();
    if (!theme.isEmpty()) {
        const CatalogueTheme *t = m_catalogue->theme(theme);
        if (!t || !t->itemCodes.contains(item->code))
            details.insert(QStringLiteral("theme"), QStringLiteral("unknown_theme"));
    }
    PostalShipments::check(*item, body, &details);
    if (!details.isEmpty())
        return error(422, QStringLiteral("validation_failed"), QStringLiteral("the application does not pass the item's checks"), details);

    const QString date = now().toOffsetFromUtc(8 * 3600).toString(QStringLiteral("yyyyMMdd"));
    const QString prefix = auth.division + date;
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM cases WHERE case_no LIKE ?"));
    q.addBindValue(prefix + QLatin1Char('%'));
    q.exec();
    q.next();
    const QString caseNumber = prefix + QStringLiteral("%1").arg(q.value(0).toInt() + 1, 6, 10, QLatin1Char('0'));
    const bool print = item->kind == ItemKind::Print;
    q.prepare(QStringLiteral("INSERT INTO cases (case_no, terminal_id, item_code, local_ref, idempotency_key, applicant, holder, "
                             "instant, print, theme, materials, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(caseNumber);
    q.addBindValue(auth.terminalId);
    q.addBindValue(item->code);
    q.addBindValue(body.value(QLatin1String("local_ref")).toString());
    q.addBindValue(idempotencyKey);
    // The reference platform keeps only masked personal data: it runs on developers' machines.
    q.addBindValue(PersonalData::maskName(applicant.value(QLatin1String("name")).toString()) + QLatin1Char(' ')
                   + PersonalData::maskIdNumber(idNumber));
    q.addBindValue(QString::fromLatin1(sha256Hex(idNumber.toUpper().toLatin1())));
    q.addBindValue(item->instant ? 1 : 0);
    q.addBindValue(print ? 1 : 0);
    q.addBindValue(theme);
    q.addBindValue(refs.size());
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return error(500, QStringLiteral("unavailable"), q.lastError().text());

    if (!m_shipments->record(caseNumber, body))
        return error(500, QStringLiteral("unavailable"), QStringLiteral("the delivery was not stored"));
    m_staff.recordCase(caseNumber, body);
    QJsonObject response{{QStringLiteral("case_no"), caseNumber}};
    if (item->fee) {
        // A fee item waits for its payment; the document follows once it is paid.
        const QString payBase = QStringLiteral("%1://%2").arg(request.secure ? QStringLiteral("https") : QStringLiteral("http"),
                                                              QString::fromLatin1(request.headers.value("host")));
        response.insert(QStringLiteral("status"), QStringLiteral("awaiting_payment"));
        response.insert(QStringLiteral("message"), localized("请扫码缴费", "Please pay by phone"));
        response.insert(QStringLiteral("payment"), m_payments->issue(caseNumber, auth.terminalId, qMax(1, item->fee->amountFen), payBase, now()));
    } else if (item->instant) {
        response.insert(QStringLiteral("status"), QStringLiteral("approved"));
        response.insert(QStringLiteral("message"), localized("已办结", "Approved"));
        if (print)
            response.insert(QStringLiteral("document_url"), QStringLiteral("/documents/D") + caseNumber);
    } else {
        response.insert(QStringLiteral("status"), QStringLiteral("accepted"));
        response.insert(QStringLiteral("message"), localized("已受理，请留意短信通知", "Accepted; you will be notified by SMS"));
        response.insert(QStringLiteral("due"), now().toOffsetFromUtc(8 * 3600).date().addDays(5).toString(Qt::ISODate));
    }
    return json(201, response);
}

QJsonObject RefPlatform::caseJson(const QString &caseNumber) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT item_code, instant, created_at, print FROM cases WHERE case_no = ?"));
    q.addBindValue(caseNumber);
    if (!q.exec() || !q.next())
        return {};
    const QDateTime created = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), QTimeZone::utc());
    const qint64 age = created.secsTo(QDateTime::currentDateTimeUtc());
    const qint64 period = qMax(1, m_options.progressSeconds);
    QJsonArray history;
    auto step = [&](const QDateTime &at, const char *status, const char *zh, const char *en) {
        history.append(QJsonObject{{QStringLiteral("at"), timeText(at)},
                                   {QStringLiteral("status"), QString::fromLatin1(status)},
                                   {QStringLiteral("note"), localized(zh, en)}});
        return QString::fromLatin1(status);
    };
    QString status;
    const QString payment = m_payments->stateOfCase(caseNumber, now());
    if (payment == QLatin1String("pending")) {
        status = step(created, "awaiting_payment", "待缴费", "Awaiting payment");
    } else if (payment == QLatin1String("expired") || payment == QLatin1String("cancelled")) {
        status = step(created, "cancelled", "未缴费，已撤销", "Not paid; withdrawn");
    } else if (q.value(1).toBool()) {
        status = step(created, "approved", "即时办结", "Decided at once");
    } else {
        status = step(created, "accepted", "已受理", "Accepted");
        if (age >= period)
            status = step(created.addSecs(period), "in_review", "审核中", "Under review");
        if (age >= 2 * period)
            status = step(created.addSecs(2 * period), "approved", "已办结", "Approved");
    }
    if (const auto decision = m_decisions->of(caseNumber)) {
        history.append(QJsonObject{{QStringLiteral("at"), timeText(decision->at)}, {QStringLiteral("status"), decision->status},
                                   {QStringLiteral("note"), decision->note}});
        status = decision->status;
    }
    QJsonObject result{{QStringLiteral("case_no"), caseNumber}, {QStringLiteral("item_code"), q.value(0).toString()},
                       {QStringLiteral("status"), status}, {QStringLiteral("history"), history}};
    // A paid fee item's document is issued now (contract 1.1 "Fees": the case continues).
    if (payment == QLatin1String("paid") && q.value(3).toBool())
        result.insert(QStringLiteral("document_url"), QStringLiteral("/documents/D") + caseNumber);
    if (const QJsonObject delivery = m_shipments->shipped(caseNumber); !delivery.isEmpty())
        result.insert(QStringLiteral("delivery"), delivery);
    return result;
}

HttpResponse RefPlatform::caseStatus(const QString &caseNumber)
{
    const QJsonObject c = caseJson(caseNumber);
    if (c.isEmpty())
        return error(404, QStringLiteral("not_found"), QStringLiteral("no such case"));
    return json(200, c);
}

HttpResponse RefPlatform::caseList(const HttpRequest &request)
{
    const QString holder = holderOf(request.queryValue("holder_token"));
    if (holder.isEmpty())
        return error(400, QStringLiteral("bad_request"), QStringLiteral("holder_token is unknown or expired"));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT case_no FROM cases WHERE holder = ? ORDER BY created_at"));
    q.addBindValue(holder);
    q.exec();
    QStringList numbers;
    while (q.next())
        numbers.append(q.value(0).toString());
    QJsonArray cases;
    for (const QString &n : numbers)
        cases.append(caseJson(n));
    return json(200, {{QStringLiteral("cases"), cases}});
}

HttpResponse RefPlatform::licenses(const HttpRequest &request)
{
    const QString holder = holderOf(request.queryValue("holder_token"));
    if (holder.isEmpty())
        return error(400, QStringLiteral("bad_request"), QStringLiteral("holder_token is unknown or expired"));
    const QString stem = QStringLiteral("L") + holder.left(12).toUpper();
    const QString issued = timeText(QDateTime(QDate(2024, 3, 1), QTime(9, 0), QTimeZone::utc()));
    return json(200, {{QStringLiteral("licenses"),
                       QJsonArray{QJsonObject{{QStringLiteral("id"), stem + QStringLiteral("01")},
                                              {QStringLiteral("type"), localized("居民户口簿", "Household register")},
                                              {QStringLiteral("issued"), issued},
                                              {QStringLiteral("document_url"), QStringLiteral("/documents/") + stem + QStringLiteral("01")}},
                                  QJsonObject{{QStringLiteral("id"), stem + QStringLiteral("02")},
                                              {QStringLiteral("type"), localized("营业执照", "Business licence")},
                                              {QStringLiteral("issued"), issued},
                                              {QStringLiteral("document_url"), QStringLiteral("/documents/") + stem + QStringLiteral("02")}}}}});
}

HttpResponse RefPlatform::document(const HttpRequest &request, const QString &id)
{
    const QString holder = holderOf(request.queryValue("holder_token"));
    QStringList lines;
    if (id.startsWith(QLatin1Char('L')) && !holder.isEmpty() && id.mid(1, 12) == holder.left(12).toUpper()) {
        lines = {QStringLiteral("Electronic licence"), QStringLiteral("Licence %1").arg(id),
                 QStringLiteral("Issued by the provincial government service platform (reference server)")};
    } else if (id.startsWith(QLatin1Char('D'))) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT item_code FROM cases WHERE case_no = ? AND holder = ? AND print = 1"));
        q.addBindValue(id.mid(1));
        q.addBindValue(holder);
        const QString payment = m_payments->stateOfCase(id.mid(1), now());
        if (!holder.isEmpty() && q.exec() && q.next() && (payment.isEmpty() || payment == QLatin1String("paid")))
            lines = {QStringLiteral("Certificate"), QStringLiteral("Case %1").arg(id.mid(1)),
                     QStringLiteral("Item %1").arg(q.value(0).toString()), QStringLiteral("Issued %1").arg(timeText(now()))};
    } else if (id.startsWith(QLatin1Char('R'))) {
        lines = m_payments->receiptLines(id.mid(1), holder);
    }
    if (lines.isEmpty())
        return error(404, QStringLiteral("not_found"), QStringLiteral("no such document for this holder"));
    HttpResponse r;
    r.setHeader("Content-Type", "application/pdf");
    r.body = minimalPdf(lines);
    return r;
}

HttpResponse RefPlatform::evaluate(const HttpRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString caseNumber = body.value(QLatin1String("case_no")).toString();
    // A licence printed or a ticket taken files no case: the rating names it (contract 1.1).
    static const QRegularExpression serviceShape(QStringLiteral("^(licence:L|ticket:[A-Z]|document:D)[0-9A-Za-z-]+$"));
    const QString serviceRef = body.value(QLatin1String("service_ref")).toString();
    if (!serviceRef.isEmpty() && !serviceShape.match(serviceRef).hasMatch())
        return error(422, QStringLiteral("validation_failed"), QStringLiteral("service_ref names no service"),
                     {{QStringLiteral("service_ref"), QStringLiteral("invalid")}});
    if (serviceRef.isEmpty() && caseJson(caseNumber).isEmpty())
        return error(404, QStringLiteral("not_found"), QStringLiteral("no such case"));
    QJsonObject details;
    const int score = body.value(QLatin1String("score")).toInt(0);
    const QJsonArray tags = body.value(QLatin1String("tags")).toArray();
    if (score < 1 || score > 5)
        details.insert(QStringLiteral("score"), QStringLiteral("out_of_range"));
    else if (score <= 2 && tags.isEmpty())
        details.insert(QStringLiteral("tags"), QStringLiteral("required_for_low_score"));
    if (!details.isEmpty())
        return error(422, QStringLiteral("validation_failed"), QStringLiteral("the evaluation is incomplete"), details);
    const QString id = QStringLiteral("E") + QString::fromLatin1(randomHex(m_random, 8));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO evaluations (evaluation_id, case_no, score, tags, anonymous, created_at, service_ref) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(caseNumber);
    q.addBindValue(score);
    q.addBindValue(QString::fromUtf8(QJsonDocument(tags).toJson(QJsonDocument::Compact)));
    q.addBindValue(body.value(QLatin1String("anonymous")).toBool(true) ? 1 : 0);
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(serviceRef);
    q.exec();
    return json(201, {{QStringLiteral("evaluation_id"), id}});
}
