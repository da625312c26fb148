#pragma once

#include "outboxtransport.h"
#include "platformresult.h"

#include <QDateTime>
#include <QJsonObject>

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

    // A queued case keeps the resident's holder token with when it runs out, under this key,
    // which never leaves the kiosk.
    static constexpr char HolderTokenExpiryKey[] = "kiosk_holder_token_expires_at";
    // The case body as it goes out at `now`: without the expiry, and without the token when it
    // has less than a minute left, since the contract sends a case queued offline without one
    // and the platform then verifies it from its applicant.
    [[nodiscard]] static QJsonObject caseBodyToSend(QJsonObject body, const QDateTime &now);

private:
    PlatformClient &m_client;
};
