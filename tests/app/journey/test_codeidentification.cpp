#include "codeidentification.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Which journeys take the resident's network-identity or app code instead of a card.
class TestCodeIdentification : public QObject
{
    Q_OBJECT

private slots:
    void anItemThatListsNetidQrAcceptsACode()
    {
        const Catalogue catalogue = Catalogue::demo();
        QCOMPARE(CodeIdentification::refusal(catalogue, {}, {}, QStringLiteral("340100-000-ZZ-0010-01")), QString());
        QVERIFY(CodeIdentification::accepts(catalogue.item(QStringLiteral("340100-000-ZZ-0010-01"))));
    }

    void anItemForTheCardOnlyRefusesACode()
    {
        const Catalogue catalogue = Catalogue::demo();
        // 无犯罪记录证明: the card, and only the card.
        QCOMPARE(CodeIdentification::refusal(catalogue, {}, {}, QStringLiteral("340100-000-ZZ-0012-01")), QStringLiteral("code_not_for_item"));
        QVERIFY(!CodeIdentification::accepts(nullptr));
        QCOMPARE(CodeIdentification::refusal(catalogue, {}, {}, QStringLiteral("no-such-item")), QStringLiteral("code_not_for_item"));
    }

    void theKiosksOwnErrandsAcceptAnyCodeThePlatformVouchesFor()
    {
        const Catalogue catalogue = Catalogue::demo();
        QCOMPARE(CodeIdentification::refusal(catalogue, QStringLiteral("progress"), {}, {}), QString());
        QCOMPARE(CodeIdentification::refusal(catalogue, QStringLiteral("licences"), {}, QStringLiteral("340100-000-ZZ-0012-01")), QString());
    }

    void aThemeAcceptsACodeOnlyIfEachOfItsItemsDoes()
    {
        Catalogue catalogue = Catalogue::demo();
        QCOMPARE(CodeIdentification::refusal(catalogue, {}, QStringLiteral("retirement"), {}), QString());
        QCOMPARE(CodeIdentification::refusal(catalogue, {}, QStringLiteral("no-such-theme"), {}), QStringLiteral("code_not_for_item"));
        // The same theme with one of its items for the card only.
        QString error;
        QFile file(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray items = root.value(QLatin1String("items")).toArray();
        bool changed = false;
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject item = items.at(i).toObject();
            if (item.value(QLatin1String("code")).toString() != QLatin1String("340100-000-ZZ-0011-01"))
                continue;
            item.insert(QStringLiteral("auth"), QJsonArray{QStringLiteral("idcard")});
            items.replace(i, item);
            changed = true;
        }
        QVERIFY2(changed, "the demo catalogue's retirement withdrawal item");
        root.insert(QStringLiteral("items"), items);
        const QByteArray json = QJsonDocument(root).toJson();
        const std::optional<Catalogue> cardOnly = Catalogue::fromJson(json, &error);
        QVERIFY2(cardOnly, qPrintable(error));
        QCOMPARE(CodeIdentification::refusal(*cardOnly, {}, QStringLiteral("retirement"), {}), QStringLiteral("code_not_for_item"));
    }
};

QTEST_GUILESS_MAIN(TestCodeIdentification)
#include "test_codeidentification.moc"
