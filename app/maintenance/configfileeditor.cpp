#include "configfileeditor.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringList>

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

} // namespace

bool setValues(const QString &path, const QList<std::pair<QString, QString>> &values, QString *error)
{
    QStringList lines;
    QFile in(path);
    if (in.exists()) {
        if (!in.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1: %2").arg(path, in.errorString());
            return false;
        }
        lines = QString::fromUtf8(in.readAll()).split(QLatin1Char('\n'));
        in.close();
        if (!lines.isEmpty() && lines.constLast().isEmpty())
            lines.removeLast();
    }
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
    const QFileDevice::Permissions mode = in.exists() ? QFileInfo(path).permissions() : (QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    out.setPermissions(mode);
    out.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    if (!out.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        return false;
    }
    return true;
}

} // namespace ConfigFileEditor
