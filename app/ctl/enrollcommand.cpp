#include "ctlcommand.h"
#include "auditlog.h"
#include "platformwait.h"

#include "configfileeditor.h"
#include "platformclient.h"
#include "sealedcredentials.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSysInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

// `kioskctl enroll --url URL --token TOKEN [--ca FILE]`: the technician's one-time registration of
// this terminal with the platform. The terminal id and secret land in platform/credentials_file
// with mode 0600; the secret is never printed. The URL enrolled with, and the CA that signed the
// platform's certificate (copied beside the configuration file as platform-ca.pem), are written
// into the configuration file the kiosk reads, so nobody edits it by hand afterwards. The
// platform's catalogue is fetched and kept at once, so kioskctl and the kiosk offer it from the
// first start.
int fetchPlatformCatalogue(CtlContext &context, const KioskConfig &config);

namespace {

int usage(CtlContext &context)
{
    context.err << "usage: kioskctl enroll --url URL --token TOKEN [--site SITE] [--serial S] [--model M]\n"
                   "                      [--ca FILE] [--credentials FILE] [--force]" << Qt::endl;
    return CtlExit::Error;
}

// What enrolment writes into the configuration: the keys, and the CA file to copy beside it.
struct ConfigChange {
    QList<std::pair<QString, QString>> values;
    QString caSource;
    QString caTarget; // empty: nothing to copy
    [[nodiscard]] bool empty() const { return values.isEmpty() && caTarget.isEmpty(); }
};

ConfigChange changeFor(const KioskConfig &config, const QString &configPath, const QString &url, const QString &caGiven)
{
    ConfigChange change;
    if (url != config.string(QStringLiteral("platform/url")))
        change.values.append({QStringLiteral("platform/url"), url});
    if (caGiven.isEmpty())
        return change;
    // Beside the configuration file, where root keeps it and the kiosk may read it.
    const QString target = QFileInfo(configPath).absoluteDir().absoluteFilePath(QStringLiteral("platform-ca.pem"));
    if (QFileInfo(caGiven).canonicalFilePath() != QFileInfo(target).canonicalFilePath()) {
        change.caSource = caGiven;
        change.caTarget = target;
    }
    if (config.string(QStringLiteral("platform/ca_file")) != target)
        change.values.append({QStringLiteral("platform/ca_file"), target});
    return change;
}

// Asked before the platform is, so that a token is never spent on a terminal whose configuration
// cannot be completed.
QString whyNotWritable(const QString &configPath)
{
    const QFileInfo file(configPath);
    if (!file.exists())
        return QStringLiteral("there is no configuration file at %1 to keep the platform's URL in (give it with --config FILE)").arg(configPath);
    if (::access(QFile::encodeName(file.absoluteFilePath()).constData(), W_OK) != 0
        || ::access(QFile::encodeName(file.absolutePath()).constData(), W_OK) != 0)
        return QStringLiteral("%1 and its directory cannot be written by this user; run kioskctl enroll as root (the file keeps "
                              "its owner and mode), or set platform/url and platform/ca_file there first").arg(configPath);
    return {};
}

// The CA copied with the configuration file's owner and group and mode 0644: a certificate is
// public, and the kiosk's user must read it.
bool copyCa(const QString &source, const QString &target, const QString &configPath, QString *error)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1 cannot be read: %2").arg(source, in.errorString());
        return false;
    }
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly) || out.write(in.readAll()) < 0 || !out.commit()) {
        *error = QStringLiteral("%1 cannot be written: %2").arg(target, out.errorString());
        return false;
    }
    const QByteArray path = QFile::encodeName(target);
    struct stat owner {};
    if (::chmod(path.constData(), 0644) != 0
        || (::geteuid() == 0 && (::stat(QFile::encodeName(configPath).constData(), &owner) != 0
                                 || ::chown(path.constData(), owner.st_uid, owner.st_gid) != 0))) {
        *error = QStringLiteral("%1: its mode or owner cannot be set").arg(target);
        return false;
    }
    return true;
}

// Run as root (it must be, to write the configuration), the credentials get the owner of the
// state directory they lie in, as everything kioskctl creates there does: on the open file,
// never following a link.
bool giveStateOwner(const QString &path, QString *error)
{
    if (::geteuid() != 0)
        return true;
    struct stat directory {};
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    const bool given = fd >= 0 && ::stat(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), &directory) == 0
                       && ::fchown(fd, directory.st_uid, directory.st_gid) == 0;
    if (fd >= 0)
        ::close(fd);
    if (!given)
        *error = QStringLiteral("%1 cannot be given the state directory's owner").arg(path);
    return given;
}

} // namespace

int runEnrollCommand(CtlContext &context, const QStringList &args)
{
    std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    QString url = config->string(QStringLiteral("platform/url"));
    QString token;
    QString site = config->string(QStringLiteral("kiosk/site"));
    QString serial = QString::fromLatin1(QSysInfo::machineUniqueId());
    QString model = QStringLiteral("kiosk-") + QSysInfo::currentCpuArchitecture();
    QString credentialsPath = config->string(QStringLiteral("platform/credentials_file"));
    QString caGiven;
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
            caGiven = QFileInfo(value).absoluteFilePath();
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
    const ConfigChange change = changeFor(*config, context.configPath, url, caGiven);
    if (!change.empty()) {
        if (const QString why = whyNotWritable(context.configPath); !why.isEmpty()) {
            context.err << "kioskctl enroll: " << why << Qt::endl;
            return CtlExit::Error;
        }
    }
    config->set(QStringLiteral("platform/url"), url);
    if (!caGiven.isEmpty())
        config->set(QStringLiteral("platform/ca_file"), caGiven);
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
    if (!credentials.save(credentialsPath, &error) || !giveStateOwner(credentialsPath, &error)) {
        context.err << "kioskctl enroll: enrolled as " << credentials.terminalId << " but cannot keep the credentials: " << error
                    << Qt::endl;
        return CtlExit::Error;
    }
    context.out << "enrolled   " << credentials.terminalId << " (division " << credentials.divisionCode << ")\n"
                << "platform   " << url << "\n"
                << "saved      " << credentialsPath << " (mode 0600)" << Qt::endl;
    if (!change.caTarget.isEmpty() && !copyCa(change.caSource, change.caTarget, context.configPath, &error)) {
        context.err << "kioskctl enroll: enrolled as " << credentials.terminalId << " but the CA cannot be copied: " << error << Qt::endl;
        return CtlExit::Error;
    }
    if (!change.values.isEmpty() && !ConfigFileEditor::setValues(context.configPath, change.values, &error)) {
        context.err << "kioskctl enroll: enrolled as " << credentials.terminalId << " but " << context.configPath
                    << " cannot be written: " << error << Qt::endl;
        return CtlExit::Error;
    }
    if (!change.caTarget.isEmpty())
        context.out << "copied     " << change.caSource << " to " << change.caTarget << " (mode 0644)" << Qt::endl;
    for (const auto &[key, value] : change.values)
        context.out << "set " << key << " = " << value << " in " << context.configPath << " (the kiosk reads it there)" << Qt::endl;
    AuditLog::recordCtl(*config, QStringLiteral("enroll"), QStringLiteral("ok"), credentials.terminalId);
    config->set(QStringLiteral("platform/credentials_file"), credentialsPath);
    // The terminal is enrolled whatever becomes of the catalogue: the kiosk asks for it again.
    if (fetchPlatformCatalogue(context, *config) != CtlExit::Ok)
        context.out << "catalogue  not fetched now; the kiosk fetches it when it starts" << Qt::endl;
    return CtlExit::Ok;
}
