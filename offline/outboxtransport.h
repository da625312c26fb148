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

// The platform answered with a reference: case_no, material_ref or evaluation_id.
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

using DeliveryResult = std::variant<Delivered, Transient, Permanent>;

// How the outbox reaches the platform. The app implements it with the platform client; the tests
// with a fake. `deliver` may call `done` before it returns or later from the event loop, but must
// call it exactly once (a call after the sender gave up waiting is ignored).
class OutboxTransport
{
public:
    using Completion = std::function<void(const DeliveryResult &result)>;

    virtual ~OutboxTransport() = default;
    virtual void deliver(const OutboxRequest &request, Completion done) = 0;
};
