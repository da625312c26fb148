#include "catalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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
        QTest::newRow("missing kind") << "kind" << "items[0].kind: expected a non-empty string";
        QTest::newRow("select without options") << "fieldtype" << "items[1].form[0].options: a select field needs options";
        QTest::newRow("theme member") << "theme" << "themes[0].items: item 999999-X is not in the catalogue";
        QTest::newRow("duplicate code") << "duplicate" << "items[1].code: duplicate item code";
        QTest::newRow("missing chinese") << "zh" << "items[0].name.zh: the Chinese text is missing";
        QTest::newRow("auth not names") << "prefill" << "items[1].auth: expected method names";
        QTest::newRow("no auth") << "auth" << "items[0].auth: an item needs at least one way to identify";
        QTest::newRow("fee without amount") << "fee" << "items[0].fee.amount_fen: a fee needs a whole positive amount in fen";
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
            first.remove(QStringLiteral("kind"));
        } else if (change == QLatin1String("fieldtype")) {
            QJsonArray form = second.value(QLatin1String("form")).toArray();
            QJsonObject field = form.at(0).toObject();
            field.insert(QStringLiteral("type"), QStringLiteral("select"));
            field.remove(QStringLiteral("options"));
            form.replace(0, field);
            second.insert(QStringLiteral("form"), form);
        } else if (change == QLatin1String("prefill")) {
            second.insert(QStringLiteral("auth"), QJsonArray{QStringLiteral("idcard"), 7});
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
        } else if (change == QLatin1String("fee")) {
            first.insert(QStringLiteral("fee"), QJsonObject{{QStringLiteral("amount_fen"), 0}});
        }
        items.replace(0, first);
        items.replace(1, second);
        root.insert(QStringLiteral("items"), items);
        root.insert(QStringLiteral("themes"), themes);
        const QString error = parseError(root);
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    // A newer platform (contract 1.1) names things this kiosk does not know. What the kiosk
    // relies on is still checked strictly; what it does not know is left out, one log line each,
    // and an item it could not serve without it is hidden while the rest serve residents.
    // An application with a fee is filed live and paid by phone (contract 1.1 "Fees"): the kiosk
    // serves it with its amount, as it serves an instant item's.
    void anApplicationWithAFeeIsServedWithItsAmount()
    {
        QJsonObject root = demoJson();
        QJsonArray items = root.value(QLatin1String("items")).toArray();
        QJsonObject second = items.at(1).toObject();
        QCOMPARE(second.value(QLatin1String("kind")).toString(), QStringLiteral("apply"));
        QVERIFY(!second.value(QLatin1String("instant")).toBool());
        second.insert(QStringLiteral("fee"), QJsonObject{{QStringLiteral("amount_fen"), 500}});
        items.replace(1, second);
        root.insert(QStringLiteral("items"), items);
        QString error;
        const std::optional<Catalogue> catalogue = Catalogue::fromJson(QJsonDocument(root).toJson(), &error);
        QVERIFY2(catalogue, qPrintable(error));
        const CatalogueItem *item = catalogue->item(second.value(QLatin1String("code")).toString());
        QVERIFY(item);
        QVERIFY(item->fee);
        QCOMPARE(item->fee->amountFen, 500);
        QCOMPARE(catalogue->items().size(), items.size());
    }

    void toleratesValuesANewerPlatformAdds_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("itemKept");
        QTest::addColumn<QString>("logged");
        QTest::newRow("auth method") << "auth" << true << "items\\[0\\]\\.auth: method 'social_card' unknown to this kiosk, ignored";
        QTest::newRow("only an unknown method") << "auth-only" << false << "items\\[0\\]\\.auth: no method this kiosk can identify a resident by; the item is hidden";
        QTest::newRow("unknown kind") << "kind" << false << "items\\[0\\]\\.kind: 'book' is not apply, print or query; the item is hidden";
        QTest::newRow("unknown audience") << "audience" << false << "items\\[0\\]\\.audience: 'household' is not person or business; the item is hidden";
        QTest::newRow("item field") << "field" << true << "items\\[0\\]\\.signature_required: unknown field, ignored";
        QTest::newRow("root field") << "root" << true << "catalogue\\.contract: unknown field, ignored";
        QTest::newRow("required field of an unknown type") << "required-type" << false << "items\\[1\\]\\.form\\[0\\]\\.type: unknown field type 'signature'; the item is hidden";
        QTest::newRow("optional field of an unknown type") << "optional-type" << true << "items\\[1\\]\\.form\\[0\\]\\.type: unknown field type 'signature'; the field is left out";
        QTest::newRow("holder attribute") << "prefill" << true << "items\\[1\\]\\.form\\[0\\]\\.prefill: unknown holder attribute 'holder.email'; the resident fills the field in";
    }

    void toleratesValuesANewerPlatformAdds()
    {
        QFETCH(QString, change);
        QFETCH(bool, itemKept);
        QFETCH(QString, logged);
        QJsonObject root = demoJson();
        QJsonArray items = root.value(QLatin1String("items")).toArray();
        QJsonObject first = items.at(0).toObject();
        QJsonObject second = items.at(1).toObject();
        QJsonArray form = second.value(QLatin1String("form")).toArray();
        QJsonObject field = form.at(0).toObject();
        const qsizetype fields = form.size();
        if (change == QLatin1String("auth"))
            first.insert(QStringLiteral("auth"), QJsonArray{QStringLiteral("social_card"), QStringLiteral("idcard")});
        else if (change == QLatin1String("auth-only"))
            first.insert(QStringLiteral("auth"), QJsonArray{QStringLiteral("social_card")});
        else if (change == QLatin1String("kind"))
            first.insert(QStringLiteral("kind"), QStringLiteral("book"));
        else if (change == QLatin1String("audience"))
            first.insert(QStringLiteral("audience"), QStringLiteral("household"));
        else if (change == QLatin1String("field"))
            first.insert(QStringLiteral("signature_required"), true);
        else if (change == QLatin1String("root"))
            root.insert(QStringLiteral("contract"), QStringLiteral("1.1"));
        else if (change == QLatin1String("required-type") || change == QLatin1String("optional-type")) {
            field.insert(QStringLiteral("type"), QStringLiteral("signature"));
            field.insert(QStringLiteral("required"), change == QLatin1String("required-type"));
        } else if (change == QLatin1String("prefill")) {
            field.insert(QStringLiteral("prefill"), QStringLiteral("holder.email"));
            field.insert(QStringLiteral("readonly"), true);
        }
        form.replace(0, field);
        second.insert(QStringLiteral("form"), form);
        items.replace(0, first);
        items.replace(1, second);
        root.insert(QStringLiteral("items"), items);
        const QString changed = change == QLatin1String("required-type") || change == QLatin1String("optional-type")
                                        || change == QLatin1String("prefill")
                                    ? second.value(QLatin1String("code")).toString()
                                    : first.value(QLatin1String("code")).toString();

        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(logged));
        QString error;
        const std::optional<Catalogue> catalogue = Catalogue::fromJson(QJsonDocument(root).toJson(), &error);
        QVERIFY2(catalogue, qPrintable(error));
        QCOMPARE(catalogue->item(changed) != nullptr, itemKept);
        QCOMPARE(catalogue->items().size(), items.size() - (itemKept ? 0 : 1));
        if (change == QLatin1String("auth"))
            QCOMPARE(catalogue->item(changed)->auth, QStringList{QStringLiteral("idcard")});
        if (change == QLatin1String("optional-type"))
            QCOMPARE(catalogue->item(changed)->form.size(), fields - 1);
        if (change == QLatin1String("prefill")) {
            QVERIFY(catalogue->item(changed)->form.first().prefill.isEmpty());
            QVERIFY(!catalogue->item(changed)->form.first().readonly);
        }
        // A theme bundling a hidden item cannot be served as a bundle; the others still are.
        for (const CatalogueTheme &theme : catalogue->themes()) {
            for (const QString &code : theme.itemCodes)
                QVERIFY2(catalogue->item(code), qPrintable(theme.id + QLatin1Char(' ') + code));
        }
    }

    // Contract 1.1: staff may vouch for a resident where `auth` says so, someone may file for
    // another person where `agent_allowed` says so, and the authorisation an agent brings is
    // kept apart from the materials a resident filing for themselves is asked for.
    void readsWhoMayHelpAResidentWithAnItem()
    {
        QJsonObject root = demoJson();
        QJsonArray items = root.value(QLatin1String("items")).toArray();
        QJsonObject first = items.at(0).toObject();
        first.insert(QStringLiteral("auth"), QJsonArray{QStringLiteral("idcard"), QStringLiteral("staff_attested")});
        first.insert(QStringLiteral("agent_allowed"), true);
        first.insert(QStringLiteral("materials"),
                     QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("household_book")},
                                            {QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("户口簿")}}},
                                            {QStringLiteral("required"), true}, {QStringLiteral("capture"), QStringLiteral("document")}},
                                QJsonObject{{QStringLiteral("id"), QStringLiteral("authorisation")},
                                            {QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("授权委托书")}}},
                                            {QStringLiteral("required"), true}, {QStringLiteral("capture"), QStringLiteral("document")}}});
        QJsonObject second = items.at(1).toObject();
        second.insert(QStringLiteral("auth"), QJsonArray{QStringLiteral("staff_attested")});
        items.replace(0, first);
        items.replace(1, second);
        root.insert(QStringLiteral("items"), items);
        const QString code = first.value(QLatin1String("code")).toString();

        // Staff alone cannot serve an item: a resident must be able to identify without them.
        QTest::ignoreMessage(QtInfoMsg, QRegularExpression(QStringLiteral("items\\[1\\]\\.auth: no method this kiosk can identify a resident by")));
        QString error;
        const std::optional<Catalogue> catalogue = Catalogue::fromJson(QJsonDocument(root).toJson(), &error);
        QVERIFY2(catalogue, qPrintable(error));
        const CatalogueItem *item = catalogue->item(code);
        QVERIFY(item);
        QCOMPARE(item->auth, (QStringList{QStringLiteral("idcard"), QStringLiteral("staff_attested")}));
        QVERIFY(item->agentAllowed);
        QCOMPARE(item->materials.size(), 1);
        QCOMPARE(item->materials.first().id, QStringLiteral("household_book"));
        QVERIFY(item->agentAuthorisation);
        QVERIFY(item->agentAuthorisation->required);
        QCOMPARE(item->agentAuthorisation->name.zh, QStringLiteral("授权委托书"));
        QVERIFY(!catalogue->item(second.value(QLatin1String("code")).toString()));
        // An item that says nothing allows neither.
        const CatalogueItem *third = catalogue->item(items.at(2).toObject().value(QLatin1String("code")).toString());
        QVERIFY(third);
        QVERIFY(!third->agentAllowed);
        QVERIFY(!third->agentAuthorisation);
    }

    void refusesACatalogueWithNoItemThisKioskCanServe()
    {
        QJsonObject root = demoJson();
        QJsonArray items;
        for (const QJsonValue &value : root.value(QLatin1String("items")).toArray()) {
            QJsonObject item = value.toObject();
            item.insert(QStringLiteral("auth"), QJsonArray{QStringLiteral("social_card")});
            items.append(item);
        }
        root.insert(QStringLiteral("items"), items);
        root.insert(QStringLiteral("themes"), QJsonArray());
        const QString error = parseError(root);
        QVERIFY2(error.contains(QLatin1String("catalogue.items: no item this kiosk can serve")), qPrintable(error));
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
