#include "device/deviceregistry.h"
#include "device/handoffbound.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "scanner/barcodescanner.h"
#include "scanner/sim/scannersimulatorhost.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <thread>
#include <vector>

// The queues between the drivers' threads and the kiosk's are bounded: when the receiving side
// stops keeping up, what does not fit is dropped (scans) or refused (print jobs), and counted in
// the device's statistics, where health and metrics read it.
class TestQueueBounds : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void aFullBoundDropsAndCountsUntilTheReceiverLeaves()
    {
        HandoffBound bound(3);
        QVERIFY(bound.tryEnter());
        QVERIFY(bound.tryEnter());
        QVERIFY(bound.tryEnter());
        QVERIFY(!bound.tryEnter());
        QVERIFY(!bound.tryEnter());
        QCOMPARE(bound.waiting(), 3);
        QCOMPARE(bound.takeDropped(), 2);
        QCOMPARE(bound.takeDropped(), 0);
        bound.leave();
        QVERIFY(bound.tryEnter());
        QCOMPARE(bound.waiting(), 3);
    }

    void threadsRacingForTheLastPlacesNeverOverfillIt()
    {
        HandoffBound bound(100);
        std::vector<std::thread> senders;
        std::atomic<int> entered{0};
        for (int t = 0; t < 4; ++t) {
            senders.emplace_back([&] {
                for (int i = 0; i < 1000; ++i)
                    entered += bound.tryEnter() ? 1 : 0;
            });
        }
        for (std::thread &sender : senders)
            sender.join();
        QCOMPARE(entered.load(), 100);
        QCOMPARE(bound.waiting(), 100);
        QCOMPARE(bound.takeDropped(), 3900);
    }

    void scansBeyondTheBoundAreDroppedAndCountedWhileTheKioskIsBehind()
    {
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(QStringLiteral("scanner"));
        options.specs[QStringLiteral("barcode_scanner")] = QStringLiteral("simulated");
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY2(registry.build(&errors) && registry.startAll(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        BarcodeScanner *scanner = registry.barcodeScanner();
        QSignalSpy scans(scanner, &BarcodeScanner::codeScanned);
        QTRY_VERIFY_WITH_TIMEOUT(scanner->health().level == HealthLevel::Ok, 10000);

        // The kiosk's thread stays away from its event loop while more scans come in than the
        // bound holds, as a starved GUI thread would: the scanner's thread may leave only the
        // bound's worth waiting. The scans are apart by more than the silence that ends one.
        const int capacity = BarcodeScanner::ScanQueueCapacity;
        const int sent = capacity + 6;
        for (int i = 0; i < sent; ++i) {
            QVERIFY(registry.scannerSimulator()->execute(QStringLiteral("scan code-%1").arg(i)).startsWith(QLatin1String("ok")));
            QThread::msleep(static_cast<unsigned long>(scanner->scannerSpec().silenceMs * 3 / 2));
        }
        QElapsedTimer waited;
        waited.start();
        while ((scanner->scanQueue().waiting() < capacity || scanner->scanQueue().dropped() < sent - capacity) && waited.elapsed() < 30000)
            QThread::msleep(10);
        QCOMPARE(scanner->scanQueue().waiting(), capacity);
        QCOMPARE(scanner->scanQueue().dropped(), qint64(sent - capacity));
        QCOMPARE(scans.size(), 0);

        // The kiosk catches up: the first scans arrive in order, the drops are counted.
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), capacity, 10000);
        QCOMPARE(scans.first().at(1).toString(), QStringLiteral("code-0"));
        QCOMPARE(scans.last().at(1).toString(), QStringLiteral("code-%1").arg(capacity - 1));
        QCOMPARE(scanner->statistics().value(QStringLiteral("scans_dropped")), sent - capacity);
        QCOMPARE(scanner->scanQueue().waiting(), 0);

        // Caught up, the next scan goes through again.
        QVERIFY(registry.scannerSimulator()->execute(QStringLiteral("scan afterwards")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scans.size(), capacity + 1, 10000);
        QCOMPARE(scans.last().at(1).toString(), QStringLiteral("afterwards"));
        QCOMPARE(scanner->statistics().value(QStringLiteral("scans_dropped")), sent - capacity);
    }

    void printJobsBeyondTheBoundAreRefusedAndCounted()
    {
        PrinterOptions printerOptions;
        printerOptions.address = *PrinterAddress::parse(QStringLiteral("ipp://127.0.0.1:9/ipp/print"));
        printerOptions.connectTimeoutMs = 200;
        Printer printer(QStringLiteral("receipt_printer"), printerOptions);
        QString error;
        QVERIFY2(printer.start(&error), qPrintable(error));
        // The printer's thread is held before it reads any status, so the jobs stay waiting on it.
        QThread *thread = printer.findChild<QThread *>();
        QVERIFY(thread);
        QSemaphore release;
        auto *blocker = new QObject;
        blocker->moveToThread(thread);
        QMetaObject::invokeMethod(blocker, [blocker, &release] {
            release.acquire();
            delete blocker;
        }, Qt::QueuedConnection);

        QList<PrintJob *> jobs;
        for (int i = 0; i <= Printer::JobQueueCapacity; ++i)
            jobs.append(printer.print(QByteArray("%PDF-1.4 receipt"), QStringLiteral("receipt %1").arg(i)));
        QCOMPARE(printer.activeJobs(), Printer::JobQueueCapacity);
        QSignalSpy refused(jobs.last(), &PrintJob::finished);
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 10000);
        QCOMPARE(jobs.last()->state(), PrintJobState::Refused);
        QVERIFY2(jobs.last()->detail().startsWith(QLatin1String("queue_full")), qPrintable(jobs.last()->detail()));
        QCOMPARE(printer.statistics().value(QStringLiteral("jobs_dropped")), 1);
        QCOMPARE(printer.statistics().value(QStringLiteral("jobs_submitted")), Printer::JobQueueCapacity);
        release.release();
        printer.close();
        qDeleteAll(jobs);
    }
};

QTEST_GUILESS_MAIN(TestQueueBounds)
#include "test_queuebounds.moc"
