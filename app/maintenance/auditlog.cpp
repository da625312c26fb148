#include "auditlog.h"

#include "kioskconfig.h"
#include "personaldatafilter.h"
#include "common/statefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <pwd.h>
#include <unistd.h>

namespace {

// recent() reads only the end of the file, so a log years long costs the same as a new one.
constexpr qint64 BytesPerEntryRead = 2048;
constexpr qint64 MinimumTailBytes = 64 * 1024;

} // namespace

AuditLog::AuditLog(QString path, LogRotationLimits limits)
    : m_path(std::move(path))
    , m_limits(limits)
{
}

QString AuditLog::pathIn(const QString &stateDir)
{
    return QDir(stateDir).filePath(QStringLiteral("audit.log"));
}

QString AuditLog::ctlActor()
{
    const passwd *account = ::getpwuid(::geteuid());
    const QString user = account ? QString::fromLocal8Bit(account->pw_name) : QString::number(::geteuid());
    const QString sudoUser = qEnvironmentVariable("SUDO_USER");
    return QStringLiteral("kioskctl:") + (sudoUser.isEmpty() ? user : sudoUser + QStringLiteral("(as ") + user + QLatin1Char(')'));
}

bool AuditLog::recordCtl(const KioskConfig &config, const QString &action, const QString &result, const QString &detail)
{
    return AuditLog(pathIn(config.string(QStringLiteral("kiosk/state_dir")))).record(ctlActor(), action, result, detail);
}

bool AuditLog::record(const QString &actor, const QString &action, const QString &result, const QString &detail)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const QJsonObject json{
        {QLatin1String("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QLatin1String("actor"), PersonalDataFilter::scrub(actor)},
        {QLatin1String("action"), action},
        {QLatin1String("result"), result},
        {QLatin1String("detail"), PersonalDataFilter::scrub(detail)},
    };
    const QByteArray line = QJsonDocument(json).toJson(QJsonDocument::Compact) + '\n';
    // A log that could not rotate is still appended to: losing an audit line is worse than a big file.
    (void)LogRotation::makeRoom(m_path, line.size(), m_limits);
    QFile file(m_path);
    if (!StateFile::open(file, QIODevice::WriteOnly | QIODevice::Append))
        return false;
    if (file.write(line) != line.size() || !file.flush())
        return false;
    return ::fsync(file.handle()) == 0;
}

QList<AuditEntry> AuditLog::recent(int count) const
{
    QList<AuditEntry> entries;
    const QStringList files = LogRotation::files(m_path, m_limits);
    for (qsizetype i = 0; i < files.size() && entries.size() < count; ++i) {
        QFile file(files.at(i));
        if (count <= 0 || !StateFile::open(file, QIODevice::ReadOnly))
            continue;
        const qint64 tail = qMax(MinimumTailBytes, BytesPerEntryRead * count);
        const bool partial = file.size() > tail;
        if (partial)
            file.seek(file.size() - tail);
        QList<QByteArray> lines = file.readAll().split('\n');
        if (partial && !lines.isEmpty())
            lines.removeFirst();
        for (auto it = lines.crbegin(); it != lines.crend() && entries.size() < count; ++it) {
            const QJsonObject json = QJsonDocument::fromJson(*it).object();
            if (json.isEmpty())
                continue;
            entries.append({QDateTime::fromString(json.value(QLatin1String("at")).toString(), Qt::ISODateWithMs),
                            json.value(QLatin1String("actor")).toString(), json.value(QLatin1String("action")).toString(),
                            json.value(QLatin1String("result")).toString(), json.value(QLatin1String("detail")).toString()});
        }
    }
    return entries;
}
