#include "ctlcommand.h"
#include "platformwait.h"

#include "platformclient.h"


// `kioskctl platform ping`: can this terminal reach the platform, does TLS hold with the
// configured CA, is its signature accepted, how far off is its clock and how slow is the way.

int runPlatformCommand(CtlContext &context, const QStringList &args)
{
    if (args.value(0) != QLatin1String("ping") || args.size() != 1) {
        context.err << "usage: kioskctl platform ping" << Qt::endl;
        return CtlExit::Error;
    }
    std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    QString error;
    std::optional<PlatformClientSettings> settings = PlatformClientSettings::fromConfig(*config, &error);
    if (!settings) {
        context.err << "kioskctl platform ping: " << error << Qt::endl;
        return CtlExit::Error;
    }
    QTextStream &out = context.out;
    out << "platform   " << settings->baseUrl.toString() << "\n";
    out << "trust      " << (settings->caCertificates.isEmpty() ? QStringLiteral("none needed (plain HTTP on loopback)")
                                                                  : config->string(QStringLiteral("platform/ca_file")))
        << "\n";
    PlatformClient client(*settings);
    const bool enrolled = settings->credentials.has_value();
    // Unenrolled, an enrolment with no token still proves reachability and TLS: the platform
    // answers it with a clean refusal.
    const QDateTime sentAt = QDateTime::currentDateTimeUtc();
    const PlatformResult result = enrolled ? waitFor(client.fetchCatalogue()) : waitFor(client.enroll({}, {}, {}, {}));
    const QDateTime receivedAt = QDateTime::currentDateTimeUtc();
    if (result.httpStatus == 0) {
        out << "reachable  no: " << result.summary() << Qt::endl;
        return CtlExit::Unreachable;
    }
    out << "reachable  yes (HTTP " << result.httpStatus << ", request " << result.requestId << ")\n";
    if (!result.tls.isEmpty())
        out << "tls        " << result.tls << "\n";
    if (result.serverTime.isValid()) {
        // The platform's Date has whole seconds; the midpoint of the exchange is our best guess.
        const QDateTime middle = sentAt.addMSecs(sentAt.msecsTo(receivedAt) / 2);
        const double skewS = middle.msecsTo(result.serverTime) / 1000.0;
        out << "clock      platform " << (skewS >= 0 ? "+" : "") << QString::number(skewS, 'f', 1) << " s from this terminal"
            << (qAbs(skewS) > 300 ? " (beyond the 300 s the platform allows: the client corrects it)" : "") << "\n";
    }
    out << "latency    " << result.elapsedMs << " ms\n";
    if (!enrolled) {
        out << "terminal   not enrolled (kioskctl enroll --url URL --token TOKEN)" << Qt::endl;
        return CtlExit::Negative;
    }
    out << "terminal   " << settings->credentials->terminalId << " (" << RequestSigner::algorithmName(settings->algorithm) << ")\n";
    if (!result.isOk()) {
        out << "signature  refused: " << result.summary() << Qt::endl;
        return CtlExit::Negative;
    }
    out << "signature  accepted\n";
    QStringList ignored; // `kioskctl catalogue fetch` lists what a newer platform added
    if (const std::optional<Catalogue> catalogue = Catalogue::fromJson(result.content, nullptr, &ignored))
        out << "catalogue  " << catalogue->version() << " (" << catalogue->items().size() << " items)\n";
    out.flush();
    return CtlExit::Ok;
}
