#include "configfileeditor.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringList>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

namespace ConfigFileEditor {

namespace {

QString sectionOf(const QString &line)
{
    const QString trimmed = line.trimmed();
    if (trimmed.startsWith(QLatin1Char('[')) && trimmed.endsWith(QLatin1Char(']')))
        return trimmed.mid(1, trimmed.size() - 2).trimmed();
    return {};
}

QString keyOf(const QString &line)
{
    const QString trimmed = line.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char(';')) || trimmed.startsWith(QLatin1Char('#')))
        return {};
    const qsizetype equals = trimmed.indexOf(QLatin1Char('='));
    return equals > 0 ? trimmed.left(equals).trimmed() : QString();
}

// QSettings reads a bare comma as a list separator: such values are quoted.
QString iniValue(const QString &value)
{
    static const QRegularExpression special(QStringLiteral("[,;\"\\\\]|^\\s|\\s$"));
    if (!special.match(value).hasMatch())
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

bool readLines(const QString &path, QStringList *lines, QString *error)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, in.errorString());
        return false;
    }
    *lines = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));
    if (!lines->isEmpty() && lines->constLast().isEmpty())
        lines->removeLast();
    return true;
}

// The new file takes the owner, group and mode of the one it replaces, set on the descriptor
// before the rename: kioskctl runs as root, and a configuration that came back root:root 0600
// would leave the kiosk user unable to read it and the kiosk restarting for ever. A new file is
// the writer's own, readable by it alone.
bool writeLines(const QString &path, const QStringList &lines, QString *error)
{
    // A link someone else made (the kiosk user, in its state directory) is not followed: root
    // would write the file it points to. /etc/kiosk/kiosk.ini linked by root is followed.
    struct stat link {};
    if (::lstat(QFile::encodeName(path).constData(), &link) == 0 && S_ISLNK(link.st_mode) && link.st_uid != ::geteuid()) {
        *error = QStringLiteral("%1 is a symbolic link made by another user; not followed").arg(path);
        return false;
    }
    struct stat old {};
    const bool replacing = ::stat(QFile::encodeName(path).constData(), &old) == 0;
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    const int fd = out.handle();
    const bool kept = replacing ? (::fchown(fd, old.st_uid, old.st_gid) == 0 && ::fchmod(fd, old.st_mode & 07777) == 0)
                                : ::fchmod(fd, S_IRUSR | S_IWUSR) == 0;
    if (!kept) {
        out.cancelWriting();
        *error = QStringLiteral("cannot give the new %1 the owner and mode of the old one: %2").arg(path, QString::fromLocal8Bit(::strerror(errno)));
        return false;
    }
    out.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    if (!out.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

} // namespace

bool setValues(const QString &path, const QList<std::pair<QString, QString>> &values, QString *error)
{
    QStringList lines;
    if (QFileInfo::exists(path) && !readLines(path, &lines, error))
        return false;
    for (const auto &[fullKey, value] : values) {
        const qsizetype slash = fullKey.indexOf(QLatin1Char('/'));
        const QString section = fullKey.left(slash);
        const QString key = fullKey.mid(slash + 1);
        const QString newLine = QStringLiteral("%1=%2").arg(key, iniValue(value));
        QString current;
        qsizetype sectionEnd = -1; // the index after the section's last key line
        bool done = false;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString header = sectionOf(lines.at(i));
            if (!header.isEmpty()) {
                current = header;
                if (current == section)
                    sectionEnd = i + 1;
                continue;
            }
            if (current != section)
                continue;
            if (!keyOf(lines.at(i)).isEmpty())
                sectionEnd = i + 1;
            if (keyOf(lines.at(i)) == key) {
                lines[i] = newLine;
                done = true;
                break;
            }
        }
        if (done)
            continue;
        if (sectionEnd < 0) {
            lines << QStringLiteral("[%1]").arg(section) << newLine;
        } else {
            lines.insert(sectionEnd, newLine);
        }
    }
    return writeLines(path, lines, error);
}

bool removeKeys(const QString &path, const QStringList &keys, QString *error)
{
    if (!QFileInfo::exists(path))
        return true;
    QStringList lines;
    if (!readLines(path, &lines, error))
        return false;
    QString current;
    bool removed = false;
    for (qsizetype i = 0; i < lines.size();) {
        const QString header = sectionOf(lines.at(i));
        if (!header.isEmpty())
            current = header;
        const QString key = keyOf(lines.at(i));
        if (header.isEmpty() && !key.isEmpty() && keys.contains(current + QLatin1Char('/') + key)) {
            lines.removeAt(i);
            removed = true;
            continue;
        }
        ++i;
    }
    return !removed || writeLines(path, lines, error);
}

} // namespace ConfigFileEditor
