#include "packagefile.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

PackageFile PackageFile::find(const QString &directory, const QString &name, const QString &version)
{
    PackageFile file;
    const QFileInfoList debs = QDir(directory).entryInfoList({QStringLiteral("%1_%2_*.deb").arg(name, version)}, QDir::Files, QDir::Time);
    if (!debs.isEmpty())
        file.m_path = debs.first().absoluteFilePath();
    return file;
}

PackageFile::Run PackageFile::run(const QString &program, const QStringList &arguments, int timeoutMs, const QByteArray &stdinData)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(30000))
        return {-1, {}, process.errorString().toUtf8()};
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, process.readAllStandardOutput(), "timed out: " + process.readAllStandardError()};
    }
    const int code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return {code, process.readAllStandardOutput(), process.readAllStandardError()};
}

QStringList PackageFile::contents() const
{
    QStringList paths;
    const Run listing = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--fsys-tarfile"), m_path});
    if (listing.exitCode != 0)
        return paths;
    const Run tar = run(QStringLiteral("tar"), {QStringLiteral("-t")}, 300000, listing.out);
    for (const QByteArray &line : tar.out.split('\n')) {
        QString entry = QString::fromUtf8(line);
        if (entry.startsWith(QLatin1String("./")))
            entry = entry.mid(2);
        if (!entry.isEmpty())
            paths.append(entry);
    }
    return paths;
}

QString PackageFile::field(const QString &name) const
{
    const Run r = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--field"), m_path, name});
    return r.exitCode == 0 ? QString::fromUtf8(r.out).trimmed() : QString();
}

QByteArray PackageFile::controlMember(const QString &name) const
{
    QTemporaryDir dir;
    if (run(QStringLiteral("dpkg-deb"), {QStringLiteral("--control"), m_path, dir.path()}).exitCode != 0)
        return {};
    QFile member(dir.filePath(name));
    return member.open(QIODevice::ReadOnly) ? member.readAll() : QByteArray();
}

bool PackageFile::controlMemberIsExecutable(const QString &name) const
{
    QTemporaryDir dir;
    if (run(QStringLiteral("dpkg-deb"), {QStringLiteral("--control"), m_path, dir.path()}).exitCode != 0)
        return false;
    const QFile::Permissions p = QFileInfo(dir.filePath(name)).permissions();
    return p.testFlag(QFile::ExeOwner) && p.testFlag(QFile::ExeGroup) && p.testFlag(QFile::ExeOther);
}

QByteArray PackageFile::fileContent(const QString &path) const
{
    const Run listing = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--fsys-tarfile"), m_path});
    if (listing.exitCode != 0)
        return {};
    const Run tar = run(QStringLiteral("tar"), {QStringLiteral("-xO"), QStringLiteral("./") + path}, 300000, listing.out);
    return tar.exitCode == 0 ? tar.out : QByteArray();
}
