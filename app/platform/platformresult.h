#pragma once

#include "localizedtext.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

// What one platform call came to, classified as the contract's error table says the kiosk must
// act: Ok, Transient (retry with backoff, honouring retryAfterS), ClockSkew (fix the clock offset
// from serverTime and retry once) or Permanent (keep the case and flag it for staff).
enum class PlatformOutcome { Ok, Transient, ClockSkew, Permanent };

// The contract's endpoints, each with its own response shape.
enum class PlatformEndpoint {
    Enroll,
    Catalogue,
    IdentityVerify,
    Materials,
    SubmitCase,
    CaseStatus,
    CaseList,
    Licenses,
    Document,
    Evaluations,
    Heartbeat,
    Screenshots,
    StaffVerify, // contract 1.1: a staff member signs in at the kiosk
    // Contract 1.1: the hall's counters (取号 / 预约).
    TicketGroups,
    Tickets,
    Appointments,
    // Contract 1.1: 投诉建议, sent by the outbox.
    Complaints,
    AssistCall,
    // Contract 1.1: a fee's payment, polled and cancelled; live only.
    Payments,
};

struct PlatformResult {
    PlatformOutcome outcome = PlatformOutcome::Transient;
    int httpStatus = 0;       // 0 when no response arrived (network, timeout, TLS)
    QJsonObject body;         // the validated JSON body of a successful call
    QByteArray content;       // the raw bytes of a document (application/pdf)
    QString errorCode;        // the contract's code ("validation_failed", "network", "malformed" …)
    QString message;          // the kiosk's own words (network, malformed reply), never the platform's text
    QJsonObject details;      // e.g. validation_failed's field → reason
    std::optional<int> retryAfterS;
    QDateTime serverTime;     // from Date, for clock_skew
    QString requestId;        // X-Request-Id, logged with every failure
    QByteArray etag;          // GET /catalogue
    bool notModified = false; // GET /catalogue answered 304
    bool replayed = false;    // Idempotent-Replayed: true
    qint64 elapsedMs = 0;     // from sending to the answer, the skew retry included
    QString tls;              // protocol and the platform's certificate, for `kioskctl platform ping`

    [[nodiscard]] bool isOk() const { return outcome == PlatformOutcome::Ok; }
    [[nodiscard]] bool isTransient() const { return outcome == PlatformOutcome::Transient; }
    [[nodiscard]] bool isPermanent() const { return outcome == PlatformOutcome::Permanent; }

    // A sentence a resident can be shown, in both languages, for a call that failed.
    [[nodiscard]] LocalizedText userMessage() const;
    // "503 unavailable (request 9f…)": what a log line or kioskctl prints.
    [[nodiscard]] QString summary() const;

    // A result for a call that got no HTTP response: connection refused, timeout, TLS failure.
    [[nodiscard]] static PlatformResult networkFailure(const QString &code, const QString &message);
};

namespace PlatformResponse {

// Classifies one HTTP response (status, headers with lower-case names, body) from `endpoint`:
// a 2xx whose body does not have the endpoint's shape, or an error whose body is not the
// contract's error object, is treated as 502 (transient), as the contract says.
[[nodiscard]] PlatformResult classify(PlatformEndpoint endpoint, int status,
                                      const QHash<QByteArray, QByteArray> &headers, const QByteArray &body);

// Parses an HTTP-date ("Mon, 23 Nov 2026 05:05:00 GMT") or an RFC 3339 time.
[[nodiscard]] QDateTime parseTime(const QByteArray &text);

} // namespace PlatformResponse
