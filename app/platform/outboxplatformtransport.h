#pragma once

#include "outboxtransport.h"
#include "platformresult.h"

class PlatformClient;

// The outbox's way to the platform: each leased entry goes out through PlatformClient with the
// entry's own idempotency key (POST /materials, /cases or /evaluations), and the client's
// classified result becomes the outbox's Delivered / Transient / Permanent.
class OutboxPlatformTransport : public OutboxTransport
{
public:
    explicit OutboxPlatformTransport(PlatformClient &client);

    void deliver(const OutboxRequest &request, Completion done) override;

    // The mapping on its own, for tests: what the outbox is told for one platform result.
    [[nodiscard]] static DeliveryResult toDelivery(EntryKind kind, const PlatformResult &result);

private:
    PlatformClient &m_client;
};
