#include "platformresult.h"
#include "responseshape.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

// The contract's error table and response shapes, applied to status + headers + body: what the
// outbox will do with each answer (retry, clock fix, park for staff) depends on nothing else.
class TestPlatformResponse : public QObject
{
    Q_OBJECT

private slots:
    void classifiesLikeTheContractErrorTable_data();
    void classifiesLikeTheContractErrorTable();
    void treatsWrongShapesAs502_data();
    void treatsWrongShapesAs502();
    void readsTheServerTimeOfAClockSkewFromDate();
    void reportsReplayedIdempotentAnswers();
    void acceptsTheDemoCatalogueAndA304();
    void acceptsOnlyPdfDocuments();
    void neverTrustsARandomlyDamagedReply();
    void recognisesCaseNumbers_data();
    void recognisesCaseNumbers();
    void summarisesAnErrorByItsCodeNeverByThePlatformsText();
    void holdsACaseDocumentUrlToTheLicenceListsRule_data();
    void holdsACaseDocumentUrlToTheLicenceListsRule();
};

namespace {

QByteArray error(const char *code, const char *details = "{}")
{
    return QByteArray("{\"error\":{\"code\":\"") + code + "\",\"message\":\"m\",\"details\":" + details + "}}";
}

using Headers = QHash<QByteArray, QByteArray>;

} // namespace

void TestPlatformResponse::classifiesLikeTheContractErrorTable_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<PlatformOutcome>("outcome");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("retryAfterS");

    QTest::newRow("400 bad_request parks") << 400 << QByteArray() << error("bad_request") << PlatformOutcome::Permanent << "bad_request" << -1;
    QTest::newRow("401 invalid_signature parks") << 401 << QByteArray() << error("invalid_signature") << PlatformOutcome::Permanent << "invalid_signature" << -1;
    QTest::newRow("401 unknown_terminal parks") << 401 << QByteArray() << error("unknown_terminal") << PlatformOutcome::Permanent << "unknown_terminal" << -1;
    QTest::newRow("401 terminal_disabled parks") << 401 << QByteArray() << error("terminal_disabled") << PlatformOutcome::Permanent << "terminal_disabled" << -1;
    QTest::newRow("404 not_found parks") << 404 << QByteArray() << error("not_found") << PlatformOutcome::Permanent << "not_found" << -1;
    QTest::newRow("409 in_progress retries") << 409 << QByteArray() << error("in_progress") << PlatformOutcome::Transient << "in_progress" << -1;
    QTest::newRow("409 group_closed is an answer") << 409 << QByteArray() << error("group_closed") << PlatformOutcome::Permanent << "group_closed" << -1;
    QTest::newRow("409 already_checked_in is an answer") << 409 << QByteArray() << error("already_checked_in") << PlatformOutcome::Permanent << "already_checked_in" << -1;
    QTest::newRow("422 validation_failed parks") << 422 << QByteArray() << error("validation_failed", "{\"phone\":\"invalid\"}") << PlatformOutcome::Permanent << "validation_failed" << -1;
    QTest::newRow("422 idempotency_key_reused parks") << 422 << QByteArray() << error("idempotency_key_reused") << PlatformOutcome::Permanent << "idempotency_key_reused" << -1;
    QTest::newRow("422 item_closed parks") << 422 << QByteArray() << error("item_closed") << PlatformOutcome::Permanent << "item_closed" << -1;
    QTest::newRow("429 waits Retry-After") << 429 << QByteArray("7") << error("rate_limited") << PlatformOutcome::Transient << "rate_limited" << 7;
    QTest::newRow("500 retries") << 500 << QByteArray() << error("unavailable") << PlatformOutcome::Transient << "unavailable" << -1;
    QTest::newRow("503 honours Retry-After") << 503 << QByteArray("30") << error("unavailable") << PlatformOutcome::Transient << "unavailable" << 30;
    QTest::newRow("504 retries") << 504 << QByteArray() << error("unavailable") << PlatformOutcome::Transient << "unavailable" << -1;
}

void TestPlatformResponse::classifiesLikeTheContractErrorTable()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, body);
    QFETCH(PlatformOutcome, outcome);
    QFETCH(QString, code);
    QFETCH(int, retryAfterS);
    Headers headers{{"x-request-id", "req-1"}};
    if (!retryAfter.isEmpty())
        headers.insert("retry-after", retryAfter);
    const PlatformResult r = PlatformResponse::classify(PlatformEndpoint::SubmitCase, status, headers, body);
    QCOMPARE(r.outcome, outcome);
    QCOMPARE(r.errorCode, code);
    QCOMPARE(r.httpStatus, status);
    QCOMPARE(r.requestId, QStringLiteral("req-1"));
    QCOMPARE(r.retryAfterS.value_or(-1), retryAfterS);
    QVERIFY(!r.userMessage().zh.isEmpty());
    QVERIFY(!r.userMessage().en.isEmpty());
    if (code == QLatin1String("validation_failed"))
        QCOMPARE(r.details.value(QLatin1String("phone")).toString(), QStringLiteral("invalid"));
}

void TestPlatformResponse::treatsWrongShapesAs502_data()
{
    QTest::addColumn<PlatformEndpoint>("endpoint");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("html instead of a case") << PlatformEndpoint::SubmitCase << 201 << QByteArray("<html>oops</html>");
    QTest::newRow("truncated JSON") << PlatformEndpoint::SubmitCase << 201 << QByteArray("{\"case_no\":\"3401032026112300");
    QTest::newRow("short case number") << PlatformEndpoint::SubmitCase << 201
        << QByteArray("{\"case_no\":\"123\",\"status\":\"accepted\",\"message\":{\"zh\":\"已受理\"}}");
    QTest::newRow("unknown case status") << PlatformEndpoint::SubmitCase << 201
        << QByteArray("{\"case_no\":\"34010320261123000123\",\"status\":\"maybe\",\"message\":{\"zh\":\"?\"}}");
    QTest::newRow("verified without token") << PlatformEndpoint::IdentityVerify << 200 << QByteArray("{\"verified\":true,\"score\":0.9}");
    QTest::newRow("enroll secret too short") << PlatformEndpoint::Enroll << 201
        << QByteArray("{\"terminal_id\":\"T1\",\"secret\":\"AAAA\",\"division_code\":\"340103\",\"server_time\":\"2026-11-23T13:05:00+08:00\"}");
    QTest::newRow("heartbeat unknown command") << PlatformEndpoint::Heartbeat << 200
        << QByteArray("{\"server_time\":\"2026-11-23T13:05:00+08:00\",\"catalogue_version\":\"v\",\"commands\":[{\"id\":\"1\",\"name\":\"format_disk\"}]}");
    QTest::newRow("awaiting payment without its payment") << PlatformEndpoint::SubmitCase << 201
        << QByteArray("{\"case_no\":\"34010320261123000123\",\"status\":\"awaiting_payment\",\"message\":{\"zh\":\"请缴费\"}}");
    QTest::newRow("payment with no amount") << PlatformEndpoint::SubmitCase << 201
        << QByteArray("{\"case_no\":\"34010320261123000123\",\"status\":\"awaiting_payment\",\"message\":{\"zh\":\"请缴费\"},"
                      "\"payment\":{\"payment_id\":\"P1\",\"amount_fen\":0,\"qr_payload\":\"https://pay/p/P1\",\"expires_at\":\"2026-11-23T13:05:00+08:00\"}}");
    QTest::newRow("payment state unknown") << PlatformEndpoint::Payments << 200 << QByteArray("{\"state\":\"maybe_paid\"}");
    QTest::newRow("fiscal receipt off the platform") << PlatformEndpoint::Payments << 200
        << QByteArray("{\"state\":\"paid\",\"receipt_url\":\"https://evil.example/r.pdf\"}");
    QTest::newRow("catalogue without items") << PlatformEndpoint::Catalogue << 200 << QByteArray("{\"version\":\"1\",\"items\":[]}");
    QTest::newRow("error without error object") << PlatformEndpoint::SubmitCase << 422 << QByteArray("{\"oops\":1}");
    QTest::newRow("404 from a proxy page") << PlatformEndpoint::CaseStatus << 404 << QByteArray("Not Found");
}

void TestPlatformResponse::treatsWrongShapesAs502()
{
    QFETCH(PlatformEndpoint, endpoint);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const PlatformResult r = PlatformResponse::classify(endpoint, status, {}, body);
    QCOMPARE(r.outcome, PlatformOutcome::Transient);
    QCOMPARE(r.errorCode, QStringLiteral("malformed"));
    QCOMPARE(r.httpStatus, 502);
    QVERIFY(r.body.isEmpty());
}

void TestPlatformResponse::readsTheServerTimeOfAClockSkewFromDate()
{
    const PlatformResult r = PlatformResponse::classify(PlatformEndpoint::Heartbeat, 401,
                                                        {{"date", "Mon, 23 Nov 2026 05:05:07 GMT"}}, error("clock_skew"));
    QCOMPARE(r.outcome, PlatformOutcome::ClockSkew);
    QCOMPARE(r.serverTime.toUTC(), QDateTime(QDate(2026, 11, 23), QTime(5, 5, 7), QTimeZone::utc()));

    const PlatformResult noDate = PlatformResponse::classify(PlatformEndpoint::Heartbeat, 401, {}, error("clock_skew"));
    QCOMPARE(noDate.outcome, PlatformOutcome::Transient);
}

void TestPlatformResponse::reportsReplayedIdempotentAnswers()
{
    const QByteArray body("{\"case_no\":\"34010320261123000123\",\"status\":\"accepted\",\"message\":{\"zh\":\"已受理\",\"en\":\"Accepted\"},\"due\":\"2026-11-26\"}");
    const PlatformResult r = PlatformResponse::classify(PlatformEndpoint::SubmitCase, 201, {{"idempotent-replayed", "true"}}, body);
    QCOMPARE(r.outcome, PlatformOutcome::Ok);
    QVERIFY(r.replayed);
    QCOMPARE(r.body.value(QLatin1String("case_no")).toString(), QStringLiteral("34010320261123000123"));
}

void TestPlatformResponse::acceptsTheDemoCatalogueAndA304()
{
    QFile file(QStringLiteral(KIOSK_DEMO_CATALOGUE));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const PlatformResult r = PlatformResponse::classify(PlatformEndpoint::Catalogue, 200, {{"etag", "\"abc\""}}, bytes);
    QCOMPARE(r.outcome, PlatformOutcome::Ok);
    QCOMPARE(r.etag, QByteArray("\"abc\""));
    QCOMPARE(r.content, bytes);
    const PlatformResult same = PlatformResponse::classify(PlatformEndpoint::Catalogue, 304, {}, {});
    QCOMPARE(same.outcome, PlatformOutcome::Ok);
    QVERIFY(same.notModified);
}

void TestPlatformResponse::acceptsOnlyPdfDocuments()
{
    const QByteArray pdf("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    QCOMPARE(PlatformResponse::classify(PlatformEndpoint::Document, 200, {{"content-type", "application/pdf"}}, pdf).outcome,
             PlatformOutcome::Ok);
    QCOMPARE(PlatformResponse::classify(PlatformEndpoint::Document, 200, {{"content-type", "text/html"}}, pdf).errorCode,
             QStringLiteral("malformed"));
    QCOMPARE(PlatformResponse::classify(PlatformEndpoint::Document, 200, {{"content-type", "application/pdf"}}, pdf.left(20)).errorCode,
             QStringLiteral("malformed"));
}

void TestPlatformResponse::neverTrustsARandomlyDamagedReply()
{
    // A proxy or a flaky line can damage any byte: what comes out is either a body that still has
    // the full shape, or a transient failure; never an Ok with a body missing its case number.
    QRandomGenerator random(20261123);
    const QByteArray valid("{\"case_no\":\"34010320261123000123\",\"status\":\"accepted\",\"message\":{\"zh\":\"已受理\"},\"due\":\"2026-11-26\"}");
    int rejected = 0;
    for (int round = 0; round < 5000; ++round) {
        QByteArray body = valid.left(random.bounded(valid.size() + 1));
        for (int m = random.bounded(3); m > 0 && !body.isEmpty(); --m)
            body[random.bounded(body.size())] = char(random.bounded(256));
        const PlatformResult r = PlatformResponse::classify(PlatformEndpoint::SubmitCase, 201, {}, body);
        if (r.isOk()) {
            QVERIFY2(ResponseShape::isCaseNumber(r.body.value(QLatin1String("case_no")).toString()), body.constData());
        } else {
            QCOMPARE(r.outcome, PlatformOutcome::Transient);
            ++rejected;
        }
    }
    QVERIFY(rejected > 0);
}

void TestPlatformResponse::recognisesCaseNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("contract example") << "34010320261123000123" << true;
    QTest::newRow("19 digits") << "3401032026112300012" << false;
    QTest::newRow("impossible date") << "34010320261323000123" << false;
    QTest::newRow("letters") << "3401032026112300012A" << false;
}

void TestPlatformResponse::recognisesCaseNumbers()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(ResponseShape::isCaseNumber(text), valid);
}

void TestPlatformResponse::summarisesAnErrorByItsCodeNeverByThePlatformsText()
{
    // A platform's message may name the resident or quote what they typed; what the kiosk logs,
    // parks in the outbox and shows staff is the code and the request.
    const QByteArray body(R"({"error":{"code":"validation_failed","message":"申请人欧阳春晓（安徽省宿州市砀山县梨园路8号）的信息不完整","details":{}}})");
    const PlatformResult r = PlatformResponse::classify(PlatformEndpoint::SubmitCase, 422, {{"x-request-id", "req-7"}}, body);
    QCOMPARE(r.errorCode, QStringLiteral("validation_failed"));
    QCOMPARE(r.summary(), QStringLiteral("422 validation_failed (request req-7)"));
    QVERIFY(!r.message.contains(QStringLiteral("欧阳春晓")));
}

void TestPlatformResponse::holdsACaseDocumentUrlToTheLicenceListsRule_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("fetchable");
    QTest::newRow("the contract's path") << "/documents/D34010320261123000123" << true;
    QTest::newRow("another host") << "https://evil.example/documents/D1" << false;
    QTest::newRow("plain http") << "http://evil.example/x.pdf" << false;
    QTest::newRow("scheme-relative host") << "//evil.example/documents/D1" << false;
    QTest::newRow("climbing out") << "/documents/../enroll" << false;
    QTest::newRow("climbing out, encoded") << "/documents/%2e%2e/enroll" << false;
    QTest::newRow("a second holder token") << "/documents/D1?holder_token=other" << false;
    QTest::newRow("outside documents") << "/cases/34010320261123000123" << false;
    QTest::newRow("a tag") << "/documents/<img src=x>" << false;
}

void TestPlatformResponse::holdsACaseDocumentUrlToTheLicenceListsRule()
{
    QFETCH(QString, url);
    QFETCH(bool, fetchable);
    QCOMPARE(ResponseShape::isDocumentPath(url), fetchable);

    QJsonObject filed{{QStringLiteral("case_no"), QStringLiteral("34010320261123000123")},
                      {QStringLiteral("status"), QStringLiteral("approved")},
                      {QStringLiteral("message"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("已办结")}}},
                      {QStringLiteral("document_url"), url}};
    const PlatformResult caseReply = PlatformResponse::classify(PlatformEndpoint::SubmitCase, 201, {},
                                                                QJsonDocument(filed).toJson(QJsonDocument::Compact));
    QCOMPARE(caseReply.outcome == PlatformOutcome::Ok, fetchable);
    if (!fetchable)
        QCOMPARE(caseReply.errorCode, QStringLiteral("malformed"));

    const QJsonObject licence{{QStringLiteral("id"), QStringLiteral("L1")},
                              {QStringLiteral("type"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("营业执照")}}},
                              {QStringLiteral("issued"), QStringLiteral("2026-01-02")},
                              {QStringLiteral("document_url"), url}};
    const PlatformResult listReply = PlatformResponse::classify(
        PlatformEndpoint::Licenses, 200, {},
        QJsonDocument(QJsonObject{{QStringLiteral("licenses"), QJsonArray{licence}}}).toJson(QJsonDocument::Compact));
    QCOMPARE(listReply.outcome, caseReply.outcome);
}

QTEST_GUILESS_MAIN(TestPlatformResponse)
#include "test_platformresponse.moc"
