#include "kioskconfig.h"
#include "platformclient.h"
#include "platformheartbeat.h"
#include "platformwait.h"
#include "refplatformprocess.h"
#include "responseshape.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

// The client against the reference platform server, started by the test on loopback: every
// endpoint of the contract, each fault class and what the client makes of it, idempotency under
// retries, restarts and a killed kiosk, and TLS that trusts only the configured CA.
class TestPlatformClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void enrolsOnceWithASingleUseToken();
    void refusesPlainHttpTowardsAnotherHost();
    void fetchesTheCatalogueAndRevalidatesItWithItsEtag();
    void signsWithEitherAlgorithm_data();
    void signsWithEitherAlgorithm();
    void parksARequestWithABadSignature();
    void signsPathsWithReservedCharactersAsSent();
    void refusesARequestReplayedWithItsNonce();
    void parksRequestsOfADisabledTerminal();
    void correctsItsClockFromClockSkewAndRetriesOnce();
    void readsTheClockSkewFromEveryRepliesDate();
    void verifiesAResidentAndServesTheirLicencesAndCases();
    void tellsWhyAnIdentityWasNotVerified();
    void saysWhoseANetworkIdentityCodeIs();
    void refusesACaseWhoseHolderTokenIsStaleOrSomeoneElses();
    void uploadsMaterialsAndSubmitsACaseThatProgresses();
    void issuesAPrintableDocumentForAnInstantPrintItem();
    void reportsEveryFieldThatFailsTheItemsChecks();
    void replaysTheFirstAnswerForARepeatedKey();
    void refusesARepeatedKeyWithAnotherBody();
    void answersInProgressWhileTheFirstRequestRuns();
    void keepsExactlyOneCaseWhenTheKioskIsKilledMidRequest();
    void keepsIdempotencyAcrossAServerRestart();
    void keepsExactlyOneCaseWhenThePlatformIsKilledMidRequest();
    void retriesServerErrorsAndHonoursRetryAfter();
    void waitsOutRateLimits();
    void retriesBrokenRepliesAndStillMakesOneCase_data();
    void retriesBrokenRepliesAndStillMakesOneCase();
    void goesOfflineInAnOutageAndFailsLiveCallsFast();
    void givesUpOnASlowPlatformAfterItsTimeout();
    void givesUpOnAPlatformThatTricklesItsAnswer();
    void needsATagForALowRating();
    void deliversHeartbeatCommandsOnce();
    void beatsOnItsIntervalAndPassesCommandsOn();
    void talksTlsToAServerSignedByTheConfiguredCa();
    void rejectsAServerCertificateFromAnotherCa();
    void trustsNoCaButTheConfiguredOne();
    void presentsAClientCertificateForMutualTls();

private:
    [[nodiscard]] PlatformClientSettings settings(const QUrl &url = {}) const;
    [[nodiscard]] QJsonObject caseRequest(const QString &localRef, const QString &phone = QStringLiteral("13912345678")) const;
    [[nodiscard]] int casesWithKey(RefPlatformProcess &server, const QString &key) const;
    [[nodiscard]] bool keyState(RefPlatformProcess &server, const QString &key, int done) const;
    void setFaults(const QJsonObject &faults);

    QTemporaryDir m_dir;
    RefPlatformProcess m_server;
    TerminalCredentials m_credentials;
};

namespace {

const QString kItemNoMaterials = QStringLiteral("340100-000-ZZ-0010-01");
const QString kItemWithBook = QStringLiteral("340100-000-ZZ-0007-01");
const QString kPrintItem = QStringLiteral("340100-000-ZZ-0001-01");
const QString kIdNumber = QStringLiteral("11010519491231002X");

QJsonObject idCardRequest(const QString &validUntil = QStringLiteral("2036-05-01"))
{
    return {{QStringLiteral("method"), QStringLiteral("idcard")},
            {QStringLiteral("card"), QJsonObject{{QStringLiteral("type"), QStringLiteral("resident")},
                                                 {QStringLiteral("name"), QStringLiteral("张三")},
                                                 {QStringLiteral("id_number"), kIdNumber},
                                                 {QStringLiteral("valid_from"), QStringLiteral("2016-05-01")},
                                                 {QStringLiteral("valid_until"), validUntil}}},
            {QStringLiteral("face"), QJsonObject{{QStringLiteral("jpeg"), QStringLiteral("/9j/AA==")}, {QStringLiteral("liveness"), 0.93}}}};
}

QString statusOf(const QJsonObject &call)
{
    return call.value(QLatin1String("status")).toString();
}

} // namespace

void TestPlatformClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start({QStringLiteral("--enroll-token"), QStringLiteral("token-1"), QStringLiteral("--enroll-token"),
                             QStringLiteral("token-2"), QStringLiteral("--progress-s"), QStringLiteral("1"),
                             QStringLiteral("--db"), m_dir.filePath(QStringLiteral("platform.db"))}),
             qPrintable(m_server.errorText()));
    PlatformClient client(settings());
    const PlatformResult r = waitFor(client.enroll(QStringLiteral("token-1"), QStringLiteral("SN-1"), QStringLiteral("K-24"),
                                                 QStringLiteral("340103-HALL-01")));
    QVERIFY2(r.isOk(), qPrintable(r.summary()));
    m_credentials.terminalId = r.body.value(QLatin1String("terminal_id")).toString();
    m_credentials.secret = QByteArray::fromBase64(r.body.value(QLatin1String("secret")).toString().toLatin1());
    m_credentials.divisionCode = r.body.value(QLatin1String("division_code")).toString();
    QVERIFY(m_credentials.isValid());
}

void TestPlatformClient::init()
{
    setFaults({{QStringLiteral("latency_ms"), 0}, {QStringLiteral("error_rate"), QJsonObject()}, {QStringLiteral("outage"), false},
               {QStringLiteral("rate_limit"), 0}, {QStringLiteral("malformed"), 0}, {QStringLiteral("truncate"), 0},
               {QStringLiteral("reset"), 0}, {QStringLiteral("trickle_ms"), 0}, {QStringLiteral("clock_offset_s"), 0}});
}

void TestPlatformClient::setFaults(const QJsonObject &faults)
{
    QVERIFY(!m_server.post(QStringLiteral("faults"), faults).isEmpty());
}

PlatformClientSettings TestPlatformClient::settings(const QUrl &url) const
{
    PlatformClientSettings s;
    s.baseUrl = url.isEmpty() ? m_server.httpUrl() : url;
    s.timeoutMs = 30000;
    if (m_credentials.isValid())
        s.credentials = m_credentials;
    return s;
}

QJsonObject TestPlatformClient::caseRequest(const QString &localRef, const QString &phone) const
{
    return {{QStringLiteral("item_code"), kItemNoMaterials},
            {QStringLiteral("local_ref"), localRef},
            {QStringLiteral("queued_at"), QStringLiteral("2026-11-23T13:05:00+08:00")},
            {QStringLiteral("applicant"), QJsonObject{{QStringLiteral("name"), QStringLiteral("张三")},
                                                      {QStringLiteral("id_number"), kIdNumber},
                                                      {QStringLiteral("verified_by"), QStringLiteral("idcard")}}},
            {QStringLiteral("form"), QJsonObject{{QStringLiteral("name"), QStringLiteral("张三")},
                                                 {QStringLiteral("id_number"), kIdNumber},
                                                 {QStringLiteral("phone"), phone}}},
            {QStringLiteral("materials"), QJsonArray()}};
}

int TestPlatformClient::casesWithKey(RefPlatformProcess &server, const QString &key) const
{
    int count = 0;
    for (const QJsonValue &c : server.inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray())
        count += c.toObject().value(QLatin1String("idempotency_key")).toString() == key ? 1 : 0;
    return count;
}

bool TestPlatformClient::keyState(RefPlatformProcess &server, const QString &key, int done) const
{
    for (const QJsonValue &row : server.inspect(QStringLiteral("idempotency")).value(QLatin1String("idempotency")).toArray()) {
        const QJsonObject o = row.toObject();
        if (o.value(QLatin1String("key")).toString() == key && o.value(QLatin1String("done")).toInt() == done)
            return true;
    }
    return false;
}

void TestPlatformClient::enrolsOnceWithASingleUseToken()
{
    PlatformClient client(settings());
    const PlatformResult first = waitFor(client.enroll(QStringLiteral("token-2"), QStringLiteral("SN-2"), {}, QStringLiteral("340103-HALL-02")));
    QVERIFY2(first.isOk(), qPrintable(first.summary()));
    QCOMPARE(first.body.value(QLatin1String("division_code")).toString(), QStringLiteral("340103"));
    QVERIFY(first.body.value(QLatin1String("terminal_id")).toString().startsWith(QLatin1String("T340103")));
    const PlatformResult again = waitFor(client.enroll(QStringLiteral("token-2"), QStringLiteral("SN-3"), {}, QStringLiteral("340103-HALL-02")));
    QCOMPARE(again.outcome, PlatformOutcome::Permanent);
    QCOMPARE(again.errorCode, QStringLiteral("invalid_enroll_token"));
}

void TestPlatformClient::refusesPlainHttpTowardsAnotherHost()
{
    PlatformClient client(settings(QUrl(QStringLiteral("http://platform.example.gov.cn/terminal/v1"))));
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Permanent);
    QCOMPARE(r.errorCode, QStringLiteral("insecure_url"));
}

void TestPlatformClient::fetchesTheCatalogueAndRevalidatesItWithItsEtag()
{
    PlatformClientSettings s = settings();
    s.catalogueCachePath = m_dir.filePath(QStringLiteral("cache/catalogue.json"));
    {
        PlatformClient client(s);
        const PlatformResult first = waitFor(client.fetchCatalogue());
        QVERIFY2(first.isOk(), qPrintable(first.summary()));
        QVERIFY(!first.notModified);
        QVERIFY(!first.etag.isEmpty());
        QVERIFY(client.cachedCatalogue().has_value());
        QVERIFY(client.cachedCatalogue()->item(kItemNoMaterials));
    }
    // A kiosk restarting with the cache sends If-None-Match and works from its copy.
    PlatformClient restarted(s);
    QVERIFY(restarted.cachedCatalogue().has_value());
    const PlatformResult second = waitFor(restarted.fetchCatalogue());
    QVERIFY2(second.isOk(), qPrintable(second.summary()));
    QVERIFY(second.notModified);
    QCOMPARE(second.httpStatus, 304);
    QVERIFY(Catalogue::fromJson(second.content, nullptr).has_value());
}

void TestPlatformClient::signsWithEitherAlgorithm_data()
{
    QTest::addColumn<SignatureAlgorithm>("algorithm");
    QTest::newRow("HMAC-SHA256") << SignatureAlgorithm::HmacSha256;
    QTest::newRow("HMAC-SM3") << SignatureAlgorithm::HmacSm3;
}

void TestPlatformClient::signsWithEitherAlgorithm()
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

void TestPlatformClient::parksARequestWithABadSignature()
{
    PlatformClientSettings s = settings();
    s.credentials->secret = QByteArray(32, '\x01');
    PlatformClient client(s);
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Permanent);
    QCOMPARE(r.errorCode, QStringLiteral("invalid_signature"));
    QVERIFY(!r.requestId.isEmpty());
}

void TestPlatformClient::signsPathsWithReservedCharactersAsSent()
{
    PlatformClient client(settings());
    // The platform must get as far as looking the case up: the signature over the encoded path held.
    const PlatformResult r = waitFor(client.caseStatus(QStringLiteral("a+b=c/d?e 中")));
    QCOMPARE(r.errorCode, QStringLiteral("not_found"));
    const PlatformResult list = waitFor(client.caseList(QStringLiteral("tok+en/with=base64")));
    QCOMPARE(list.errorCode, QStringLiteral("bad_request")); // an unknown holder, not a bad signature
}

void TestPlatformClient::refusesARequestReplayedWithItsNonce()
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

void TestPlatformClient::parksRequestsOfADisabledTerminal()
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

void TestPlatformClient::correctsItsClockFromClockSkewAndRetriesOnce()
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

void TestPlatformClient::readsTheClockSkewFromEveryRepliesDate()
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

void TestPlatformClient::verifiesAResidentAndServesTheirLicencesAndCases()
{
    PlatformClient client(settings());
    const PlatformResult verified = waitFor(client.verifyIdentity(idCardRequest()));
    QVERIFY2(verified.isOk(), qPrintable(verified.summary()));
    QVERIFY(verified.body.value(QLatin1String("verified")).toBool());
    const QString holder = verified.body.value(QLatin1String("holder_token")).toString();

    const PlatformResult submitted = waitFor(client.submitCase(caseRequest(QStringLiteral("T-LIC-1")), PlatformClient::newIdempotencyKey()));
    QVERIFY2(submitted.isOk(), qPrintable(submitted.summary()));

    const PlatformResult licences = waitFor(client.licenses(holder));
    QVERIFY2(licences.isOk(), qPrintable(licences.summary()));
    const QJsonArray list = licences.body.value(QLatin1String("licenses")).toArray();
    QVERIFY(!list.isEmpty());
    const PlatformResult pdf = waitFor(client.fetchDocument(list.first().toObject().value(QLatin1String("document_url")).toString(), holder));
    QVERIFY2(pdf.isOk(), qPrintable(pdf.summary()));
    QVERIFY(pdf.content.startsWith("%PDF-"));
    const PlatformResult stranger = waitFor(client.fetchDocument(list.first().toObject().value(QLatin1String("document_url")).toString(), QStringLiteral("nobody")));
    QCOMPARE(stranger.errorCode, QStringLiteral("not_found"));

    const PlatformResult cases = waitFor(client.caseList(holder));
    QVERIFY2(cases.isOk(), qPrintable(cases.summary()));
    bool found = false;
    for (const QJsonValue &c : cases.body.value(QLatin1String("cases")).toArray())
        found = found || c.toObject().value(QLatin1String("case_no")) == submitted.body.value(QLatin1String("case_no"));
    QVERIFY(found);
}

void TestPlatformClient::tellsWhyAnIdentityWasNotVerified()
{
    PlatformClient client(settings());
    const PlatformResult expired = waitFor(client.verifyIdentity(idCardRequest(QStringLiteral("2020-01-01"))));
    QVERIFY(expired.isOk());
    QCOMPARE(expired.body.value(QLatin1String("verified")).toBool(), false);
    QCOMPARE(expired.body.value(QLatin1String("reason")).toString(), QStringLiteral("card_expired"));
    const PlatformResult qr = waitFor(client.verifyIdentity({{QStringLiteral("method"), QStringLiteral("netid_qr")},
                                                           {QStringLiteral("qr_payload"), QStringLiteral("expired:abc")}}));
    QCOMPARE(qr.body.value(QLatin1String("reason")).toString(), QStringLiteral("qr_expired"));
}

void TestPlatformClient::saysWhoseANetworkIdentityCodeIs()
{
    PlatformClient client(settings());
    const PlatformResult known = waitFor(client.verifyIdentity({{QStringLiteral("method"), QStringLiteral("netid_qr")},
                                                              {QStringLiteral("qr_payload"), QStringLiteral("https://netid.example.gov.cn/v1/demo-resident")}}));
    QVERIFY2(known.isOk(), qPrintable(known.summary()));
    QVERIFY(known.body.value(QLatin1String("verified")).toBool());
    const QJsonObject holder = known.body.value(QLatin1String("holder")).toObject();
    QVERIFY(!holder.value(QLatin1String("name")).toString().isEmpty());
    QCOMPARE(holder.value(QLatin1String("id_number")).toString().size(), 18);
    QVERIFY(!known.body.value(QLatin1String("holder_token")).toString().isEmpty());

    const PlatformResult unknown = waitFor(client.verifyIdentity({{QStringLiteral("method"), QStringLiteral("netid_qr")},
                                                                {QStringLiteral("qr_payload"), QStringLiteral("https://example.com/menu")}}));
    QVERIFY(unknown.isOk());
    QCOMPARE(unknown.body.value(QLatin1String("verified")).toBool(), false);
    QCOMPARE(unknown.body.value(QLatin1String("reason")).toString(), QStringLiteral("card_invalid"));
    QVERIFY(!unknown.body.contains(QLatin1String("holder")));
}

void TestPlatformClient::refusesACaseWhoseHolderTokenIsStaleOrSomeoneElses()
{
    PlatformClient client(settings());
    const PlatformResult code = waitFor(client.verifyIdentity({{QStringLiteral("method"), QStringLiteral("netid_qr")},
                                                             {QStringLiteral("qr_payload"), QStringLiteral("https://netid.example.gov.cn/v1/demo-resident")}}));
    QVERIFY2(code.isOk(), qPrintable(code.summary()));
    const QString token = code.body.value(QLatin1String("holder_token")).toString();

    // The code's holder is not the applicant of caseRequest().
    QJsonObject other = caseRequest(QStringLiteral("T-TOKEN-1"));
    other.insert(QStringLiteral("holder_token"), token);
    const PlatformResult refused = waitFor(client.submitCase(other, PlatformClient::newIdempotencyKey()));
    QCOMPARE(refused.errorCode, QStringLiteral("validation_failed"));
    QCOMPARE(refused.details.value(QLatin1String("holder_token")).toString(),
             QStringLiteral("not_the_applicant"));

    QJsonObject stale = caseRequest(QStringLiteral("T-TOKEN-2"));
    stale.insert(QStringLiteral("holder_token"), QStringLiteral("a-token-the-platform-never-gave-or-forgot"));
    const PlatformResult expired = waitFor(client.submitCase(stale, PlatformClient::newIdempotencyKey()));
    QCOMPARE(expired.details.value(QLatin1String("holder_token")).toString(),
             QStringLiteral("expired"));

    // Their own case, with their token, is filed.
    QJsonObject own = caseRequest(QStringLiteral("T-TOKEN-3"));
    QJsonObject applicant = own.value(QLatin1String("applicant")).toObject();
    applicant.insert(QStringLiteral("id_number"), code.body.value(QLatin1String("holder")).toObject().value(QLatin1String("id_number")));
    applicant.insert(QStringLiteral("verified_by"), QStringLiteral("netid_qr"));
    own.insert(QStringLiteral("applicant"), applicant);
    own.insert(QStringLiteral("holder_token"), token);
    const PlatformResult filed = waitFor(client.submitCase(own, PlatformClient::newIdempotencyKey()));
    QVERIFY2(filed.isOk(), qPrintable(filed.summary()));
}

void TestPlatformClient::uploadsMaterialsAndSubmitsACaseThatProgresses()
{
    PlatformClient client(settings());
    const QByteArray jpeg = QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(5000, 'j');
    const PlatformResult material = waitFor(client.uploadMaterial(QStringLiteral("household_book"), jpeg, "image/jpeg",
                                                                PlatformClient::newIdempotencyKey()));
    QVERIFY2(material.isOk(), qPrintable(material.summary()));
    const QString ref = material.body.value(QLatin1String("material_ref")).toString();

    QJsonObject request = caseRequest(QStringLiteral("T-MAT-1"));
    request.insert(QStringLiteral("item_code"), kItemWithBook);
    request.insert(QStringLiteral("materials"), QJsonArray{ref});
    request.insert(QStringLiteral("theme"), QStringLiteral("birth"));
    const PlatformResult submitted = waitFor(client.submitCase(request, PlatformClient::newIdempotencyKey()));
    QVERIFY2(submitted.isOk(), qPrintable(submitted.summary()));
    QCOMPARE(submitted.httpStatus, 201);
    const QString caseNumber = submitted.body.value(QLatin1String("case_no")).toString();
    QVERIFY(ResponseShape::isCaseNumber(caseNumber));
    QVERIFY(caseNumber.startsWith(m_credentials.divisionCode));
    QCOMPARE(statusOf(submitted.body), QStringLiteral("accepted"));

    // The server was started with one-second steps: accepted → in_review → approved.
    QString status;
    for (int i = 0; i < 120 && status != QLatin1String("approved"); ++i) {
        const PlatformResult progress = waitFor(client.caseStatus(caseNumber));
        QVERIFY2(progress.isOk(), qPrintable(progress.summary()));
        status = statusOf(progress.body);
        if (status == QLatin1String("approved"))
            QCOMPARE(progress.body.value(QLatin1String("history")).toArray().size(), 3);
        else
            QTest::qWait(250);
    }
    QCOMPARE(status, QStringLiteral("approved"));
    QCOMPARE(waitFor(client.caseStatus(QStringLiteral("34010320261123999999"))).errorCode, QStringLiteral("not_found"));
}

void TestPlatformClient::issuesAPrintableDocumentForAnInstantPrintItem()
{
    PlatformClient client(settings());
    const PlatformResult verified = waitFor(client.verifyIdentity(idCardRequest()));
    const QString holder = verified.body.value(QLatin1String("holder_token")).toString();
    QJsonObject request = caseRequest(QStringLiteral("T-PRINT-1"));
    request.insert(QStringLiteral("item_code"), kPrintItem);
    request.insert(QStringLiteral("form"), QJsonObject());
    request.insert(QStringLiteral("holder_token"), holder);
    const PlatformResult submitted = waitFor(client.submitCase(request, PlatformClient::newIdempotencyKey()));
    QVERIFY2(submitted.isOk(), qPrintable(submitted.summary()));
    QCOMPARE(statusOf(submitted.body), QStringLiteral("approved"));
    const PlatformResult pdf = waitFor(client.fetchDocument(submitted.body.value(QLatin1String("document_url")).toString(), holder));
    QVERIFY2(pdf.isOk(), qPrintable(pdf.summary()));
    QVERIFY(pdf.content.contains(submitted.body.value(QLatin1String("case_no")).toString().toLatin1()));
}

void TestPlatformClient::reportsEveryFieldThatFailsTheItemsChecks()
{
    PlatformClient client(settings());
    QJsonObject request = caseRequest(QStringLiteral("T-BAD-1"), QStringLiteral("12345"));
    request.insert(QStringLiteral("item_code"), kItemWithBook);
    QJsonObject form = request.value(QLatin1String("form")).toObject();
    form.insert(QStringLiteral("favourite_colour"), QStringLiteral("blue"));
    request.insert(QStringLiteral("form"), form);
    const PlatformResult r = waitFor(client.submitCase(request, PlatformClient::newIdempotencyKey()));
    QCOMPARE(r.outcome, PlatformOutcome::Permanent);
    QCOMPARE(r.httpStatus, 422);
    QCOMPARE(r.errorCode, QStringLiteral("validation_failed"));
    QCOMPARE(r.details.value(QLatin1String("phone")).toString(), QStringLiteral("invalid_phone"));
    QCOMPARE(r.details.value(QLatin1String("materials.household_book")).toString(), QStringLiteral("required"));
    QCOMPARE(r.details.value(QLatin1String("favourite_colour")).toString(), QStringLiteral("unknown_field"));

    QJsonObject closed = caseRequest(QStringLiteral("T-BAD-2"));
    closed.insert(QStringLiteral("item_code"), QStringLiteral("340100-000-ZZ-9999-01"));
    QCOMPARE(waitFor(client.submitCase(closed, PlatformClient::newIdempotencyKey())).errorCode, QStringLiteral("item_closed"));
}

void TestPlatformClient::replaysTheFirstAnswerForARepeatedKey()
{
    PlatformClient client(settings());
    const QString key = PlatformClient::newIdempotencyKey();
    const PlatformResult first = waitFor(client.submitCase(caseRequest(QStringLiteral("T-REP-1")), key));
    QVERIFY2(first.isOk(), qPrintable(first.summary()));
    QVERIFY(!first.replayed);
    const PlatformResult second = waitFor(client.submitCase(caseRequest(QStringLiteral("T-REP-1")), key));
    QVERIFY2(second.isOk(), qPrintable(second.summary()));
    QVERIFY(second.replayed);
    QCOMPARE(second.body.value(QLatin1String("case_no")), first.body.value(QLatin1String("case_no")));
    QCOMPARE(casesWithKey(m_server, key), 1);
}

void TestPlatformClient::refusesARepeatedKeyWithAnotherBody()
{
    PlatformClient client(settings());
    const QString key = PlatformClient::newIdempotencyKey();
    QVERIFY(waitFor(client.submitCase(caseRequest(QStringLiteral("T-REUSE-1")), key)).isOk());
    const PlatformResult other = waitFor(client.submitCase(caseRequest(QStringLiteral("T-REUSE-2")), key));
    QCOMPARE(other.outcome, PlatformOutcome::Permanent);
    QCOMPARE(other.errorCode, QStringLiteral("idempotency_key_reused"));
    QCOMPARE(casesWithKey(m_server, key), 1);
}

void TestPlatformClient::answersInProgressWhileTheFirstRequestRuns()
{
    setFaults({{QStringLiteral("latency_ms"), 3000}});
    PlatformClient client(settings());
    const QString key = PlatformClient::newIdempotencyKey();
    PlatformCall *first = client.submitCase(caseRequest(QStringLiteral("T-PROG-1")), key);
    QSignalSpy firstDone(first, &PlatformCall::finished);
    QTRY_VERIFY_WITH_TIMEOUT(keyState(m_server, key, 0), 30000);
    const PlatformResult second = waitFor(client.submitCase(caseRequest(QStringLiteral("T-PROG-1")), key));
    QCOMPARE(second.httpStatus, 409);
    QCOMPARE(second.outcome, PlatformOutcome::Transient);
    QCOMPARE(second.errorCode, QStringLiteral("in_progress"));
    QVERIFY(firstDone.wait(60000) || firstDone.count() == 1);
    QVERIFY(firstDone.at(0).at(0).value<PlatformResult>().isOk());
    QCOMPARE(casesWithKey(m_server, key), 1);
}

void TestPlatformClient::keepsExactlyOneCaseWhenTheKioskIsKilledMidRequest()
{
    setFaults({{QStringLiteral("latency_ms"), 2000}});
    const QString key = PlatformClient::newIdempotencyKey();
    const QJsonObject request = caseRequest(QStringLiteral("T-KILL-1"));
    QProcess kiosk;
    kiosk.start(qEnvironmentVariable("KIOSK_PLATFORM_CHILD"),
                {m_server.httpUrl().toString(), m_credentials.terminalId, QString::fromLatin1(m_credentials.secret.toBase64()), key,
                 QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact))});
    QVERIFY(kiosk.waitForStarted(30000));
    // The platform has the whole request and is working on it: now the kiosk dies.
    QTRY_VERIFY_WITH_TIMEOUT(keyState(m_server, key, 0), 30000);
    kiosk.kill();
    QVERIFY(kiosk.waitForFinished(30000));
    QVERIFY(!kiosk.readAllStandardOutput().contains("finished"));
    QTRY_VERIFY_WITH_TIMEOUT(keyState(m_server, key, 1), 30000);

    // The restarted kiosk sends the entry again with the key it stored with it.
    setFaults({{QStringLiteral("latency_ms"), 0}});
    PlatformClient restarted(settings());
    const PlatformResult again = waitFor(restarted.submitCase(request, key));
    QVERIFY2(again.isOk(), qPrintable(again.summary()));
    QVERIFY(again.replayed);
    QCOMPARE(casesWithKey(m_server, key), 1);
}

void TestPlatformClient::keepsIdempotencyAcrossAServerRestart()
{
    QTemporaryDir dir;
    RefPlatformProcess server;
    const QStringList args = {QStringLiteral("--db"), dir.filePath(QStringLiteral("p.db")), QStringLiteral("--enroll-token"), QStringLiteral("t")};
    QVERIFY2(server.start(args), qPrintable(server.errorText()));
    PlatformClient enroller(settings(server.httpUrl()));
    const PlatformResult enrolled = waitFor(enroller.enroll(QStringLiteral("t"), {}, {}, QStringLiteral("340104-HALL-01")));
    QVERIFY(enrolled.isOk());
    TerminalCredentials credentials{enrolled.body.value(QLatin1String("terminal_id")).toString(),
                                    QByteArray::fromBase64(enrolled.body.value(QLatin1String("secret")).toString().toLatin1()), {}, {}};
    const QString key = PlatformClient::newIdempotencyKey();
    QString caseNumber;
    {
        PlatformClientSettings s = settings(server.httpUrl());
        s.credentials = credentials;
        PlatformClient client(s);
        const PlatformResult first = waitFor(client.submitCase(caseRequest(QStringLiteral("T-RST-1")), key));
        QVERIFY2(first.isOk(), qPrintable(first.summary()));
        caseNumber = first.body.value(QLatin1String("case_no")).toString();
    }
    server.kill();
    QVERIFY2(server.start(args), qPrintable(server.errorText()));
    PlatformClientSettings s = settings(server.httpUrl());
    s.credentials = credentials;
    PlatformClient client(s);
    const PlatformResult again = waitFor(client.submitCase(caseRequest(QStringLiteral("T-RST-1")), key));
    QVERIFY2(again.isOk(), qPrintable(again.summary()));
    QVERIFY(again.replayed);
    QCOMPARE(again.body.value(QLatin1String("case_no")).toString(), caseNumber);
    QCOMPARE(casesWithKey(server, key), 1);
}

void TestPlatformClient::keepsExactlyOneCaseWhenThePlatformIsKilledMidRequest()
{
    QTemporaryDir dir;
    RefPlatformProcess server;
    const QStringList args = {QStringLiteral("--db"), dir.filePath(QStringLiteral("p.db")), QStringLiteral("--enroll-token"), QStringLiteral("t")};
    QVERIFY2(server.start(args), qPrintable(server.errorText()));
    PlatformClient enroller(settings(server.httpUrl()));
    const PlatformResult enrolled = waitFor(enroller.enroll(QStringLiteral("t"), {}, {}, QStringLiteral("340104-HALL-01")));
    QVERIFY(enrolled.isOk());
    TerminalCredentials credentials{enrolled.body.value(QLatin1String("terminal_id")).toString(),
                                    QByteArray::fromBase64(enrolled.body.value(QLatin1String("secret")).toString().toLatin1()), {}, {}};
    QVERIFY(!server.post(QStringLiteral("faults"), {{QStringLiteral("latency_ms"), 30000}}).isEmpty());
    const QString key = PlatformClient::newIdempotencyKey();
    {
        PlatformClientSettings s = settings(server.httpUrl());
        s.credentials = credentials;
        PlatformClient client(s);
        PlatformCall *call = client.submitCase(caseRequest(QStringLiteral("T-PKILL-1")), key);
        QSignalSpy done(call, &PlatformCall::finished);
        QTRY_VERIFY_WITH_TIMEOUT(keyState(server, key, 0), 30000);
        server.kill();
        QVERIFY(done.wait(60000));
        QVERIFY(done.at(0).at(0).value<PlatformResult>().isTransient());
    }
    QVERIFY2(server.start(args), qPrintable(server.errorText()));
    PlatformClientSettings s = settings(server.httpUrl());
    s.credentials = credentials;
    PlatformClient client(s);
    const PlatformResult again = waitFor(client.submitCase(caseRequest(QStringLiteral("T-PKILL-1")), key));
    QVERIFY2(again.isOk(), qPrintable(again.summary()));
    QVERIFY(!again.replayed);
    QCOMPARE(casesWithKey(server, key), 1);
    QVERIFY(waitFor(client.submitCase(caseRequest(QStringLiteral("T-PKILL-1")), key)).replayed);
    QCOMPARE(casesWithKey(server, key), 1);
}

void TestPlatformClient::retriesServerErrorsAndHonoursRetryAfter()
{
    setFaults({{QStringLiteral("error_rate"), QJsonObject{{QStringLiteral("cases"), 1.0}}}});
    PlatformClient client(settings());
    QSignalSpy connectivity(&client, &PlatformClient::connectivityChanged);
    const QString key = PlatformClient::newIdempotencyKey();
    const PlatformResult r = waitFor(client.submitCase(caseRequest(QStringLiteral("T-503-1")), key));
    QCOMPARE(r.httpStatus, 503);
    QCOMPARE(r.outcome, PlatformOutcome::Transient);
    QCOMPARE(r.retryAfterS.value_or(-1), 1);
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Degraded);
    QCOMPARE(connectivity.count(), 1);
    QCOMPARE(casesWithKey(m_server, key), 0);
    setFaults({{QStringLiteral("error_rate"), QJsonObject()}});
    QVERIFY(waitFor(client.submitCase(caseRequest(QStringLiteral("T-503-1")), key)).isOk());
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Online);
    QCOMPARE(casesWithKey(m_server, key), 1);
}

void TestPlatformClient::waitsOutRateLimits()
{
    setFaults({{QStringLiteral("rate_limit"), 1}});
    PlatformClient client(settings());
    // All four go out at once; each is watched from the start, since any may finish first.
    std::vector<std::unique_ptr<QSignalSpy>> spies;
    for (int i = 0; i < 4; ++i)
        spies.push_back(std::make_unique<QSignalSpy>(client.heartbeat({}), &PlatformCall::finished));
    for (const auto &spy : spies)
        QTRY_COMPARE_WITH_TIMEOUT(spy->count(), 1, 60000);
    QList<PlatformResult> results;
    for (const auto &spy : spies)
        results.append(spy->at(0).at(0).value<PlatformResult>());
    int limited = 0;
    for (const PlatformResult &r : results) {
        if (r.httpStatus == 429) {
            ++limited;
            QCOMPARE(r.outcome, PlatformOutcome::Transient);
            QCOMPARE(r.retryAfterS.value_or(-1), 1);
        }
    }
    QVERIFY(limited >= 1);
}

void TestPlatformClient::retriesBrokenRepliesAndStillMakesOneCase_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("malformed body") << "malformed" << QStringList{QStringLiteral("malformed")};
    // Qt's network stack resends a request once by itself when a connection drops before the
    // answer; the platform refuses that resend's nonce, which is just another transient failure.
    QTest::newRow("truncated body") << "truncate" << QStringList{QStringLiteral("truncated"), QStringLiteral("network"), QStringLiteral("replayed")};
    QTest::newRow("connection reset") << "reset" << QStringList{QStringLiteral("network"), QStringLiteral("replayed")};
}

void TestPlatformClient::retriesBrokenRepliesAndStillMakesOneCase()
{
    QFETCH(QString, fault);
    QFETCH(QStringList, codes);
    setFaults({{fault, 1.0}});
    PlatformClient client(settings());
    const QString key = PlatformClient::newIdempotencyKey();
    const PlatformResult broken = waitFor(client.submitCase(caseRequest(QStringLiteral("T-BRK-") + fault), key));
    QCOMPARE(broken.outcome, PlatformOutcome::Transient);
    QVERIFY2(codes.contains(broken.errorCode), qPrintable(broken.summary()));
    QVERIFY(client.connectivity() != PlatformClient::Connectivity::Online);
    // The platform did the work before the reply broke: the retry gets the same case back.
    setFaults({{fault, 0.0}});
    const PlatformResult retried = waitFor(client.submitCase(caseRequest(QStringLiteral("T-BRK-") + fault), key));
    QVERIFY2(retried.isOk(), qPrintable(retried.summary()));
    QVERIFY(retried.replayed);
    QCOMPARE(casesWithKey(m_server, key), 1);
}

void TestPlatformClient::goesOfflineInAnOutageAndFailsLiveCallsFast()
{
    PlatformClient client(settings());
    QSignalSpy connectivity(&client, &PlatformClient::connectivityChanged);
    setFaults({{QStringLiteral("outage"), true}});
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Transient);
    QCOMPARE(r.httpStatus, 0);
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Offline);
    QCOMPARE(connectivity.count(), 1);
    QCOMPARE(connectivity.at(0).at(0).value<PlatformClient::Connectivity>(), PlatformClient::Connectivity::Offline);

    const qsizetype seen = m_server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray().size();
    const PlatformResult live = waitFor(client.verifyIdentity(idCardRequest()));
    QCOMPARE(live.errorCode, QStringLiteral("offline"));
    QVERIFY(!live.userMessage().zh.isEmpty());
    QCOMPARE(m_server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray().size(), seen);

    setFaults({{QStringLiteral("outage"), false}});
    QVERIFY(waitFor(client.heartbeat({})).isOk());
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Online);
}

void TestPlatformClient::givesUpOnASlowPlatformAfterItsTimeout()
{
    setFaults({{QStringLiteral("latency_ms"), 5000}});
    PlatformClientSettings s = settings();
    s.timeoutMs = 1000;
    PlatformClient client(s);
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Transient);
    QCOMPARE(r.errorCode, QStringLiteral("timeout"));
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Offline);
}

void TestPlatformClient::givesUpOnAPlatformThatTricklesItsAnswer()
{
    // A byte every 200 ms: never quiet long enough for the inactivity timeout, and the whole
    // answer would take a minute.
    setFaults({{QStringLiteral("trickle_ms"), 200}});
    PlatformClientSettings s = settings();
    s.timeoutMs = 2000;
    PlatformClient client(s);
    const PlatformResult r = waitFor(client.heartbeat({}));
    setFaults({{QStringLiteral("trickle_ms"), 0}});
    QCOMPARE(r.outcome, PlatformOutcome::Transient);
    QCOMPARE(r.errorCode, QStringLiteral("timeout"));
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Offline);
    const QJsonArray requests = m_server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.last().toObject().value(QLatin1String("fault")).toString(), QStringLiteral("trickle"));
}

void TestPlatformClient::needsATagForALowRating()
{
    PlatformClient client(settings());
    const PlatformResult submitted = waitFor(client.submitCase(caseRequest(QStringLiteral("T-EVAL-1")), PlatformClient::newIdempotencyKey()));
    QVERIFY(submitted.isOk());
    QJsonObject rating{{QStringLiteral("case_no"), submitted.body.value(QLatin1String("case_no"))},
                       {QStringLiteral("score"), 2}, {QStringLiteral("tags"), QJsonArray()}, {QStringLiteral("anonymous"), true}};
    const PlatformResult untagged = waitFor(client.submitEvaluation(rating, PlatformClient::newIdempotencyKey()));
    QCOMPARE(untagged.errorCode, QStringLiteral("validation_failed"));
    QCOMPARE(untagged.details.value(QLatin1String("tags")).toString(), QStringLiteral("required_for_low_score"));
    rating.insert(QStringLiteral("tags"), QJsonArray{QStringLiteral("slow")});
    const PlatformResult tagged = waitFor(client.submitEvaluation(rating, PlatformClient::newIdempotencyKey()));
    QVERIFY2(tagged.isOk(), qPrintable(tagged.summary()));
    QVERIFY(!tagged.body.value(QLatin1String("evaluation_id")).toString().isEmpty());
}

void TestPlatformClient::deliversHeartbeatCommandsOnce()
{
    PlatformClient client(settings());
    QVERIFY(waitFor(client.heartbeat({})).isOk()); // drains anything queued before
    QVERIFY(!m_server.post(QStringLiteral("commands"), {{QStringLiteral("terminal_id"), m_credentials.terminalId}, {QStringLiteral("name"), QStringLiteral("reload_catalogue")}}).isEmpty());
    const PlatformResult first = waitFor(client.heartbeat({{QStringLiteral("version"), QStringLiteral("test")}}));
    QVERIFY2(first.isOk(), qPrintable(first.summary()));
    const QJsonArray commands = first.body.value(QLatin1String("commands")).toArray();
    QCOMPARE(commands.size(), 1);
    QCOMPARE(commands.first().toObject().value(QLatin1String("name")).toString(), QStringLiteral("reload_catalogue"));
    QCOMPARE(first.body.value(QLatin1String("catalogue_version")).toString(), QStringLiteral("2026-11-20.3"));
    QVERIFY(waitFor(client.heartbeat({})).body.value(QLatin1String("commands")).toArray().isEmpty());
}

void TestPlatformClient::beatsOnItsIntervalAndPassesCommandsOn()
{
    PlatformClient client(settings());
    int reports = 0;
    PlatformHeartbeat heartbeat(client, [&reports] {
        ++reports;
        return QJsonObject{{QStringLiteral("version"), QStringLiteral("beat-test")}, {QStringLiteral("uptime_s"), reports}};
    });
    heartbeat.setInterval(std::chrono::milliseconds(200));
    QSignalSpy commands(&heartbeat, &PlatformHeartbeat::commandReceived);
    QSignalSpy versions(&heartbeat, &PlatformHeartbeat::catalogueVersionAnnounced);
    QSignalSpy beats(&heartbeat, &PlatformHeartbeat::beaten);
    QVERIFY(!m_server.post(QStringLiteral("commands"), {{QStringLiteral("terminal_id"), m_credentials.terminalId}, {QStringLiteral("name"), QStringLiteral("lock")}}).isEmpty());
    heartbeat.start();
    QTRY_VERIFY_WITH_TIMEOUT(beats.count() >= 3, 60000);
    heartbeat.stop();
    QCOMPARE(commands.count(), 1);
    QCOMPARE(commands.at(0).at(1).toString(), QStringLiteral("lock"));
    QCOMPARE(versions.at(0).at(0).toString(), QStringLiteral("2026-11-20.3"));
    int seen = 0;
    for (const QJsonValue &row : m_server.inspect(QStringLiteral("heartbeats")).value(QLatin1String("heartbeats")).toArray())
        seen += row.toObject().value(QLatin1String("report")).toString().contains(QLatin1String("beat-test")) ? 1 : 0;
    QVERIFY(seen >= 3);
}

void TestPlatformClient::talksTlsToAServerSignedByTheConfiguredCa()
{
    QTemporaryDir dir;
    RefPlatformProcess server;
    QVERIFY2(server.start({QStringLiteral("--enroll-token"), QStringLiteral("t")}, dir.filePath(QStringLiteral("ca"))), qPrintable(server.errorText()));
    QVERIFY(server.httpsUrl().isValid());
    PlatformClientSettings s = settings(server.httpsUrl());
    s.credentials.reset();
    s.caCertificates = QSslCertificate::fromPath(dir.filePath(QStringLiteral("ca/ca.pem")));
    QCOMPARE(s.caCertificates.size(), 1);
    PlatformClient client(s);
    const PlatformResult enrolled = waitFor(client.enroll(QStringLiteral("t"), {}, {}, QStringLiteral("340103-HALL-01")));
    QVERIFY2(enrolled.isOk(), qPrintable(enrolled.summary()));
    QVERIFY2(enrolled.tls.contains(QLatin1String("TLSv1.")), qPrintable(enrolled.tls));
    client.setCredentials({enrolled.body.value(QLatin1String("terminal_id")).toString(),
                           QByteArray::fromBase64(enrolled.body.value(QLatin1String("secret")).toString().toLatin1()), {}, {}});
    QVERIFY(waitFor(client.fetchCatalogue()).isOk());
}

void TestPlatformClient::rejectsAServerCertificateFromAnotherCa()
{
    QTemporaryDir dir;
    RefPlatformProcess server;
    RefPlatformProcess other;
    QVERIFY2(server.start({}, dir.filePath(QStringLiteral("ca"))), qPrintable(server.errorText()));
    QVERIFY2(other.start({}, dir.filePath(QStringLiteral("other-ca"))), qPrintable(other.errorText()));
    PlatformClientSettings s = settings(server.httpsUrl());
    s.caCertificates = QSslCertificate::fromPath(dir.filePath(QStringLiteral("other-ca/ca.pem")));
    QCOMPARE(s.caCertificates.size(), 1);
    PlatformClient client(s);
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Transient);
    QCOMPARE(r.httpStatus, 0);
    QCOMPARE(r.errorCode, QStringLiteral("tls"));
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Offline);
    QCOMPARE(server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray().size(), 0);
}

void TestPlatformClient::trustsNoCaButTheConfiguredOne()
{
    QTemporaryDir dir;
    RefPlatformProcess server;
    QVERIFY2(server.start({}, dir.filePath(QStringLiteral("ca"))), qPrintable(server.errorText()));
    PlatformClientSettings s = settings(server.httpsUrl());
    s.caCertificates.clear();
    PlatformClient client(s);
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Permanent);
    QCOMPARE(r.errorCode, QStringLiteral("no_trusted_ca"));
    QVERIFY(r.message.contains(QLatin1String("platform/ca_file")));
    QCOMPARE(server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray().size(), 0);

    // From the configuration: an https platform without ca_file is refused, naming the key.
    KioskConfig config = KioskConfig::defaults();
    config.set(QStringLiteral("platform/url"), server.httpsUrl().toString());
    config.set(QStringLiteral("platform/ca_file"), QString());
    QString error;
    QVERIFY(!PlatformClientSettings::fromConfig(config, &error));
    QVERIFY2(error.startsWith(QLatin1String("platform/ca_file: ")), qPrintable(error));
    QVERIFY(error.contains(QLatin1String("never the system store")));
    config.set(QStringLiteral("platform/ca_file"), dir.filePath(QStringLiteral("ca/ca.pem")));
    QVERIFY2(PlatformClientSettings::fromConfig(config, &error), qPrintable(error));
}

void TestPlatformClient::presentsAClientCertificateForMutualTls()
{
    QTemporaryDir dir;
    const QString ca = dir.filePath(QStringLiteral("ca"));
    RefPlatformProcess server;
    QVERIFY2(server.start({QStringLiteral("--client-ca"), ca + QStringLiteral("/ca.pem"), QStringLiteral("--enroll-token"), QStringLiteral("a"),
                           QStringLiteral("--enroll-token"), QStringLiteral("b")}, ca),
             qPrintable(server.errorText()));
    PlatformClientSettings s = settings(server.httpsUrl());
    s.credentials.reset();
    s.caCertificates = QSslCertificate::fromPath(ca + QStringLiteral("/ca.pem"));
    {
        PlatformClient anonymous(s);
        const PlatformResult refused = waitFor(anonymous.enroll(QStringLiteral("a"), {}, {}, QStringLiteral("340103-HALL-01")));
        QCOMPARE(refused.outcome, PlatformOutcome::Transient);
        QCOMPARE(refused.httpStatus, 0);
    }
    s.clientCertificate = QSslCertificate::fromPath(ca + QStringLiteral("/client.pem")).value(0);
    QFile key(ca + QStringLiteral("/client-key.pem"));
    QVERIFY(key.open(QIODevice::ReadOnly));
    s.clientKey = QSslKey(key.readAll(), QSsl::Ec);
    QVERIFY(!s.clientKey.isNull());
    PlatformClient client(s);
    const PlatformResult enrolled = waitFor(client.enroll(QStringLiteral("b"), {}, {}, QStringLiteral("340103-HALL-01")));
    QVERIFY2(enrolled.isOk(), qPrintable(enrolled.summary()));
}

QTEST_GUILESS_MAIN(TestPlatformClient)
#include "test_platformclient.moc"
