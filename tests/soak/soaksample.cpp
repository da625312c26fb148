#include "soaksample.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSaveFile>

namespace {

qint64 statusKiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

int entries(const QString &path)
{
    return int(QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
}

} // namespace

SoakSample SoakSample::take(int sessions, const QString &stateDir)
{
    SoakSample sample;
    sample.sessions = sessions;
    sample.rssKiB = statusKiB("VmRSS");
    sample.threads = int(statusKiB("Threads"));
    sample.descriptors = entries(QStringLiteral("/proc/self/fd"));
    const QDir root(stateDir);
    QDirIterator it(stateDir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = root.relativeFilePath(path);
        if (relative.startsWith(QLatin1String("sim/")))
            continue;
        const qint64 size = it.fileInfo().size();
        sample.stateBytes += size;
        if (relative.startsWith(QLatin1String("logs/")) || relative.contains(QLatin1String("audit")))
            sample.logBytes += size;
        sample.files.append(relative);
    }
    sample.files.sort();
    return sample;
}

QString SoakSample::csvHeader()
{
    return QStringLiteral("sessions,rss_kib,descriptors,threads,state_bytes,log_bytes,outbox_pending,outbox_tombstones,files");
}

QString SoakSample::csvRow() const
{
    return QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9")
        .arg(sessions).arg(rssKiB).arg(descriptors).arg(threads).arg(stateBytes).arg(logBytes)
        .arg(outboxPending).arg(outboxTombstones).arg(files.size());
}

bool SoakSample::writeCsv(const QList<SoakSample> &samples, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    QString text = csvHeader() + QLatin1Char('\n');
    for (const SoakSample &sample : samples)
        text += sample.csvRow() + QLatin1Char('\n');
    file.write(text.toUtf8());
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}
