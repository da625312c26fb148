#pragma once

#include "platformclient.h"

#include <QObject>

class OutboxSender;
class OutboxStore;

// The outbox follows the platform's connectivity: when the client is back online after an outage
// (a heartbeat got through), entries waiting out a backoff become due at once (never before a
// Retry-After the platform asked for) and the sender is woken, so queued cases leave within
// seconds instead of after up to offline/retry_cap_s.
class OutboxConnectivityFollower : public QObject
{
    Q_OBJECT
public:
    OutboxConnectivityFollower(PlatformClient &client, OutboxStore &store, OutboxSender &sender, QObject *parent = nullptr);

private:
    void follow(PlatformClient::Connectivity connectivity);

    OutboxStore &m_store;
    OutboxSender &m_sender;
};
