#include "outboxconnectivityfollower.h"

#include "outboxsender.h"
#include "outboxstore.h"
#include "platformlog.h"

OutboxConnectivityFollower::OutboxConnectivityFollower(PlatformClient &client, OutboxStore &store, OutboxSender &sender,
                                                       QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sender(sender)
{
    connect(&client, &PlatformClient::connectivityChanged, this, &OutboxConnectivityFollower::follow);
}

void OutboxConnectivityFollower::follow(PlatformClient::Connectivity connectivity)
{
    if (connectivity != PlatformClient::Connectivity::Online)
        return;
    const OutboxResult<int> moved = m_store.bringForwardRetries();
    if (!moved)
        qCWarning(lcPlatform).noquote() << "the queue was not brought forward:" << moved.error().message;
    m_sender.wake();
}
