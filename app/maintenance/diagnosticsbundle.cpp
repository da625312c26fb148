#include "diagnosticsbundle.h"

#include "auditlog.h"
#include "configschema.h"
#include "kioskconfig.h"
#include "personaldatafilter.h"
#include "recentlog.h"
#include "common/statefile.h"
#include "statusreport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

namespace {

constexpr int TarTimeoutMs = 120000;

const QStringList LogFiles{QStringLiteral("kiosk.log.1"), QStringLiteral("kiosk.log"), QStringLiteral("kioskctl.log.1"),
                           QStringLiteral("kioskctl.log")};

bool writeText(const QString &path, const QString &text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray bytes = PersonalDataFilter::scrub(text).toUtf8();
    if (file.write(bytes) != bytes.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool writeJson(const QString &path, const QJsonValue &value, QString *error)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return writeText(path, QString::fromUtf8(document.toJson(QJsonDocument::Indented)), error);
}

// Copies a text file line by line through the filter; a file that is not there is skipped.
bool copyText(const QString &from, const QString &to, QString *error)
{
    QFile source(from);
    // The state directory is the kiosk user's: a log there may be a link to a file it may not
    // read, which root must not copy into a bundle the kiosk user can read.
    if (QFileInfo(from).isSymLink())
        return writeText(to, QStringLiteral("(not copied: %1 is a symbolic link)\n").arg(from), error);
    if (!source.exists())
        return true;
    if (!StateFile::open(source, QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(from, source.errorString());
        return false;
    }
    return writeText(to, QString::fromUtf8(source.readAll()), error);
}

QString redactedConfig(const KioskConfig &config, QStringList *redacted)
{
    QString text = QStringLiteral("; The effective configuration of this terminal (%1), secrets redacted.\n")
                       .arg(config.sourcePath().isEmpty() ? QStringLiteral("built-in defaults") : config.sourcePath());
    for (const auto &[section, about] : ConfigSchema::sections()) {
        Q_UNUSED(about);
        text += QStringLiteral("\n[%1]\n").arg(section);
        for (const ConfigKey &key : ConfigSchema::keys()) {
            if (!key.key.startsWith(section + QLatin1Char('/')))
                continue;
            QString value = config.string(key.key);
            if (DiagnosticsBundle::isSecret(key.key)) {
                redacted->append(key.key);
                value = value.isEmpty() ? QString() : QStringLiteral("(redacted)");
            }
            text += QStringLiteral("%1=%2\n").arg(key.key.mid(section.size() + 1), value);
        }
    }
    return text;
}

QString readme(const QString &terminal, const QStringList &redacted)
{
    return QStringLiteral("Diagnostics bundle of kiosk terminal %1, made %2.\n\n"
                          "versions.json      kiosk, Qt, operating system\n"
                          "config.ini         the effective configuration; the values of these keys are redacted: %3\n"
                          "redacted-keys.txt  the same list, one key a line\n"
                          "status.json        what `kioskctl status --json` shows\n"
                          "devices.json       each device: spec, state, health, statistics\n"
                          "outbox.json        the offline queue's counts and sizes (never an entry's content)\n"
                          "heartbeat.json     the heartbeat body the platform receives\n"
                          "audit.log          maintenance and technician actions (JSON lines)\n"
                          "logs/              the recent logs of the kiosk and kioskctl\n\n"
                          "It holds no personal data: no resident's name, ID number, phone, photo or document; every file\n"
                          "was passed through the ID-number and phone-number mask on its way in.\n")
        .arg(terminal, QDateTime::currentDateTimeUtc().toString(Qt::ISODate), redacted.join(QStringLiteral(", ")));
}

} // namespace

bool DiagnosticsBundle::isSecret(const QString &key)
{
    const QString name = key.section(QLatin1Char('/'), 1);
    return key == QLatin1String("admin/pin_hash") || name.endsWith(QLatin1String("_key")) || name.endsWith(QLatin1String("key_file"))
           || name.contains(QLatin1String("token")) || name.contains(QLatin1String("secret")) || name.contains(QLatin1String("password"));
}

QStringList DiagnosticsBundle::fileNames()
{
    QStringList names{QStringLiteral("README.txt"),  QStringLiteral("versions.json"),  QStringLiteral("config.ini"),
                      QStringLiteral("redacted-keys.txt"), QStringLiteral("status.json"), QStringLiteral("devices.json"),
                      QStringLiteral("outbox.json"), QStringLiteral("heartbeat.json"), QStringLiteral("audit.log")};
    for (const QString &log : LogFiles)
        names << QStringLiteral("logs/") + log;
    return names;
}

bool DiagnosticsBundle::write(const KioskConfig &config, const QJsonObject &status, const QJsonObject &heartbeat, const QString &outFile,
                              QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QTemporaryDir work;
    if (!work.isValid()) {
        *error = QStringLiteral("no temporary folder: %1").arg(work.errorString());
        return false;
    }
    const QString terminal = status.value(QStringLiteral("terminal")).toObject().value(QStringLiteral("id")).toString();
    const QString top = QStringLiteral("diag-%1-%2")
                            .arg(terminal.isEmpty() ? QStringLiteral("unenrolled") : terminal,
                                 QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")));
    const QDir dir(work.filePath(top));
    if (!QDir().mkpath(dir.filePath(QStringLiteral("logs")))) {
        *error = QStringLiteral("cannot make %1").arg(dir.path());
        return false;
    }
    const QString stateDir = config.string(QStringLiteral("kiosk/state_dir"));
    QStringList redacted;
    const QString configText = redactedConfig(config, &redacted);
    const QJsonObject outbox = status.value(QStringLiteral("outbox")).toObject();
    const bool written = writeText(dir.filePath(QStringLiteral("README.txt")), readme(terminal, redacted), error)
                         && writeJson(dir.filePath(QStringLiteral("versions.json")), status.value(QStringLiteral("versions")), error)
                         && writeText(dir.filePath(QStringLiteral("config.ini")), configText, error)
                         && writeText(dir.filePath(QStringLiteral("redacted-keys.txt")), redacted.join(QLatin1Char('\n')) + QLatin1Char('\n'), error)
                         && writeJson(dir.filePath(QStringLiteral("status.json")), status, error)
                         && writeJson(dir.filePath(QStringLiteral("devices.json")), status.value(QStringLiteral("devices")), error)
                         && writeJson(dir.filePath(QStringLiteral("outbox.json")), outbox, error)
                         && writeJson(dir.filePath(QStringLiteral("heartbeat.json")),
                                      heartbeat.isEmpty() ? StatusReport::heartbeatFrom(status) : heartbeat, error)
                         && copyText(AuditLog::pathIn(stateDir), dir.filePath(QStringLiteral("audit.log")), error);
    if (!written)
        return false;
    for (const QString &log : LogFiles) {
        if (!copyText(QDir(RecentLog::directoryIn(stateDir)).filePath(log), dir.filePath(QStringLiteral("logs/") + log), error))
            return false;
    }

    // tar writes to a pipe, not to a name in a folder the kiosk user may control; the bundle is
    // put in place by a rename that replaces whatever stands at its name instead of following it.
    const QString target = QFileInfo(outFile).absoluteFilePath();
    QProcess tar;
    tar.setProgram(QStringLiteral("tar"));
    tar.setArguments({QStringLiteral("--owner=0"), QStringLiteral("--group=0"), QStringLiteral("--numeric-owner"), QStringLiteral("-czf"),
                      QStringLiteral("-"), QStringLiteral("-C"), work.path(), top});
    tar.start();
    if (!tar.waitForFinished(TarTimeoutMs) || tar.exitStatus() != QProcess::NormalExit || tar.exitCode() != 0) {
        *error = QStringLiteral("tar failed: %1").arg(QString::fromLocal8Bit(tar.readAllStandardError()).trimmed() + tar.errorString());
        return false;
    }
    if (!StateFile::replace(target, tar.readAllStandardOutput())) {
        *error = QStringLiteral("cannot write %1").arg(target);
        return false;
    }
    return true;
}

QString DiagnosticsBundle::collectInto(const KioskConfig &config, const QJsonObject &status, const QJsonObject &heartbeat, QString *error,
                                       int keep)
{
    const QDir folder(QDir(config.string(QStringLiteral("kiosk/state_dir"))).filePath(QStringLiteral("diagnostics")));
    if (!folder.exists()) {
        if (!QDir().mkpath(folder.path())) {
            if (error)
                *error = QStringLiteral("cannot make %1").arg(folder.path());
            return {};
        }
        QFile::setPermissions(folder.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        (void)StateFile::adoptParentOwner(folder.path());
    }
    // Named by time to the millisecond, so the names sort by age; two in the same millisecond
    // take the next free one.
    QDateTime at = QDateTime::currentDateTimeUtc();
    const auto nameAt = [&folder](const QDateTime &time) {
        return folder.filePath(QStringLiteral("diag-%1.tar.gz").arg(time.toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'"))));
    };
    while (QFileInfo::exists(nameAt(at)))
        at = at.addMSecs(1);
    const QString path = nameAt(at);
    if (!write(config, status, heartbeat, path, error))
        return {};
    (void)StateFile::adoptParentOwner(path);
    // The names sort by time, so the oldest come first.
    QStringList bundles = folder.entryList({QStringLiteral("diag-*.tar.gz")}, QDir::Files, QDir::Name);
    while (bundles.size() > keep)
        QFile::remove(folder.filePath(bundles.takeFirst()));
    return path;
}
