#pragma once

#include "platformresult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

class QNetworkReply;
class PlatformClient;

// One request to the platform in flight. It emits finished() exactly once, with the classified
// result, and then deletes itself; connect to it right after the client hands it out.
class PlatformCall : public QObject
{
    Q_OBJECT
public:
    [[nodiscard]] PlatformEndpoint endpoint() const { return m_endpoint; }
    [[nodiscard]] QString idempotencyKey() const { return m_idempotencyKey; }
    [[nodiscard]] bool isFinished() const { return m_finished; }

    // Drops the request on the floor, as a crash or a pulled cable would: the platform may or may
    // not have acted on it, which is what the idempotency key is for. Finishes as transient.
    void abort();

signals:
    void finished(const PlatformResult &result);

private:
    friend class PlatformClient;
    PlatformCall(PlatformEndpoint endpoint, QObject *parent);
    void finish(const PlatformResult &result);

    PlatformEndpoint m_endpoint;
    QByteArray m_method;
    QString m_path; // relative to the base URL, with its query
    QByteArray m_body;
    QByteArray m_contentType;
    QHash<QByteArray, QByteArray> m_extraHeaders;
    QString m_idempotencyKey;
    bool m_signed = true;
    bool m_live = false;
    bool m_skewRetried = false;
    bool m_replayRetried = false;
    bool m_aborted = false;
    bool m_finished = false;
    QElapsedTimer m_timer;
    QPointer<QNetworkReply> m_reply;
};

Q_DECLARE_METATYPE(PlatformResult)
