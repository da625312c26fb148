#include "journeykiosk.h"
#include "terminalmetrics.h"

#include "device/deviceregistry.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "printer/sim/printersimulator.h"

#include <QBuffer>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace {

const QString ReceiptPrinterOnly = QStringLiteral("id_card_reader=none\nbarcode_scanner=none\nface_camera=none\ndocument_camera=none\n"
                                                  "receipt_printer=simulated\ndocument_printer=none\n");

// A loopback port nobody listens on now: the kernel's pick, let go again for the server.
quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

QByteArray onePagePdf()
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    QPainter painter(&writer);
    painter.drawText(100, 100, QStringLiteral("paper test"));
    painter.end();
    return pdf;
}

} // namespace

// The province's monitoring with the real programs, on loopback and in temporary folders (never
// the machine's services): the kiosk writes its metrics file, Debian's prometheus-node-exporter
// serves it through its textfile collector, Debian's prometheus scrapes it every second and
// evaluates the package's own alert rules (packaging/prometheus/kiosk-alerts.yml), and when the
// simulated receipt printer runs out of paper, KioskPaperOut reaches prometheus-alertmanager.
// The simulated printer is a real IPP printer and needs the system bus (packaging/system-bus.sh).
class TestFleetMonitoring : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<QProcess>> m_servers;
    QNetworkAccessManager m_network;

    bool startServer(const QString &program, const QStringList &arguments, QString *error)
    {
        const QString path = QStandardPaths::findExecutable(program);
        if (path.isEmpty()) {
            *error = program + QStringLiteral(" is not installed (packaging/deps.sh installs it)");
            return false;
        }
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->setStandardOutputFile(m_dir.filePath(program + QStringLiteral(".log")));
        process->start(path, arguments);
        if (!process->waitForStarted(10000)) {
            *error = program + QStringLiteral(" did not start: ") + process->errorString();
            return false;
        }
        m_servers.push_back(std::move(process));
        return true;
    }

    QString logOf(const QString &program) const
    {
        QFile log(m_dir.filePath(program + QStringLiteral(".log")));
        return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll().right(3000)) : QString();
    }

    // GET on loopback; the body, or empty when nothing answered.
    QByteArray get(const QUrl &url)
    {
        QNetworkReply *reply = m_network.get(QNetworkRequest(url));
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->isFinished() && reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
        reply->abort();
        reply->deleteLater();
        return body;
    }

    // The value Prometheus holds now for `query`, or empty while it has none.
    QString instantValue(quint16 prometheus, const QString &query)
    {
        QUrl url(QStringLiteral("http://127.0.0.1:%1/api/v1/query").arg(prometheus));
        url.setQuery(QUrlQuery{{QStringLiteral("query"), query}});
        const QJsonArray result = QJsonDocument::fromJson(get(url)).object().value(QLatin1String("data")).toObject().value(QLatin1String("result")).toArray();
        return result.isEmpty() ? QString() : result.first().toObject().value(QLatin1String("value")).toArray().at(1).toString();
    }

    // The alerts Alertmanager holds named `name`.
    QJsonArray alertsNamed(quint16 alertmanager, const QString &name)
    {
        QJsonArray named;
        const QJsonArray alerts = QJsonDocument::fromJson(get(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v2/alerts").arg(alertmanager)))).array();
        for (const QJsonValue &alert : alerts) {
            if (alert.toObject().value(QLatin1String("labels")).toObject().value(QLatin1String("alertname")).toString() == name)
                named.append(alert);
        }
        return named;
    }

    static bool write(const QString &path, const QByteArray &text)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    }

private slots:
    void cleanup()
    {
        for (const std::unique_ptr<QProcess> &server : m_servers) {
            server->terminate();
            if (!server->waitForFinished(10000))
                server->kill();
        }
        m_servers.clear();
    }

    void thePaperOutAlertReachesAlertmanagerWhenTheReceiptPrinterRunsOut()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReceiptPrinterOnly);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        Printer *printer = runtime->devices()->printer(QStringLiteral("receipt_printer"));
        PrinterSimulator *simulator = runtime->devices()->printerSimulator(QStringLiteral("receipt_printer"));
        QVERIFY2(printer && simulator, "no simulated receipt printer: is the system bus up (packaging/system-bus.sh)?");
        QTRY_VERIFY_WITH_TIMEOUT(printer->health().isUsable(), 30000);
        QVERIFY(runtime->metrics()->writeNow());

        const quint16 exporter = freePort();
        const quint16 alertmanager = freePort();
        const quint16 prometheus = freePort();
        QVERIFY(exporter && alertmanager && prometheus);
        QString error;
        QVERIFY2(startServer(QStringLiteral("prometheus-node-exporter"),
                             {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(exporter), QStringLiteral("--collector.disable-defaults"),
                              QStringLiteral("--collector.textfile"), QStringLiteral("--collector.textfile.directory=") + kiosk.stateDir()},
                             &error),
                 qPrintable(error));

        QVERIFY(write(m_dir.filePath(QStringLiteral("alertmanager.yml")),
                      "route:\n  receiver: staff\n  group_wait: 1s\n  group_interval: 1s\nreceivers:\n  - name: staff\n"));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("alertmanager-data"))));
        QVERIFY2(startServer(QStringLiteral("prometheus-alertmanager"),
                             {QStringLiteral("--config.file=") + m_dir.filePath(QStringLiteral("alertmanager.yml")),
                              QStringLiteral("--storage.path=") + m_dir.filePath(QStringLiteral("alertmanager-data")),
                              QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(alertmanager), QStringLiteral("--cluster.listen-address=")},
                             &error),
                 qPrintable(error));

        // The rules are the package's own, evaluated every second instead of every minute.
        const QString rules = qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/packaging/prometheus/kiosk-alerts.yml");
        QVERIFY(QFile::exists(rules));
        const QString config = QStringLiteral("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                                              "rule_files:\n  - %1\n"
                                              "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['127.0.0.1:%2']\n"
                                              "scrape_configs:\n  - job_name: kiosk\n    static_configs:\n      - targets: ['127.0.0.1:%3']\n")
                                   .arg(rules)
                                   .arg(alertmanager)
                                   .arg(exporter);
        QVERIFY(write(m_dir.filePath(QStringLiteral("prometheus.yml")), config.toUtf8()));
        QVERIFY2(startServer(QStringLiteral("prometheus"),
                             {QStringLiteral("--config.file=") + m_dir.filePath(QStringLiteral("prometheus.yml")),
                              QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("prometheus-data")),
                              QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(prometheus)},
                             &error),
                 qPrintable(error));

        // Prometheus reads the kiosk's figures through node-exporter: paper in, no alert.
        const QString paperOut = QStringLiteral("kiosk_printer_paper_out{job=\"kiosk\",device=\"receipt_printer\"}");
        QTRY_VERIFY2_WITH_TIMEOUT(instantValue(prometheus, paperOut) == QLatin1String("0"), qPrintable(logOf(QStringLiteral("prometheus"))), 60000);
        QCOMPARE(instantValue(prometheus, QStringLiteral("kiosk_info{job=\"kiosk\"}")), QStringLiteral("1"));
        QVERIFY(alertsNamed(alertmanager, QStringLiteral("KioskPaperOut")).isEmpty());

        // The paper runs out during a job: the printer says media-empty, the kiosk writes it down.
        simulator->runOutOfPaperDuringNextJob();
        PrintJob *job = printer->print(onePagePdf(), QStringLiteral("fleet-paper-test"));
        QVERIFY(job);
        QTRY_COMPARE_WITH_TIMEOUT(printer->health().detail, QStringLiteral("media_empty"), 60000);
        QVERIFY(runtime->metrics()->writeNow());

        QTRY_COMPARE_WITH_TIMEOUT(instantValue(prometheus, paperOut), QStringLiteral("1"), 30000);
        QTRY_VERIFY2_WITH_TIMEOUT(!alertsNamed(alertmanager, QStringLiteral("KioskPaperOut")).isEmpty(),
                                  qPrintable(logOf(QStringLiteral("prometheus-alertmanager"))), 60000);
        const QJsonObject labels = alertsNamed(alertmanager, QStringLiteral("KioskPaperOut")).first().toObject().value(QLatin1String("labels")).toObject();
        QCOMPARE(labels.value(QLatin1String("device")).toString(), QStringLiteral("receipt_printer"));
        QCOMPARE(labels.value(QLatin1String("severity")).toString(), QStringLiteral("critical"));
        QCOMPARE(labels.value(QLatin1String("instance")).toString(), QStringLiteral("127.0.0.1:%1").arg(exporter));

        // Paper loaded: the job completes and the figure falls back.
        simulator->loadPaper();
        QTRY_VERIFY_WITH_TIMEOUT(printer->health().detail != QLatin1String("media_empty"), 60000);
        QVERIFY(runtime->metrics()->writeNow());
        QTRY_COMPARE_WITH_TIMEOUT(instantValue(prometheus, paperOut), QStringLiteral("0"), 30000);
    }
};

QTEST_MAIN(TestFleetMonitoring)
#include "test_fleetmonitoring.moc"
