#pragma once

#include "httpmessage.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QString>

struct CatalogueItem;

// 免费邮寄 as the platform takes it (contract 1.1 "Delivery by post"): a case's `delivery`
// checked against its item (post only where the catalogue offers it; a recipient, a phone of the
// right shape, and a province, city and district that are one place), kept with the case, and
// shipped with a tracking number, which GET /cases/{case_no} then shows. Shipping is outside the
// terminal API: a test or the demo ships a case through /_inspect/shipments, as a phone pays
// through the payment's URL. Like the rest of the reference platform it keeps the recipient and
// phone masked and the street address only as a hash, since it runs on developers' machines.
class PostalShipments
{
public:
    explicit PostalShipments(QSqlDatabase db);

    // Creates the table; false with `error` when the database refuses.
    [[nodiscard]] bool open(QString *error);

    // Adds to `details` what is wrong with the case body's `delivery` for `item` ("delivery.phone":
    // "invalid_phone", …); nothing when it is right or absent.
    static void check(const CatalogueItem &item, const QJsonObject &caseBody, QJsonObject *details);
    // Keeps the case's delivery once the case is stored.
    [[nodiscard]] bool record(const QString &caseNo, const QJsonObject &caseBody);
    // The case's `delivery` as GET /cases/{case_no} shows it once shipped; empty before, and for a
    // case without a delivery by post.
    [[nodiscard]] QJsonObject shipped(const QString &caseNo) const;

    // POST /_inspect/shipments {"case_no", "tracking_no" (optional)}: ships the case by EMS.
    [[nodiscard]] HttpResponse ship(const QJsonObject &body, const QDateTime &now);
    // GET /_inspect/shipments: every delivery kept, as stored.
    [[nodiscard]] QJsonObject inspect() const;

private:
    QSqlDatabase m_db;
};
