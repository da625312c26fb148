#include "platformcall.h"

#include <QNetworkReply>

PlatformCall::PlatformCall(PlatformEndpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
{
    m_timer.start();
}

void PlatformCall::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    if (m_reply) {
        // The reply's finished handler turns OperationCanceledError into the transient result.
        m_reply->abort();
        return;
    }
    finish(PlatformResult::networkFailure(QStringLiteral("aborted"), QStringLiteral("the call was abandoned")));
}

void PlatformCall::finish(const PlatformResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    PlatformResult withTime = result;
    withTime.elapsedMs = m_timer.elapsed();
    emit finished(withTime);
    deleteLater();
}
