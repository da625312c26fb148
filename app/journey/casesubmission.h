#pragma once

#include "outboxdraft.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

class OutboxSender;
class OutboxStore;
class PlatformClient;

// Files an application the one way that never loses it: the case is committed to the outbox
// first, then the sender delivers it. The resident waits a few seconds for the case number; if it
// does not come (the platform is slow or away), they are told "queued" with the local reference,
// and the outbox keeps trying under the same idempotency key. A platform already known to be away
// is not waited for: the case is queued at once, and so it is when the platform is found away
// during the wait.
class CaseSubmission : public QObject
{
    Q_OBJECT

public:
    struct Outcome {
        enum class Kind { Filed, Queued, Refused, NotStored };
        Kind kind = Kind::NotStored;
        QString localRef; // always set once stored
        QString caseNo;   // Filed
        QString detail;   // Refused: the platform's code; NotStored: why nothing was stored
    };

    // `platform` (may be null) tells whether the platform is known, or found, to be away.
    CaseSubmission(OutboxStore &store, OutboxSender &sender, std::chrono::milliseconds liveWait, const PlatformClient *platform = nullptr,
                   QObject *parent = nullptr);

    // Stores the case and starts the wait; finished() follows exactly once, at the event loop's
    // next turn when the platform is known to be away. A submission while another is waiting is
    // refused (NotStored, "busy").
    void submit(const CaseDraft &draft);
    [[nodiscard]] bool isWaiting() const { return !m_localRef.isEmpty(); }

    [[nodiscard]] static QString kindName(Outcome::Kind kind);

signals:
    void finished(const CaseSubmission::Outcome &outcome);

private:
    void conclude(Outcome outcome);

    OutboxStore &m_store;
    OutboxSender &m_sender;
    std::chrono::milliseconds m_liveWait;
    const PlatformClient *m_platform;
    QTimer m_wait;
    QString m_localRef;
};
