#include "ctlcommand.h"
#include "auditlog.h"
#include "platformwait.h"

#include "platformclient.h"
#include "sealedcredentials.h"

#include <QFileInfo>
#include <QSysInfo>

// `kioskctl enroll --url URL --token TOKEN`: the technician's one-time registration of this
// terminal with the platform. The terminal id and secret land in platform/credentials_file with
// mode 0600; the secret is never printed. The platform's catalogue is fetched and kept at once,
// so kioskctl and the kiosk offer it from the first start.
int fetchPlatformCatalogue(CtlContext &context, const KioskConfig &config);

namespace {

int usage(CtlContext &context)
{
    context.err << "usage: kioskctl enroll --url URL --token TOKEN [--site SITE] [--serial S] [--model M]\n"
                   "                      [--ca FILE] [--credentials FILE] [--force]" << Qt::endl;
    return CtlExit::Error;
}

} // namespace

int runEnrollCommand(CtlContext &context, const QStringList &args)
{
    std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    const QString configuredUrl = config->string(QStringLiteral("platform/url"));
    QString url = configuredUrl;
    QString token;
    QString site = config->string(QStringLiteral("kiosk/site"));
    QString serial = QString::fromLatin1(QSysInfo::machineUniqueId());
    QString model = QStringLiteral("kiosk-") + QSysInfo::currentCpuArchitecture();
    QString credentialsPath = config->string(QStringLiteral("platform/credentials_file"));
    bool force = false;
    QStringList rest = args;
    while (!rest.isEmpty()) {
        const QString option = rest.takeFirst();
        if (option == QLatin1String("--force")) {
            force = true;
            continue;
        }
        if (rest.isEmpty())
            return usage(context);
        const QString value = rest.takeFirst();
        if (option == QLatin1String("--url"))
            url = value;
        else if (option == QLatin1String("--token"))
            token = value;
        else if (option == QLatin1String("--site"))
            site = value;
        else if (option == QLatin1String("--serial"))
            serial = value;
        else if (option == QLatin1String("--model"))
            model = value;
        else if (option == QLatin1String("--ca"))
            config->set(QStringLiteral("platform/ca_file"), value);
        else if (option == QLatin1String("--credentials"))
            credentialsPath = value;
        else
            return usage(context);
    }
    if (token.isEmpty())
        return usage(context);
    if ((QFileInfo::exists(credentialsPath) || QFileInfo::exists(SealedCredentials::sealedPath(*config, QStringLiteral("terminal.json")))) && !force) {
        context.err << "kioskctl enroll: " << credentialsPath
                    << " exists; this terminal is enrolled already (--force to enrol it again)" << Qt::endl;
        return CtlExit::Error;
    }
    config->set(QStringLiteral("platform/url"), url);
    // Enrolment needs no credentials, and an old file must not stand in the way of replacing it.
    config->set(QStringLiteral("platform/credentials_file"), QString());
    QString error;
    std::optional<PlatformClientSettings> settings = PlatformClientSettings::fromConfig(*config, &error);
    if (!settings) {
        context.err << "kioskctl enroll: " << error << Qt::endl;
        return CtlExit::Error;
    }
    PlatformClient client(*settings);
    const PlatformResult result = waitFor(client.enroll(token, serial, model, site));
    if (!result.isOk()) {
        context.err << "kioskctl enroll: the platform refused: " << result.summary() << Qt::endl;
        return result.httpStatus == 0 ? CtlExit::Unreachable : result.isPermanent() ? CtlExit::Negative : CtlExit::Error;
    }
    const TerminalCredentials credentials = TerminalCredentials::fromEnrolment(result.body, url);
    if (!credentials.save(credentialsPath, &error)) {
        context.err << "kioskctl enroll: enrolled as " << credentials.terminalId << " but cannot keep the credentials: " << error
                    << Qt::endl;
        return CtlExit::Error;
    }
    context.out << "enrolled   " << credentials.terminalId << " (division " << credentials.divisionCode << ")\n"
                << "platform   " << url << "\n"
                << "saved      " << credentialsPath << " (mode 0600)" << Qt::endl;
    if (url != configuredUrl)
        context.out << "set platform/url = " << url << " in " << context.configPath << " (the kiosk reads it there)" << Qt::endl;
    AuditLog::recordCtl(*config, QStringLiteral("enroll"), QStringLiteral("ok"), credentials.terminalId);
    config->set(QStringLiteral("platform/credentials_file"), credentialsPath);
    // The terminal is enrolled whatever becomes of the catalogue: the kiosk asks for it again.
    if (fetchPlatformCatalogue(context, *config) != CtlExit::Ok)
        context.out << "catalogue  not fetched now; the kiosk fetches it when it starts" << Qt::endl;
    return CtlExit::Ok;
}
