#include "crashledger.h"
#include "outboxfixture.h"
#include "outboxstore.h"
#include "powercutvfs.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <sys/wait.h>
#include <unistd.h>

using namespace CrashLedger;
using namespace OutboxFixture;

// A power cut is harder than a kill: the kill test's child dies, but whatever it wrote is in the
// kernel's cache and reaches the disk; here it does not. The child (outboxcrashchild) enqueues and
// sends through PowerCutVfs, which ends it after a random number of writes and syncs, inside
// whatever SQLite was doing; the test then puts every file back to what was synced, as the disk
// would keep it, and starts the next life. The promises are the kill test's: every acknowledged
// case is delivered or still queued, nothing is delivered under two idempotency keys, and the file
// is intact. OUTBOX_POWER_CUTS raises the number of cuts, OUTBOX_POWER_SEED repeats a run.
class TestOutboxPowerCut : public QObject
{
    Q_OBJECT

private:
    static QString rows(const QString &file)
    {
        sqlite3 *db = nullptr;
        QString result = QStringLiteral("cannot open");
        if (sqlite3_open_v2(QFile::encodeName(file).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
            sqlite3_stmt *statement = nullptr;
            if (sqlite3_prepare_v2(db, "SELECT group_concat(v) FROM t", -1, &statement, nullptr) == SQLITE_OK
                && sqlite3_step(statement) == SQLITE_ROW)
                result = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
            sqlite3_finalize(statement);
        }
        sqlite3_close(db);
        return result;
    }

private slots:
    void restoreKeepsOnlyWhatWasSynced()
    {
        // The model itself: a forked process commits one row with a sync and one without (as if
        // the cut came before that sync), then dies without closing. Its files hold both rows;
        // after restore() only the synced one is left.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString shadow = dir.filePath(QStringLiteral("shadow"));
        const QString data = dir.filePath(QStringLiteral("model.db"));
        const pid_t pid = ::fork();
        if (pid == 0) {
            QString error;
            sqlite3 *db = nullptr;
            const bool done = PowerCutVfs::install(shadow, 0, &error)
                && sqlite3_open_v2(QFile::encodeName(data).constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK
                && sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(v TEXT);"
                                    "INSERT INTO t VALUES('synced'); PRAGMA synchronous=OFF; INSERT INTO t VALUES('lost');",
                                nullptr, nullptr, nullptr) == SQLITE_OK;
            ::_exit(done ? 0 : 1);
        }
        QVERIFY(pid > 0);
        int status = 0;
        QCOMPARE(::waitpid(pid, &status, 0), pid);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);

        // A copy of the files as the process left them: both rows.
        const QString asLeft = dir.filePath(QStringLiteral("as-left.db"));
        QVERIFY(QFile::copy(data, asLeft));
        QVERIFY(QFile::copy(data + QStringLiteral("-wal"), asLeft + QStringLiteral("-wal")));
        QCOMPARE(rows(asLeft), QStringLiteral("synced,lost"));

        QString error;
        QVERIFY2(PowerCutVfs::restore(shadow, &error), qPrintable(error));
        QCOMPARE(rows(data), QStringLiteral("synced"));
    }

    void acknowledgedEnqueuesSurviveRandomPowerCuts()
    {
        const QString child = qEnvironmentVariable("OUTBOX_CRASH_CHILD");
        QVERIFY2(QFile::exists(child), "OUTBOX_CRASH_CHILD must name the outboxcrashchild executable");
        const int cuts = qEnvironmentVariableIsSet("OUTBOX_POWER_CUTS") ? qEnvironmentVariableIntValue("OUTBOX_POWER_CUTS") : 60;
        const quint32 seed = qEnvironmentVariableIsSet("OUTBOX_POWER_SEED") ? quint32(qEnvironmentVariableIntValue("OUTBOX_POWER_SEED"))
                                                                            : QRandomGenerator::system()->generate();
        qInfo("power-cut test: %d cuts, OUTBOX_POWER_SEED=%u", cuts, seed);
        QRandomGenerator random(seed);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString stateDir = dir.filePath(QStringLiteral("state"));
        const QString shadow = dir.filePath(QStringLiteral("shadow"));
        const QString key = createKeyFile(dir.path());
        const QString acks = dir.filePath(QStringLiteral("acks.txt"));
        const QString received = dir.filePath(QStringLiteral("received.txt"));
        const QStringList arguments{stateDir, key, acks, received};
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kiosk.*=false"));
        environment.insert(QStringLiteral("OUTBOX_POWER_SHADOW"), shadow);

        QElapsedTimer clock;
        clock.start();
        for (int round = 0; round < cuts; ++round) {
            // Early cuts land in opening (creation, migration, lease release), later ones in the
            // loop of enqueues and sends, anywhere between a write and its sync.
            const qint64 cutAt = round % 10 == 0 ? random.bounded(1, 60) : random.bounded(1, 2500);
            environment.insert(QStringLiteral("OUTBOX_POWER_CUT_AT"), QString::number(cutAt));
            QProcess process;
            process.setProcessEnvironment(environment);
            process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process.setStandardOutputFile(QProcess::nullDevice());
            process.start(child, arguments);
            QVERIFY2(process.waitForStarted(30000), qPrintable(process.errorString()));
            QVERIFY(process.waitForFinished(60000));
            QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == PowerCutVfs::CutExitCode,
                     qPrintable(QStringLiteral("round %1 (cut at %2) ended with status %3, code %4")
                                    .arg(round).arg(cutAt).arg(int(process.exitStatus())).arg(process.exitCode())));
            QString error;
            QVERIFY2(PowerCutVfs::restore(shadow, &error), qPrintable(error));
        }
        qInfo("power-cut test: %d cuts in %lld ms", cuts, qint64(clock.elapsed()));

        const QList<Ack> acknowledged = readAcks(acks);
        qInfo("power-cut test: %lld acknowledged cases", qint64(acknowledged.size()));
        QVERIFY2(acknowledged.size() >= cuts / 4, "the child made too little progress for the test to mean anything");

        // Before draining: every acknowledged case is delivered or still queued, never lost or parked.
        {
            OutboxOptions inspect;
            inspect.stateDir = stateDir;
            auto store = OutboxStore::open(inspect);
            QVERIFY2(store.ok(), qPrintable(store.error().message));
            QVERIFY2(!store.value()->health().recoveredFromCorruption, qPrintable(store.value()->health().corruptionDetail));
            QHash<QString, EntryState> states;
            for (const OutboxEntry &entry : store.value()->entries().value())
                states.insert(entry.localRef, entry.state);
            const QHash<QString, Delivery> delivered = readDeliveries(received);
            for (const Ack &ack : acknowledged) {
                const bool queued = states.contains(ack.localRef) && states.value(ack.localRef) != EntryState::Parked;
                QVERIFY2(queued || delivered.contains(ack.localRef), qPrintable(ack.localRef + QStringLiteral(" was lost")));
            }
        }

        environment.remove(QStringLiteral("OUTBOX_POWER_SHADOW"));
        environment.remove(QStringLiteral("OUTBOX_POWER_CUT_AT"));
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

QTEST_GUILESS_MAIN(TestOutboxPowerCut)
#include "test_outboxpowercut.moc"
