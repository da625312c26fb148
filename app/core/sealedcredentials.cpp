#include "sealedcredentials.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>

#include <openssl/crypto.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace {

// Where a credential that systemd or kioskctl decrypted for this process is found.
const QString memoryFilePrefix = QStringLiteral("/proc/self/fd/");

// What kiosk.service's SetCredential= lines give the kiosk where no secret is sealed.
const QByteArray noneDelivered = QByteArrayLiteral("none");

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(noneDelivered.size() + 1) : QByteArray();
}

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Runs systemd-creds with `input` on its standard input; its standard output, or empty with
// `error` set. Secrets pass through pipes, never through a path someone else could swap.
bool runCreds(const QStringList &arguments, const QByteArray &input, QByteArray *output, QString *error)
{
    QProcess creds;
    creds.start(QStringLiteral("systemd-creds"), arguments);
    if (!creds.waitForStarted(10000)) {
        *error = QStringLiteral("systemd-creds cannot be run (%1)").arg(creds.errorString());
        return false;
    }
    creds.write(input);
    creds.closeWriteChannel();
    // A TPM emulated in software can take many seconds for one operation.
    creds.waitForFinished(120000);
    QByteArray out = creds.readAllStandardOutput();
    if (creds.exitStatus() != QProcess::NormalExit || creds.exitCode() != 0) {
        OPENSSL_cleanse(out.data(), size_t(out.size()));
        const QStringList said = QString::fromLocal8Bit(creds.readAllStandardError()).trimmed().split(QLatin1Char('\n'));
        *error = said.isEmpty() || said.last().isEmpty() ? QStringLiteral("systemd-creds failed") : said.last();
        return false;
    }
    if (output)
        *output = out;
    else
        OPENSSL_cleanse(out.data(), size_t(out.size()));
    return true;
}

// Reads a plain secret without following a link the kiosk user may have planted in its own state
// directory; `fd` stays open so that the same file, and no other, is wiped afterwards.
bool readPlain(const QString &path, int *fd, QByteArray *bytes, QString *error)
{
    *fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
    struct stat info {};
    if (*fd < 0 || ::fstat(*fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size > 65536) {
        *error = *fd < 0 ? lastError() : QStringLiteral("not a small regular file");
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
        return false;
    }
    bytes->resize(qsizetype(info.st_size));
    const ssize_t n = ::pread(*fd, bytes->data(), size_t(bytes->size()), 0);
    if (n != ssize_t(bytes->size())) {
        *error = QStringLiteral("cannot read it");
        ::close(*fd);
        *fd = -1;
        return false;
    }
    return true;
}

// Overwrites the plain copy before it is unlinked: on a disk without encryption the bytes would
// otherwise stay in free blocks. (Flash may still keep an old copy; the LUKS2 state partition is
// what covers that.)
void wipe(int fd, qint64 size)
{
    const QByteArray zeros(qsizetype(size), '\0');
    if (::pwrite(fd, zeros.constData(), size_t(zeros.size()), 0) == ssize_t(zeros.size()))
        ::fsync(fd);
    ::close(fd);
}

} // namespace

const QList<SealedCredentials::Secret> &SealedCredentials::secrets()
{
    static const QList<Secret> list{
        {QStringLiteral("outbox.key"), QStringLiteral("offline/key_file")},
        {QStringLiteral("terminal.json"), QStringLiteral("platform/credentials_file")},
    };
    return list;
}

QString SealedCredentials::directory(const KioskConfig &config)
{
    return QDir(config.string(QStringLiteral("kiosk/state_dir"))).filePath(QStringLiteral("credentials"));
}

QString SealedCredentials::sealedPath(const KioskConfig &config, const QString &name)
{
    return QDir(directory(config)).filePath(name + QStringLiteral(".cred"));
}

QString SealedCredentials::sealingRecord(const KioskConfig &config)
{
    return QDir(directory(config)).filePath(QStringLiteral("sealed-with"));
}

QString SealedCredentials::plainPathKey(const QString &configKey)
{
    return QStringLiteral("sealed-plain/") + configKey;
}

bool SealedCredentials::plainIsNewer(const QString &plainPath, const QString &sealedPath)
{
    const QFileInfo plain(plainPath);
    const QFileInfo sealed(sealedPath);
    // Sealing removes the plain file, so one that exists beside its sealed copy was either written
    // afterwards or left by a sealing that failed half-way (older than the sealed copy).
    return plain.isFile() && (!sealed.exists() || plain.lastModified() > sealed.lastModified());
}

QString SealedCredentials::plainPath(const KioskConfig &config, const QString &configKey)
{
    const QString kept = config.has(plainPathKey(configKey)) ? config.string(plainPathKey(configKey)) : QString();
    return kept.isEmpty() ? config.string(configKey) : kept;
}

QStringList SealedCredentials::useDelivered(KioskConfig *config)
{
    const QString delivered = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    QStringList messages;
    for (const Secret &secret : secrets()) {
        const QString plain = config->string(secret.configKey);
        config->set(plainPathKey(secret.configKey), plain);
        if (QFileInfo::exists(sealedPath(*config, secret.name)) && plainIsNewer(plain, sealedPath(*config, secret.name))) {
            messages << QStringLiteral("%1 (%2) was written after the sealing and is used as a plain file until kioskctl credentials seal")
                            .arg(secret.name, plain);
            continue;
        }
        const QString copy = QDir(delivered).filePath(secret.name);
        // kiosk.service gives the credential "none" (SetCredential=) where nothing is sealed.
        if (!delivered.isEmpty() && QFileInfo(copy).isFile() && contents(copy) != noneDelivered) {
            config->set(secret.configKey, copy);
            continue;
        }
        const QString sealed = sealedPath(*config, secret.name);
        if (!QFileInfo::exists(sealed))
            continue;
        messages << QStringLiteral("The sealed credential %1 (%2) was not unsealed for the kiosk: %3")
                        .arg(secret.name, sealed,
                             delivered.isEmpty() ? QStringLiteral("the kiosk was not started by kiosk.service, which unseals it")
                                                 : QStringLiteral("this machine cannot decrypt it (a disk from another terminal, or a "
                                                                  "cleared TPM); the terminal must be provisioned again"));
    }
    return messages;
}

QStringList SealedCredentials::unseal(KioskConfig *config)
{
    QStringList messages;
    for (const Secret &secret : secrets()) {
        const QString sealed = sealedPath(*config, secret.name);
        if (QFileInfo::exists(config->string(secret.configKey)) || !QFileInfo::exists(sealed))
            continue;
        QByteArray plain;
        QString error;
        if (!runCreds({QStringLiteral("decrypt"), QStringLiteral("--name=") + secret.name, sealed, QStringLiteral("-")}, {}, &plain,
                      &error)) {
            messages << QStringLiteral("The sealed credential %1 (%2) cannot be unsealed on this machine (%3): a disk from another "
                                       "terminal, or a cleared TPM; the terminal must be provisioned again")
                            .arg(secret.name, sealed, error);
            continue;
        }
        // The descriptor stays open for the life of the process: it is where the secret is read.
        const int fd = ::memfd_create(secret.name.toLatin1().constData(), MFD_CLOEXEC);
        const bool kept = fd >= 0 && ::fchmod(fd, 0600) == 0
            && ::write(fd, plain.constData(), size_t(plain.size())) == ssize_t(plain.size());
        OPENSSL_cleanse(plain.data(), size_t(plain.size()));
        if (!kept) {
            messages << QStringLiteral("The sealed credential %1 cannot be held in memory (%2)").arg(secret.name, lastError());
            if (fd >= 0)
                ::close(fd);
            continue;
        }
        config->set(secret.configKey, memoryFilePrefix + QString::number(fd));
    }
    return messages;
}

QStringList SealedCredentials::seal(const KioskConfig &config, QString *error)
{
    const QString key = machineHasTpm() ? QStringLiteral("host+tpm2") : QStringLiteral("host");
    const QString folder = directory(config);
    const QByteArray nativeFolder = QFile::encodeName(folder);
    if (!QDir().mkpath(folder) || ::chmod(nativeFolder.constData(), 0750) != 0) {
        *error = QStringLiteral("cannot create %1").arg(folder);
        return {};
    }
    // The kiosk may see which secrets are sealed and how (its checklist says so), not open them.
    if (const struct group *kiosk = ::getgrnam("kiosk"); kiosk && ::geteuid() == 0 && ::chown(nativeFolder.constData(), 0, kiosk->gr_gid) != 0) {
        *error = QStringLiteral("cannot give %1 to the group kiosk (%2)").arg(folder, lastError());
        return {};
    }

    QStringList done;
    for (const Secret &secret : secrets()) {
        const QString plainPath = config.string(secret.configKey);
        if (!QFileInfo(plainPath).isFile() && !QFileInfo(plainPath).isSymLink())
            continue;
        int fd = -1;
        QByteArray plain;
        QString reason;
        const QString sealed = sealedPath(config, secret.name);
        const QString fresh = sealed + QStringLiteral(".new");
        QFile::remove(fresh);
        bool ok = readPlain(plainPath, &fd, &plain, &reason)
            && runCreds({QStringLiteral("encrypt"), QStringLiteral("--with-key=") + key, QStringLiteral("--name=") + secret.name,
                         QStringLiteral("-"), fresh},
                        plain, nullptr, &reason);
        QByteArray opened;
        ok = ok && runCreds({QStringLiteral("decrypt"), QStringLiteral("--name=") + secret.name, fresh, QStringLiteral("-")}, {}, &opened, &reason);
        if (ok && opened != plain) {
            ok = false;
            reason = QStringLiteral("the sealed copy does not open to the same bytes");
        }
        OPENSSL_cleanse(opened.data(), size_t(opened.size()));
        const qint64 size = plain.size();
        OPENSSL_cleanse(plain.data(), size_t(plain.size()));
        if (!ok || ::rename(QFile::encodeName(fresh).constData(), QFile::encodeName(sealed).constData()) != 0) {
            if (ok)
                reason = lastError();
            QFile::remove(fresh);
            if (fd >= 0)
                ::close(fd);
            *error = QStringLiteral("%1 (%2) was not sealed: %3").arg(secret.name, plainPath, reason);
            return done;
        }
        wipe(fd, size);
        ::unlink(QFile::encodeName(plainPath).constData());
        done << QStringLiteral("sealed %1 into %2 (--with-key=%3) and removed %4").arg(secret.name, sealed, key, plainPath);
    }
    if (!done.isEmpty()) {
        QSaveFile record(sealingRecord(config));
        if (!record.open(QIODevice::WriteOnly) || record.write(key.toLatin1() + '\n') < 0 || !record.commit()) {
            *error = QStringLiteral("cannot record how the secrets were sealed in %1").arg(sealingRecord(config));
            return done;
        }
        ::chmod(QFile::encodeName(sealingRecord(config)).constData(), 0644);
    }
    return done;
}

SealedCredentials::Finding SealedCredentials::assess(const KioskConfig &config)
{
    const QString delivered = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    QStringList open, plain, broken;
    for (const Secret &secret : secrets()) {
        const QString path = config.string(secret.configKey);
        if (path.startsWith(memoryFilePrefix) || (!delivered.isEmpty() && path.startsWith(delivered + QLatin1Char('/'))))
            open << secret.name;
        else if (plainIsNewer(path, sealedPath(config, secret.name)))
            plain << secret.name;
        else if (QFileInfo::exists(sealedPath(config, secret.name)))
            broken << secret.name;
        else if (QFileInfo::exists(path))
            plain << secret.name;
    }
    Finding finding;
    QStringList said;
    if (!broken.isEmpty()) {
        finding.ok = false;
        said << QStringLiteral("%1 sealed but cannot be unsealed on this machine (a disk from another terminal, or a cleared TPM): "
                               "provision the terminal again")
                    .arg(broken.join(QLatin1String(", ")));
    }
    if (!plain.isEmpty()) {
        finding.warning = true;
        said << QStringLiteral("%1 stored as plain files: run kioskctl credentials seal").arg(plain.join(QLatin1String(", ")));
    }
    if (!open.isEmpty()) {
        QFile record(sealingRecord(config));
        const bool tpm = record.open(QIODevice::ReadOnly) && record.readAll().contains("tpm2");
        finding.warning = finding.warning || !tpm;
        said << (tpm ? QStringLiteral("%1 sealed to this machine's TPM").arg(open.join(QLatin1String(", ")))
                     : QStringLiteral("secrets are sealed to this disk's host key, not to a TPM"));
    }
    if (!machineHasTpm()) {
        finding.warning = true;
        said << QStringLiteral("this machine has no TPM: a disk taken from it can be read elsewhere");
    }
    // What the image's first boot recorded next to the configuration (kiosk-state-setup).
    QByteArray partition;
    if (!config.sourcePath().isEmpty()) {
        QFile record(QFileInfo(config.sourcePath()).dir().filePath(QStringLiteral("state-partition.done")));
        if (record.open(QIODevice::ReadOnly))
            partition = record.readAll().trimmed();
    }
    if (stateIsEncrypted(config)) {
        said << QStringLiteral("state partition encrypted (LUKS2)");
    } else if (partition.startsWith("tpm2")) {
        finding.ok = false;
        said << QStringLiteral("the state partition is sealed to a TPM but did not open here (a disk from another terminal, or a "
                               "cleared TPM): %1 is not on it")
                    .arg(config.string(QStringLiteral("kiosk/state_dir")));
    } else {
        finding.warning = true;
        said << QStringLiteral("the state directory is not on an encrypted partition");
    }
    finding.detail = said.join(QLatin1String("; "));
    return finding;
}

bool SealedCredentials::machineHasTpm()
{
    QFile version(QStringLiteral("/sys/class/tpm/tpm0/tpm_version_major"));
    if (version.open(QIODevice::ReadOnly))
        return version.readAll().trimmed() == "2";
    return QFileInfo::exists(QStringLiteral("/dev/tpmrm0"));
}

bool SealedCredentials::stateIsEncrypted(const KioskConfig &config)
{
    struct stat info {};
    if (::stat(QFile::encodeName(config.string(QStringLiteral("kiosk/state_dir"))).constData(), &info) != 0)
        return false;
    QFile uuid(QStringLiteral("/sys/dev/block/%1:%2/dm/uuid").arg(major(info.st_dev)).arg(minor(info.st_dev)));
    return uuid.open(QIODevice::ReadOnly) && uuid.readAll().startsWith("CRYPT-LUKS2");
}
