#include "fleetmetrics.h"
#include "metricstextfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QJsonObject device(const char *id, const char *health, const char *detail = "")
{
    return {{QStringLiteral("class"), QLatin1String(id)}, {QStringLiteral("id"), QLatin1String(id)},
            {QStringLiteral("health"), QLatin1String(health)}, {QStringLiteral("detail"), QLatin1String(detail)}};
}

// A terminal as a heartbeat tells it: the receipt printer out of paper, the A4 printer low, two
// cases queued the oldest for an hour and a half, one parked.
FleetMetrics busyTerminal()
{
    FleetMetrics metrics;
    metrics.heartbeat = {{QStringLiteral("version"), QStringLiteral("1.4.0")},
                         {QStringLiteral("uptime_s"), 3600},
                         {QStringLiteral("queue"), QJsonObject{{QStringLiteral("pending"), 2}, {QStringLiteral("oldest_s"), 5400},
                                                               {QStringLiteral("failed"), 1}}},
                         {QStringLiteral("devices"), QJsonArray{device("id_card_reader", "ok"), device("receipt_printer", "error", "media_empty"),
                                                                device("document_printer", "warning", "media_low"), device("outbox", "ok")}},
                         {QStringLiteral("disk_free_mb"), 2048}};
    metrics.terminalId = QStringLiteral("T340103000017");
    metrics.slot = QStringLiteral("B");
    metrics.connectivity = QStringLiteral("degraded");
    metrics.sessionsFinished = 41;
    metrics.sessionsAbandoned = 3;
    metrics.lastHeartbeat = QDateTime::fromSecsSinceEpoch(1796000000, Qt::UTC);
    metrics.clockSkewS = -2.5;
    metrics.paperRemaining.insert(QStringLiteral("receipt_printer"), 0.25);
    metrics.deviceCounters[QStringLiteral("id_card_reader")] = {{QStringLiteral("cards_read"), 12}};
    metrics.deviceCounters[QStringLiteral("barcode_scanner")] = {{QStringLiteral("scans"), 5}, {QStringLiteral("worker_restarts"), 1},
                                                                  {QStringLiteral("scans_dropped"), 2}};
    metrics.deviceCounters[QStringLiteral("face_camera")] = {{QStringLiteral("frames_dropped"), 40}};
    metrics.generatedAt = QDateTime::fromSecsSinceEpoch(1796000015, Qt::UTC);
    return metrics;
}

QStringList lines(const FleetMetrics &metrics)
{
    return QString::fromUtf8(metrics.toText()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

// The figures a province's Prometheus reads of one terminal, as node-exporter's textfile
// collector takes them: names after Prometheus' conventions, one series per fact, and nothing
// written for what the kiosk does not know.
class TestFleetMetrics : public QObject
{
    Q_OBJECT

private slots:
    void eachDeviceHasOneHealthSeriesSetToOne()
    {
        const QStringList text = lines(busyTerminal());
        QVERIFY(text.contains(QStringLiteral("kiosk_device_health{device=\"receipt_printer\",class=\"printer\",health=\"error\"} 1")));
        QVERIFY(text.contains(QStringLiteral("kiosk_device_health{device=\"receipt_printer\",class=\"printer\",health=\"ok\"} 0")));
        QVERIFY(text.contains(QStringLiteral("kiosk_device_health{device=\"id_card_reader\",class=\"id_card_reader\",health=\"ok\"} 1")));
        QVERIFY(text.contains(QStringLiteral("kiosk_device_health{device=\"outbox\",class=\"outbox\",health=\"ok\"} 1")));
        QCOMPARE(text.filter(QStringLiteral("kiosk_device_health{device=\"document_printer\"")).size(), 6);
        QCOMPARE(text.filter(QRegularExpression(QStringLiteral("^kiosk_device_health\\{.*\\} 1$"))).size(), 4);
    }

    void workerRestartsAndDroppedItemsAreCountedPerDeviceAndQueue()
    {
        const QStringList text = lines(busyTerminal());
        QVERIFY(text.contains(QStringLiteral("kiosk_device_worker_restarts_total{device=\"barcode_scanner\"} 1")));
        QVERIFY(text.contains(QStringLiteral("kiosk_device_worker_restarts_total{device=\"id_card_reader\"} 0")));
        QVERIFY(text.contains(QStringLiteral("kiosk_queue_dropped_total{device=\"barcode_scanner\",queue=\"scans\"} 2")));
        QVERIFY(text.contains(QStringLiteral("kiosk_queue_dropped_total{device=\"face_camera\",queue=\"frames\"} 40")));
        QCOMPARE(text.filter(QStringLiteral("kiosk_queue_dropped_total{")).size(), 2);
        const QJsonArray surveyed{QJsonObject{{QStringLiteral("id"), QStringLiteral("receipt_printer")},
                                              {QStringLiteral("statistics"), QJsonObject{{QStringLiteral("jobs_dropped"), 3}}}}};
        QCOMPARE(FleetMetrics::countersOf(surveyed).value(QStringLiteral("receipt_printer")).value(QStringLiteral("jobs_dropped")), 3);
    }

    void paperOutAndLowAreSeriesOfTheirOwn()
    {
        const QStringList text = lines(busyTerminal());
        QVERIFY(text.contains(QStringLiteral("kiosk_printer_paper_out{device=\"receipt_printer\"} 1")));
        QVERIFY(text.contains(QStringLiteral("kiosk_printer_paper_out{device=\"document_printer\"} 0")));
        QVERIFY(text.contains(QStringLiteral("kiosk_printer_paper_low{device=\"document_printer\"} 1")));
        QVERIFY(text.contains(QStringLiteral("kiosk_printer_paper_low{device=\"receipt_printer\"} 0")));
        QVERIFY(text.contains(QStringLiteral("kiosk_printer_paper_remaining_ratio{device=\"receipt_printer\"} 0.25")));
        // Only printers have paper.
        QVERIFY(text.filter(QStringLiteral("paper_out{device=\"id_card_reader\"")).isEmpty());
    }

    void theOutboxPlatformSessionsClockDiskAndVersionAreReported()
    {
        const QStringList text = lines(busyTerminal());
        for (const char *line : {"kiosk_info{version=\"1.4.0\",slot=\"B\",terminal=\"T340103000017\"} 1",
                                 "kiosk_outbox_pending_entries 2", "kiosk_outbox_oldest_pending_age_seconds 5400",
                                 "kiosk_outbox_parked_entries 1", "kiosk_platform_connectivity{state=\"degraded\"} 1",
                                 "kiosk_platform_connectivity{state=\"online\"} 0", "kiosk_sessions_finished_total 41",
                                 "kiosk_sessions_abandoned_total 3", "kiosk_heartbeat_last_success_timestamp_seconds 1796000000",
                                 "kiosk_clock_skew_seconds -2.5", "kiosk_disk_free_bytes 2147483648", "kiosk_uptime_seconds 3600",
                                 "kiosk_metrics_generated_timestamp_seconds 1796000015"})
            QVERIFY2(text.contains(QLatin1String(line)), line);
    }

    void everyFamilyHasHelpAndTypeAndCountersEndInTotal()
    {
        const QStringList text = lines(busyTerminal());
        QStringList families;
        for (const QString &line : text) {
            if (line.startsWith(QLatin1String("# TYPE "))) {
                const QStringList parts = line.split(QLatin1Char(' '));
                families.append(parts.at(2));
                QVERIFY2(parts.at(2).startsWith(QLatin1String("kiosk_")), qPrintable(line));
                QCOMPARE(parts.at(3) == QLatin1String("counter"), parts.at(2).endsWith(QLatin1String("_total")));
            }
        }
        for (const QString &family : families)
            QVERIFY2(!text.filter(QRegularExpression(QStringLiteral("^# HELP %1 \\S").arg(family))).isEmpty(), qPrintable(family));
        for (const QString &line : text) {
            if (!line.startsWith(QLatin1Char('#')))
                QVERIFY2(families.contains(line.section(QRegularExpression(QStringLiteral("[{ ]")), 0, 0)), qPrintable(line));
        }
    }

    void whatTheKioskDoesNotKnowIsLeftOutNotWrittenAsZero()
    {
        FleetMetrics metrics;
        metrics.heartbeat = {{QStringLiteral("version"), QStringLiteral("1.4.0")}};
        const QString text = QString::fromUtf8(metrics.toText());
        QVERIFY(text.contains(QLatin1String("kiosk_info{version=\"1.4.0\",slot=\"none\",terminal=\"unenrolled\"} 1")));
        for (const char *absent : {"kiosk_sessions_", "kiosk_clock_skew_seconds", "kiosk_heartbeat_last", "kiosk_platform_connectivity",
                                   "kiosk_outbox_", "kiosk_update_state", "kiosk_printer_paper_remaining_ratio"})
            QVERIFY2(!text.contains(QLatin1String(absent)), absent);
    }

    void aRolledBackUpdateIsReportedFromTheHeartbeat()
    {
        FleetMetrics metrics = busyTerminal();
        metrics.heartbeat.insert(QStringLiteral("update"), QJsonObject{{QStringLiteral("version"), QStringLiteral("1.5.0")},
                                                                       {QStringLiteral("state"), QStringLiteral("rolled_back")}});
        const QStringList text = lines(metrics);
        QVERIFY(text.contains(QStringLiteral("kiosk_update_state{version=\"1.5.0\",state=\"rolled_back\"} 1")));
        QVERIFY(text.contains(QStringLiteral("kiosk_update_state{version=\"1.5.0\",state=\"installed\"} 0")));
    }

    void quotesAndBackslashesInALabelAreEscaped()
    {
        FleetMetrics metrics;
        metrics.heartbeat = {{QStringLiteral("version"), QStringLiteral("1.0 \"test\" \\ build\nnext")}};
        QVERIFY(QString::fromUtf8(metrics.toText()).contains(QLatin1String("version=\"1.0 \\\"test\\\" \\\\ build\\nnext\"")));
    }

    void theBootedSlotIsReadFromTheKernelCommandLine()
    {
        QCOMPARE(FleetMetrics::slotFromCommandLine("BOOT_IMAGE=/vmlinuz root=/dev/sda2 rauc.slot=A quiet"), QStringLiteral("A"));
        QCOMPARE(FleetMetrics::slotFromCommandLine("rauc.slot=B\n"), QStringLiteral("B"));
        QCOMPARE(FleetMetrics::slotFromCommandLine("root=/dev/sda2 norauc.slot=A"), QString());
    }

    void promtoolFindsNothingToLintInTheOutput()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        QVERIFY2(!promtool.isEmpty(), "promtool (Debian's prometheus) is needed: packaging/deps.sh installs it");
        FleetMetrics metrics = busyTerminal();
        metrics.heartbeat.insert(QStringLiteral("update"), QJsonObject{{QStringLiteral("version"), QStringLiteral("1.5.0")},
                                                                       {QStringLiteral("state"), QStringLiteral("installed")}});
        QProcess check;
        check.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(check.waitForStarted());
        check.write(metrics.toText());
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished(30000));
        const QByteArray said = check.readAllStandardOutput() + check.readAllStandardError();
        QVERIFY2(check.exitCode() == 0, said.constData());
        QVERIFY2(said.trimmed().isEmpty(), said.constData());
    }

    void theFileIsReplacedWholeAndReadableByTheCollector()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kiosk.prom"));
        QString error;
        QVERIFY2(MetricsTextfile::write(path, "kiosk_info 1\n", &error), qPrintable(error));
        QVERIFY2(MetricsTextfile::write(path, busyTerminal().toText(), &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), busyTerminal().toText());
        QVERIFY(file.permissions().testFlag(QFileDevice::ReadOther));
        QVERIFY(!file.permissions().testFlag(QFileDevice::WriteOther));
        // No temporary file is left for the collector to stumble on.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("kiosk.prom")});
    }

    void aFolderThatIsNotThereIsAnErrorThatNamesIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/kiosk.prom"));
        QString error;
        QVERIFY(!MetricsTextfile::write(path, "kiosk_info 1\n", &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestFleetMetrics)
#include "test_fleetmetrics.moc"
