#include "recentlog.h"

#include "personaldatafilter.h"
#include "common/statefile.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>

namespace {

RecentLog *g_installed = nullptr;
QtMessageHandler g_previous = nullptr;

const char *typeName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "message";
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // Writing the file must never log through this handler again.
    thread_local bool inside = false;
    if (inside)
        return;
    inside = true;
    const QString scrubbed = PersonalDataFilter::scrub(message);
    if (g_installed)
        g_installed->append(type, context.category, scrubbed);
    if (g_previous)
        g_previous(type, context, scrubbed);
    inside = false;
}

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!StateFile::open(file, QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

RecentLog::RecentLog(QString path, qint64 rotateBytes)
    : m_path(std::move(path))
    , m_rotateBytes(rotateBytes)
{
}

RecentLog::~RecentLog() = default;

QString RecentLog::directoryIn(const QString &stateDir)
{
    return QDir(stateDir).filePath(QStringLiteral("logs"));
}

RecentLog *RecentLog::installForKiosk(const QString &stateDir)
{
    return install(stateDir, QStringLiteral("kiosk.log"), true);
}

RecentLog *RecentLog::installForCtl(const QString &stateDir)
{
    return install(stateDir, QStringLiteral("kioskctl.log"), false);
}

RecentLog *RecentLog::install(const QString &stateDir, const QString &fileName, bool makeStateDir)
{
    uninstall();
    if (stateDir.isEmpty() || (makeStateDir && !QDir().mkpath(stateDir)) || !QFileInfo(stateDir).isDir())
        return nullptr;
    const QString directory = directoryIn(stateDir);
    if (!QFileInfo::exists(directory)) {
        if (!QDir().mkpath(directory))
            return nullptr;
        QFile::setPermissions(directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        (void)StateFile::adoptParentOwner(directory);
    }
    g_installed = new RecentLog(QDir(directory).filePath(fileName));
    g_previous = qInstallMessageHandler(handleMessage);
    return g_installed;
}

void RecentLog::uninstall()
{
    if (!g_installed)
        return;
    qInstallMessageHandler(g_previous);
    g_previous = nullptr;
    delete g_installed;
    g_installed = nullptr;
}

RecentLog *RecentLog::installed()
{
    return g_installed;
}

void RecentLog::append(QtMsgType type, const char *category, const QString &message)
{
    const QByteArray line = QStringLiteral("%1 %2 %3: %4\n")
                                .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), QLatin1String(typeName(type)),
                                     QLatin1String(category ? category : "default"), PersonalDataFilter::scrub(message))
                                .toUtf8();
    QMutexLocker lock(&m_mutex);
    if (m_file.isOpen() && m_file.size() + line.size() > m_rotateBytes) {
        m_file.close();
        QFile::remove(rotatedPath());
        QFile::rename(m_path, rotatedPath());
    }
    if (!m_file.isOpen() && !openLocked())
        return;
    m_file.write(line);
    m_file.flush();
}

bool RecentLog::openLocked()
{
    m_file.setFileName(m_path);
    return StateFile::open(m_file, QIODevice::WriteOnly | QIODevice::Append);
}

QStringList RecentLog::tail(int lines) const
{
    QMutexLocker lock(&m_mutex);
    QStringList all = readLines(m_path);
    if (all.size() < lines)
        all = readLines(rotatedPath()) + all;
    return lines >= all.size() ? all : all.mid(all.size() - lines);
}
