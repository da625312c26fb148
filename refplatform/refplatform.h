#pragma once

#include "assistdesk.h"
#include "catalogue.h"
#include "casedecisions.h"
#include "complaints.h"
#include "faultplan.h"
#include "hallcounters.h"
#include "payments.h"
#include "postalshipments.h"
#include "httplistener.h"
#include "terminalcommands.h"
#include "staffregistry.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>

// The reference platform: reference/platform-api.md served for real, with its checks
// (signature, clock skew, replayed nonces, idempotency, form validation, ETag), its state in
// SQLite, cases that progress with time, e-licence PDFs and heartbeat commands, plus the fault
// switches of FaultPlan and the /_inspect endpoints through which tests see what it received.
class RefPlatform : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString databasePath;
        QByteArray catalogueJson;
        QStringList enrollTokens;
        QString basePath = QStringLiteral("/terminal/v1");
        int progressSeconds = 20; // accepted → in_review → approved, one step per period
        int paymentLifetimeS = 900; // how long a payment code can be paid (contract 1.1 "Fees")
        int holderTokenLifetimeS = 600; // how long a holder token from /identity/verify is honoured
        FaultPlan faults;
        quint32 seed = 0;         // 0: random faults differ from run to run
        // The /_inspect endpoints show what terminals sent (residents' cases among it) and switch
        // faults: they answer a loopback peer, or a request with this token in X-Inspect-Token;
        // anyone else gets 403. Empty: loopback only.
        QByteArray inspectToken;
        AssistDesk::Options assist; // video help: desk hours, queue time, desk token
    };

    explicit RefPlatform(const Options &options, QObject *parent = nullptr);

    [[nodiscard]] bool open(QString *error);
    // The entry point the HttpListener calls for every request.
    void handle(const HttpRequest &request, const HttpReply &reply);
    // The entry point the HttpListener calls for a WebSocket upgrade (video help signalling).
    [[nodiscard]] bool upgrade(QTcpSocket *socket, const HttpRequest &head);

private:
    struct Auth {
        QString terminalId;
        QString division;
    };

    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] HttpResponse error(int status, const QString &code, const QString &message,
                                     const QJsonObject &details = {}) const;
    [[nodiscard]] HttpResponse json(int status, const QJsonObject &body) const;
    void finish(const HttpRequest &request, HttpResponse response, const HttpReply &reply, const QString &terminalId,
                bool applyDeliveryFaults);
    void log(const HttpRequest &request, const HttpResponse &response, const QString &terminalId, const QString &fault);

    void handleInspect(const HttpRequest &request, const HttpReply &reply);
    [[nodiscard]] bool mayInspect(const HttpRequest &request) const;
    [[nodiscard]] std::optional<HttpResponse> authenticate(const HttpRequest &request, Auth *auth);
    [[nodiscard]] HttpResponse route(const HttpRequest &request, const QByteArray &path, const Auth &auth);

    [[nodiscard]] HttpResponse enroll(const HttpRequest &request);
    [[nodiscard]] HttpResponse catalogue(const HttpRequest &request);
    [[nodiscard]] HttpResponse verifyIdentity(const HttpRequest &request);
    void recordVerification(const QJsonObject &body, bool verified, const QString &reason);
    [[nodiscard]] HttpResponse uploadMaterial(const HttpRequest &request, const Auth &auth);
    [[nodiscard]] HttpResponse submitCase(const HttpRequest &request, const Auth &auth, const QString &idempotencyKey);
    [[nodiscard]] HttpResponse caseStatus(const QString &caseNumber);
    [[nodiscard]] HttpResponse caseList(const HttpRequest &request);
    [[nodiscard]] HttpResponse licenses(const HttpRequest &request);
    [[nodiscard]] HttpResponse document(const HttpRequest &request, const QString &id);
    [[nodiscard]] HttpResponse evaluate(const HttpRequest &request);
    [[nodiscard]] HttpResponse heartbeat(const HttpRequest &request, const Auth &auth);
    [[nodiscard]] HttpResponse uploadScreenshot(const HttpRequest &request, const Auth &auth);

    [[nodiscard]] QJsonObject caseJson(const QString &caseNumber) const;
    [[nodiscard]] QString holderOf(const QByteArray &token) const;
    [[nodiscard]] QString timeText(const QDateTime &time) const;
    [[nodiscard]] bool chance(double probability);

    Options m_options;
    QSqlDatabase m_db;
    TerminalCommands m_commands;
    std::optional<Catalogue> m_catalogue;
    StaffRegistry m_staff; // staff sign-ins and assisted cases (帮办 / 代办)
    QByteArray m_etag;
    QElapsedTimer m_uptime;
    QRandomGenerator m_random;
    QJsonArray m_requests; // the most recent requests, for /_inspect/requests
    qint64 m_rateWindowStart = 0; // when the rate limit's current window began, ms of uptime
    int m_rateWindowCount = 0;
    std::unique_ptr<HallCounters> m_hall; // 取号 / 预约 (contract 1.1)
    std::unique_ptr<Complaints> m_complaints; // 投诉建议 (contract 1.1)
    std::unique_ptr<CaseDecisions> m_decisions; // an officer's 不予受理, set through /_inspect
    std::unique_ptr<Payments> m_payments; // 缴费 (contract 1.1)
    std::unique_ptr<PostalShipments> m_shipments; // 免费邮寄 (contract 1.1)
    AssistDesk *m_assist;
};
