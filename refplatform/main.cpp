#include "certificateauthority.h"
#include "httplistener.h"
#include "refplatform.h"
#include "staffregistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "kiosk-refplatform: %s\n", qPrintable(message));
    return 2;
}

bool parseProbability(const QString &text, double *out)
{
    bool ok = false;
    *out = text.toDouble(&ok);
    return ok && *out >= 0 && *out <= 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kiosk-refplatform"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KIOSK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The reference provincial platform (reference/platform-api.md) for the kiosk's demo and tests. "
        "Inspection: GET /_inspect/cases, /_inspect/requests, /_inspect/heartbeats, /_inspect/evaluations, "
        "/_inspect/materials, /_inspect/assist; POST /_inspect/faults, /_inspect/commands, /_inspect/enroll-tokens, /_inspect/terminals. "
        "They answer only on loopback, or with --inspect-token."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Plain HTTP on ADDRESS:PORT (port 0 picks one)."), QStringLiteral("ADDRESS:PORT"));
    const QCommandLineOption tlsPort(QStringLiteral("tls-port"), QStringLiteral("HTTPS on this port of the same address (0 picks one)."), QStringLiteral("PORT"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"), QStringLiteral("The server certificate (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"), QStringLiteral("The server key (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption makeCa(QStringLiteral("make-ca"), QStringLiteral("Make (or reuse) a CA with server and client certificates in DIR and serve TLS with them."), QStringLiteral("DIR"));
    const QCommandLineOption clientCa(QStringLiteral("client-ca"), QStringLiteral("Require client certificates signed by this CA (mutual TLS)."), QStringLiteral("FILE"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("The SQLite database (default: in memory)."), QStringLiteral("FILE"));
    const QCommandLineOption catalogue(QStringLiteral("catalogue"), QStringLiteral("The catalogue to serve (default: the demo catalogue)."), QStringLiteral("FILE"));
    const QCommandLineOption enrollToken(QStringLiteral("enroll-token"), QStringLiteral("A single-use enrolment token (repeatable)."), QStringLiteral("TOKEN"));
    const QCommandLineOption basePath(QStringLiteral("base-path"), QStringLiteral("The API's path (default /terminal/v1)."), QStringLiteral("PATH"), QStringLiteral("/terminal/v1"));
    const QCommandLineOption progress(QStringLiteral("progress-s"), QStringLiteral("Seconds per step of a case: accepted, in_review, approved (default 20)."), QStringLiteral("S"), QStringLiteral("20"));
    const QCommandLineOption latency(QStringLiteral("latency-ms"), QStringLiteral("Delay every API answer."), QStringLiteral("MS"));
    const QCommandLineOption errorRate(QStringLiteral("error-rate"), QStringLiteral("Answer 503 with probability P (ENDPOINT: cases, materials, … or *; repeatable)."), QStringLiteral("ENDPOINT=P"));
    const QCommandLineOption outage(QStringLiteral("outage"), QStringLiteral("Drop every API connection between START and END seconds after start (repeatable)."), QStringLiteral("START-END"));
    const QCommandLineOption rateLimit(QStringLiteral("rate-limit"), QStringLiteral("Answer 429 with Retry-After above N requests a second."), QStringLiteral("N"));
    const QCommandLineOption rateWindow(QStringLiteral("rate-window-s"), QStringLiteral("The rate limit's window in seconds (default 1)."), QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption trickle(QStringLiteral("trickle-ms"), QStringLiteral("Send every answer one byte at a time, N ms apart."), QStringLiteral("MS"));
    const QCommandLineOption malformed(QStringLiteral("malformed"), QStringLiteral("Replace a successful body by HTML with probability P."), QStringLiteral("P"));
    const QCommandLineOption truncate(QStringLiteral("truncate"), QStringLiteral("Cut a response off halfway with probability P."), QStringLiteral("P"));
    const QCommandLineOption reset(QStringLiteral("reset-connections"), QStringLiteral("Reset the connection after doing the work, with probability P."), QStringLiteral("P"));
    const QCommandLineOption clockOffset(QStringLiteral("clock-offset"), QStringLiteral("Run the platform's clock S seconds off."), QStringLiteral("S"));
    const QCommandLineOption paymentLifetime(QStringLiteral("payment-s"), QStringLiteral("Seconds a payment code can be paid (default 900)."), QStringLiteral("S"), QStringLiteral("900"));
    const QCommandLineOption holderTokenLifetime(QStringLiteral("holder-token-s"), QStringLiteral("Seconds a holder token from /identity/verify is honoured (default 600)."), QStringLiteral("S"), QStringLiteral("600"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed for the random faults, for repeatable runs."), QStringLiteral("N"));
    const QCommandLineOption inspectToken(QStringLiteral("inspect-token"),
                                          QStringLiteral("Let peers off loopback use /_inspect with this token in X-Inspect-Token (default: loopback only)."),
                                          QStringLiteral("TOKEN"));
    // For a demo, the code a staff member's work app would show: shown to the kiosk's scanner or
    // camera, it signs them in (POST /staff/verify) for a few minutes after it was printed.
    const QCommandLineOption printStaffCode(QStringLiteral("print-staff-code"),
                                            QStringLiteral("Print the demo staff code of STAFF_ID (S340103000071 or S340103000072) and exit."),
                                            QStringLiteral("STAFF_ID"));
    const QCommandLineOption staffCodeAge(QStringLiteral("staff-code-age"),
                                          QStringLiteral("With --print-staff-code: the code as the app showed it S seconds ago (an expired code for S > 300)."),
                                          QStringLiteral("S"), QStringLiteral("0"));
    parser.addOptions({printStaffCode, staffCodeAge});
    const QCommandLineOption deskHours(QStringLiteral("desk-hours"), QStringLiteral("Video help desk hours, HH:MM-HH:MM hall time (UTC+8; default: around the clock)."), QStringLiteral("HOURS"));
    const QCommandLineOption assistQueue(QStringLiteral("assist-queue-s"), QStringLiteral("Seconds a video help call waits for an agent (default 600)."), QStringLiteral("S"), QStringLiteral("600"));
    const QCommandLineOption deskToken(QStringLiteral("desk-token"), QStringLiteral("Let agents' browsers off loopback open /desk/ with ?token=TOKEN (default: loopback only)."), QStringLiteral("TOKEN"));
    parser.addOptions({deskHours, assistQueue, deskToken});
    parser.addOptions({listen, tlsPort, tlsCert, tlsKey, makeCa, clientCa, db, catalogue, enrollToken, basePath, progress, latency,
                       errorRate, outage, rateLimit, rateWindow, trickle, malformed, truncate, reset, clockOffset, holderTokenLifetime, paymentLifetime, seed, inspectToken});
    parser.process(app);
    if (parser.isSet(printStaffCode)) {
        const QString code = StaffRegistry::codeFor(parser.value(printStaffCode),
                                                   QDateTime::currentDateTimeUtc().addSecs(-parser.value(staffCodeAge).toLongLong()));
        if (code.isEmpty())
            return fail(QStringLiteral("%1 is not on the demo staff roster").arg(parser.value(printStaffCode)));
        std::printf("%s\n", qPrintable(code));
        return 0;
    }

    RefPlatform::Options options;
    options.databasePath = parser.value(db);
    options.enrollTokens = parser.values(enrollToken);
    options.basePath = parser.value(basePath);
    options.progressSeconds = parser.value(progress).toInt();
    options.seed = parser.value(seed).toUInt();
    options.inspectToken = parser.value(inspectToken).toUtf8();
    options.holderTokenLifetimeS = qMax(1, parser.value(holderTokenLifetime).toInt());
    options.paymentLifetimeS = qMax(1, parser.value(paymentLifetime).toInt());
    if (parser.isSet(deskHours) && !AssistDesk::parseHours(parser.value(deskHours), &options.assist))
        return fail(QStringLiteral("--desk-hours wants HH:MM-HH:MM"));
    options.assist.queueTimeoutS = qMax(1, parser.value(assistQueue).toInt());
    options.assist.deskToken = parser.value(deskToken).toUtf8();
    QFile catalogueFile(parser.isSet(catalogue) ? parser.value(catalogue) : QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
    if (!catalogueFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("%1: %2").arg(catalogueFile.fileName(), catalogueFile.errorString()));
    options.catalogueJson = catalogueFile.readAll();

    FaultPlan &faults = options.faults;
    QString problem;
    faults.latencyMs = parser.value(latency).toInt();
    faults.rateLimitPerSecond = parser.value(rateLimit).toInt();
    faults.rateWindowS = qMax(1, parser.value(rateWindow).toInt());
    faults.trickleMs = qMax(0, parser.value(trickle).toInt());
    faults.clockOffsetS = parser.value(clockOffset).toInt();
    for (const QString &spec : parser.values(errorRate)) {
        if (!faults.addErrorRate(spec, &problem))
            return fail(problem);
    }
    for (const QString &spec : parser.values(outage)) {
        if (!faults.addOutageWindow(spec, &problem))
            return fail(problem);
    }
    const std::pair<const QCommandLineOption *, double *> probabilities[] = {
        {&malformed, &faults.malformed}, {&truncate, &faults.truncate}, {&reset, &faults.reset}};
    for (const auto &[option, target] : probabilities) {
        if (parser.isSet(*option) && !parseProbability(parser.value(*option), target))
            return fail(QStringLiteral("--%1 wants a probability in 0..1").arg(option->names().first()));
    }

    RefPlatform platform(options);
    if (!platform.open(&problem))
        return fail(problem);
    const HttpHandler handler = [&platform](const HttpRequest &request, const HttpReply &reply) { platform.handle(request, reply); };

    const QString listenSpec = parser.isSet(listen) ? parser.value(listen) : (parser.isSet(tlsPort) ? QString() : QStringLiteral("127.0.0.1:8080"));
    const QString hostText = listenSpec.isEmpty() ? QStringLiteral("127.0.0.1") : listenSpec.section(QLatin1Char(':'), 0, -2);
    const QHostAddress address(hostText);
    if (address.isNull())
        return fail(QStringLiteral("--listen wants ADDRESS:PORT"));

    const UpgradeHandler upgrade = [&platform](QTcpSocket *socket, const HttpRequest &head) { return platform.upgrade(socket, head); };
    HttpListener plain(handler);
    plain.setUpgradeHandler(upgrade);
    if (!listenSpec.isEmpty()) {
        if (!plain.listen(address, quint16(listenSpec.section(QLatin1Char(':'), -1).toUInt())))
            return fail(QStringLiteral("cannot listen on %1: %2").arg(listenSpec, plain.errorString()));
        std::printf("kiosk-refplatform: http://%s:%u%s\n", qPrintable(hostText), plain.serverPort(), qPrintable(options.basePath));
    }

    HttpListener secure(handler);
    secure.setUpgradeHandler(upgrade);
    if (parser.isSet(tlsPort)) {
        QString certPath = parser.value(tlsCert);
        QString keyPath = parser.value(tlsKey);
        if (parser.isSet(makeCa)) {
            if (!CertificateAuthority::ensure(parser.value(makeCa), &problem))
                return fail(problem);
            const QDir dir(parser.value(makeCa));
            certPath = dir.filePath(QStringLiteral("server.pem"));
            keyPath = dir.filePath(QStringLiteral("server-key.pem"));
        }
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(certPath, QSsl::Pem);
        QFile keyFile(keyPath);
        if (certs.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("--tls-port needs --tls-cert and --tls-key, or --make-ca DIR"));
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Ec);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Rsa);
        if (key.isNull())
            return fail(QStringLiteral("%1 is not an EC or RSA key in PEM").arg(keyPath));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(certs.first());
        tls.setPrivateKey(key);
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        if (parser.isSet(clientCa)) {
            tls.setCaCertificates(QSslCertificate::fromPath(parser.value(clientCa), QSsl::Pem));
            tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        }
        secure.setTls(tls);
        if (!secure.listen(address, quint16(parser.value(tlsPort).toUInt())))
            return fail(QStringLiteral("cannot listen on port %1: %2").arg(parser.value(tlsPort), secure.errorString()));
        std::printf("kiosk-refplatform: https://%s:%u%s\n", qPrintable(hostText), secure.serverPort(), qPrintable(options.basePath));
    }
    std::printf("kiosk-refplatform: ready\n");
    std::fflush(stdout);
    return app.exec();
}
