#include "terminalcredentials.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

std::optional<TerminalCredentials> TerminalCredentials::load(const QString &path, QString *error)
{
    auto fail = [&](const QString &reason) -> std::optional<TerminalCredentials> {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, reason);
        return std::nullopt;
    };
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    if ((st.st_mode & 077) != 0)
        return fail(QStringLiteral("readable by others (mode %1); it must be 0600").arg(st.st_mode & 0777, 4, 8, QLatin1Char('0')));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(file.errorString());
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    if (!doc.isObject())
        return fail(QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    TerminalCredentials credentials;
    credentials.terminalId = o.value(QLatin1String("terminal_id")).toString();
    credentials.secret = QByteArray::fromBase64(o.value(QLatin1String("secret")).toString().toLatin1(),
                                                QByteArray::AbortOnBase64DecodingErrors);
    credentials.divisionCode = o.value(QLatin1String("division_code")).toString();
    credentials.platformUrl = o.value(QLatin1String("platform_url")).toString();
    if (credentials.terminalId.isEmpty())
        return fail(QStringLiteral("no terminal_id"));
    if (credentials.secret.size() != 32)
        return fail(QStringLiteral("the secret is not 32 bytes of base64"));
    return credentials;
}

bool TerminalCredentials::save(const QString &path, QString *error) const
{
    auto fail = [&](const QString &reason) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, reason);
        return false;
    };
    const QJsonObject o{
        {QStringLiteral("terminal_id"), terminalId},
        {QStringLiteral("secret"), QString::fromLatin1(secret.toBase64())},
        {QStringLiteral("division_code"), divisionCode},
        {QStringLiteral("platform_url"), platformUrl},
    };
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(QStringLiteral("cannot create its folder"));
    const QByteArray temporary = QFile::encodeName(path + QStringLiteral(".tmp"));
    ::unlink(temporary.constData());
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(QString::fromLocal8Bit(std::strerror(errno)));
    // open() applies the umask, which can only remove bits; fchmod makes 0600 exact.
    bool ok = ::fchmod(fd, 0600) == 0 && ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size()
        && ::fsync(fd) == 0;
    ok = (::close(fd) == 0) && ok;
    if (!ok || ::rename(temporary.constData(), QFile::encodeName(path).constData()) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        ::unlink(temporary.constData());
        return fail(reason);
    }
    return true;
}

TerminalCredentials TerminalCredentials::fromEnrolment(const QJsonObject &answer, const QString &platformUrl)
{
    TerminalCredentials credentials;
    credentials.terminalId = answer.value(QLatin1String("terminal_id")).toString();
    credentials.secret = QByteArray::fromBase64(answer.value(QLatin1String("secret")).toString().toLatin1());
    credentials.divisionCode = answer.value(QLatin1String("division_code")).toString();
    credentials.platformUrl = platformUrl;
    return credentials;
}
