#include "formvalidation.h"

#include <QTest>

namespace {

FormField field(const char *type, bool required = true)
{
    FormField f;
    f.id = QStringLiteral("f");
    f.type = QString::fromLatin1(type);
    f.required = required;
    if (f.type == QLatin1String("select"))
        f.options = {{QStringLiteral("200"), {QStringLiteral("每年200元"), QStringLiteral("200 a year")}}};
    return f;
}

} // namespace

// What the form screen tells a resident about each value, before anything is submitted.
class TestFormValidation : public QObject
{
    Q_OBJECT

private slots:
    void checksEachFieldType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<bool>("required");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("mobile") << "phone" << true << "13955123456" << "";
        QTest::newRow("landline with area code") << "phone" << true << "0551-62345678" << "";
        QTest::newRow("mobile too short") << "phone" << true << "1395512345" << "not_a_phone";
        QTest::newRow("mobile not starting 13-19") << "phone" << true << "12955123456" << "not_a_phone";
        QTest::newRow("empty required") << "phone" << true << "  " << "required";
        QTest::newRow("empty optional") << "phone" << false << "" << "";
        QTest::newRow("number") << "number" << true << "6222021234567890" << "";
        QTest::newRow("decimal") << "number" << true << "50.5" << "";
        QTest::newRow("letters in a number") << "number" << true << "62220x" << "not_a_number";
        QTest::newRow("date") << "date" << true << "2026-02-28" << "";
        QTest::newRow("impossible date") << "date" << true << "2026-02-30" << "not_a_date";
        QTest::newRow("date as its hint says") << "date" << true << "20261201" << "";
        QTest::newRow("impossible date as digits") << "date" << true << "20260230" << "not_a_date";
        QTest::newRow("date with slashes") << "date" << true << "2026/12/01" << "not_a_date";
        QTest::newRow("date too short") << "date" << true << "2026121" << "not_a_date";
        QTest::newRow("valid id number") << "id_number" << true << "34010419900101101X" << "";
        QTest::newRow("lower-case x") << "id_number" << true << "34010419900101101x" << "";
        QTest::newRow("wrong check digit") << "id_number" << true << "340104199001011231" << "not_an_id_number";
        QTest::newRow("2017 foreign permanent resident card") << "id_number" << true << "USA340080011601" << "";
        QTest::newRow("2017 foreign card, lower case") << "id_number" << true << "usa340080011601" << "";
        QTest::newRow("2017 foreign card, a digit short") << "id_number" << true << "USA34008001160" << "not_an_id_number";
        QTest::newRow("2017 foreign card, digits for letters") << "id_number" << true << "123340080011601" << "not_an_id_number";
        QTest::newRow("2023 foreign permanent resident card") << "id_number" << true << "934826198503150015" << "";
        QTest::newRow("option") << "select" << true << "200" << "";
        QTest::newRow("not an option") << "select" << true << "250" << "not_an_option";
        QTest::newRow("checkbox") << "checkbox" << true << "true" << "";
        QTest::newRow("text") << "text" << true << "合肥市庐阳区" << "";
        QTest::newRow("text too long") << "text" << true << QString(201, QLatin1Char('a')) << "too_long";
    }

    void checksEachFieldType()
    {
        QFETCH(QString, type);
        QFETCH(bool, required);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        QCOMPARE(FormValidation::problemName(FormValidation::check(field(type.toLatin1().constData(), required), value)), problem);
    }

    void keepsADateTypedAsDigitsInIsoForm()
    {
        QCOMPARE(FormValidation::normalized(field("date"), QStringLiteral("20261201")), QStringLiteral("2026-12-01"));
        QCOMPARE(FormValidation::normalized(field("date"), QStringLiteral("2026-12-01")), QStringLiteral("2026-12-01"));
        // Eight digits of another field are a number, not a date.
        QCOMPARE(FormValidation::normalized(field("number"), QStringLiteral("20261201")), QStringLiteral("20261201"));
    }
};

QTEST_GUILESS_MAIN(TestFormValidation)
#include "test_formvalidation.moc"
