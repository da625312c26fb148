#include "terminalmetrics.h"

#include "applog.h"
#include "devicesurvey.h"
#include "kioskconfig.h"
#include "metricstextfile.h"
#include "platformclient.h"
#include "platformheartbeat.h"
#include "sessionmachine.h"
#include "terminalsupervision.h"

#include <QDir>
#include <QFileInfo>

#include <chrono>

TerminalMetrics::TerminalMetrics(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_path(parts.config->string(QStringLiteral("monitoring/textfile")))
{
    m_timer.setInterval(std::chrono::seconds(m_parts.config->integer(QStringLiteral("monitoring/interval_s"))));
    connect(&m_timer, &QTimer::timeout, this, &TerminalMetrics::writeNow);
    connect(m_parts.session, &SessionMachine::sessionEnded, this, [this](SessionEnd reason) {
        if (reason == SessionEnd::Completed)
            ++m_finished;
        else
            ++m_abandoned;
    });
    if (m_parts.supervision) {
        followHeartbeat();
        connect(m_parts.supervision, &TerminalSupervision::heartbeatStarted, this, &TerminalMetrics::followHeartbeat);
    }
}

void TerminalMetrics::followHeartbeat()
{
    PlatformHeartbeat *heartbeat = m_parts.supervision->heartbeat();
    if (!heartbeat)
        return;
    // Called once: for the heartbeat running when the metrics start, or for the one an enrolment
    // starts later (the supervision never starts a second).
    connect(heartbeat, &PlatformHeartbeat::beaten, this, [this](const PlatformResult &result) {
        if (result.isOk())
            m_lastHeartbeat = QDateTime::currentDateTimeUtc();
    });
}

void TerminalMetrics::start()
{
    if (m_path.isEmpty()) {
        qCInfo(lcApp) << "no metrics file is written (monitoring/textfile is empty)";
        return;
    }
    // Without its folder (the package makes it) nothing here is monitored, which is not a fault
    // of the kiosk: a developer's machine, say.
    if (!QFileInfo(m_path).dir().exists()) {
        qCInfo(lcApp).noquote() << "no metrics file is written: there is no folder for" << m_path;
        return;
    }
    writeNow();
    m_timer.start();
}

FleetMetrics TerminalMetrics::collect() const
{
    FleetMetrics metrics;
    if (m_parts.supervision)
        metrics.heartbeat = m_parts.supervision->heartbeatReport();
    metrics.slot = FleetMetrics::bootedSlot();
    metrics.sessionsFinished = m_finished;
    metrics.sessionsAbandoned = m_abandoned;
    metrics.lastHeartbeat = m_lastHeartbeat;
    if (const PlatformClient *platform = m_parts.platform) {
        metrics.connectivity = PlatformClient::connectivityName(platform->connectivity());
        if (platform->settings().credentials)
            metrics.terminalId = platform->settings().credentials->terminalId;
        if (platform->clockSkew().isKnown())
            metrics.clockSkewS = static_cast<double>(platform->clockSkew().offsetMs) / 1000.0;
    }
    if (m_parts.devices) {
        const QJsonArray surveyed = DeviceSurvey::describe(*m_parts.devices, *m_parts.config);
        metrics.paperRemaining = FleetMetrics::paperRemainingOf(surveyed, *m_parts.config);
        metrics.deviceCounters = FleetMetrics::countersOf(surveyed);
    }
    metrics.generatedAt = QDateTime::currentDateTimeUtc();
    return metrics;
}

bool TerminalMetrics::writeNow()
{
    if (m_path.isEmpty())
        return false;
    QString error;
    const bool written = MetricsTextfile::write(m_path, collect().toText(), &error);
    if (!written && !m_failing)
        qCWarning(lcApp).noquote() << "metrics not written:" << error;
    else if (written && m_failing)
        qCInfo(lcApp).noquote() << "metrics written again to" << m_path;
    m_failing = !written;
    return written;
}
