#include "casesubmission.h"

#include "applog.h"
#include "outboxsender.h"
#include "outboxstore.h"
#include "platformclient.h"

CaseSubmission::CaseSubmission(OutboxStore &store, OutboxSender &sender, std::chrono::milliseconds liveWait, const PlatformClient *platform,
                               QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sender(sender)
    , m_liveWait(liveWait)
    , m_platform(platform)
{
    m_wait.setSingleShot(true);
    connect(&m_wait, &QTimer::timeout, this, [this] {
        qCInfo(lcSession) << "case" << m_localRef << "not confirmed in time; it stays queued";
        conclude({Outcome::Kind::Queued, m_localRef, {}, {}});
    });
    connect(&m_sender, &OutboxSender::delivered, this, [this](const QString &localRef, const QString &reference) {
        if (!m_localRef.isEmpty() && localRef == m_localRef)
            conclude({Outcome::Kind::Filed, localRef, reference, {}});
    });
    connect(&m_sender, &OutboxSender::parked, this, [this](const QString &localRef, const QString &code) {
        if (!m_localRef.isEmpty() && localRef == m_localRef)
            conclude({Outcome::Kind::Refused, localRef, {}, code});
    });
    // The platform found away while the resident waits (the case's own attempt, or a heartbeat,
    // met nobody there): no answer can come before the outbox's next attempt, so the rest of the
    // wait would only keep the resident before a spinner.
    if (m_platform) {
        connect(m_platform, &PlatformClient::connectivityChanged, this, [this](PlatformClient::Connectivity connectivity) {
            if (connectivity != PlatformClient::Connectivity::Offline || !m_wait.isActive())
                return;
            qCInfo(lcSession) << "case" << m_localRef << "queued: the platform was found away while waiting";
            conclude({Outcome::Kind::Queued, m_localRef, {}, {}});
        });
    }
}

void CaseSubmission::submit(const CaseDraft &draft)
{
    if (isWaiting()) {
        emit finished({Outcome::Kind::NotStored, {}, {}, QStringLiteral("busy")});
        return;
    }
    const OutboxResult<QueuedCase> queued = m_store.enqueueCase(draft);
    if (!queued) {
        qCWarning(lcSession) << "case for" << draft.itemCode << "not stored:" << outboxErrorCodeName(queued.error().code);
        emit finished({Outcome::Kind::NotStored, {}, {}, outboxErrorCodeName(queued.error().code)});
        return;
    }
    m_localRef = queued.value().localRef;
    qCInfo(lcSession) << "case" << m_localRef << "stored for" << draft.itemCode;
    m_sender.wake();
    // Waiting for a platform known to be away would only keep the resident before a spinner.
    // The answer still comes from the event loop, as every other outcome does, so that the caller
    // has finished moving the session on before it hears it.
    if (m_platform && m_platform->connectivity() == PlatformClient::Connectivity::Offline) {
        qCInfo(lcSession) << "case" << m_localRef << "queued at once: the platform is away";
        QMetaObject::invokeMethod(
            this,
            [this, localRef = m_localRef] {
                if (m_localRef == localRef)
                    conclude({Outcome::Kind::Queued, localRef, {}, {}});
            },
            Qt::QueuedConnection);
        return;
    }
    m_wait.start(m_liveWait);
}

QString CaseSubmission::kindName(Outcome::Kind kind)
{
    switch (kind) {
    case Outcome::Kind::Filed: return QStringLiteral("filed");
    case Outcome::Kind::Queued: return QStringLiteral("queued");
    case Outcome::Kind::Refused: return QStringLiteral("refused");
    case Outcome::Kind::NotStored: return QStringLiteral("not_stored");
    }
    return {};
}

void CaseSubmission::conclude(Outcome outcome)
{
    m_wait.stop();
    m_localRef.clear();
    emit finished(outcome);
}
