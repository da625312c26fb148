#include "catalogue.h"
#include "postalshipments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QTest>

// The platform's side of 免费邮寄: a case's delivery checked against its item and the division
// table, kept with the street address only as a hash, and shipped with a tracking number.
class TestPostalShipments : public QObject
{
    Q_OBJECT

private:
    static CatalogueItem postItem()
    {
        CatalogueItem item;
        item.code = QStringLiteral("340100-000-ZZ-0007-01");
        item.delivery = {QStringLiteral("pickup"), QStringLiteral("post")};
        return item;
    }

    static QJsonObject postBody(const QString &phone, const QString &city, const QString &district)
    {
        return {{QStringLiteral("delivery"),
                 QJsonObject{{QStringLiteral("method"), QStringLiteral("post")},
                             {QStringLiteral("recipient"), QStringLiteral("张三")},
                             {QStringLiteral("phone"), phone},
                             {QStringLiteral("address"), QJsonObject{{QStringLiteral("province"), QStringLiteral("安徽省")},
                                                                     {QStringLiteral("city"), city},
                                                                     {QStringLiteral("district"), district},
                                                                     {QStringLiteral("detail"), QStringLiteral("长江西路189号")}}}}}};
    }

private slots:
    void checksTheDeliveryAgainstTheItemAndTheDivisions_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<bool>("offersPost");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        QTest::newRow("right") << postBody(QStringLiteral("13955123456"), QStringLiteral("合肥市"), QStringLiteral("蜀山区")) << true << "" << "";
        QTest::newRow("landline") << postBody(QStringLiteral("0551-62345678"), QStringLiteral("合肥市"), QStringLiteral("蜀山区")) << true << ""
                                  << "";
        QTest::newRow("short phone") << postBody(QStringLiteral("139551"), QStringLiteral("合肥市"), QStringLiteral("蜀山区")) << true
                                     << "delivery.phone" << "invalid_phone";
        QTest::newRow("district of another city") << postBody(QStringLiteral("13955123456"), QStringLiteral("合肥市"), QStringLiteral("南山区"))
                                                  << true << "delivery.address.district" << "not_in_city";
        QTest::newRow("city of another province") << postBody(QStringLiteral("13955123456"), QStringLiteral("深圳市"), QStringLiteral("南山区"))
                                                  << true << "delivery.address.city" << "not_in_province";
        QTest::newRow("post not offered") << postBody(QStringLiteral("13955123456"), QStringLiteral("合肥市"), QStringLiteral("蜀山区")) << false
                                          << "delivery.method" << "not_offered";
        QTest::newRow("unknown method") << QJsonObject{{QStringLiteral("delivery"), QJsonObject{{QStringLiteral("method"), QStringLiteral("drone")}}}}
                                        << true << "delivery.method" << "unknown";
        QTest::newRow("pickup") << QJsonObject{{QStringLiteral("delivery"), QJsonObject{{QStringLiteral("method"), QStringLiteral("pickup")}}}}
                                << false << "" << "";
    }

    void checksTheDeliveryAgainstTheItemAndTheDivisions()
    {
        QFETCH(QJsonObject, body);
        QFETCH(bool, offersPost);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        CatalogueItem item = postItem();
        if (!offersPost)
            item.delivery.clear();
        QJsonObject details;
        PostalShipments::check(item, body, &details);
        if (field.isEmpty()) {
            QVERIFY2(details.isEmpty(), QJsonDocument(details).toJson().constData());
            return;
        }
        QCOMPARE(details.value(field).toString(), reason);
    }

    void shipsACasePostedAndOnlyThat()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("shipments"));
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());
        {
            PostalShipments shipments(db);
            QString error;
            QVERIFY2(shipments.open(&error), qPrintable(error));
            QVERIFY(shipments.record(QStringLiteral("C1"), postBody(QStringLiteral("13955123456"), QStringLiteral("合肥市"), QStringLiteral("蜀山区"))));
            QVERIFY(shipments.record(QStringLiteral("C2"), {{QStringLiteral("delivery"), QJsonObject{{QStringLiteral("method"), QStringLiteral("pickup")}}}}));
            QVERIFY(shipments.shipped(QStringLiteral("C1")).isEmpty());

            const QJsonObject stored = shipments.inspect().value(QLatin1String("shipments")).toArray().first().toObject();
            QCOMPARE(stored.value(QLatin1String("phone")).toString(), QStringLiteral("139******56"));
            QVERIFY(!QJsonDocument(shipments.inspect()).toJson().contains("长江西路"));

            const HttpResponse shipped = shipments.ship({{QStringLiteral("case_no"), QStringLiteral("C1")},
                                                         {QStringLiteral("tracking_no"), QStringLiteral("EA123456789CN")}},
                                                        QDateTime::currentDateTimeUtc());
            QCOMPARE(shipped.status, 200);
            const QJsonObject delivery = shipments.shipped(QStringLiteral("C1"));
            QCOMPARE(delivery.value(QLatin1String("tracking_no")).toString(), QStringLiteral("EA123456789CN"));
            QCOMPARE(delivery.value(QLatin1String("carrier")).toString(), QStringLiteral("EMS"));
            QCOMPARE(shipments.ship({{QStringLiteral("case_no"), QStringLiteral("C2")}}, QDateTime::currentDateTimeUtc()).status, 409);
            QCOMPARE(shipments.ship({{QStringLiteral("case_no"), QStringLiteral("C9")}}, QDateTime::currentDateTimeUtc()).status, 404);
            QVERIFY(shipments.shipped(QStringLiteral("C2")).isEmpty());
        }
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("shipments"));
    }
};

QTEST_GUILESS_MAIN(TestPostalShipments)
#include "test_postalshipments.moc"
