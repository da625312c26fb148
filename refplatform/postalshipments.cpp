#include "postalshipments.h"

#include "catalogue.h"
#include "common/divisiontable.h"
#include "common/personaldata.h"
#include "jsonreply.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace {

QString detailHash(const QString &detail)
{
    return QString::fromLatin1(QCryptographicHash::hash(detail.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

PostalShipments::PostalShipments(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool PostalShipments::open(QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS shipments (case_no TEXT PRIMARY KEY, method TEXT, recipient TEXT, phone TEXT, "
                               "province TEXT, city TEXT, district TEXT, detail_sha256 TEXT, carrier TEXT, tracking_no TEXT, "
                               "shipped_at INTEGER)"))) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

void PostalShipments::check(const CatalogueItem &item, const QJsonObject &caseBody, QJsonObject *details)
{
    if (!caseBody.contains(QLatin1String("delivery")))
        return;
    const QJsonObject delivery = caseBody.value(QLatin1String("delivery")).toObject();
    const QString method = delivery.value(QLatin1String("method")).toString();
    if (method != QLatin1String("pickup") && method != QLatin1String("post")) {
        details->insert(QStringLiteral("delivery.method"), QStringLiteral("unknown"));
        return;
    }
    if (method == QLatin1String("pickup"))
        return;
    if (!item.delivery.contains(QLatin1String("post"))) {
        details->insert(QStringLiteral("delivery.method"), QStringLiteral("not_offered"));
        return;
    }
    static const QRegularExpression phone(QStringLiteral("^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$"));
    if (delivery.value(QLatin1String("recipient")).toString().trimmed().isEmpty())
        details->insert(QStringLiteral("delivery.recipient"), QStringLiteral("required"));
    if (!phone.match(delivery.value(QLatin1String("phone")).toString()).hasMatch())
        details->insert(QStringLiteral("delivery.phone"), QStringLiteral("invalid_phone"));
    const QJsonObject address = delivery.value(QLatin1String("address")).toObject();
    const auto field = [&address](const char *name) { return address.value(QLatin1String(name)).toString().trimmed(); };
    using Problem = DivisionTable::Problem;
    switch (DivisionTable::shipped().check(field("province"), field("city"), field("district"))) {
    case Problem::None: break;
    case Problem::UnknownProvince: details->insert(QStringLiteral("delivery.address.province"), QStringLiteral("unknown")); break;
    case Problem::CityNotInProvince: details->insert(QStringLiteral("delivery.address.city"), QStringLiteral("not_in_province")); break;
    case Problem::DistrictNotInCity: details->insert(QStringLiteral("delivery.address.district"), QStringLiteral("not_in_city")); break;
    case Problem::DistrictMissing: details->insert(QStringLiteral("delivery.address.district"), QStringLiteral("required")); break;
    }
    if (field("detail").isEmpty())
        details->insert(QStringLiteral("delivery.address.detail"), QStringLiteral("required"));
}

bool PostalShipments::record(const QString &caseNo, const QJsonObject &caseBody)
{
    const QJsonObject delivery = caseBody.value(QLatin1String("delivery")).toObject();
    if (delivery.isEmpty())
        return true;
    const QJsonObject address = delivery.value(QLatin1String("address")).toObject();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO shipments (case_no, method, recipient, phone, province, city, district, detail_sha256) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(caseNo);
    q.addBindValue(delivery.value(QLatin1String("method")).toString());
    q.addBindValue(PersonalData::maskName(delivery.value(QLatin1String("recipient")).toString()));
    q.addBindValue(PersonalData::maskPhone(delivery.value(QLatin1String("phone")).toString()));
    q.addBindValue(address.value(QLatin1String("province")).toString());
    q.addBindValue(address.value(QLatin1String("city")).toString());
    q.addBindValue(address.value(QLatin1String("district")).toString());
    const QString detail = address.value(QLatin1String("detail")).toString();
    q.addBindValue(detail.isEmpty() ? QString() : detailHash(detail));
    return q.exec();
}

QJsonObject PostalShipments::shipped(const QString &caseNo) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT carrier, tracking_no FROM shipments WHERE case_no = ? AND method = 'post' AND tracking_no IS NOT NULL"));
    q.addBindValue(caseNo);
    if (!q.exec() || !q.next())
        return {};
    return {{QStringLiteral("method"), QStringLiteral("post")},
            {QStringLiteral("carrier"), q.value(0).toString()},
            {QStringLiteral("tracking_no"), q.value(1).toString()}};
}

HttpResponse PostalShipments::ship(const QJsonObject &body, const QDateTime &now)
{
    const QString caseNo = body.value(QLatin1String("case_no")).toString();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT method FROM shipments WHERE case_no = ?"));
    q.addBindValue(caseNo);
    if (!q.exec() || !q.next())
        return JsonReply::error(404, QStringLiteral("not_found"), QStringLiteral("no case with a delivery under that number"));
    if (q.value(0).toString() != QLatin1String("post"))
        return JsonReply::error(409, QStringLiteral("not_by_post"), QStringLiteral("the resident collects this case's document"));
    // An EMS number: two letters, nine digits, "CN".
    QString tracking = body.value(QLatin1String("tracking_no")).toString();
    if (tracking.isEmpty())
        tracking = QStringLiteral("EA%1CN").arg(caseNo.right(9));
    q.prepare(QStringLiteral("UPDATE shipments SET carrier = 'EMS', tracking_no = ?, shipped_at = ? WHERE case_no = ?"));
    q.addBindValue(tracking);
    q.addBindValue(now.toMSecsSinceEpoch());
    q.addBindValue(caseNo);
    if (!q.exec())
        return JsonReply::error(500, QStringLiteral("unavailable"), q.lastError().text());
    return JsonReply::body(200, {{QStringLiteral("case_no"), caseNo}, {QStringLiteral("carrier"), QStringLiteral("EMS")},
                                 {QStringLiteral("tracking_no"), tracking}});
}

QJsonObject PostalShipments::inspect() const
{
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT * FROM shipments ORDER BY rowid"));
    QJsonArray rows;
    while (q.next()) {
        QJsonObject row;
        for (int i = 0; i < q.record().count(); ++i)
            row.insert(q.record().fieldName(i), QJsonValue::fromVariant(q.value(i)));
        rows.append(row);
    }
    return {{QStringLiteral("shipments"), rows}};
}
