#include "cataloguesearch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

// Catalogue search as a resident uses it, over a small catalogue and a hand-written readings
// table (tests/app/pinyin checks the same search against the dictionary's full table).
class TestCatalogueSearch : public QObject
{
    Q_OBJECT

private:
    static QJsonObject item(const QString &code, const QString &zh, const QString &en)
    {
        return {{QStringLiteral("code"), code},
                {QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), zh}, {QStringLiteral("en"), en}}},
                {QStringLiteral("department"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("公安局")}, {QStringLiteral("en"), QStringLiteral("Police")}}},
                {QStringLiteral("kind"), QStringLiteral("query")},
                {QStringLiteral("audience"), QStringLiteral("person")},
                {QStringLiteral("auth"), QJsonArray{QStringLiteral("idcard")}},
                {QStringLiteral("face_required"), false},
                {QStringLiteral("offline_ok"), false},
                {QStringLiteral("instant"), true},
                {QStringLiteral("guide"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("所需材料：无")}, {QStringLiteral("en"), QStringLiteral("None")}}},
                {QStringLiteral("materials"), QJsonArray{}},
                {QStringLiteral("form"), QJsonArray{}}};
    }

    static Catalogue catalogue()
    {
        const QJsonObject root{{QStringLiteral("version"), QStringLiteral("t1")},
                               {QStringLiteral("items"), QJsonArray{
                                    item(QStringLiteral("340100-000-ZZ-0101-01"), QStringLiteral("居民身份证换领"), QStringLiteral("Resident identity card renewal")),
                                    item(QStringLiteral("340100-000-ZZ-0102-01"), QStringLiteral("普通护照签发"), QStringLiteral("Ordinary passport issue")),
                                    item(QStringLiteral("340100-000-ZZ-0103-01"), QStringLiteral("户籍证明（行政）"), QStringLiteral("Household register certificate")),
                                    item(QStringLiteral("340100-000-ZZ-0104-01"), QStringLiteral("银行流水打印"), QStringLiteral("Bank statement print")),
                                }},
                               {QStringLiteral("themes"), QJsonArray{}}};
        QString error;
        const std::optional<Catalogue> parsed = Catalogue::fromJson(QJsonDocument(root).toJson(), &error);
        if (!parsed)
            qFatal("test catalogue refused: %s", qPrintable(error));
        return *parsed;
    }

    static CatalogueSearch::Readings readings()
    {
        const QList<std::pair<QString, QStringList>> table = {
            {QStringLiteral("居"), {QStringLiteral("ju")}},    {QStringLiteral("民"), {QStringLiteral("min")}},
            {QStringLiteral("身"), {QStringLiteral("shen")}},  {QStringLiteral("份"), {QStringLiteral("fen")}},
            {QStringLiteral("证"), {QStringLiteral("zheng")}}, {QStringLiteral("换"), {QStringLiteral("huan")}},
            {QStringLiteral("领"), {QStringLiteral("ling")}},  {QStringLiteral("普"), {QStringLiteral("pu")}},
            {QStringLiteral("通"), {QStringLiteral("tong")}},  {QStringLiteral("护"), {QStringLiteral("hu")}},
            {QStringLiteral("照"), {QStringLiteral("zhao")}},  {QStringLiteral("签"), {QStringLiteral("qian")}},
            {QStringLiteral("发"), {QStringLiteral("fa")}},    {QStringLiteral("户"), {QStringLiteral("hu")}},
            {QStringLiteral("籍"), {QStringLiteral("ji")}},    {QStringLiteral("明"), {QStringLiteral("ming")}},
            {QStringLiteral("行"), {QStringLiteral("xing"), QStringLiteral("hang")}},
            {QStringLiteral("政"), {QStringLiteral("zheng")}}, {QStringLiteral("银"), {QStringLiteral("yin")}},
            {QStringLiteral("流"), {QStringLiteral("liu")}},   {QStringLiteral("水"), {QStringLiteral("shui")}},
            {QStringLiteral("打"), {QStringLiteral("da")}},    {QStringLiteral("印"), {QStringLiteral("yin")}},
        };
        CatalogueSearch::Readings out;
        for (const auto &[hanzi, syllables] : table)
            out.insert(hanzi.at(0), syllables);
        return out;
    }

    static QStringList codesFound(const QString &query)
    {
        const Catalogue c = catalogue();
        QStringList codes;
        for (const CatalogueItem *found : CatalogueSearch(readings()).find(c, query))
            codes.append(found->code);
        return codes;
    }

private slots:
    void findsItemsAsAResidentTypes_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("Chinese part of a name") << QStringLiteral("身份证") << QStringList{QStringLiteral("340100-000-ZZ-0101-01")};
        QTest::newRow("Chinese shared by two names") << QStringLiteral("证") << QStringList{QStringLiteral("340100-000-ZZ-0101-01"), QStringLiteral("340100-000-ZZ-0103-01")};
        QTest::newRow("English word, any case") << QStringLiteral("PASSPORT") << QStringList{QStringLiteral("340100-000-ZZ-0102-01")};
        QTest::newRow("English word starts") << QStringLiteral("ident ren") << QStringList{QStringLiteral("340100-000-ZZ-0101-01")};
        QTest::newRow("pinyin initials") << QStringLiteral("sfz") << QStringList{QStringLiteral("340100-000-ZZ-0101-01")};
        QTest::newRow("initials, 行 read hang in 行政 too") << QStringLiteral("hz") << QStringList{QStringLiteral("340100-000-ZZ-0102-01"), QStringLiteral("340100-000-ZZ-0103-01")};
        QTest::newRow("initials, 行 read xing") << QStringLiteral("xz") << QStringList{QStringLiteral("340100-000-ZZ-0103-01")};
        QTest::newRow("initials, 行 read hang") << QStringLiteral("yh") << QStringList{QStringLiteral("340100-000-ZZ-0104-01")};
        QTest::newRow("initials across a bracket") << QStringLiteral("zmxz") << QStringList{QStringLiteral("340100-000-ZZ-0103-01")};
        QTest::newRow("polyphone in whole syllables") << QStringLiteral("xingzheng") << QStringList{QStringLiteral("340100-000-ZZ-0103-01")};
        QTest::newRow("whole syllables") << QStringLiteral("shenfenzheng") << QStringList{QStringLiteral("340100-000-ZZ-0101-01")};
        QTest::newRow("query ends inside a syllable") << QStringLiteral("shenfenzh") << QStringList{QStringLiteral("340100-000-ZZ-0101-01")};
        QTest::newRow("syllables and initials mixed") << QStringLiteral("shenfz") << QStringList{QStringLiteral("340100-000-ZZ-0101-01")};
        QTest::newRow("zh counts as one initial") << QStringLiteral("sfzh") << QStringList{QStringLiteral("340100-000-ZZ-0101-01")};
        QTest::newRow("a chosen character then letters") << QStringLiteral("身fz") << QStringList{QStringLiteral("340100-000-ZZ-0101-01")};
        QTest::newRow("apostrophes between syllables") << QStringLiteral("hu'ji") << QStringList{QStringLiteral("340100-000-ZZ-0103-01")};
        QTest::newRow("upper-case initials") << QStringLiteral("YHLS") << QStringList{QStringLiteral("340100-000-ZZ-0104-01")};
        QTest::newRow("letters that spell nothing") << QStringLiteral("qqq") << QStringList{};
        QTest::newRow("initials out of order") << QStringLiteral("zfs") << QStringList{};
        QTest::newRow("blank") << QStringLiteral("  ") << QStringList{};
    }

    void findsItemsAsAResidentTypes()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, codes);
        QCOMPARE(codesFound(query), codes);
    }

    void aPolyphoneMatchesByEitherReading()
    {
        const CatalogueSearch search(readings());
        QVERIFY(search.spellsPartOf(QStringLiteral("行政"), QStringLiteral("xz")));
        QVERIFY(search.spellsPartOf(QStringLiteral("银行"), QStringLiteral("yh")));
        QVERIFY(search.spellsPartOf(QStringLiteral("银行"), QStringLiteral("yinhang")));
        QVERIFY(!search.spellsPartOf(QStringLiteral("银行"), QStringLiteral("yz")));
    }
};

QTEST_GUILESS_MAIN(TestCatalogueSearch)
#include "test_cataloguesearch.moc"
