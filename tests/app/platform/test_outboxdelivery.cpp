#include "outboxconnectivityfollower.h"
#include "outboxkey.h"
#include "outboxplatformtransport.h"
#include "outboxsender.h"
#include "outboxstore.h"
#include "platformclient.h"
#include "platformheartbeat.h"
#include "platformwait.h"
#include "refplatformprocess.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The outbox as the kiosk runs it: OutboxStore, OutboxSender and OutboxPlatformTransport through
// the real PlatformClient to the reference platform, with its fault switches on. Whatever breaks
// on the way (503s, resets, truncated answers, an outage, a rate limit, a clock an hour off, a
// refused form, a sender killed mid-request), the platform holds exactly one case per submission,
// as its /_inspect endpoint shows.
class TestOutboxDelivery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void aRetryAfterAnUnansweredSendGetsBackTheCaseItFiled();
    void aCaseWhoseTokenThePlatformNoLongerHonoursIsFiledWithoutIt();
    void drainsThroughEveryFaultWithOneCasePerSubmission();
    void waitsAsLongAsARateLimitAsks();
    void queuedCasesLeaveSoonAfterThePlatformComesBack();
    void keepsOneCasePerSubmissionWhenTheSenderIsKilled();

private:
    // One kiosk's outbox and its way to the platform, in a directory of its own.
    struct Kiosk {
        QTemporaryDir dir;
        QString keyFile;
        std::unique_ptr<OutboxStore> store;
        std::unique_ptr<PlatformClient> client;
        std::unique_ptr<OutboxPlatformTransport> transport;
        std::unique_ptr<OutboxSender> sender;
    };
    [[nodiscard]] std::unique_ptr<Kiosk> kiosk(const RetryPolicy &policy = fastRetries());
    [[nodiscard]] static RetryPolicy fastRetries();
    [[nodiscard]] static QByteArray caseBody(const QString &phone = QStringLiteral("13912345678"));
    [[nodiscard]] static CaseDraft caseWithBook(int i);
    // How many cases the platform holds for each local reference, and its case numbers for them.
    [[nodiscard]] QHash<QString, int> casesByLocalRef() const;
    [[nodiscard]] QHash<QString, QString> caseNumbersByLocalRef() const;
    [[nodiscard]] QJsonArray requests() const;
    // How many times the platform holds each of these materials.
    [[nodiscard]] QList<int> uploadsOf(const QList<CaseDraft> &drafts) const;
    void setFaults(const QJsonObject &faults);

    QTemporaryDir m_dir;
    RefPlatformProcess m_server;
    TerminalCredentials m_credentials;
    int m_kiosks = 0;
};

namespace {

const QString kItemNoMaterials = QStringLiteral("340100-000-ZZ-0010-01");
const QString kItemWithBook = QStringLiteral("340100-000-ZZ-0007-01");
const QString kIdNumber = QStringLiteral("11010519491231002X");

OutboxEntry entryOf(OutboxStore &store, const QString &localRef)
{
    const OutboxResult<std::optional<OutboxEntry>> found = store.find(localRef);
    return found && found.value() ? *found.value() : OutboxEntry{};
}

} // namespace

void TestOutboxDelivery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start({QStringLiteral("--enroll-token"), QStringLiteral("outbox-1"), QStringLiteral("--seed"), QStringLiteral("7"),
                             QStringLiteral("--db"), m_dir.filePath(QStringLiteral("platform.db"))}),
             qPrintable(m_server.errorText()));
    PlatformClientSettings settings;
    settings.baseUrl = m_server.httpUrl();
    PlatformClient client(settings);
    const PlatformResult r = waitFor(client.enroll(QStringLiteral("outbox-1"), QStringLiteral("SN-OUTBOX"), {}, QStringLiteral("340103-HALL-01")));
    QVERIFY2(r.isOk(), qPrintable(r.summary()));
    m_credentials = TerminalCredentials::fromEnrolment(r.body, m_server.httpUrl().toString());
    QVERIFY(m_credentials.isValid());
}

void TestOutboxDelivery::init()
{
    setFaults({{QStringLiteral("latency_ms"), 0}, {QStringLiteral("error_rate"), QJsonObject()}, {QStringLiteral("outage"), false},
               {QStringLiteral("rate_limit"), 0}, {QStringLiteral("rate_window_s"), 1}, {QStringLiteral("malformed"), 0},
               {QStringLiteral("truncate"), 0}, {QStringLiteral("reset"), 0}, {QStringLiteral("trickle_ms"), 0},
               {QStringLiteral("clock_offset_s"), 0}});
    m_server.forgetRequests();
}

void TestOutboxDelivery::setFaults(const QJsonObject &faults)
{
    QVERIFY(!m_server.post(QStringLiteral("faults"), faults).isEmpty());
}

RetryPolicy TestOutboxDelivery::fastRetries()
{
    return RetryPolicy{std::chrono::milliseconds(20), std::chrono::milliseconds(300), std::chrono::hours(1)};
}

std::unique_ptr<TestOutboxDelivery::Kiosk> TestOutboxDelivery::kiosk(const RetryPolicy &policy)
{
    auto k = std::make_unique<Kiosk>();
    k->keyFile = k->dir.filePath(QStringLiteral("outbox.key"));
    if (!OutboxKey::create(k->keyFile))
        return {};
    OutboxOptions options;
    options.stateDir = k->dir.path();
    options.keyFile = k->keyFile;
    // Each kiosk of the test numbers its cases apart, so a local reference names one submission.
    options.terminalId = QStringLiteral("K%1").arg(++m_kiosks);
    OutboxResult<std::unique_ptr<OutboxStore>> opened = OutboxStore::open(options);
    if (!opened)
        return {};
    k->store = std::move(opened).value();
    PlatformClientSettings settings;
    settings.baseUrl = m_server.httpUrl();
    settings.timeoutMs = 30000;
    settings.credentials = m_credentials;
    k->client = std::make_unique<PlatformClient>(settings);
    k->transport = std::make_unique<OutboxPlatformTransport>(*k->client);
    k->sender = std::make_unique<OutboxSender>(*k->store, *k->transport);
    k->sender->setRetryPolicy(policy);
    return k;
}

QByteArray TestOutboxDelivery::caseBody(const QString &phone)
{
    const QJsonObject body{{QStringLiteral("applicant"), QJsonObject{{QStringLiteral("name"), QStringLiteral("张三")},
                                                                     {QStringLiteral("id_number"), kIdNumber},
                                                                     {QStringLiteral("verified_by"), QStringLiteral("idcard")}}},
                           {QStringLiteral("form"), QJsonObject{{QStringLiteral("name"), QStringLiteral("张三")},
                                                                {QStringLiteral("id_number"), kIdNumber},
                                                                {QStringLiteral("phone"), phone}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

CaseDraft TestOutboxDelivery::caseWithBook(int i)
{
    QByteArray jpeg = QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(4096 + i, char('a' + i % 26));
    return CaseDraft{kItemWithBook, caseBody(), {{QStringLiteral("household_book"), QStringLiteral("image/jpeg"), jpeg}}};
}

QHash<QString, int> TestOutboxDelivery::casesByLocalRef() const
{
    QHash<QString, int> counts;
    for (const QJsonValue &c : m_server.inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray())
        ++counts[c.toObject().value(QLatin1String("local_ref")).toString()];
    return counts;
}

QHash<QString, QString> TestOutboxDelivery::caseNumbersByLocalRef() const
{
    QHash<QString, QString> numbers;
    for (const QJsonValue &c : m_server.inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray())
        numbers.insert(c.toObject().value(QLatin1String("local_ref")).toString(), c.toObject().value(QLatin1String("case_no")).toString());
    return numbers;
}

QList<int> TestOutboxDelivery::uploadsOf(const QList<CaseDraft> &drafts) const
{
    QList<QString> hashes;
    for (const QJsonValue &m : m_server.inspect(QStringLiteral("materials")).value(QLatin1String("materials")).toArray())
        hashes.append(m.toObject().value(QLatin1String("sha256")).toString());
    QList<int> counts;
    for (const CaseDraft &draft : drafts) {
        for (const MaterialDraft &material : draft.materials)
            counts.append(int(hashes.count(QString::fromLatin1(QCryptographicHash::hash(material.content, QCryptographicHash::Sha256).toHex()))));
    }
    return counts;
}

QJsonArray TestOutboxDelivery::requests() const
{
    return m_server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray();
}

void TestOutboxDelivery::aRetryAfterAnUnansweredSendGetsBackTheCaseItFiled()
{
    auto k = kiosk();
    QVERIFY(k);
    // The resident was verified a moment ago: the token is good, and the kiosk believes so for two minutes.
    const PlatformResult verified = waitFor(k->client->verifyIdentity(
        {{QStringLiteral("method"), QStringLiteral("idcard")},
         {QStringLiteral("card"), QJsonObject{{QStringLiteral("name"), QStringLiteral("张三")}, {QStringLiteral("id_number"), kIdNumber}}}}));
    QVERIFY2(verified.isOk(), qPrintable(verified.summary()));
    QDateTime now = QDateTime::currentDateTimeUtc();
    k->transport->setClock([&now] { return now; });
    QJsonObject body = QJsonDocument::fromJson(caseBody()).object();
    body.insert(QStringLiteral("holder_token"), verified.body.value(QLatin1String("holder_token")));
    body.insert(QLatin1String(OutboxPlatformTransport::HolderTokenExpiryKey), now.addSecs(120).toString(Qt::ISODate));
    const QueuedCase queued = k->store->enqueueCase({kItemNoMaterials, QJsonDocument(body).toJson(QJsonDocument::Compact), {}}).value();

    // The platform files the case, then the connection breaks before the answer arrives.
    setFaults({{QStringLiteral("reset"), 1.0}});
    QSignalSpy retries(k->sender.get(), &OutboxSender::retryScheduled);
    QSignalSpy delivered(k->sender.get(), &OutboxSender::delivered);
    QSignalSpy parked(k->sender.get(), &OutboxSender::parked);
    QVERIFY(k->sender->sendNext());
    QTRY_COMPARE_WITH_TIMEOUT(retries.size(), 1, 60000);
    QCOMPARE(casesByLocalRef().value(queued.localRef), 1);

    // The retry comes after the token ran out, by the kiosk's clock: it must still be the same request.
    setFaults({{QStringLiteral("reset"), 0.0}});
    now = now.addSecs(3600);
    QTRY_VERIFY_WITH_TIMEOUT(entryOf(*k->store, queued.localRef).nextAttemptAtMs <= QDateTime::currentMSecsSinceEpoch(), 30000);
    QVERIFY(k->sender->sendNext());
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size() + parked.size(), 1, 60000);
    QCOMPARE(parked.size(), 0);
    QCOMPARE(delivered.first().at(1).toString(), caseNumbersByLocalRef().value(queued.localRef));
    QCOMPARE(casesByLocalRef().value(queued.localRef), 1);
    const QJsonObject last = requests().last().toObject();
    QCOMPARE(last.value(QLatin1String("path")).toString().section(QLatin1Char('/'), -1), QStringLiteral("cases"));
    QCOMPARE(last.value(QLatin1String("idempotency_key")).toString(), queued.idempotencyKey);
    QVERIFY(last.value(QLatin1String("replayed")).toBool());
    QCOMPARE(entryOf(*k->store, queued.localRef).state, EntryState::Delivered);
}

void TestOutboxDelivery::aCaseWhoseTokenThePlatformNoLongerHonoursIsFiledWithoutIt()
{
    auto k = kiosk();
    QVERIFY(k);
    // The kiosk believes the token good for ten minutes; the platform has forgotten it.
    QJsonObject body = QJsonDocument::fromJson(caseBody()).object();
    body.insert(QStringLiteral("holder_token"), QStringLiteral("a-token-the-platform-has-forgotten"));
    body.insert(QLatin1String(OutboxPlatformTransport::HolderTokenExpiryKey),
                QDateTime::currentDateTimeUtc().addSecs(600).toString(Qt::ISODate));
    const QueuedCase queued = k->store->enqueueCase({kItemNoMaterials, QJsonDocument(body).toJson(QJsonDocument::Compact), {}}).value();
    QSignalSpy delivered(k->sender.get(), &OutboxSender::delivered);
    QSignalSpy parked(k->sender.get(), &OutboxSender::parked);
    QVERIFY(k->sender->start().ok());
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size() + parked.size(), 1, 60000);
    QCOMPARE(parked.size(), 0);
    const OutboxEntry entry = entryOf(*k->store, queued.localRef);
    QVERIFY(entry.idempotencyKey != queued.idempotencyKey);
    QCOMPARE(casesByLocalRef().value(queued.localRef), 1);
    const QJsonArray cases = m_server.inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray();
    for (const QJsonValue &c : cases) {
        if (c.toObject().value(QLatin1String("local_ref")).toString() == queued.localRef)
            QCOMPARE(c.toObject().value(QLatin1String("idempotency_key")).toString(), entry.idempotencyKey);
    }
    // Under the first key the platform answered the refusal and filed nothing.
    int refusedUnderFirstKey = 0;
    for (const QJsonValue &r : requests()) {
        const QJsonObject request = r.toObject();
        if (request.value(QLatin1String("idempotency_key")).toString() == queued.idempotencyKey)
            refusedUnderFirstKey += request.value(QLatin1String("status")).toInt() == 422 ? 1 : 0;
    }
    QCOMPARE(refusedUnderFirstKey, 1);
    k->sender->stop();
}

void TestOutboxDelivery::drainsThroughEveryFaultWithOneCasePerSubmission()
{
    auto k = kiosk();
    QVERIFY(k);
    QStringList submitted;
    QList<CaseDraft> drafts;
    for (int i = 0; i < 8; ++i) {
        drafts.append(i % 2 == 0 ? caseWithBook(i) : CaseDraft{kItemNoMaterials, caseBody(), {}});
        submitted.append(k->store->enqueueCase(drafts.last()).value().localRef);
    }
    // A phone number the item's form refuses: the platform answers 422 validation_failed.
    const QString refused = k->store->enqueueCase({kItemNoMaterials, caseBody(QStringLiteral("12")), {}}).value().localRef;

    // The platform's clock runs an hour ahead of the kiosk's, and it is down when the queue starts.
    setFaults({{QStringLiteral("outage"), true}, {QStringLiteral("clock_offset_s"), 3600}});
    QSignalSpy parked(k->sender.get(), &OutboxSender::parked);
    QSignalSpy clockFixed(k->client.get(), &PlatformClient::clockOffsetChanged);
    QVERIFY(k->sender->start().ok());
    QTRY_VERIFY_WITH_TIMEOUT(entryOf(*k->store, submitted.first() + QStringLiteral("-M1")).attempts >= 2, 60000);
    QCOMPARE(k->client->connectivity(), PlatformClient::Connectivity::Offline);
    for (const QString &ref : std::as_const(submitted))
        QCOMPARE(casesByLocalRef().value(ref), 0);

    // Back, but flaky: 503s with Retry-After, resets after the work is done, answers cut short.
    setFaults({{QStringLiteral("outage"), false},
               {QStringLiteral("error_rate"), QJsonObject{{QStringLiteral("cases"), 0.3}, {QStringLiteral("materials"), 0.3}}},
               {QStringLiteral("reset"), 0.15},
               {QStringLiteral("truncate"), 0.15}});
    QTRY_COMPARE_WITH_TIMEOUT(k->store->stats().value().pending, 0, 240000);
    k->sender->stop();

    const QHash<QString, int> cases = casesByLocalRef();
    for (const QString &ref : std::as_const(submitted)) {
        QCOMPARE(entryOf(*k->store, ref).state, EntryState::Delivered);
        QCOMPARE(cases.value(ref), 1);
        QCOMPARE(entryOf(*k->store, ref).resultRef, caseNumbersByLocalRef().value(ref));
    }
    QCOMPARE(entryOf(*k->store, refused).state, EntryState::Parked);
    QCOMPARE(entryOf(*k->store, refused).lastError, QStringLiteral("validation_failed"));
    QCOMPARE(parked.size(), 1);
    QCOMPARE(cases.value(refused), 0);
    // The clock was put right once, from the platform's clock_skew answer, and stayed right.
    QCOMPARE(clockFixed.size(), 1);
    QVERIFY2(qAbs(k->client->clockOffsetMs() - 3600 * 1000) < 60 * 1000, qPrintable(QString::number(k->client->clockOffsetMs())));
    QStringList faults;
    QList<int> statuses;
    for (const QJsonValue &r : requests()) {
        faults.append(r.toObject().value(QLatin1String("fault")).toString());
        statuses.append(r.toObject().value(QLatin1String("status")).toInt());
    }
    for (const char *fault : {"outage", "reset", "truncate"})
        QVERIFY2(faults.contains(QLatin1String(fault)), fault);
    QVERIFY(statuses.contains(503));
    // Every material went up once, whatever happened to the answers.
    QCOMPARE(uploadsOf(drafts), QList<int>(4, 1));
}

void TestOutboxDelivery::waitsAsLongAsARateLimitAsks()
{
    auto k = kiosk();
    QVERIFY(k);
    const QString first = k->store->enqueueCase({kItemNoMaterials, caseBody(), {}}).value().localRef;
    const QString second = k->store->enqueueCase({kItemNoMaterials, caseBody(), {}}).value().localRef;
    // One request in the next ten minutes, then 429 with what is left of them as Retry-After.
    setFaults({{QStringLiteral("rate_limit"), 1}, {QStringLiteral("rate_window_s"), 600}});
    QSignalSpy retries(k->sender.get(), &OutboxSender::retryScheduled);
    QSignalSpy delivered(k->sender.get(), &OutboxSender::delivered);
    QVERIFY(k->sender->sendNext());
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 60000);
    QVERIFY(k->sender->sendNext());
    QTRY_COMPARE_WITH_TIMEOUT(retries.size(), 1, 60000);
    const OutboxEntry limited = entryOf(*k->store, second);
    QCOMPARE(limited.lastError, QStringLiteral("rate_limited"));
    // The backoff alone would retry within 0.3 s: only the platform's Retry-After explains the wait.
    QVERIFY2(limited.nextAttemptAtMs - limited.lastAttemptAtMs >= 500'000,
             qPrintable(QString::number(limited.nextAttemptAtMs - limited.lastAttemptAtMs)));
    // Even the platform answering again does not bring it forward past what it asked.
    QVERIFY(k->store->bringForwardRetries().ok());
    QVERIFY(entryOf(*k->store, second).nextAttemptAtMs - limited.lastAttemptAtMs >= 500'000);
    QVERIFY(!k->sender->sendNext());
    QCOMPARE(entryOf(*k->store, first).state, EntryState::Delivered);
    QCOMPARE(casesByLocalRef().value(second), 0);
}

void TestOutboxDelivery::queuedCasesLeaveSoonAfterThePlatformComesBack()
{
    // The backoff of a kiosk in production: after a failure the next try is minutes away.
    auto k = kiosk(RetryPolicy{std::chrono::minutes(10), std::chrono::minutes(15), std::chrono::hours(1)});
    QVERIFY(k);
    k->sender->setRandomSource([] { return 0.5; });
    OutboxConnectivityFollower follower(*k->client, *k->store, *k->sender);
    PlatformHeartbeat heartbeat(*k->client, [] { return QJsonObject{{QStringLiteral("version"), QStringLiteral("outbox-test")}}; });
    setFaults({{QStringLiteral("outage"), true}});
    QSignalSpy delivered(k->sender.get(), &OutboxSender::delivered);
    QVERIFY(k->sender->start().ok());
    const QueuedCase queued = k->store->enqueueCase({kItemNoMaterials, caseBody(), {}}).value();
    k->sender->wake();
    QTRY_COMPARE_WITH_TIMEOUT(entryOf(*k->store, queued.localRef).attempts, 1, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(entryOf(*k->store, queued.localRef).state, EntryState::Pending, 60000);
    QCOMPARE(k->client->connectivity(), PlatformClient::Connectivity::Offline);
    const OutboxEntry waiting = entryOf(*k->store, queued.localRef);
    QVERIFY(waiting.nextAttemptAtMs - waiting.lastAttemptAtMs >= 5 * 60'000);

    setFaults({{QStringLiteral("outage"), false}});
    heartbeat.beatNow();
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 60000);
    QCOMPARE(k->client->connectivity(), PlatformClient::Connectivity::Online);
    QCOMPARE(casesByLocalRef().value(queued.localRef), 1);
    k->sender->stop();
}

void TestOutboxDelivery::keepsOneCasePerSubmissionWhenTheSenderIsKilled()
{
    auto k = kiosk();
    QVERIFY(k);
    QStringList submitted;
    QList<CaseDraft> drafts;
    for (int i = 0; i < 10; ++i) {
        drafts.append(i % 3 == 0 ? caseWithBook(100 + i) : CaseDraft{kItemNoMaterials, caseBody(), {}});
        submitted.append(k->store->enqueueCase(drafts.last()).value().localRef);
    }
    const QString stateDir = k->dir.path();
    const QString keyFile = k->keyFile;
    // The child processes send; this one only counts afterwards.
    k->sender.reset();
    k->store.reset();

    // Slow answers, so that kills land while requests are in flight, and the odd reset.
    setFaults({{QStringLiteral("latency_ms"), 150}, {QStringLiteral("reset"), 0.1}});
    const QStringList args = {stateDir, keyFile, m_server.httpUrl().toString(), m_credentials.terminalId,
                              QString::fromLatin1(m_credentials.secret.toBase64())};
    QProcessEnvironment quietChild = QProcessEnvironment::systemEnvironment();
    quietChild.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kiosk.*.info=false"));
    int killed = 0;
    for (int round = 0; round < 6; ++round) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.setProcessEnvironment(quietChild);
        child.start(qEnvironmentVariable("KIOSK_OUTBOX_CHILD"), args);
        QVERIFY(child.waitForStarted(30000));
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += child.readAllStandardOutput()).contains("draining") || child.state() != QProcess::Running, 30000);
        // A random moment in the drain: SIGKILL, as a power cut or the watchdog would.
        QTest::qWait(100 + int(QRandomGenerator::global()->bounded(900)));
        if (child.state() == QProcess::Running) {
            child.kill();
            ++killed;
        }
        if (child.state() != QProcess::NotRunning)
            QVERIFY(child.waitForFinished(30000));
        if (child.exitStatus() == QProcess::NormalExit)
            QCOMPARE(child.exitCode(), 0); // it finished the drain before the kill came
    }
    QVERIFY(killed >= 1);

    setFaults({{QStringLiteral("latency_ms"), 0}, {QStringLiteral("reset"), 0.0}});
    QProcess last;
    last.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    last.setProcessEnvironment(quietChild);
    last.start(qEnvironmentVariable("KIOSK_OUTBOX_CHILD"), args);
    QVERIFY(last.waitForFinished(300000));
    QCOMPARE(last.exitCode(), 0);
    QVERIFY(last.readAllStandardOutput().contains("drained"));

    OutboxOptions options;
    options.stateDir = stateDir;
    options.keyFile = keyFile;
    auto store = OutboxStore::open(options).value();
    const QHash<QString, int> cases = casesByLocalRef();
    const QHash<QString, QString> numbers = caseNumbersByLocalRef();
    for (const QString &ref : std::as_const(submitted)) {
        QCOMPARE(entryOf(*store, ref).state, EntryState::Delivered);
        QCOMPARE(cases.value(ref), 1);
        QCOMPARE(entryOf(*store, ref).resultRef, numbers.value(ref));
    }
    QCOMPARE(uploadsOf(drafts), QList<int>(4, 1));
    QCOMPARE(store->integrityCheck().value(), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestOutboxDelivery)
#include "test_outboxdelivery.moc"
