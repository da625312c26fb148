#include "crashledger.h"
#include "outboxfixture.h"
#include "outboxstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <signal.h>

using namespace CrashLedger;
using namespace OutboxFixture;

// SQLite's test culture: the guarantee is what the test breaks. A child process enqueues and
// sends in a loop while this test kills it with SIGKILL at random moments, then proves that every
// acknowledged enqueue was delivered or is still queued, that nothing was delivered under two
// idempotency keys, and that the file is intact. OUTBOX_CRASH_KILLS raises the number of kills.
class TestOutboxCrash : public QObject
{
    Q_OBJECT

private slots:
    void acknowledgedEnqueuesSurviveRandomKills()
    {
        const QString child = qEnvironmentVariable("OUTBOX_CRASH_CHILD");
        QVERIFY2(QFile::exists(child), "OUTBOX_CRASH_CHILD must name the outboxcrashchild executable");
        const int kills = qEnvironmentVariableIsSet("OUTBOX_CRASH_KILLS") ? qEnvironmentVariableIntValue("OUTBOX_CRASH_KILLS") : 200;
        const quint32 seed = qEnvironmentVariableIsSet("OUTBOX_CRASH_SEED") ? quint32(qEnvironmentVariableIntValue("OUTBOX_CRASH_SEED"))
                                                                            : QRandomGenerator::system()->generate();
        qInfo("crash test: %d kills, OUTBOX_CRASH_SEED=%u", kills, seed);
        QRandomGenerator random(seed);

        QTemporaryDir dir;
        const QString stateDir = dir.filePath(QStringLiteral("state"));
        const QString key = createKeyFile(dir.path());
        const QString acks = dir.filePath(QStringLiteral("acks.txt"));
        const QString received = dir.filePath(QStringLiteral("received.txt"));
        const QStringList arguments{stateDir, key, acks, received};
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kiosk.*=false"));

        int killedMidRun = 0;
        QElapsedTimer clock;
        clock.start();
        for (int round = 0; round < kills; ++round) {
            QProcess process;
            process.setProcessEnvironment(environment);
            process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process.setStandardOutputFile(QProcess::nullDevice());
            process.start(child, arguments);
            QVERIFY2(process.waitForStarted(30000), qPrintable(process.errorString()));
            // Early kills land in start-up (open, migration, lease release), later ones mid-loop.
            QTest::qSleep(int(random.bounded(5, 160)));
            const bool running = process.state() == QProcess::Running;
            if (running) {
                ::kill(pid_t(process.processId()), SIGKILL);
                ++killedMidRun;
            }
            QVERIFY(process.waitForFinished(30000));
            if (!running) {
                QFAIL(qPrintable(QStringLiteral("the child stopped on its own (status %1, code %2) in round %3")
                                     .arg(int(process.exitStatus()))
                                     .arg(process.exitCode())
                                     .arg(round)));
            }
        }
        qInfo("crash test: %d kills in %lld ms", killedMidRun, qint64(clock.elapsed()));

        const QList<Ack> acknowledged = readAcks(acks);
        qInfo("crash test: %lld acknowledged cases", qint64(acknowledged.size()));
        QVERIFY2(acknowledged.size() >= kills / 4, "the child made too little progress for the test to mean anything");

        // Before draining: every acknowledged case is delivered or still queued, never lost or parked.
        {
            OutboxOptions inspect;
            inspect.stateDir = stateDir;
            auto store = OutboxStore::open(inspect);
            QVERIFY2(store.ok(), qPrintable(store.error().message));
            QHash<QString, EntryState> states;
            for (const OutboxEntry &entry : store.value()->entries().value())
                states.insert(entry.localRef, entry.state);
            const QHash<QString, Delivery> delivered = readDeliveries(received);
            for (const Ack &ack : acknowledged) {
                const bool queued = states.contains(ack.localRef) && states.value(ack.localRef) != EntryState::Parked;
                QVERIFY2(queued || delivered.contains(ack.localRef), qPrintable(ack.localRef + QStringLiteral(" was lost")));
            }
        }

        QProcess drain;
        drain.setProcessEnvironment(environment);
        drain.setProcessChannelMode(QProcess::ForwardedChannels);
        drain.start(child, arguments + QStringList{QStringLiteral("--drain")});
        QVERIFY(drain.waitForFinished(120000));
        QCOMPARE(drain.exitStatus(), QProcess::NormalExit);
        QCOMPARE(drain.exitCode(), 0);

        const QHash<QString, Delivery> delivered = readDeliveries(received);
        for (auto it = delivered.cbegin(); it != delivered.cend(); ++it)
            QVERIFY2(it->keys.size() == 1, qPrintable(it.key() + QStringLiteral(" was delivered under two keys")));
        for (const Ack &ack : acknowledged) {
            QVERIFY2(delivered.contains(ack.localRef), qPrintable(ack.localRef + QStringLiteral(" was never delivered")));
            QStringList expected;
            for (int m = 1; m <= ack.materials; ++m) {
                const QString material = ack.localRef + QStringLiteral("-M%1").arg(m);
                QVERIFY2(delivered.contains(material), qPrintable(material + QStringLiteral(" was never delivered")));
                expected.append(QStringLiteral("M") + delivered.value(material).keys.values().first().left(8));
            }
            QCOMPARE(delivered.value(ack.localRef).materials, expected.join(QLatin1Char(',')));
        }
        QCOMPARE(integrity(QDir(stateDir).filePath(QStringLiteral("outbox.db"))), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestOutboxCrash)
#include "test_outboxcrash.moc"
