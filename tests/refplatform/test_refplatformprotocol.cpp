#include "faultplan.h"
#include "formcheck.h"
#include "httpmessage.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

// The reference server's pure parts: the HTTP/1.1 framing it reads and writes, its fault plan,
// and the form checks behind 422 validation_failed.
class TestRefPlatformProtocol : public QObject
{
    Q_OBJECT

private slots:
    void takesOneRequestAtATimeOffAKeepAliveStream();
    void waitsForTheWholeBody();
    void refusesWhatItCannotFrame_data();
    void refusesWhatItCannotFrame();
    void neverReadsPastWhatArrivedInRandomStreams();
    void writesContentLengthAndNoBodyFor304();
    void readsPercentEncodedQueryValues();
    void mergesFaultChangesAndRefusesUnknownOnes();
    void knowsItsOutageWindows();
    void checksIdNumbersByTheirCheckCharacter_data();
    void checksIdNumbersByTheirCheckCharacter();
    void checksEachFieldByItsType();
};

void TestRefPlatformProtocol::takesOneRequestAtATimeOffAKeepAliveStream()
{
    QByteArray stream = "POST /terminal/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nX-Nonce: ab\r\n\r\n{}"
                        "GET /terminal/v1/catalogue HTTP/1.1\r\nHost: x\r\n\r\n";
    HttpRequest first;
    QCOMPARE(HttpParser::take(stream, &first), HttpParser::Status::Complete);
    QCOMPARE(first.method, QByteArray("POST"));
    QCOMPARE(first.body, QByteArray("{}"));
    QCOMPARE(first.headers.value("x-nonce"), QByteArray("ab"));
    HttpRequest second;
    QCOMPARE(HttpParser::take(stream, &second), HttpParser::Status::Complete);
    QCOMPARE(second.target, QByteArray("/terminal/v1/catalogue"));
    QVERIFY(second.body.isEmpty());
    QVERIFY(stream.isEmpty());
}

void TestRefPlatformProtocol::waitsForTheWholeBody()
{
    QByteArray stream = "POST /x HTTP/1.1\r\nContent-Length: 10\r\n\r\n12345";
    HttpRequest request;
    QCOMPARE(HttpParser::take(stream, &request), HttpParser::Status::Incomplete);
    stream += "67890";
    QCOMPARE(HttpParser::take(stream, &request), HttpParser::Status::Complete);
    QCOMPARE(request.body, QByteArray("1234567890"));
}

void TestRefPlatformProtocol::refusesWhatItCannotFrame_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::newRow("chunked body") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    QTest::newRow("not HTTP") << QByteArray("HELLO\r\n\r\n");
    QTest::newRow("absolute target") << QByteArray("GET http://x/ HTTP/1.1\r\n\r\n");
    QTest::newRow("body over 12 MiB") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n");
    QTest::newRow("header without colon") << QByteArray("GET /x HTTP/1.1\r\nbroken\r\n\r\n");
    QTest::newRow("endless headers") << QByteArray("GET /x HTTP/1.1\r\n") + QByteArray(70 * 1024, 'a');
}

void TestRefPlatformProtocol::refusesWhatItCannotFrame()
{
    QFETCH(QByteArray, stream);
    HttpRequest request;
    QCOMPARE(HttpParser::take(stream, &request), HttpParser::Status::Bad);
}

void TestRefPlatformProtocol::neverReadsPastWhatArrivedInRandomStreams()
{
    // Valid requests cut at random points and mutated at random bytes, as a hostile or broken
    // client would send them: the parser either waits, refuses, or takes a request whose body
    // has exactly its Content-Length, and never loses or invents bytes.
    QRandomGenerator random(20261123);
    const QByteArray valid = "POST /terminal/v1/cases?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 12\r\n\r\n{\"a\":\"bcde\"}";
    for (int round = 0; round < 20000; ++round) {
        QByteArray stream = valid.left(random.bounded(valid.size() + 1));
        const int mutations = random.bounded(4);
        for (int m = 0; m < mutations && !stream.isEmpty(); ++m)
            stream[random.bounded(stream.size())] = char(random.bounded(256));
        const QByteArray before = stream;
        HttpRequest request;
        const HttpParser::Status status = HttpParser::take(stream, &request);
        if (status == HttpParser::Status::Complete) {
            const qsizetype consumed = before.size() - stream.size();
            QVERIFY(consumed > 0);
            QCOMPARE(request.body.size(), request.headers.value("content-length").toLongLong());
            QVERIFY(before.left(consumed).endsWith(request.body));
        } else {
            QCOMPARE(stream, before);
        }
    }
}

void TestRefPlatformProtocol::writesContentLengthAndNoBodyFor304()
{
    HttpResponse created;
    created.status = 201;
    created.setHeader("Content-Type", "application/json");
    created.body = "{\"a\":1}";
    const QByteArray bytes = created.serialize();
    QVERIFY(bytes.startsWith("HTTP/1.1 201 Created\r\n"));
    QVERIFY(bytes.contains("Content-Length: 7\r\n"));
    QVERIFY(bytes.endsWith("\r\n\r\n{\"a\":1}"));

    HttpResponse same;
    same.status = 304;
    same.body = "ignored";
    QVERIFY(same.serialize().endsWith("Content-Length: 0\r\n\r\n"));
}

void TestRefPlatformProtocol::readsPercentEncodedQueryValues()
{
    HttpRequest request;
    request.target = "/terminal/v1/cases?holder_token=a%2Bb%3D&x=1";
    QCOMPARE(request.path(), QByteArray("/terminal/v1/cases"));
    QCOMPARE(request.queryValue("holder_token"), QByteArray("a+b="));
    QCOMPARE(request.queryValue("missing"), QByteArray());
}

void TestRefPlatformProtocol::mergesFaultChangesAndRefusesUnknownOnes()
{
    FaultPlan plan;
    QString error;
    QVERIFY(plan.merge({{QStringLiteral("latency_ms"), 250}, {QStringLiteral("error_rate"), QJsonObject{{QStringLiteral("cases"), 0.5}}}}, &error));
    QCOMPARE(plan.latencyMs, 250);
    QCOMPARE(plan.errorRate(QStringLiteral("cases")), 0.5);
    QCOMPARE(plan.errorRate(QStringLiteral("materials")), 0.0);
    QVERIFY(!plan.merge({{QStringLiteral("malformed"), 2.0}}, &error));
    QVERIFY(!plan.merge({{QStringLiteral("latency_ms"), 0}, {QStringLiteral("explode"), true}}, &error));
    QVERIFY(error.contains(QLatin1String("explode")));
    QCOMPARE(plan.latencyMs, 250); // a refused change leaves the plan as it was
    QVERIFY(plan.addErrorRate(QStringLiteral("*=1"), &error));
    QCOMPARE(plan.errorRate(QStringLiteral("materials")), 1.0);
    QVERIFY(!plan.addErrorRate(QStringLiteral("cases"), &error));
    QVERIFY(plan.merge({{QStringLiteral("trickle_ms"), 200}, {QStringLiteral("rate_window_s"), 600}}, &error));
    QCOMPARE(plan.trickleMs, 200);
    QCOMPARE(plan.rateWindowS, 600);
    QVERIFY(!plan.merge({{QStringLiteral("rate_window_s"), 0}}, &error));
    QVERIFY(!plan.merge({{QStringLiteral("trickle_ms"), -1}}, &error));
    QCOMPARE(plan.toJson().value(QLatin1String("trickle_ms")).toInt(), 200);
}

void TestRefPlatformProtocol::knowsItsOutageWindows()
{
    FaultPlan plan;
    QString error;
    QVERIFY(plan.addOutageWindow(QStringLiteral("10-20"), &error));
    QVERIFY(!plan.addOutageWindow(QStringLiteral("20-10"), &error));
    QVERIFY(!plan.inOutage(9));
    QVERIFY(plan.inOutage(10));
    QVERIFY(plan.inOutage(19));
    QVERIFY(!plan.inOutage(20));
    plan.outage = true;
    QVERIFY(plan.inOutage(0));
}

void TestRefPlatformProtocol::checksIdNumbersByTheirCheckCharacter_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("valid");
    QTest::newRow("check X") << "11010519491231002X" << true;
    QTest::newRow("check x lower case") << "11010519491231002x" << true;
    QTest::newRow("check digit") << "340104199001011239" << true;
    QTest::newRow("wrong check") << "340104199001011234" << false;
    QTest::newRow("impossible birth date") << "340104199013011236" << false;
    QTest::newRow("17 digits") << "34010419900101123" << false;
}

void TestRefPlatformProtocol::checksIdNumbersByTheirCheckCharacter()
{
    QFETCH(QString, number);
    QFETCH(bool, valid);
    QCOMPARE(FormCheck::isIdNumber(number), valid);
}

void TestRefPlatformProtocol::checksEachFieldByItsType()
{
    CatalogueItem item;
    auto field = [](const char *id, const char *type, bool required) {
        FormField f;
        f.id = QString::fromLatin1(id);
        f.type = QString::fromLatin1(type);
        f.required = required;
        f.label = {QStringLiteral("标签"), {}};
        return f;
    };
    item.form = {field("phone", "phone", true), field("born", "date", true), field("count", "number", false),
                 field("agree", "checkbox", false), field("level", "select", true), field("note", "text", false)};
    item.form[4].options = {{QStringLiteral("a"), {QStringLiteral("甲"), {}}}, {QStringLiteral("b"), {QStringLiteral("乙"), {}}}};
    const QJsonObject good{{QStringLiteral("phone"), QStringLiteral("13912345678")}, {QStringLiteral("born"), QStringLiteral("2026-02-28")},
                           {QStringLiteral("count"), 3}, {QStringLiteral("agree"), true}, {QStringLiteral("level"), QStringLiteral("b")}};
    QVERIFY(FormCheck::check(item, good).isEmpty());
    const QJsonObject bad{{QStringLiteral("phone"), QStringLiteral("1391234")}, {QStringLiteral("born"), QStringLiteral("2026-02-30")},
                          {QStringLiteral("count"), QStringLiteral("three")}, {QStringLiteral("agree"), QStringLiteral("yes")},
                          {QStringLiteral("extra"), 1}};
    const QJsonObject reasons = FormCheck::check(item, bad);
    QCOMPARE(reasons.value(QLatin1String("phone")).toString(), QStringLiteral("invalid_phone"));
    QCOMPARE(reasons.value(QLatin1String("born")).toString(), QStringLiteral("invalid_date"));
    QCOMPARE(reasons.value(QLatin1String("count")).toString(), QStringLiteral("not_a_number"));
    QCOMPARE(reasons.value(QLatin1String("agree")).toString(), QStringLiteral("not_a_checkbox_value"));
    QCOMPARE(reasons.value(QLatin1String("level")).toString(), QStringLiteral("required"));
    QCOMPARE(reasons.value(QLatin1String("extra")).toString(), QStringLiteral("unknown_field"));
    QVERIFY(!reasons.contains(QLatin1String("note")));
}

QTEST_GUILESS_MAIN(TestRefPlatformProtocol)
#include "test_refplatformprotocol.moc"
