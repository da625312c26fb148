#include "personaldatafilter.h"

#include "common/residentpersonaldata.h"

#include <QTest>

// What the scrubber leaves of a log line: no card or pass number of any kind, no mobile number,
// and nothing of the resident at the kiosk (name, address, numbers) while the session knows them;
// everything else as written.
class TestPersonalDataFilter : public QObject
{
    Q_OBJECT

private slots:
    void cleanup()
    {
        ResidentPersonalData::forget();
    }

    void masksEveryCardAndPassNumber_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("masked");
        QTest::newRow("resident card") << "card 340104198806122521 read" << "340104198806122521" << "3401**********2521";
        QTest::newRow("resident card with X") << "card 11010519491231002X read" << "11010519491231002X" << "1101**********002X";
        QTest::newRow("first-generation resident card") << "card 340104880612252 read" << "340104880612252" << "3401*******2252";
        QTest::newRow("Hong Kong residence permit") << "permit 81000019900215302X" << "81000019900215302X" << "8100**********302X";
        QTest::newRow("foreign permanent resident 2023") << "card 934826198503150015." << "934826198503150015" << "9348**********0015";
        QTest::newRow("foreign permanent resident 2017") << "card USA340080011601 read" << "USA340080011601" << "USA3*******1601";
        QTest::newRow("Hong Kong pass") << "pass H12345678 read" << "H12345678" << "H1*****78";
        QTest::newRow("Macao pass, older booklet") << "pass M1234567890" << "M1234567890" << "M1*******90";
        QTest::newRow("Taiwan compatriot pass") << "台胞证 12345678，已读" << "12345678" << "12****78";
        QTest::newRow("mobile") << "phone 13955123456" << "13955123456" << "139******56";
    }

    void masksEveryCardAndPassNumber()
    {
        QFETCH(QString, line);
        QFETCH(QString, number);
        QFETCH(QString, masked);
        const QString scrubbed = PersonalDataFilter::scrub(line);
        QVERIFY2(!scrubbed.contains(number), qPrintable(scrubbed));
        QCOMPARE(scrubbed, QString(line).replace(number, masked));
    }

    void keepsWhatIsNoPersonalNumber_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("case number") << "case 34010320261123000123 filed";
        QTest::newRow("time") << "2026-11-23T09:30:00.123Z warning kiosk.app: took 12345 ms";
        QTest::newRow("version") << "catalogue 2026-11-20.3 from the platform";
        QTest::newRow("request id") << "503 unavailable (request 9f3a12345678bc)";
        QTest::newRow("item code") << "item 340100-000-ZZ-0010-01";
        QTest::newRow("path") << "/var/lib/kiosk/outbox/12345678.tmp";
    }

    void keepsWhatIsNoPersonalNumber()
    {
        QFETCH(QString, line);
        QCOMPARE(PersonalDataFilter::scrub(line), line);
    }

    void masksTheCurrentResidentsNameAndAddressUntilForgotten()
    {
        using ResidentPersonalData::Kind;
        ResidentPersonalData::remember({{Kind::Name, QStringLiteral("欧阳春晓")},
                                        {Kind::Name, QStringLiteral("SMITH, JOHN ANDREW")},
                                        {Kind::Address, QStringLiteral("安徽省宿州市砀山县梨园路8号")},
                                        {Kind::Number, QStringLiteral("H87654321")}});
        const QString line = QStringLiteral("申请人欧阳春晓 住 安徽省宿州市砀山县梨园路8号，又名 John Andrew Smith，通行证 H87654321；"
                                            "寄往砀山县梨园路8号");
        const QString scrubbed = PersonalDataFilter::scrub(line);
        for (const char *kept : {"欧阳春晓", "梨园路8号", "John", "Andrew", "Smith", "87654321"})
            QVERIFY2(!scrubbed.contains(QString::fromUtf8(kept), Qt::CaseInsensitive), qPrintable(scrubbed));
        QVERIFY2(scrubbed.contains(QStringLiteral("欧***")), qPrintable(scrubbed));
        QVERIFY2(scrubbed.contains(QStringLiteral("安徽省宿州市…")), qPrintable(scrubbed));

        ResidentPersonalData::forget();
        QCOMPARE(PersonalDataFilter::scrub(QStringLiteral("欧阳春晓")), QStringLiteral("欧阳春晓"));
    }
};

QTEST_GUILESS_MAIN(TestPersonalDataFilter)
#include "test_personaldatafilter.moc"
