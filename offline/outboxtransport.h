#pragma once

#include "outboxentry.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>
#include <variant>

// The one request the sender hands to the transport: POST /materials (body is the document,
// with X-Material-Id), POST /cases or POST /evaluations (body is JSON), always with the same
// Idempotency-Key. The body holds personal data: a transport never logs it.
struct OutboxRequest {
    EntryKind kind = EntryKind::Case;
    QString localRef;
    QString idempotencyKey;
    QString itemCode;
    QString materialId;  // materials only
    QString contentType; // "application/json" for cases and evaluations
    QByteArray body;
    int attempt = 1;     // 1 for the first attempt
};

// The platform answered with a reference: case_no, material_ref, evaluation_id or complaint_no.
struct Delivered {
    QString reference;
    QByteArray responseBody;
};

// Worth trying again later: 409, 429, 5xx, a network error, a timeout, a malformed reply.
struct Transient {
    std::optional<std::chrono::seconds> retryAfter;
    QString reason; // an error code or a short phrase such as "network", never personal data
};

// Will never succeed as it is: 400, 401 other than clock_skew, 404, 422. Parked for staff.
struct Permanent {
    QString code;   // the platform's error code, e.g. "validation_failed"
    QString reason; // a short phrase for the log, never personal data
};

// The platform refused this body for good, and its answer proves it holds nothing under the key
// (only the resident's holder token had expired, say): the entry goes again at once with `body`
// under a fresh key, which cannot file it twice. `body` must be one the same refusal cannot meet.
struct Rekey {
    QByteArray body;
    QString reason; // a short phrase for the log, never personal data
};

using DeliveryResult = std::variant<Delivered, Transient, Permanent, Rekey>;

// How the outbox reaches the platform. The app implements it with the platform client; the tests
// with a fake. `deliver` may call `done` before it returns or later from the event loop, but must
// call it exactly once (a call after the sender gave up waiting is ignored).
class OutboxTransport
{
public:
    using Completion = std::function<void(const DeliveryResult &result)>;

    virtual ~OutboxTransport() = default;
    virtual void deliver(const OutboxRequest &request, Completion done) = 0;

    // The body an entry goes out with, decided once before its first send; the outbox keeps it
    // and sends exactly it on every later attempt under the same key, whenever that is. Nothing:
    // the body as queued, which does not depend on the moment it is sent.
    [[nodiscard]] virtual std::optional<QByteArray> bodyForFirstSend(const OutboxRequest &) { return std::nullopt; }
};
