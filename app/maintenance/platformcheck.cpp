#include "platformcheck.h"

#include "platformcall.h"
#include "platformclient.h"
#include "platformheartbeat.h"

PlatformCheck::PlatformCheck(QObject *parent)
    : QObject(parent)
{
}

void PlatformCheck::watch(PlatformHeartbeat *heartbeat)
{
    if (!heartbeat)
        return;
    connect(heartbeat, &PlatformHeartbeat::beaten, this, [this](const PlatformResult &result) {
        m_lastHeartbeat = QDateTime::currentDateTime();
        m_lastHeartbeatResult = result.isOk() ? QStringLiteral("ok") : result.summary();
    });
}

void PlatformCheck::start(PlatformClient *platform, const QString &terminalId)
{
    if (!platform) {
        m_detail = QStringLiteral("platform client not configured");
        m_figures = {{QStringLiteral("checked"), true}, {QStringLiteral("reachable"), false}, {QStringLiteral("detail"), m_detail}};
        m_checked = true;
        m_reachable = false;
        emit changed();
        return;
    }
    m_figures = {{QStringLiteral("checking"), true}};
    emit changed();
    const bool enrolled = platform->settings().credentials.has_value();
    const QDateTime sentAt = QDateTime::currentDateTimeUtc();
    PlatformCall *call = enrolled ? platform->fetchCatalogue() : platform->enroll({}, {}, {}, {});
    connect(call, &PlatformCall::finished, this, [this, platform, sentAt, enrolled, terminalId](const PlatformResult &result) {
        const QDateTime receivedAt = QDateTime::currentDateTimeUtc();
        // Enrolled, the platform must also accept the terminal's signature.
        const bool reachable = result.httpStatus != 0 && (!enrolled || result.isOk());
        QVariantMap figures{
            {QStringLiteral("checked"), true},
            {QStringLiteral("reachable"), reachable},
            {QStringLiteral("enrolled"), enrolled},
            {QStringLiteral("terminalId"), enrolled ? terminalId : QString()},
            {QStringLiteral("signatureOk"), enrolled && result.isOk()},
            {QStringLiteral("httpStatus"), result.httpStatus},
            {QStringLiteral("latencyMs"), result.elapsedMs},
            {QStringLiteral("detail"), reachable ? QString() : result.summary()},
            {QStringLiteral("lastHeartbeat"), m_lastHeartbeat.isValid() ? m_lastHeartbeat.toString(QStringLiteral("HH:mm:ss")) : QString()},
            {QStringLiteral("lastHeartbeatResult"), m_lastHeartbeatResult},
        };
        if (result.serverTime.isValid()) {
            const QDateTime middle = sentAt.addMSecs(sentAt.msecsTo(receivedAt) / 2);
            figures.insert(QStringLiteral("clockOffsetS"), QString::number(middle.msecsTo(result.serverTime) / 1000.0, 'f', 1));
        }
        // The client's reading, which judges cards' dates while this clock is far off.
        figures.insert(QStringLiteral("clockFarOff"), platform->clockSkew().isFarOff());
        m_figures = figures;
        m_checked = true;
        m_reachable = reachable;
        m_detail = reachable ? QStringLiteral("HTTP %1 in %2 ms").arg(result.httpStatus).arg(result.elapsedMs) : result.summary();
        emit performed(QStringLiteral("platform.check"), reachable ? QStringLiteral("ok") : QStringLiteral("failed"), m_detail);
        emit changed();
    });
}
