#include "soakrun.h"
#include "soaksample.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <future>
#include <thread>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// The short soak CI runs: resident sessions of every kind in the mix through the real QML, the
// drivers' simulators and the reference platform. After a warm-up, more sessions must not leave
// more descriptors, threads or files behind, and once the outbox has sent everything the state
// directory holds what it held after the warm-up: tombstones in the outbox, no session's files.
// Memory is the long run's figure (tests/soak/run-soak.sh), not asserted here.
class TestSoak : public QObject
{
    Q_OBJECT

private slots:
    // The soak's figures would hide a leak if the sample did not see one: a file kept open and a
    // thread left running show as one more of each, a file in the state directory as one more.
    void aSampleSeesOneMoreDescriptorThreadAndFile()
    {
        QTemporaryDir state;
        QVERIFY(state.isValid());
        const SoakSample before = SoakSample::take(0, state.path());
        QFile kept(state.filePath(QStringLiteral("kept.db")));
        QVERIFY(kept.open(QIODevice::WriteOnly));
        QVERIFY(kept.write("x") == 1);
        QVERIFY(kept.flush());
        // A plain thread: a QThread also opens its event dispatcher's eventfd when it gets to it,
        // which made the descriptor count race the sample.
        std::promise<void> release;
        std::thread thread([done = release.get_future()]() mutable { done.wait(); });
        const SoakSample after = SoakSample::take(1, state.path());
        release.set_value();
        thread.join();
        QCOMPARE(after.descriptors, before.descriptors + 1);
        QCOMPARE(after.threads, before.threads + 1);
        QCOMPARE(after.files, QStringList{QStringLiteral("kept.db")});
        QCOMPARE(after.stateBytes, before.stateBytes + 1);
        QVERIFY(after.rssKiB > 0);
    }

    void sessionsLeaveNoDescriptorsThreadsOrFilesBehind()
    {
        // Two rounds of the mix to warm up (caches, pooled threads, the first log files), then
        // four more, with the platform lost at the twenty-fifth and the walk-away at the fiftieth:
        // one to two seconds a session, so the test stays within two minutes.
        const int warmUp = 18;
        const int sessions = 54;
        SoakRun run;
        QString error;
        QVERIFY2(run.start(&error), qPrintable(error));
        for (int i = 0; i < warmUp; ++i)
            QVERIFY2(run.runSession(i, &error), qPrintable(QStringLiteral("session %1: %2").arg(i).arg(error)));
        QVERIFY2(run.settle(&error), qPrintable(error));
        const SoakSample warm = run.sample(warmUp);
        for (int i = warmUp; i < sessions; ++i)
            QVERIFY2(run.runSession(i, &error), qPrintable(QStringLiteral("session %1: %2").arg(i).arg(error)));
        QVERIFY2(run.settle(&error), qPrintable(error));
        const SoakSample last = run.sample(sessions);
        qInfo().noquote() << SoakSample::csvHeader() << "\n" << warm.csvRow() << "\n" << last.csvRow() << "\nmix:" << run.mixSummary();

        // A leak of one a session would show as thirty-six more; a couple come and go with Qt's
        // pooled threads and connections.
        QVERIFY2(last.descriptors <= warm.descriptors + 2, qPrintable(QStringLiteral("%1 → %2 descriptors").arg(warm.descriptors).arg(last.descriptors)));
        QVERIFY2(last.threads <= warm.threads + 2, qPrintable(QStringLiteral("%1 → %2 threads").arg(warm.threads).arg(last.threads)));

        // The state directory holds only tombstones: nothing pending, the sessions' cases kept
        // as tombstones (for reprinting receipts), and no file a session left.
        QCOMPARE(last.outboxPending, 0);
        QVERIFY2(last.outboxTombstones > warm.outboxTombstones, "the sessions' cases left no tombstones to reprint receipts from");
        static const QRegularExpression rotation(QStringLiteral("\\.\\d+$"));
        QStringList newFiles;
        for (const QString &file : last.files) {
            if (!warm.files.contains(file) && !rotation.match(file).hasMatch())
                newFiles.append(file);
        }
        QVERIFY2(newFiles.isEmpty(), qPrintable(newFiles.join(QLatin1Char(' '))));
    }
};

QTEST_MAIN(TestSoak)
#include "test_soak.moc"
