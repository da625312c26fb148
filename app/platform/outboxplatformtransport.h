#pragma once

#include "outboxtransport.h"
#include "platformresult.h"

#include <QDateTime>
#include <QJsonObject>

#include <functional>

class PlatformClient;

// The outbox's way to the platform: each leased entry goes out through PlatformClient with the
// entry's own idempotency key (POST /materials, /cases or /evaluations), and the client's
// classified result becomes the outbox's Delivered / Transient / Permanent / Rekey.
class OutboxPlatformTransport : public OutboxTransport
{
public:
    explicit OutboxPlatformTransport(PlatformClient &client);

    // The time a case's body is decided by (tests set it; the system clock otherwise).
    void setClock(std::function<QDateTime()> clock);

    void deliver(const OutboxRequest &request, Completion done) override;
    // A case with a holder token drops it here, once, if the token is about to run out
    // (caseBodyToSend); anything else goes as queued.
    [[nodiscard]] std::optional<QByteArray> bodyForFirstSend(const OutboxRequest &request) override;

    // The mapping on its own, for tests: what the outbox is told for one platform result.
    [[nodiscard]] static DeliveryResult toDelivery(EntryKind kind, const PlatformResult &result);
    // A case refused only because the platform no longer honours its holder token: the same case
    // without the token, to send under a new key (the refusal proves nothing was filed under the
    // old one). Nothing for any other answer.
    [[nodiscard]] static std::optional<Rekey> withoutExpiredToken(const QByteArray &caseBody, const PlatformResult &result);

    // A queued case keeps the resident's holder token with when it runs out, under this key,
    // which never leaves the kiosk.
    static constexpr char HolderTokenExpiryKey[] = "kiosk_holder_token_expires_at";
    // The case body as it goes out at `now`: without the expiry, and without the token when it
    // has less than a minute left, since the contract sends a case queued offline without one
    // and the platform then verifies it from its applicant.
    [[nodiscard]] static QJsonObject caseBodyToSend(QJsonObject body, const QDateTime &now);

private:
    PlatformClient &m_client;
    std::function<QDateTime()> m_clock;
};
