#pragma once

#include "catalogue.h"
#include "clockskew.h"
#include "platformcall.h"
#include "requestsigner.h"
#include "terminalcredentials.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

#include <optional>

class KioskConfig;
class QNetworkAccessManager;
class QNetworkReply;

// How the client reaches the platform: the base URL, the only CAs it trusts, an optional client
// certificate, the signature algorithm, the timeout and the terminal's credentials (absent
// before enrolment, when only enroll() works).
struct PlatformClientSettings {
    QUrl baseUrl;
    QList<QSslCertificate> caCertificates; // the only CAs trusted; an https URL without any is refused
    QSslCertificate clientCertificate;
    QSslKey clientKey;
    SignatureAlgorithm algorithm = SignatureAlgorithm::HmacSha256;
    // Without a byte moving for this long a call is given up; and it is given up anyway once it
    // has taken this long plus the time its body needs at 64 KiB/s, however slowly bytes trickle.
    int timeoutMs = 15000;
    std::optional<TerminalCredentials> credentials;
    QString catalogueCachePath; // where the last catalogue is kept; empty: memory only

    // Reads [platform] from the configuration: CA, client certificate, credentials file (a
    // missing credentials file is not an error, the terminal is just not enrolled yet).
    [[nodiscard]] static std::optional<PlatformClientSettings> fromConfig(const KioskConfig &config, QString *error);
    // Why an https platform without a CA bundle is refused, naming platform/ca_file.
    [[nodiscard]] static QString missingCaReason(const QUrl &url);
};

// The terminal's client for reference/platform-api.md: every endpoint, signed, with the clock
// offset corrected from clock_skew (one retry), TLS trusting only the configured CA, and every
// response classified by PlatformResponse::classify. It never blocks: each method returns a
// PlatformCall that reports once. `connectivity` follows what the calls meet.
class PlatformClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Connectivity connectivity READ connectivity NOTIFY connectivityChanged)
public:
    // Online: the last call got a proper answer. Degraded: the platform answers, but with
    // 5xx, 429 or malformed bodies. Offline: no answer at all (refused, timeout, TLS).
    enum class Connectivity { Online, Degraded, Offline };
    Q_ENUM(Connectivity)

    explicit PlatformClient(const PlatformClientSettings &settings, QObject *parent = nullptr);
    ~PlatformClient() override;

    [[nodiscard]] Connectivity connectivity() const { return m_connectivity; }
    [[nodiscard]] static QString connectivityName(Connectivity connectivity);
    [[nodiscard]] const PlatformClientSettings &settings() const { return m_settings; }
    void setCredentials(const TerminalCredentials &credentials);

    // Platform time minus local time, added to every X-Timestamp: learnt from clock_skew answers,
    // and from any reply whose Date is further off than ClockSkewFollowMs.
    [[nodiscard]] qint64 clockOffsetMs() const { return m_clockOffsetMs; }
    void setClockOffsetMs(qint64 offsetMs) { m_clockOffsetMs = offsetMs; }
    // The last reading of the platform's Date header, whatever the reply's outcome.
    [[nodiscard]] ClockSkew clockSkew() const { return m_clockSkew; }
    // Readings closer than this to the offset in use leave it alone: Date has whole seconds and
    // a reply takes its time, so small differences are noise, not drift.
    static constexpr qint64 ClockSkewFollowMs = 30 * 1000;

    // Calls that need the platform live (identity, case progress, e-licences) fail at once with
    // a transient "offline" result while the state is Offline, so a resident is not kept waiting.
    void setFailFastWhenOffline(bool failFast) { m_failFast = failFast; }

    // POST /enroll (unsigned): body {"enroll_token", "serial", "model", "site"}.
    PlatformCall *enroll(const QString &token, const QString &serial, const QString &model, const QString &site);
    // GET /catalogue with If-None-Match; a 200 or 304 leaves the catalogue in cachedCatalogue().
    PlatformCall *fetchCatalogue();
    [[nodiscard]] std::optional<Catalogue> cachedCatalogue() const;
    [[nodiscard]] QByteArray cachedCatalogueEtag() const { return m_catalogueEtag; }

    // POSTs that change something take the caller's idempotency key, so a retry, even from the
    // outbox after a restart, reuses it. An empty key makes a fresh one (live calls only).
    PlatformCall *verifyIdentity(const QJsonObject &request, const QString &idempotencyKey = {});
    PlatformCall *uploadMaterial(const QString &materialId, const QByteArray &content, const QByteArray &contentType,
                                 const QString &idempotencyKey);
    // POST /staff/verify with the code a staff member's work app shows (method staff_qr); live only.
    PlatformCall *verifyStaff(const QString &qrPayload);
    PlatformCall *submitCase(const QJsonObject &request, const QString &idempotencyKey);
    PlatformCall *submitEvaluation(const QJsonObject &request, const QString &idempotencyKey);
    // POST /complaints (contract 1.1), sent by the outbox like an evaluation.
    PlatformCall *submitComplaint(const QJsonObject &request, const QString &idempotencyKey);
    PlatformCall *caseStatus(const QString &caseNumber);
    PlatformCall *caseList(const QString &holderToken);
    PlatformCall *licenses(const QString &holderToken);
    // `documentUrl` as the platform gave it ("/documents/L…"), fetched with the holder token.
    PlatformCall *fetchDocument(const QString &documentUrl, const QString &holderToken);
    PlatformCall *heartbeat(const QJsonObject &report);
    // POST /screenshots (contract 1.1): a PNG of the kiosk's screen for the platform's command `commandId`.
    PlatformCall *uploadScreenshot(const QByteArray &png, const QString &commandId);
    // Contract 1.1, the hall's counters: GET /tickets/groups; POST /tickets; the holder's
    // appointments today; POST /appointments/{id}/check-in. All need the platform live.
    PlatformCall *ticketGroups();
    PlatformCall *takeTicket(const QJsonObject &request, const QString &idempotencyKey);
    PlatformCall *appointments(const QString &holderToken);
    PlatformCall *checkInAppointment(const QString &appointmentId, const QString &idempotencyKey);
    // Contract 1.1 "Fees": GET /payments/{id} and POST /payments/{id}/cancel; live only.
    PlatformCall *paymentStatus(const QString &paymentId);
    PlatformCall *cancelPayment(const QString &paymentId, const QString &idempotencyKey);
    // POST /assist/calls (v1.1): ask for an agent by video; live only, never queued.
    PlatformCall *requestAssistCall(const QJsonObject &request);

    // A fresh UUID for a new request's Idempotency-Key.
    [[nodiscard]] static QString newIdempotencyKey();

signals:
    void connectivityChanged(PlatformClient::Connectivity connectivity);
    // Emitted whenever a clock_skew answer or a reply's Date moved the offset.
    void clockOffsetChanged(qint64 offsetMs);
    // Emitted when a reading crosses ClockSkew::FarOffMs either way.
    void clockFarOffChanged(bool farOff);
    // The terminal was enrolled (or re-enrolled) while the client runs.
    void credentialsChanged();

private:
    PlatformCall *start(PlatformEndpoint endpoint, const QByteArray &method, const QString &path,
                        const QByteArray &body = {}, const QByteArray &contentType = {},
                        const QString &idempotencyKey = {}, bool live = false);
    void send(PlatformCall *call);
    void handleReply(PlatformCall *call, QNetworkReply *reply);
    void noteOutcome(const PlatformResult &result);
    void noteServerTime(const QDateTime &serverTime, bool clockSkewAnswer);
    void setConnectivity(Connectivity connectivity);
    void storeCatalogue(const QByteArray &bytes, const QByteArray &etag);

    PlatformClientSettings m_settings;
    QNetworkAccessManager *m_network;
    Connectivity m_connectivity = Connectivity::Online;
    qint64 m_clockOffsetMs = 0;
    ClockSkew m_clockSkew;
    bool m_failFast = true;
    QByteArray m_catalogueBytes;
    QByteArray m_catalogueEtag;
};
