#include "cataloguesearch.h"
#include "hanzireadings.h"

#include <QTest>

// The readings table built from the system pinyin dictionary, and catalogue search over it with
// the demo catalogue a resident sees.
class TestHanziReadings : public QObject
{
    Q_OBJECT

private slots:
    void theDictionaryKnowsEveryMandarinSyllable()
    {
        const QStringList syllables = HanziReadings::syllables();
        // Standard Mandarin has a little over four hundred syllables without tones.
        QVERIFY2(syllables.size() >= 390 && syllables.size() <= 430, qPrintable(QString::number(syllables.size())));
        for (const char *s : {"a", "zhang", "lue", "nv", "lv", "er", "xiong", "chuang"})
            QVERIFY2(syllables.contains(QLatin1String(s)), s);
        for (const char *s : {"zh", "n", "bia", "fo'o"})
            QVERIFY2(!syllables.contains(QLatin1String(s)), s);
    }

    void charactersHaveTheirReadingsPolyphonesSeveral_data()
    {
        QTest::addColumn<QString>("hanzi");
        QTest::addColumn<QStringList>("readings");
        QTest::newRow("身") << QStringLiteral("身") << QStringList{QStringLiteral("shen")};
        QTest::newRow("证") << QStringLiteral("证") << QStringList{QStringLiteral("zheng")};
        QTest::newRow("行") << QStringLiteral("行") << QStringList{QStringLiteral("xing"), QStringLiteral("hang")};
        QTest::newRow("长") << QStringLiteral("长") << QStringList{QStringLiteral("chang"), QStringLiteral("zhang")};
        QTest::newRow("乐") << QStringLiteral("乐") << QStringList{QStringLiteral("le"), QStringLiteral("yue")};
    }

    void charactersHaveTheirReadingsPolyphonesSeveral()
    {
        QFETCH(QString, hanzi);
        QFETCH(QStringList, readings);
        const QStringList found = HanziReadings::shared().value(hanzi.at(0));
        for (const QString &reading : readings)
            QVERIFY2(found.contains(reading), qPrintable(hanzi + QLatin1Char(' ') + found.join(QLatin1Char(','))));
    }

    void everyCharacterOfTheDemoCatalogueNamesHasAReading()
    {
        const HanziReadings::Table &table = HanziReadings::shared();
        QVERIFY(table.size() > 6000);
        const Catalogue demo = Catalogue::demo();
        for (const CatalogueItem &item : demo.items()) {
            for (const QChar c : item.name.zh) {
                if (c.script() == QChar::Script_Han)
                    QVERIFY2(table.contains(c), qPrintable(item.name.zh + QLatin1Char(' ') + c));
            }
        }
    }

    void initialsFindDemoItems_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code");
        QTest::newRow("gjj (公积金)") << QStringLiteral("gjj") << QStringLiteral("340100-000-ZZ-0003-01");
        QTest::newRow("txsq (退休申请)") << QStringLiteral("txsq") << QStringLiteral("340100-000-ZZ-0009-01");
        QTest::newRow("yyzz (营业执照)") << QStringLiteral("yyzz") << QStringLiteral("340100-000-ZZ-0015-01");
        QTest::newRow("shebao by syllables") << QStringLiteral("shehuibaoxian") << QStringLiteral("340100-000-ZZ-0001-01");
        QTest::newRow("xinyong (信用)") << QStringLiteral("xinyong") << QStringLiteral("340100-000-ZZ-0019-01");
        QTest::newRow("bdc (不动产)") << QStringLiteral("bdc") << QStringLiteral("340100-000-ZZ-0005-01");
    }

    void initialsFindDemoItems()
    {
        QFETCH(QString, query);
        QFETCH(QString, code);
        const Catalogue demo = Catalogue::demo();
        QStringList codes;
        for (const CatalogueItem *item : CatalogueSearch(HanziReadings::shared()).find(demo, query))
            codes.append(item->code);
        QVERIFY2(codes.contains(code), qPrintable(codes.join(QLatin1Char(' '))));
    }

    void lettersThatSpellNoServiceFindNothing()
    {
        QVERIFY(CatalogueSearch(HanziReadings::shared()).find(Catalogue::demo(), QStringLiteral("qxqx")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHanziReadings)
#include "test_hanzireadings.moc"
