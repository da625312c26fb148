#include "platformheartbeat.h"

#include "platformclient.h"
#include "platformlog.h"

#include <QJsonArray>

#include <utility>

namespace {

constexpr qsizetype rememberedCommands = 64;

} // namespace

PlatformHeartbeat::PlatformHeartbeat(PlatformClient &client, ReportSource source, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_source(std::move(source))
{
    m_timer.setInterval(std::chrono::seconds(60));
    connect(&m_timer, &QTimer::timeout, this, &PlatformHeartbeat::beatNow);
}

void PlatformHeartbeat::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void PlatformHeartbeat::start()
{
    m_timer.start();
    beatNow();
}

void PlatformHeartbeat::stop()
{
    m_timer.stop();
}

void PlatformHeartbeat::beatNow()
{
    if (m_inFlight)
        return;
    m_inFlight = true;
    QJsonObject report = m_source ? m_source() : QJsonObject();
    m_acksInFlight = m_acks.size();
    if (!m_acks.isEmpty())
        report.insert(QStringLiteral("acks"), m_acks);
    PlatformCall *call = m_client.heartbeat(report);
    connect(call, &PlatformCall::finished, this, &PlatformHeartbeat::handle);
}

void PlatformHeartbeat::acknowledge(const QString &id, bool ok, const QString &detail)
{
    qCInfo(lcPlatform).noquote() << "platform command" << id << (ok ? "done:" : "not done:") << detail;
    m_acks.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("ok"), ok}, {QStringLiteral("detail"), detail}});
}

void PlatformHeartbeat::handle(const PlatformResult &result)
{
    m_inFlight = false;
    // Taken now: a command carried out below may beat again at once, with acks of its own.
    const qsizetype delivered = std::exchange(m_acksInFlight, 0);
    if (result.isOk()) {
        // Acknowledgements made while this beat was in flight wait for the next one.
        for (qsizetype i = 0; i < delivered && !m_acks.isEmpty(); ++i)
            m_acks.removeFirst();
        emit catalogueVersionAnnounced(result.body.value(QLatin1String("catalogue_version")).toString());
        for (const QJsonValue &value : result.body.value(QLatin1String("commands")).toArray()) {
            const QJsonObject command = value.toObject();
            const QString id = command.value(QLatin1String("id")).toString();
            if (m_seenCommands.contains(id))
                continue;
            m_seenCommands.append(id);
            while (m_seenCommands.size() > rememberedCommands)
                m_seenCommands.removeFirst();
            const QString name = command.value(QLatin1String("name")).toString();
            qCInfo(lcPlatform).noquote() << "platform command" << name << id;
            emit commandReceived(id, name, command);
        }
    }
    emit beaten(result);
}
