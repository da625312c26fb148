#include "outboxfixture.h"
#include "outboxsender.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <deque>

using namespace OutboxFixture;

namespace {

// A platform that answers from a script, at once or when the test says so.
class ScriptedTransport : public OutboxTransport
{
public:
    std::deque<DeliveryResult> script;
    QList<OutboxRequest> received;
    bool deferred = false;
    QList<Completion> waiting;
    // When set, decides a case's body at its first send the way the platform transport decides
    // whether a holder token still goes with it: by the moment, which differs from try to try.
    std::function<QByteArray(const OutboxRequest &)> decide;
    int decisions = 0;

    std::optional<QByteArray> bodyForFirstSend(const OutboxRequest &request) override
    {
        if (!decide || request.kind != EntryKind::Case)
            return std::nullopt;
        ++decisions;
        return decide(request);
    }

    void deliver(const OutboxRequest &request, Completion done) override
    {
        received.append(request);
        if (deferred) {
            waiting.append(std::move(done));
            return;
        }
        done(next(request));
    }

    DeliveryResult next(const OutboxRequest &request)
    {
        if (script.empty())
            return Delivered{QStringLiteral("REF-") + request.localRef, QByteArray("{}")};
        DeliveryResult result = script.front();
        script.pop_front();
        return result;
    }
};

} // namespace

class TestOutboxSender : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    ManualClock m_clock;
    std::unique_ptr<OutboxStore> m_store;
    ScriptedTransport m_transport;

    std::unique_ptr<OutboxSender> sender(double random = 0.5)
    {
        auto result = std::make_unique<OutboxSender>(*m_store, m_transport);
        result->setRandomSource([random] { return random; });
        return result;
    }

    EntryState stateOf(const QString &ref) const
    {
        const auto found = m_store->find(ref);
        return found && found.value() ? found.value()->state : EntryState(0);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock = ManualClock{};
        m_store = OutboxStore::open(options(m_dir->path(), createKeyFile(m_dir->path()), &m_clock)).value();
        m_transport = ScriptedTransport{};
    }

    void cleanup()
    {
        m_store.reset();
    }

    void deliversMaterialsThenTheCaseAndRecordsTheCaseNumber()
    {
        const QueuedCase queued = m_store->enqueueCase(caseDraft(2)).value();
        auto outbox = sender();
        QSignalSpy delivered(outbox.get(), &OutboxSender::delivered);
        while (outbox->sendNext()) {
        }
        QCOMPARE(m_transport.received.size(), 3);
        QCOMPARE(m_transport.received.at(0).kind, EntryKind::Material);
        QCOMPARE(m_transport.received.at(1).kind, EntryKind::Material);
        QCOMPARE(m_transport.received.at(2).localRef, queued.localRef);
        QCOMPARE(m_transport.received.at(2).idempotencyKey, queued.idempotencyKey);
        QCOMPARE(delivered.size(), 3);
        QCOMPARE(delivered.last().at(1).toString(), QStringLiteral("REF-") + queued.localRef);
        QCOMPARE(m_store->find(queued.localRef).value()->resultRef, QStringLiteral("REF-") + queued.localRef);
        QCOMPARE(stateOf(queued.localRef), EntryState::Delivered);
    }

    void transientFailureWaitsAJitteredBackoff_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<double>("random");
        QTest::addColumn<qint64>("expectedDelayMs");
        QTest::newRow("first failure, half the ceiling") << 1 << 0.5 << qint64(1000);
        QTest::newRow("third failure, half the ceiling") << 3 << 0.5 << qint64(4000);
        QTest::newRow("third failure, no wait drawn") << 3 << 0.0 << qint64(0);
        QTest::newRow("twentieth failure, capped") << 20 << 0.5 << qint64(450000);
    }
    void transientFailureWaitsAJitteredBackoff()
    {
        QFETCH(int, failures);
        QFETCH(double, random);
        QFETCH(qint64, expectedDelayMs);
        const QueuedCase queued = m_store->enqueueCase(caseDraft(0)).value();
        auto outbox = sender(random);
        QSignalSpy scheduled(outbox.get(), &OutboxSender::retryScheduled);
        for (int i = 0; i < failures; ++i) {
            m_transport.script.push_back(Transient{std::nullopt, QStringLiteral("unavailable")});
            QVERIFY(outbox->sendNext());
            m_clock.nowMs = m_store->find(queued.localRef).value()->nextAttemptAtMs;
        }
        QCOMPARE(scheduled.size(), failures);
        const qint64 lastAttempt = m_store->find(queued.localRef).value()->lastAttemptAtMs;
        QCOMPARE(scheduled.last().at(1).toLongLong() - lastAttempt, expectedDelayMs);
        QCOMPARE(stateOf(queued.localRef), EntryState::Pending);
        QCOMPARE(m_store->find(queued.localRef).value()->attempts, failures);
    }

    void retryAfterIsHonoured()
    {
        const QueuedCase queued = m_store->enqueueCase(caseDraft(0)).value();
        auto outbox = sender(0.0);
        m_transport.script.push_back(Transient{std::chrono::seconds(120), QStringLiteral("rate_limited")});
        const qint64 start = m_clock.nowMs;
        QVERIFY(outbox->sendNext());
        QCOMPARE(m_store->find(queued.localRef).value()->nextAttemptAtMs, start + 120'000);
        m_clock.nowMs += 119'999;
        QVERIFY(!outbox->sendNext());
        m_clock.nowMs += 1;
        QVERIFY(outbox->sendNext());
        QCOMPARE(stateOf(queued.localRef), EntryState::Delivered);
        QCOMPARE(m_transport.received.at(1).idempotencyKey, m_transport.received.at(0).idempotencyKey);
    }

    void aCaseBodyIsDecidedOnceAndResentUnchanged()
    {
        const QueuedCase queued = m_store->enqueueCase(caseDraft(0)).value();
        auto outbox = sender(0.0);
        m_transport.decide = [this](const OutboxRequest &) { return QByteArray("{\"decided_at\":") + QByteArray::number(m_clock.nowMs) + "}"; };
        m_transport.script.push_back(Transient{std::nullopt, QStringLiteral("network")});
        QVERIFY(outbox->sendNext());
        m_clock.nowMs += 3600'000; // a decision taken now would come out differently
        QVERIFY(outbox->sendNext());
        QCOMPARE(m_transport.decisions, 1);
        QCOMPARE(m_transport.received.size(), 2);
        QCOMPARE(m_transport.received.at(1).body, m_transport.received.at(0).body);
        QVERIFY(m_transport.received.at(0).body.startsWith("{\"decided_at\":"));
        QCOMPARE(m_transport.received.at(1).idempotencyKey, queued.idempotencyKey);
        QCOMPARE(stateOf(queued.localRef), EntryState::Delivered);
    }

    void theDecisionSurvivesASenderThatWasKilled()
    {
        const QueuedCase queued = m_store->enqueueCase(caseDraft(0)).value();
        m_transport.decide = [this](const OutboxRequest &) { return QByteArray("{\"decided_at\":") + QByteArray::number(m_clock.nowMs) + "}"; };
        m_transport.deferred = true;
        {
            auto first = sender();
            QVERIFY(first->sendNext()); // the request is out; then the kiosk dies before the answer
        }
        m_clock.nowMs += 3600'000;
        m_transport.deferred = false;
        QVERIFY(m_store->releaseLeases().ok());
        auto second = sender();
        QVERIFY(second->sendNext());
        QCOMPARE(m_transport.decisions, 1);
        QCOMPARE(m_transport.received.at(1).body, m_transport.received.at(0).body);
        QCOMPARE(stateOf(queued.localRef), EntryState::Delivered);
    }

    void aRefusalThatFiledNothingIsSentAgainUnderANewKey()
    {
        const QueuedCase queued = m_store->enqueueCase(caseDraft(0)).value();
        auto outbox = sender();
        QSignalSpy scheduled(outbox.get(), &OutboxSender::retryScheduled);
        QSignalSpy delivered(outbox.get(), &OutboxSender::delivered);
        m_transport.script.push_back(Rekey{QByteArray("{\"holder_token\":null}"), QStringLiteral("holder_token_expired")});
        QVERIFY(outbox->sendNext());
        QCOMPARE(scheduled.size(), 1);
        QCOMPARE(scheduled.first().at(2).toString(), QStringLiteral("holder_token_expired"));
        QCOMPARE(stateOf(queued.localRef), EntryState::Pending);
        QVERIFY(outbox->sendNext()); // due at once, without waiting out a backoff
        QCOMPARE(m_transport.received.size(), 2);
        QVERIFY(m_transport.received.at(1).idempotencyKey != queued.idempotencyKey);
        QCOMPARE(m_transport.received.at(1).body, QByteArray("{\"holder_token\":null}"));
        QCOMPARE(delivered.size(), 1);
        QCOMPARE(m_store->find(queued.localRef).value()->idempotencyKey, m_transport.received.at(1).idempotencyKey);
    }

    void aRetryAfterOutlastsTheQueueBeingBroughtForward()
    {
        const QueuedCase limited = m_store->enqueueCase(caseDraft(0)).value();
        const QueuedCase failed = m_store->enqueueCase(caseDraft(0)).value();
        auto outbox = sender(1.0);
        outbox->setRetryPolicy(RetryPolicy{std::chrono::minutes(10), std::chrono::minutes(15), std::chrono::hours(1)});
        const qint64 start = m_clock.nowMs;
        m_transport.script.push_back(Transient{std::chrono::seconds(30), QStringLiteral("rate_limited")});
        m_transport.script.push_back(Transient{std::nullopt, QStringLiteral("network")});
        QVERIFY(outbox->sendNext());
        QVERIFY(outbox->sendNext());
        QCOMPARE(m_store->find(limited.localRef).value()->nextAttemptAtMs, start + 600'000);
        QCOMPARE(m_store->bringForwardRetries().value(), 2);
        QCOMPARE(m_store->find(limited.localRef).value()->nextAttemptAtMs, start + 30'000);
        QCOMPARE(m_store->find(failed.localRef).value()->nextAttemptAtMs, start);
    }

    void noWaitExceedsTheStoresLongestWait()
    {
        const QueuedCase queued = m_store->enqueueCase(caseDraft(0)).value();
        auto outbox = sender(0.0);
        m_transport.script.push_back(Transient{std::chrono::seconds(86400), QStringLiteral("rate_limited")});
        const qint64 start = m_clock.nowMs;
        QVERIFY(outbox->sendNext());
        QCOMPARE(m_store->find(queued.localRef).value()->nextAttemptAtMs, start + 3600'000);
    }

    void permanentFailureParksAndTellsStaff()
    {
        const QueuedCase queued = m_store->enqueueCase(caseDraft(0)).value();
        auto outbox = sender();
        QSignalSpy parked(outbox.get(), &OutboxSender::parked);
        m_transport.script.push_back(Permanent{QStringLiteral("validation_failed"), QStringLiteral("422")});
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("parked .* for staff: validation_failed")));
        QVERIFY(outbox->sendNext());
        QCOMPARE(parked.size(), 1);
        QCOMPARE(parked.first().at(1).toString(), QStringLiteral("validation_failed"));
        QCOMPARE(stateOf(queued.localRef), EntryState::Parked);
        m_clock.nowMs += 86'400'000;
        QVERIFY(!outbox->sendNext());
    }

    void answerMayArriveLaterFromTheEventLoop()
    {
        const QueuedCase queued = m_store->enqueueCase(caseDraft(0)).value();
        QVERIFY(m_store->enqueueCase(caseDraft(0)).ok());
        m_transport.deferred = true;
        auto outbox = sender();
        QVERIFY(outbox->sendNext());
        QVERIFY(outbox->isSending());
        QVERIFY(!outbox->sendNext()); // one entry at a time
        QCOMPARE(stateOf(queued.localRef), EntryState::Sending);
        m_transport.waiting.takeFirst()(Delivered{QStringLiteral("34010320261123000001"), {}});
        QVERIFY(!outbox->isSending());
        QCOMPARE(stateOf(queued.localRef), EntryState::Delivered);
        QVERIFY(outbox->sendNext());
    }

    void answerAfterTheSenderIsGoneIsIgnored()
    {
        const QueuedCase queued = m_store->enqueueCase(caseDraft(0)).value();
        m_transport.deferred = true;
        auto outbox = sender();
        QVERIFY(outbox->sendNext());
        outbox.reset();
        m_transport.waiting.takeFirst()(Delivered{QStringLiteral("late"), {}});
        QCOMPARE(stateOf(queued.localRef), EntryState::Sending);
    }

    void runningSenderDrainsWhatIsEnqueued()
    {
        auto outbox = sender();
        QSignalSpy delivered(outbox.get(), &OutboxSender::delivered);
        QVERIFY(outbox->start().ok());
        QVERIFY(outbox->isRunning());
        const QueuedCase queued = m_store->enqueueCase(caseDraft(2)).value();
        outbox->wake();
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 3, 30000);
        QCOMPARE(stateOf(queued.localRef), EntryState::Delivered);
        outbox->stop();
    }

    void startTakesBackLeasesAKilledSenderLeft()
    {
        const QueuedCase queued = m_store->enqueueCase(caseDraft(0)).value();
        QVERIFY(m_store->leaseNext().value()); // the sender that was killed holding it
        auto outbox = sender();
        QSignalSpy delivered(outbox.get(), &OutboxSender::delivered);
        QVERIFY(outbox->start().ok());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 30000);
        QCOMPARE(m_transport.received.first().idempotencyKey, queued.idempotencyKey);
    }

    void onlyOneSenderPerOutbox()
    {
        auto first = sender();
        auto second = sender();
        QVERIFY(first->start().ok());
        const OutboxResult<OutboxOk> refused = second->start();
        QCOMPARE(refused.error().code, OutboxErrorCode::InvalidState);
        first->stop();
        QVERIFY(second->start().ok());
    }

    void unansweredRequestIsRetriedAfterTheLease()
    {
        OutboxOptions opts = options(m_dir->path(), m_dir->filePath(QStringLiteral("outbox.key")));
        opts.fileName = QStringLiteral("short-lease.db");
        opts.lease = std::chrono::seconds(1);
        auto store = OutboxStore::open(opts).value();
        const QueuedCase queued = store->enqueueCase(caseDraft(0)).value();
        m_transport.deferred = true;
        OutboxSender outbox(*store, m_transport);
        outbox.setRandomSource([] { return 0.0; });
        QSignalSpy scheduled(&outbox, &OutboxSender::retryScheduled);
        QVERIFY(outbox.start().ok());
        QTRY_COMPARE_WITH_TIMEOUT(scheduled.size(), 1, 30000);
        QCOMPARE(scheduled.first().at(2).toString(), QStringLiteral("no_answer"));
        // The late answer to the first attempt must not be taken for the second.
        m_transport.waiting.first()(Delivered{QStringLiteral("late"), {}});
        QVERIFY(store->find(queued.localRef).value()->resultRef != QStringLiteral("late"));
        QTRY_VERIFY_WITH_TIMEOUT(m_transport.received.size() >= 2, 30000);
        QCOMPARE(m_transport.received.at(1).idempotencyKey, queued.idempotencyKey);
        outbox.stop();
    }

    void senderPrunesTombstonesPastRetention()
    {
        const QueuedCase queued = m_store->enqueueCase(caseDraft(0)).value();
        auto outbox = sender();
        QVERIFY(outbox->sendNext());
        m_clock.nowMs += 8LL * 24 * 3600'000;
        outbox->setRetention(std::chrono::hours(24 * 7));
        QVERIFY(outbox->start().ok());
        QVERIFY(!m_store->find(queued.localRef).value());
        outbox->stop();
    }
};

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "test_outboxsender.moc"
