#include "device/deviceregistry.h"
#include "device/livenessregistry.h"
#include "device/workerliveness.h"
#include "printer/printer.h"
#include "scanner/barcodescanner.h"
#include "scanner/sim/scannersimulatorhost.h"

#include <QPointer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

// The worker threads' watchdog: every worker thread answers a beat on its event loop; one that
// stops answering (here: its loop held by a task that does not return, as a hung read would)
// shows as `worker_stuck` in its device's health, counts a `worker_restarts`, and its device comes
// back on a new thread while the stuck one is left to end by itself.
class TestWorkerWatchdog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Holds `thread`'s event loop until `release` is given back, as a worker stuck in a call.
    static void hold(QThread *thread, QSemaphore *release)
    {
        auto *blocker = new QObject;
        blocker->moveToThread(thread);
        QMetaObject::invokeMethod(blocker, [blocker, release] {
            release->acquire();
            delete blocker;
        }, Qt::QueuedConnection);
    }

    static bool sawHealth(const QSignalSpy &spy, const QString &detail)
    {
        for (const QList<QVariant> &arguments : spy) {
            if (arguments.at(0).value<DeviceHealth>().detail == detail)
                return true;
        }
        return false;
    }

    DeviceRegistryOptions options(const QString &name, const QString &device)
    {
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(name);
        options.specs[device] = QStringLiteral("simulated");
        options.workerBeatIntervalMs = 50;
        options.workerStuckAfterMs = 500;
        return options;
    }

private slots:
    void aWorkingWorkerAnswersItsBeatsAndIsNeverRestarted()
    {
        DeviceRegistry registry(options(QStringLiteral("working"), QStringLiteral("barcode_scanner")));
        QStringList errors;
        QVERIFY2(registry.build(&errors) && registry.startAll(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        BarcodeScanner *scanner = registry.barcodeScanner();
        QSignalSpy stuck(registry.liveness(), &LivenessRegistry::workerStuck);
        QTRY_VERIFY_WITH_TIMEOUT(scanner->workerLiveness() && scanner->workerLiveness()->beats() >= 20, 20000);
        QCOMPARE(stuck.size(), 0);
        QCOMPARE(registry.liveness()->restarts(), 0);
        QCOMPARE(scanner->statistics().value(QStringLiteral("worker_restarts")), 0);
        const QList<LivenessRegistry::Pulse> pulses = registry.liveness()->pulses();
        QCOMPARE(pulses.size(), 1);
        QCOMPARE(pulses.at(0).deviceId, QStringLiteral("barcode_scanner"));
        QVERIFY(pulses.at(0).beats >= 20);
    }

    void aStuckScannerWorkerIsReportedAndItsScannerRestarts()
    {
        DeviceRegistry registry(options(QStringLiteral("scanner"), QStringLiteral("barcode_scanner")));
        QStringList errors;
        QVERIFY2(registry.build(&errors) && registry.startAll(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        BarcodeScanner *scanner = registry.barcodeScanner();
        QSignalSpy scans(scanner, &BarcodeScanner::codeScanned);
        QTRY_VERIFY_WITH_TIMEOUT(scanner->health().level == HealthLevel::Ok, 10000);

        QPointer<QThread> stuckThread = scanner->findChild<QThread *>();
        QVERIFY(stuckThread);
        QSignalSpy health(scanner, &Device::healthChanged);
        QSignalSpy stuck(registry.liveness(), &LivenessRegistry::workerStuck);
        auto release = std::make_unique<QSemaphore>();
        hold(stuckThread, release.get());

        QTRY_COMPARE_WITH_TIMEOUT(stuck.size(), 1, 20000);
        QCOMPARE(stuck.at(0).at(0).toString(), QStringLiteral("barcode_scanner"));
        QVERIFY(stuck.at(0).at(1).toLongLong() >= 500);
        QVERIFY(sawHealth(health, QStringLiteral("worker_stuck")));
        QCOMPARE(scanner->statistics().value(QStringLiteral("worker_restarts")), 1);
        QCOMPARE(registry.liveness()->restarts(), 1);

        // Back on a thread of its own, which answers its beats; the port stays the stuck thread's
        // (serial ports are opened exclusively), so the new worker says so and keeps trying.
        QTRY_VERIFY_WITH_TIMEOUT(scanner->workerLiveness() && scanner->workerLiveness()->beats() >= 5, 10000);
        QCOMPARE(scanner->stage(), Device::Stage::Enabled);
        QThread *newThread = scanner->findChild<QThread *>();
        QVERIFY(newThread && newThread != stuckThread.data());
        QVERIFY(stuckThread->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(scanner->health().detail, QStringLiteral("in_use"), 10000);
        QCOMPARE(stuck.size(), 1);

        // When its call returns at last, the old thread closes the port, ends and goes; the new
        // worker takes the port and scans.
        release->release();
        QTRY_VERIFY_WITH_TIMEOUT(stuckThread.isNull(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(scanner->health().level == HealthLevel::Ok, 10000);
        QVERIFY(registry.scannerSimulator()->execute(QStringLiteral("scan after restart")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), 1, 10000);
        QCOMPARE(scans.at(0).at(1).toString(), QStringLiteral("after restart"));
        QCOMPARE(stuck.size(), 1);
    }

    void aStuckIdCardReaderWorkerIsReportedAndItsReaderRestarts()
    {
        DeviceRegistry registry(options(QStringLiteral("reader"), QStringLiteral("id_card_reader")));
        QStringList errors;
        QVERIFY2(registry.build(&errors) && registry.startAll(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        Device *reader = registry.device(QStringLiteral("id_card_reader"));
        QVERIFY(reader);
        QTRY_VERIFY_WITH_TIMEOUT(reader->health().level == HealthLevel::Ok, 20000);
        QPointer<QThread> stuckThread = reader->findChild<QThread *>();
        QVERIFY(stuckThread);
        QSignalSpy health(reader, &Device::healthChanged);
        QSemaphore release;
        hold(stuckThread, &release);
        QTRY_COMPARE_WITH_TIMEOUT(reader->statistics().value(QStringLiteral("worker_restarts")), 1, 20000);
        QVERIFY(sawHealth(health, QStringLiteral("worker_stuck")));
        QTRY_VERIFY_WITH_TIMEOUT(reader->workerLiveness() && reader->workerLiveness()->beats() >= 5, 10000);
        QVERIFY(reader->findChild<QThread *>() != stuckThread.data());
        QVERIFY(reader->health().level != HealthLevel::Ok);
        release.release();
        QTRY_VERIFY_WITH_TIMEOUT(stuckThread.isNull(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(reader->health().level == HealthLevel::Ok, 20000);
        QCOMPARE(reader->statistics().value(QStringLiteral("worker_restarts")), 1);
    }

    void aStuckPrinterWorkerIsReportedAndItsPrinterRestarts()
    {
        // Nothing listens on the port: the worker's status reads fail at once, as an unplugged
        // printer's would; what matters is its thread.
        PrinterOptions printerOptions;
        printerOptions.address = *PrinterAddress::parse(QStringLiteral("ipp://127.0.0.1:9/ipp/print"));
        printerOptions.statusPollMs = 100;
        printerOptions.connectTimeoutMs = 200;
        Printer printer(QStringLiteral("receipt_printer"), printerOptions);
        QString error;
        QVERIFY2(printer.start(&error), qPrintable(error));
        LivenessRegistry liveness(std::chrono::milliseconds(50), std::chrono::milliseconds(500));
        liveness.watch(&printer);
        liveness.start();
        QTRY_VERIFY_WITH_TIMEOUT(printer.workerLiveness()->beats() >= 3, 10000);
        QPointer<QThread> stuckThread = printer.findChild<QThread *>();
        QVERIFY(stuckThread);
        QSignalSpy health(&printer, &Device::healthChanged);
        QSemaphore release;
        hold(stuckThread, &release);
        QTRY_COMPARE_WITH_TIMEOUT(liveness.restarts(), 1, 20000);
        QVERIFY(sawHealth(health, QStringLiteral("worker_stuck")));
        QCOMPARE(printer.statistics().value(QStringLiteral("worker_restarts")), 1);
        QCOMPARE(printer.stage(), Device::Stage::Enabled);
        QTRY_VERIFY_WITH_TIMEOUT(printer.workerLiveness() && printer.workerLiveness()->beats() >= 3, 10000);
        QVERIFY(printer.findChild<QThread *>() != stuckThread.data());
        release.release();
        QTRY_VERIFY_WITH_TIMEOUT(stuckThread.isNull(), 10000);
        QCOMPARE(liveness.restarts(), 1);
    }
};

QTEST_GUILESS_MAIN(TestWorkerWatchdog)
#include "test_workerwatchdog.moc"
