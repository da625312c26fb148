#include "catalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

class TestCatalogue : public QObject
{
    Q_OBJECT

private:
    static QJsonObject demoJson()
    {
        QFile file(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the demo catalogue is not in the build");
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    static QString parseError(const QJsonObject &root)
    {
        QString error;
        const auto catalogue = Catalogue::fromJson(QJsonDocument(root).toJson(), &error);
        return catalogue ? QString() : error;
    }

private slots:
    void demoCatalogueOffersEveryKindForPeopleAndBusinesses()
    {
        const Catalogue catalogue = Catalogue::demo();
        QVERIFY(catalogue.items().size() >= 12);
        QVERIFY(catalogue.themes().size() >= 3);
        QSet<QString> kinds;
        QSet<QString> audiences;
        for (const CatalogueItem &item : catalogue.items()) {
            kinds.insert(Catalogue::kindName(item.kind));
            audiences.insert(Catalogue::audienceName(item.audience));
            QVERIFY2(!item.name.en.isEmpty() && !item.guide.en.isEmpty(), qPrintable(item.code));
            QVERIFY2(item.guide.zh.contains(QStringLiteral("所需材料")), qPrintable(item.code));
        }
        QCOMPARE(kinds, (QSet<QString>{QStringLiteral("apply"), QStringLiteral("print"), QStringLiteral("query")}));
        QCOMPARE(audiences, (QSet<QString>{QStringLiteral("person"), QStringLiteral("business")}));
    }

    void demoThemesBundleItemsOfTheCatalogue()
    {
        const Catalogue catalogue = Catalogue::demo();
        const CatalogueTheme *birth = catalogue.theme(QStringLiteral("birth"));
        QVERIFY(birth);
        QCOMPARE(birth->name.zh, QStringLiteral("出生一件事"));
        for (const CatalogueTheme &theme : catalogue.themes()) {
            for (const QString &code : theme.itemCodes)
                QVERIFY2(catalogue.item(code), qPrintable(code));
        }
    }

    void readsFormFieldsWithPrefillAndOptions()
    {
        const Catalogue catalogue = Catalogue::demo();
        const CatalogueItem *pension = catalogue.item(QStringLiteral("340100-000-ZZ-0002-01"));
        QVERIFY(pension);
        QVERIFY(pension->offlineOk);
        const auto name = std::find_if(pension->form.cbegin(), pension->form.cend(), [](const FormField &f) { return f.id == QLatin1String("name"); });
        QVERIFY(name != pension->form.cend());
        QCOMPARE(name->prefill, QStringLiteral("holder.name"));
        QVERIFY(name->readonly);
        const auto level = std::find_if(pension->form.cbegin(), pension->form.cend(),
                                        [](const FormField &f) { return f.type == QLatin1String("select"); });
        QVERIFY(level != pension->form.cend());
        QCOMPARE(level->options.size(), 4);
        QCOMPARE(level->options.first().second.en, QStringLiteral("200 yuan a year"));
    }

    void englishFallsBackToChineseWhenMissing()
    {
        const LocalizedText text{QStringLiteral("出生一件事"), QString()};
        QCOMPARE(text.in(QStringLiteral("en")), QStringLiteral("出生一件事"));
    }

    void rejectsAMalformedCatalogueWithThePathOfTheField_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown kind") << "kind" << "items[0].kind: 'sell' is not apply, print or query";
        QTest::newRow("field type") << "fieldtype" << "items[1].form[0].type: unknown field type 'colour'";
        QTest::newRow("theme member") << "theme" << "themes[0].items: item 999999-X is not in the catalogue";
        QTest::newRow("duplicate code") << "duplicate" << "items[1].code: duplicate item code";
        QTest::newRow("missing chinese") << "zh" << "items[0].name.zh: the Chinese text is missing";
        QTest::newRow("prefill") << "prefill" << "items[1].form[0].prefill: unknown holder attribute 'holder.salary'";
        QTest::newRow("no auth") << "auth" << "items[0].auth: an item needs at least one way to identify";
    }

    void rejectsAMalformedCatalogueWithThePathOfTheField()
    {
        QFETCH(QString, change);
        QFETCH(QString, expected);
        QJsonObject root = demoJson();
        QJsonArray items = root.value(QLatin1String("items")).toArray();
        QJsonObject first = items.at(0).toObject();
        QJsonObject second = items.at(1).toObject();
        QJsonArray themes = root.value(QLatin1String("themes")).toArray();
        if (change == QLatin1String("kind")) {
            first.insert(QStringLiteral("kind"), QStringLiteral("sell"));
        } else if (change == QLatin1String("fieldtype") || change == QLatin1String("prefill")) {
            QJsonArray form = second.value(QLatin1String("form")).toArray();
            QJsonObject field = form.at(0).toObject();
            if (change == QLatin1String("fieldtype"))
                field.insert(QStringLiteral("type"), QStringLiteral("colour"));
            else
                field.insert(QStringLiteral("prefill"), QStringLiteral("holder.salary"));
            form.replace(0, field);
            second.insert(QStringLiteral("form"), form);
        } else if (change == QLatin1String("theme")) {
            QJsonObject theme = themes.at(0).toObject();
            theme.insert(QStringLiteral("items"), QJsonArray{QStringLiteral("999999-X"), QStringLiteral("340100-000-ZZ-0001-01")});
            themes.replace(0, theme);
        } else if (change == QLatin1String("duplicate")) {
            second.insert(QStringLiteral("code"), first.value(QLatin1String("code")));
        } else if (change == QLatin1String("zh")) {
            first.insert(QStringLiteral("name"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Only English")}});
        } else if (change == QLatin1String("auth")) {
            first.insert(QStringLiteral("auth"), QJsonArray());
        }
        items.replace(0, first);
        items.replace(1, second);
        root.insert(QStringLiteral("items"), items);
        root.insert(QStringLiteral("themes"), themes);
        const QString error = parseError(root);
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void rejectsSomethingThatIsNotJson()
    {
        QString error;
        QVERIFY(!Catalogue::fromJson("{\"version\": \"1\", \"items\": [", &error));
        QVERIFY2(error.startsWith(QLatin1String("catalogue: not JSON")), qPrintable(error));
        QVERIFY(!Catalogue::fromJson("[1, 2, 3]", &error));
        QCOMPARE(error, QStringLiteral("catalogue: expected an object"));
    }
};

QTEST_GUILESS_MAIN(TestCatalogue)
#include "test_catalogue.moc"
