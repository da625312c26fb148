#include "platformbench.h"

#include "common/eventwait.h"
#include "platformclient.h"
#include "platformwait.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

namespace {

constexpr int maxCount = 20000;

QString findServer(const QString &given)
{
    if (!given.isEmpty())
        return given;
    if (qEnvironmentVariableIsSet("KIOSK_REFPLATFORM"))
        return qEnvironmentVariable("KIOSK_REFPLATFORM");
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(QStringLiteral("kiosk-refplatform")),
                                     here.filePath(QStringLiteral("../refplatform/kiosk-refplatform"))}) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

QJsonObject benchCase(int i)
{
    const QString id = QStringLiteral("11010519491231002X");
    return {{QStringLiteral("item_code"), QStringLiteral("340100-000-ZZ-0010-01")},
            {QStringLiteral("local_ref"), QStringLiteral("BENCH-%1").arg(i, 6, 10, QLatin1Char('0'))},
            {QStringLiteral("queued_at"), QStringLiteral("2026-11-23T13:05:00+08:00")},
            {QStringLiteral("applicant"), QJsonObject{{QStringLiteral("name"), QStringLiteral("测试")},
                                                      {QStringLiteral("id_number"), id},
                                                      {QStringLiteral("verified_by"), QStringLiteral("idcard")}}},
            {QStringLiteral("form"), QJsonObject{{QStringLiteral("name"), QStringLiteral("测试")},
                                                 {QStringLiteral("id_number"), id},
                                                 {QStringLiteral("phone"), QStringLiteral("13912345678")}}},
            {QStringLiteral("materials"), QJsonArray()}};
}

} // namespace

int runPlatformBench(CtlContext &context, const QStringList &args)
{
    int count = 500;
    int concurrency = 4;
    bool tls = false;
    SignatureAlgorithm algorithm = SignatureAlgorithm::HmacSha256;
    QString serverPath;
    QStringList rest = args;
    while (!rest.isEmpty()) {
        const QString option = rest.takeFirst();
        if (option == QLatin1String("--tls")) {
            tls = true;
        } else if (option == QLatin1String("--count") && !rest.isEmpty()) {
            count = rest.takeFirst().toInt();
        } else if (option == QLatin1String("--concurrency") && !rest.isEmpty()) {
            concurrency = rest.takeFirst().toInt();
        } else if (option == QLatin1String("--alg") && !rest.isEmpty()) {
            const auto parsed = RequestSigner::algorithmFromName(rest.takeFirst());
            if (!parsed)
                count = 0;
            algorithm = parsed.value_or(algorithm);
        } else if (option == QLatin1String("--server") && !rest.isEmpty()) {
            serverPath = rest.takeFirst();
        } else {
            count = 0;
            break;
        }
    }
    if (count < 1 || count > maxCount || concurrency < 1 || concurrency > 64) {
        context.err << "usage: kioskctl bench platform [--count N (1.." << maxCount << ")] [--concurrency C (1..64)]\n"
                       "                              [--alg HMAC-SHA256|HMAC-SM3] [--tls] [--server PATH]" << Qt::endl;
        return CtlExit::Error;
    }
    serverPath = findServer(serverPath);
    if (serverPath.isEmpty()) {
        context.err << "kioskctl bench platform: kiosk-refplatform not found (--server PATH)" << Qt::endl;
        return CtlExit::Error;
    }

    // The server is our own child on loopback, so the figures never load a real platform.
    QTemporaryDir dir;
    QProcess server;
    QStringList serverArgs = {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--enroll-token"),
                              QStringLiteral("bench"), QStringLiteral("--db"), dir.filePath(QStringLiteral("platform.db"))};
    if (tls)
        serverArgs << QStringLiteral("--tls-port") << QStringLiteral("0") << QStringLiteral("--make-ca") << dir.filePath(QStringLiteral("ca"));
    server.start(serverPath, serverArgs);
    QByteArray output;
    QDeadlineTimer deadline(30000);
    while (!output.contains("ready") && !deadline.hasExpired() && server.waitForReadyRead(1000))
        output += server.readAllStandardOutput();
    QUrl url;
    for (const QByteArray &line : output.split('\n')) {
        const QByteArray candidate = line.mid(line.indexOf(' ') + 1).trimmed();
        if (candidate.startsWith(tls ? "https://" : "http://"))
            url = QUrl(QString::fromLatin1(candidate));
    }
    if (!url.isValid()) {
        context.err << "kioskctl bench platform: the reference server did not start" << Qt::endl;
        server.kill();
        server.waitForFinished();
        return CtlExit::Error;
    }

    PlatformClientSettings settings;
    settings.baseUrl = url;
    settings.algorithm = algorithm;
    settings.timeoutMs = 30000;
    if (tls)
        settings.caCertificates = QSslCertificate::fromPath(dir.filePath(QStringLiteral("ca/ca.pem")));
    PlatformClient client(settings);
    const PlatformResult enrolled = waitFor(client.enroll(QStringLiteral("bench"), QStringLiteral("bench"), {}, QStringLiteral("340103-BENCH")));
    if (!enrolled.isOk()) {
        context.err << "kioskctl bench platform: enrolment failed: " << enrolled.summary() << Qt::endl;
        server.kill();
        server.waitForFinished();
        return CtlExit::Error;
    }
    client.setCredentials({enrolled.body.value(QLatin1String("terminal_id")).toString(),
                           QByteArray::fromBase64(enrolled.body.value(QLatin1String("secret")).toString().toLatin1()), {}, {}});

    QList<qint64> latenciesUs;
    int failures = 0;
    int started = 0;
    int inFlight = 0;
    EventWait wait;
    QElapsedTimer wall;
    std::function<void()> launch = [&] {
        while (inFlight < concurrency && started < count) {
            const int i = started++;
            ++inFlight;
            auto timer = std::make_shared<QElapsedTimer>();
            timer->start();
            PlatformCall *call = client.submitCase(benchCase(i), PlatformClient::newIdempotencyKey());
            QObject::connect(call, &PlatformCall::finished, wait.context(), [&, timer](const PlatformResult &result) {
                latenciesUs.append(timer->nsecsElapsed() / 1000);
                if (!result.isOk())
                    ++failures;
                --inFlight;
                if (latenciesUs.size() == count)
                    wait.end();
                else
                    launch();
            });
        }
    };
    wall.start();
    launch();
    wait.exec();
    const double seconds = wall.nsecsElapsed() / 1e9;
    server.terminate();
    if (!server.waitForFinished(10000)) {
        server.kill();
        server.waitForFinished();
    }

    std::sort(latenciesUs.begin(), latenciesUs.end());
    auto percentile = [&](double p) {
        const qsizetype index = qMin<qsizetype>(latenciesUs.size() - 1, qsizetype(p * latenciesUs.size()));
        return latenciesUs.at(index) / 1000.0;
    };
    QTextStream &out = context.out;
    out << "platform bench: " << count << " signed POST /cases (" << RequestSigner::algorithmName(algorithm) << ", "
        << (tls ? "TLS" : "plain HTTP") << ", loopback, concurrency " << concurrency << ")\n";
    out << "  failures    " << failures << "\n";
    out << "  throughput  " << QString::number(count / seconds, 'f', 1) << " requests/s\n";
    out << "  latency ms  p50 " << QString::number(percentile(0.50), 'f', 2) << "  p90 " << QString::number(percentile(0.90), 'f', 2)
        << "  p99 " << QString::number(percentile(0.99), 'f', 2) << "  max " << QString::number(latenciesUs.last() / 1000.0, 'f', 2)
        << Qt::endl;
    return failures == 0 ? CtlExit::Ok : CtlExit::Error;
}
