#include "common/divisiontable.h"

#include <QTest>

// The GB/T 2260 table shipped with the kiosk and the split of a card's address into the province,
// city and district a postal form asks for.
class TestDivisionTable : public QObject
{
    Q_OBJECT

private slots:
    void theShippedTableHoldsEveryProvinceAndItsCounties()
    {
        const DivisionTable &table = DivisionTable::shipped();
        QVERIFY2(table.size() > 3000, qPrintable(QString::number(table.size())));
        QCOMPARE(table.provinces().size(), 31);
        QCOMPARE(table.name(QStringLiteral("440305")), QStringLiteral("南山区"));
        QCOMPARE(table.name(QStringLiteral("110000")), QStringLiteral("北京市"));
        QCOMPARE(table.name(QStringLiteral("999999")), QString());
    }

    void looksDivisionsUpByNameWithinTheirParent()
    {
        const DivisionTable &table = DivisionTable::shipped();
        const QString guangdong = table.provinceCode(QStringLiteral("广东省"));
        QCOMPARE(guangdong, QStringLiteral("440000"));
        const QString shenzhen = table.cityCode(guangdong, QStringLiteral("深圳市"));
        QCOMPARE(shenzhen, QStringLiteral("440300"));
        QCOMPARE(table.districtCode(shenzhen, QStringLiteral("南山区")), QStringLiteral("440305"));
        // A district of another city is not one of this city's.
        QCOMPARE(table.districtCode(shenzhen, QStringLiteral("天河区")), QString());
        QCOMPARE(table.cityCode(guangdong, QStringLiteral("杭州市")), QString());
    }

    void aMunicipalityIsItsOwnCityWithAllItsDistricts()
    {
        const DivisionTable &table = DivisionTable::shipped();
        const QList<DivisionTable::Division> cities = table.cities(QStringLiteral("500000"));
        QCOMPARE(cities.size(), 1);
        QCOMPARE(cities.first().name, QStringLiteral("重庆市"));
        QStringList names;
        for (const DivisionTable::Division &d : table.districts(QStringLiteral("500000")))
            names.append(d.name);
        // Chongqing's districts (市辖区) and counties (县) are both its own.
        QVERIFY(names.contains(QStringLiteral("渝中区")));
        QVERIFY(names.contains(QStringLiteral("城口县")));
    }

    void aProvinceListsTheCountyLevelCitiesItAdministersAsCities()
    {
        const DivisionTable &table = DivisionTable::shipped();
        QStringList names;
        for (const DivisionTable::Division &d : table.cities(QStringLiteral("420000")))
            names.append(d.name);
        QVERIFY(names.contains(QStringLiteral("武汉市")));
        QVERIFY(names.contains(QStringLiteral("仙桃市")));
        QVERIFY(!names.contains(QStringLiteral("省直辖县级行政区划")));
        QVERIFY(table.districts(QStringLiteral("429004")).isEmpty());
        QVERIFY(table.districts(QStringLiteral("441900")).isEmpty()); // 东莞市 has no districts
    }

    void splitsACardsAddress_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("province");
        QTest::addColumn<QString>("city");
        QTest::addColumn<QString>("district");
        QTest::addColumn<QString>("rest");
        QTest::addColumn<QString>("code");
        QTest::newRow("province, city, district") << "广东省深圳市南山区粤海街道科技园科苑路15号" << "广东省" << "深圳市" << "南山区"
                                                  << "粤海街道科技园科苑路15号" << "440305";
        QTest::newRow("municipality") << "北京市东城区东华门街道正义路2号" << "北京市" << "北京市" << "东城区" << "东华门街道正义路2号"
                                      << "110101";
        QTest::newRow("municipality written twice") << "上海市上海市浦东新区世纪大道100号" << "上海市" << "上海市" << "浦东新区"
                                                    << "世纪大道100号" << "310115";
        QTest::newRow("municipality's county") << "重庆市城口县葛城街道北大街8号" << "重庆市" << "重庆市" << "城口县" << "葛城街道北大街8号"
                                               << "500229";
        QTest::newRow("autonomous region") << "新疆维吾尔自治区乌鲁木齐市天山区光明路5号" << "新疆维吾尔自治区" << "乌鲁木齐市" << "天山区"
                                           << "光明路5号" << "650102";
        QTest::newRow("autonomous prefecture") << "云南省西双版纳傣族自治州景洪市宣慰大道1号" << "云南省" << "西双版纳傣族自治州" << "景洪市"
                                               << "宣慰大道1号" << "532801";
        QTest::newRow("league") << "内蒙古自治区锡林郭勒盟锡林浩特市额尔敦路3号" << "内蒙古自治区" << "锡林郭勒盟" << "锡林浩特市"
                                << "额尔敦路3号" << "152502";
        QTest::newRow("county-level city in a prefecture") << "江苏省苏州市昆山市玉山镇前进中路1号" << "江苏省" << "苏州市" << "昆山市"
                                                           << "玉山镇前进中路1号" << "320583";
        QTest::newRow("county-level city under the province") << "湖北省仙桃市干河街道仙桃大道6号" << "湖北省" << "仙桃市" << ""
                                                              << "干河街道仙桃大道6号" << "429004";
        QTest::newRow("city without districts") << "广东省东莞市南城街道鸿福路99号" << "广东省" << "东莞市" << "" << "南城街道鸿福路99号"
                                                << "441900";
        QTest::newRow("prefecture skipped") << "安徽省蜀山区长江西路200号" << "安徽省" << "合肥市" << "蜀山区" << "长江西路200号"
                                            << "340104";
        QTest::newRow("spaces on the card") << "安徽省 合肥市 庐阳区 长江中路 1号" << "安徽省" << "合肥市" << "庐阳区" << "长江中路1号"
                                            << "340103";
        QTest::newRow("not a known province") << "香港特别行政区中环皇后大道" << "" << "" << "" << "香港特别行政区中环皇后大道" << "";
        QTest::newRow("city unknown in the province") << "广东省杭州市西湖区1号" << "广东省" << "" << "" << "杭州市西湖区1号" << "440000";
    }

    void splitsACardsAddress()
    {
        QFETCH(QString, address);
        const DivisionTable::AddressSplit split = DivisionTable::shipped().split(address);
        QTEST(split.province, "province");
        QTEST(split.city, "city");
        QTEST(split.district, "district");
        QTEST(split.rest, "rest");
        QTEST(split.code, "code");
    }

    void checksThatADistrictIsInItsCity_data()
    {
        QTest::addColumn<QString>("province");
        QTest::addColumn<QString>("city");
        QTest::addColumn<QString>("district");
        QTest::addColumn<int>("problem");
        using P = DivisionTable::Problem;
        QTest::newRow("one place") << "广东省" << "深圳市" << "南山区" << int(P::None);
        QTest::newRow("district of another city") << "广东省" << "深圳市" << "天河区" << int(P::DistrictNotInCity);
        QTest::newRow("city of another province") << "广东省" << "杭州市" << "西湖区" << int(P::CityNotInProvince);
        QTest::newRow("no such province") << "广东" << "深圳市" << "南山区" << int(P::UnknownProvince);
        QTest::newRow("district left out") << "广东省" << "深圳市" << "" << int(P::DistrictMissing);
        QTest::newRow("city without districts") << "广东省" << "东莞市" << "" << int(P::None);
        QTest::newRow("municipality") << "北京市" << "北京市" << "海淀区" << int(P::None);
    }

    void checksThatADistrictIsInItsCity()
    {
        QFETCH(QString, province);
        QFETCH(QString, city);
        QFETCH(QString, district);
        QFETCH(int, problem);
        QCOMPARE(int(DivisionTable::shipped().check(province, city, district)), problem);
    }

    void refusesAMalformedTable()
    {
        QString error;
        QVERIFY(!DivisionTable::fromTsv("110000\t北京市\n11010\t东城区\n", &error));
        QVERIFY2(error.contains(QLatin1String("line 2")), qPrintable(error));
        QVERIFY(!DivisionTable::fromTsv("110000\n", &error));
        const std::optional<DivisionTable> ok = DivisionTable::fromTsv("# comment\n110000\t北京市\n");
        QVERIFY(ok);
        QCOMPARE(ok->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDivisionTable)
#include "test_divisiontable.moc"
