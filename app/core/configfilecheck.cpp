#include "configfilecheck.h"

#include "catalogue.h"
#include "configschema.h"
#include "kioskconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QSslCertificate>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <optional>

namespace {

QString keyName(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    return QStringLiteral("[%1] %2").arg(key.left(slash), key.mid(slash + 1));
}

// Whether the mode bits grant `bit` (4 read, 1 search) to the account, as the kernel decides.
bool granted(const struct stat &st, const ConfigFileCheck::Account &account, mode_t bit)
{
    if (account.uid == 0)
        return true;
    if (st.st_uid == account.uid)
        return st.st_mode & (bit << 6);
    if (account.groups.contains(st.st_gid))
        return st.st_mode & (bit << 3);
    return st.st_mode & bit;
}

} // namespace

std::optional<ConfigFileCheck::Account> ConfigFileCheck::account(const QString &name)
{
    const struct passwd *pw = ::getpwnam(name.toLocal8Bit().constData());
    if (!pw)
        return std::nullopt;
    Account result{name, pw->pw_uid, {}};
    int count = 64;
    QList<gid_t> groups(count);
    if (::getgrouplist(pw->pw_name, pw->pw_gid, groups.data(), &count) < 0) {
        groups.resize(count);
        ::getgrouplist(pw->pw_name, pw->pw_gid, groups.data(), &count);
    }
    groups.resize(qMax(count, 0));
    result.groups = groups;
    return result;
}

std::optional<ConfigFileCheck::Account> ConfigFileCheck::ownerOf(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return std::nullopt;
    const struct passwd *pw = ::getpwuid(st.st_uid);
    return pw ? account(QString::fromLocal8Bit(pw->pw_name)) : std::nullopt;
}

ConfigFileCheck::Account ConfigFileCheck::kioskAccount(const KioskConfig &config)
{
    const Account caller = currentAccount();
    if (caller.uid != 0)
        return caller;
    if (std::optional<Account> owner = ownerOf(config.string(QStringLiteral("kiosk/state_dir"))); owner && owner->uid != 0)
        return *owner;
    if (std::optional<Account> kiosk = account(QStringLiteral("kiosk")))
        return *kiosk;
    return caller;
}

ConfigFileCheck::Account ConfigFileCheck::currentAccount()
{
    Account result;
    result.uid = ::geteuid();
    if (const struct passwd *pw = ::getpwuid(result.uid))
        result.name = QString::fromLocal8Bit(pw->pw_name);
    const int count = ::getgroups(0, nullptr);
    QList<gid_t> groups(qMax(count, 0));
    if (count > 0)
        groups.resize(qMax(::getgroups(count, groups.data()), 0));
    groups.append(::getegid());
    result.groups = groups;
    return result;
}

bool ConfigFileCheck::readableBy(const QString &path, const Account &kiosk, QString *why)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QByteArray file = QFile::encodeName(absolute);
    struct stat st {};
    if (::stat(file.constData(), &st) != 0) {
        *why = QStringLiteral("%1 does not exist").arg(absolute);
        return false;
    }
    // Every folder on the way must let the kiosk through.
    QDir dir = QFileInfo(absolute).dir();
    for (;;) {
        struct stat folder {};
        if (::stat(QFile::encodeName(dir.absolutePath()).constData(), &folder) == 0 && !granted(folder, kiosk, 1)) {
            *why = QStringLiteral("%1: the folder %2 does not let the user %3 through").arg(absolute, dir.absolutePath(), kiosk.name);
            return false;
        }
        if (dir.isRoot() || !dir.cdUp())
            break;
    }
    if (S_ISDIR(st.st_mode)) {
        *why = QStringLiteral("%1 is a folder, not a file").arg(absolute);
        return false;
    }
    if (!granted(st, kiosk, 4)) {
        *why = QStringLiteral("%1 is not readable by the user %2 (mode %3, owner uid %4)")
                   .arg(absolute, kiosk.name, QString::number(st.st_mode & 07777, 8))
                   .arg(st.st_uid);
        return false;
    }
    return true;
}

QList<ConfigFileCheck::Finding> ConfigFileCheck::check(const KioskConfig &config, const Account &kiosk)
{
    QList<Finding> findings;
    // The file itself: kioskctl rewriting it as root once left it root:root, and the kiosk then
    // restarted for ever on a file root could read.
    QString why;
    if (!config.sourcePath().isEmpty() && !readableBy(config.sourcePath(), kiosk, &why))
        findings.append({QStringLiteral("configuration"), why, true});
    if (QFileInfo::exists(config.overlayPath()) && !readableBy(config.overlayPath(), kiosk, &why))
        findings.append({QStringLiteral("configuration overlay"), why, true});
    for (const ConfigKey &key : ConfigSchema::keys()) {
        const QString path = config.string(key.key);
        if (key.type != ConfigType::Path || path.isEmpty() || key.key == QLatin1String("kiosk/state_dir"))
            continue;
        const QString name = keyName(key.key);
        // What `kioskctl outbox init-key` and `kioskctl enroll` make may not exist yet.
        if (!QFileInfo::exists(path) && key.key == QLatin1String("offline/key_file")) {
            findings.append({name, QStringLiteral("%1 does not exist yet (kioskctl outbox init-key); nothing can be queued without it").arg(path), false});
            continue;
        }
        // The shipped production file names the province's CA where the technician is to put it.
        if (!QFileInfo::exists(path) && key.key == QLatin1String("platform/ca_file")) {
            findings.append({name, QStringLiteral("%1 does not exist yet: put the platform's CA bundle (PEM) there; the kiosk "
                                                  "reaches no https platform without it").arg(path), false});
            continue;
        }
        if (!QFileInfo::exists(path) && key.key == QLatin1String("platform/credentials_file")) {
            findings.append({name, QStringLiteral("%1 does not exist yet: the terminal is not enrolled (kioskctl enroll)").arg(path), false});
            continue;
        }
        // The metrics file is the kiosk's to write, not to read: what it needs is its folder,
        // which the package's tmpfiles make.
        if (key.key == QLatin1String("monitoring/textfile")) {
            if (!QFileInfo(path).dir().exists())
                findings.append({name, QStringLiteral("the folder of %1 does not exist yet (the package makes it); no metrics are written until it does").arg(path), false});
            continue;
        }
        why.clear();
        if (!readableBy(path, kiosk, &why)) {
            findings.append({name, why, true});
            continue;
        }
        if (key.key == QLatin1String("kiosk/catalogue_file")) {
            QStringList ignored;
            if (!Catalogue::fromFile(path, &why, &ignored)) {
                findings.append({name, why.startsWith(path) ? why : QStringLiteral("%1: %2").arg(path, why), true});
                continue;
            }
            for (const QString &line : std::as_const(ignored))
                findings.append({name, QStringLiteral("%1: %2").arg(path, line), false});
        } else if (key.key == QLatin1String("platform/ca_file") || key.key == QLatin1String("platform/client_cert")) {
            if (QSslCertificate::fromPath(path, QSsl::Pem).isEmpty())
                findings.append({name, QStringLiteral("no PEM certificate in %1").arg(path), true});
        }
    }
    return findings;
}
