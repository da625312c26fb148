#include "residentrecords.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

namespace {

// JSON written with single quotes, which read better in C++ strings than escaped double quotes.
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text).replace('\'', '"')).object();
}

} // namespace

// What the kiosk makes of the platform's progress and licence answers, and of the codes a
// resident holds up to the scanner for a progress query.
class TestResidentRecords : public QObject
{
    Q_OBJECT

private slots:
    void readsACaseWithItsHistory()
    {
        const QJsonObject body = json("{'case_no': '34010320261123000123', 'item_code': '340100-000-ZZ-0002-01',"
            "            'status': 'in_review', 'history': ["
            "              {'at': '2026-11-23T09:00:00+08:00', 'status': 'accepted', 'note': {'zh': '已受理', 'en': 'Accepted'}},"
            "              {'at': '2026-11-23T10:00:00+08:00', 'status': 'in_review', 'note': {'zh': '审核中', 'en': 'Under review'}}]}");
        const std::optional<CaseProgress> progress = ResidentRecords::parseCase(body);
        QVERIFY(progress);
        QCOMPARE(progress->caseNo, QStringLiteral("34010320261123000123"));
        QCOMPARE(progress->status, QStringLiteral("in_review"));
        QCOMPARE(progress->history.size(), 2);
        QCOMPARE(progress->history.at(1).note.in(QStringLiteral("en")), QStringLiteral("Under review"));
        QCOMPARE(progress->history.at(0).at.toUTC(), QDateTime(QDate(2026, 11, 23), QTime(1, 0), QTimeZone::utc()));
    }

    void refusesACaseWithoutNumberOrStatus_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("no number") << QByteArray("{'status': 'accepted'}").replace('\'', '"');
        QTest::newRow("no status") << QByteArray("{'case_no': '34010320261123000123'}").replace('\'', '"');
        QTest::newRow("status not text") << QByteArray("{'case_no': '34010320261123000123', 'status': 3}").replace('\'', '"');
        QTest::newRow("empty") << QByteArray("{}");
    }

    void refusesACaseWithoutNumberOrStatus()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!ResidentRecords::parseCase(QJsonDocument::fromJson(json).object()));
    }

    void keepsOnlyLicencesItCanNameAndPrint()
    {
        const QJsonObject body = json("{'licenses': ["
            "              {'id': 'L1', 'type': {'zh': '营业执照', 'en': 'Business licence'}, 'issued': '2024-03-01T09:00:00Z', 'document_url': '/documents/L1'},"
            "              {'id': 'L2', 'type': {'zh': '居民户口簿'}, 'issued': '2024-03-01T09:00:00Z'},"
            "              {'id': '', 'type': {'zh': '结婚证'}, 'document_url': '/documents/L3'},"
            "              {'id': 'L4', 'type': {}, 'document_url': '/documents/L4'},"
            "              {'id': 'L5', 'type': {'zh': '驾驶证'}, 'document_url': 'https://elsewhere.example/L5'}]}");
        const std::optional<QList<LicenceEntry>> licences = ResidentRecords::parseLicences(body);
        QVERIFY(licences);
        QCOMPARE(licences->size(), 1);
        QCOMPARE(licences->first().id, QStringLiteral("L1"));
        QCOMPARE(licences->first().type.in(QStringLiteral("en")), QStringLiteral("Business licence"));
        QCOMPARE(licences->first().issued.date(), QDate(2024, 3, 1));
    }

    void refusesALicenceAnswerOfAnotherShape()
    {
        QVERIFY(!ResidentRecords::parseLicences(json("{'licences': []}")));
        QVERIFY(!ResidentRecords::parseLicences(json("{'licenses': {'id': 'L1'}}")));
        const std::optional<QList<LicenceEntry>> none = ResidentRecords::parseLicences(json("{'licenses': []}"));
        QVERIFY(none);
        QVERIFY(none->isEmpty());
    }

    void findsTheReferenceOnAReceiptsCode_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("reference");
        QTest::newRow("follow-up url") << "https://zwfw.example.gov.cn/case/34010320261123000123" << "34010320261123000123";
        QTest::newRow("url with query") << "https://zwfw.example.gov.cn/track?case_no=34010320261123000123&lang=en"
                                        << "34010320261123000123";
        QTest::newRow("bare number") << " 34010320261123000123\n" << "34010320261123000123";
        QTest::newRow("queued here") << "https://zwfw.example.gov.cn/case/T340103000017-000042" << "T340103000017-000042";
        QTest::newRow("bare local reference") << "T340103000017-000042" << "T340103000017-000042";
        QTest::newRow("19 digits") << "https://zwfw.example.gov.cn/case/3401032026112300012" << "";
        QTest::newRow("21 digits") << "340103202611230001234" << "";
        QTest::newRow("material reference") << "T340103000017-000042-M1" << "";
        QTest::newRow("other site") << "https://example.com/not-a-receipt" << "";
        QTest::newRow("payment code") << "wxp://f2f0abcdefghijklmn" << "";
        QTest::newRow("binary noise") << QString::fromLatin1("\x01\x02\xff\xfe") << "";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("broken url") << "https://[zwfw/case/34010320261123000123" << "";
    }

    void findsTheReferenceOnAReceiptsCode()
    {
        QFETCH(QString, code);
        QFETCH(QString, reference);
        QCOMPARE(ResidentRecords::referenceFromReceiptCode(code), reference);
    }

    void aQueuedReceiptIsAnsweredFromTheKioskAndForgottenAtTheWipe()
    {
        ResidentRecords records;
        QSignalSpy fetched(&records, &ResidentRecords::casesFetched);
        records.answerQueuedHere(QStringLiteral("T340103000017-000042"), QStringLiteral("340100-000-ZZ-0002-01"));
        QVERIFY(fetched.wait(5000));
        QCOMPARE(fetched.first().first().toBool(), true);
        QCOMPARE(records.cases().size(), 1);
        QCOMPARE(records.cases().first().status, QStringLiteral("queued_at_kiosk"));
        QCOMPARE(records.cases().first().localRef, QStringLiteral("T340103000017-000042"));
        records.wipeSessionData();
        QVERIFY(records.cases().isEmpty());
    }

    void fetchingWithoutAPlatformOrTokenIsRefused()
    {
        ResidentRecords records;
        QVERIFY(!records.fetchCases(nullptr, QStringLiteral("token")));
        QVERIFY(!records.fetchLicences(nullptr, QStringLiteral("token")));
        QVERIFY(!records.fetchCase(nullptr, QStringLiteral("34010320261123000123")));
    }
};

QTEST_GUILESS_MAIN(TestResidentRecords)
#include "test_residentrecords.moc"
