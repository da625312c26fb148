#include "admincodereplaylist.h"

#include "admincode.h"
#include "common/statefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

AdminCodeReplayList::AdminCodeReplayList(QString stateFile)
    : m_stateFile(std::move(stateFile))
{
    load();
}

QString AdminCodeReplayList::pathIn(const QString &stateDir)
{
    return QDir(stateDir).filePath(QStringLiteral("admin-code-nonces.json"));
}

void AdminCodeReplayList::load()
{
    QFile file(m_stateFile);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = json.constBegin(); it != json.constEnd(); ++it)
        m_seen.insert(it.key(), qint64(it.value().toDouble()));
}

bool AdminCodeReplayList::seen(const QString &nonce, const QDateTime &now) const
{
    return m_seen.value(nonce, -1) >= now.toSecsSinceEpoch();
}

AdminCodeReplayList::Outcome AdminCodeReplayList::admit(const QString &nonce, const QDateTime &expires, const QDateTime &now)
{
    // Re-read first: kioskctl or another kiosk process may share the state directory.
    load();
    const qint64 nowS = now.toSecsSinceEpoch();
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (it.value() < nowS)
            it = m_seen.erase(it);
        else
            ++it;
    }
    if (m_seen.contains(nonce))
        return Outcome::Replayed;
    m_seen.insert(nonce, expires.toSecsSinceEpoch() + AdminCode::ClockSkewSeconds);

    QJsonObject json;
    for (auto it = m_seen.constBegin(); it != m_seen.constEnd(); ++it)
        json.insert(it.key(), double(it.value()));
    QDir().mkpath(QFileInfo(m_stateFile).absolutePath());
    if (!StateFile::replace(m_stateFile, QJsonDocument(json).toJson(QJsonDocument::Compact)))
        return Outcome::NotStored;
    return Outcome::Fresh;
}
