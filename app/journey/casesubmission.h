#pragma once

#include "outboxdraft.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

class OutboxSender;
class OutboxStore;

// Files an application the one way that never loses it: the case is committed to the outbox
// first, then the sender delivers it. The resident waits a few seconds for the case number; if it
// does not come (the platform is slow or away), they are told "queued" with the local reference,
// and the outbox keeps trying under the same idempotency key.
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

    CaseSubmission(OutboxStore &store, OutboxSender &sender, std::chrono::milliseconds liveWait, QObject *parent = nullptr);

    // Stores the case and starts the wait; finished() follows exactly once. A submission while
    // another is waiting is refused (NotStored, "busy").
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
    QTimer m_wait;
    QString m_localRef;
};
