#include "enrolledplatformsuite.h"
#include "platformwait.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

// Every request signed as the contract says, against the reference platform: either algorithm,
// paths signed as sent, a bad signature, a replayed nonce or a disabled terminal refused, plain
// HTTP only towards loopback, and the clock corrected from the platform's answers.
class TestPlatformSigning : public EnrolledPlatformSuite
{
    Q_OBJECT

private slots:
    void initTestCase() { startAndEnrol(); }
    void init() { clearFaults(); }

    void refusesPlainHttpTowardsAnotherHost();
    void signsWithEitherAlgorithm_data();
    void signsWithEitherAlgorithm();
    void parksARequestWithABadSignature();
    void signsPathsWithReservedCharactersAsSent();
    void refusesARequestReplayedWithItsNonce();
    void parksRequestsOfADisabledTerminal();
    void correctsItsClockFromClockSkewAndRetriesOnce();
    void readsTheClockSkewFromEveryRepliesDate();
};

void TestPlatformSigning::refusesPlainHttpTowardsAnotherHost()
{
    PlatformClient client(settings(QUrl(QStringLiteral("http://platform.example.gov.cn/terminal/v1"))));
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Permanent);
    QCOMPARE(r.errorCode, QStringLiteral("insecure_url"));
}

void TestPlatformSigning::signsWithEitherAlgorithm_data()
{
    QTest::addColumn<SignatureAlgorithm>("algorithm");
    QTest::newRow("HMAC-SHA256") << SignatureAlgorithm::HmacSha256;
    QTest::newRow("HMAC-SM3") << SignatureAlgorithm::HmacSm3;
}

void TestPlatformSigning::signsWithEitherAlgorithm()
{
    QFETCH(SignatureAlgorithm, algorithm);
    PlatformClientSettings s = settings();
    s.algorithm = algorithm;
    PlatformClient client(s);
    const PlatformResult r = waitFor(client.heartbeat({{QStringLiteral("version"), QStringLiteral("test")}}));
    QVERIFY2(r.isOk(), qPrintable(r.summary()));
    const QJsonArray requests = m_server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.last().toObject().value(QLatin1String("signature_alg")).toString(), RequestSigner::algorithmName(algorithm));
}

void TestPlatformSigning::parksARequestWithABadSignature()
{
    PlatformClientSettings s = settings();
    s.credentials->secret = QByteArray(32, '\x01');
    PlatformClient client(s);
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Permanent);
    QCOMPARE(r.errorCode, QStringLiteral("invalid_signature"));
    QVERIFY(!r.requestId.isEmpty());
}

void TestPlatformSigning::signsPathsWithReservedCharactersAsSent()
{
    PlatformClient client(settings());
    // The platform must get as far as looking the case up: the signature over the encoded path held.
    const PlatformResult r = waitFor(client.caseStatus(QStringLiteral("a+b=c/d?e 中")));
    QCOMPARE(r.errorCode, QStringLiteral("not_found"));
    const PlatformResult list = waitFor(client.caseList(QStringLiteral("tok+en/with=base64")));
    QCOMPARE(list.errorCode, QStringLiteral("bad_request")); // an unknown holder, not a bad signature
}

void TestPlatformSigning::refusesARequestReplayedWithItsNonce()
{
    // An eavesdropper's copy of a signed request, sent again byte for byte.
    QUrl url = m_server.httpUrl();
    url.setPath(url.path() + QStringLiteral("/catalogue"));
    const QByteArray timestamp = RequestSigner::timestamp(QDateTime::currentDateTime());
    const QByteArray nonce = "00112233445566778899aabbccddeeff";
    const QByteArray canonical = RequestSigner::canonicalString("GET", url.path().toLatin1(), timestamp, nonce,
                                                                RequestSigner::bodyHash(SignatureAlgorithm::HmacSha256, {}));
    QNetworkRequest request(url);
    request.setRawHeader("X-Terminal-Id", m_credentials.terminalId.toLatin1());
    request.setRawHeader("X-Timestamp", timestamp);
    request.setRawHeader("X-Nonce", nonce);
    request.setRawHeader("X-Signature", RequestSigner::signature(SignatureAlgorithm::HmacSha256, m_credentials.secret, canonical));
    QNetworkAccessManager network;
    QList<int> statuses;
    QByteArray lastBody;
    for (int i = 0; i < 2; ++i) {
        QNetworkReply *reply = network.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(30000));
        statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        lastBody = reply->readAll();
        delete reply;
    }
    QCOMPARE(statuses, (QList<int>{200, 401}));
    QVERIFY(lastBody.contains("\"replayed\""));
}

void TestPlatformSigning::parksRequestsOfADisabledTerminal()
{
    QVERIFY(!m_server.post(QStringLiteral("enroll-tokens"), {{QStringLiteral("token"), QStringLiteral("token-disabled")}}).isEmpty());
    PlatformClient enroller(settings());
    const PlatformResult enrolled = waitFor(enroller.enroll(QStringLiteral("token-disabled"), {}, {}, QStringLiteral("340103-HALL-09")));
    QVERIFY(enrolled.isOk());
    PlatformClientSettings s = settings();
    s.credentials->terminalId = enrolled.body.value(QLatin1String("terminal_id")).toString();
    s.credentials->secret = QByteArray::fromBase64(enrolled.body.value(QLatin1String("secret")).toString().toLatin1());
    QVERIFY(!m_server.post(QStringLiteral("terminals"), {{QStringLiteral("terminal_id"), s.credentials->terminalId}, {QStringLiteral("disabled"), true}}).isEmpty());
    PlatformClient client(s);
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Permanent);
    QCOMPARE(r.errorCode, QStringLiteral("terminal_disabled"));
}

void TestPlatformSigning::correctsItsClockFromClockSkewAndRetriesOnce()
{
    setFaults({{QStringLiteral("clock_offset_s"), 3600}});
    PlatformClient client(settings());
    QSignalSpy offsetSpy(&client, &PlatformClient::clockOffsetChanged);
    const PlatformResult r = waitFor(client.heartbeat({}));
    QVERIFY2(r.isOk(), qPrintable(r.summary()));
    QCOMPARE(offsetSpy.count(), 1);
    QVERIFY2(qAbs(client.clockOffsetMs() - 3600 * 1000) < 60 * 1000, qPrintable(QString::number(client.clockOffsetMs())));
    const QJsonArray requests = m_server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.at(requests.size() - 2).toObject().value(QLatin1String("status")).toInt(), 401);
    QCOMPARE(requests.last().toObject().value(QLatin1String("status")).toInt(), 200);
    // The next call is right the first time.
    QVERIFY(waitFor(client.heartbeat({})).isOk());
    QCOMPARE(offsetSpy.count(), 1);
}

void TestPlatformSigning::readsTheClockSkewFromEveryRepliesDate()
{
    PlatformClient client(settings());
    QVERIFY(!client.clockSkew().isKnown());
    QSignalSpy farOff(&client, &PlatformClient::clockFarOffChanged);
    QVERIFY(waitFor(client.heartbeat({})).isOk());
    QVERIFY(client.clockSkew().isKnown());
    QVERIFY2(qAbs(client.clockSkew().offsetMs) < 5000, qPrintable(QString::number(client.clockSkew().offsetMs)));
    QVERIFY(!client.clockSkew().isFarOff());
    QCOMPARE(farOff.count(), 0);

    // Ten minutes apart: an unsigned call's Date is enough to tell, and the next signed call goes
    // through at once, without a clock_skew refusal first.
    setFaults({{QStringLiteral("clock_offset_s"), -600}});
    QVERIFY(waitFor(client.enroll(QStringLiteral("wrong"), {}, {}, {})).httpStatus >= 400);
    QVERIFY(client.clockSkew().isFarOff());
    QVERIFY2(qAbs(client.clockSkew().offsetMs + 600 * 1000) < 5000, qPrintable(QString::number(client.clockSkew().offsetMs)));
    QCOMPARE(farOff.count(), 1);
    QCOMPARE(farOff.last().first().toBool(), true);
    const QJsonObject device = client.clockSkew().heartbeatDevice();
    QCOMPARE(device.value(QLatin1String("class")).toString(), QStringLiteral("clock"));
    QCOMPARE(device.value(QLatin1String("health")).toString(), QStringLiteral("warning"));
    QVERIFY(waitFor(client.heartbeat({})).isOk());
    const QJsonArray requests = m_server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray();
    QVERIFY(requests.at(requests.size() - 2).toObject().value(QLatin1String("path")).toString().endsWith(QLatin1String("/enroll")));
    QVERIFY(requests.last().toObject().value(QLatin1String("path")).toString().endsWith(QLatin1String("/heartbeat")));
    QCOMPARE(requests.last().toObject().value(QLatin1String("status")).toInt(), 200);

    setFaults({{QStringLiteral("clock_offset_s"), 0}});
    QVERIFY(waitFor(client.heartbeat({})).isOk());
    QVERIFY(!client.clockSkew().isFarOff());
    QCOMPARE(farOff.count(), 2);
}

QTEST_GUILESS_MAIN(TestPlatformSigning)
#include "test_platformsigning.moc"
