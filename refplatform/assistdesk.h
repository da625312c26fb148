#pragma once

#include "httpmessage.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTime>

#include <functional>
#include <optional>

class QTcpSocket;
class QTimer;
class QWebSocket;
class QWebSocketServer;

// Remote video help (远程视频帮办) on the platform's side: the call queue behind
// POST /assist/calls, the WebSocket signalling between a kiosk and an agent's browser, and the
// agents' desk page at /desk/. The platform only relays the signalling; the media flow between
// the kiosk and the browser and never pass through here.
//
// Agents are on duty while a desk page is connected (/desk/ws); without one a call is
// 503 no_agents. The desk is open during `hours` (hall time, UTC+8) and answers 409 desk_closed
// with the next opening time outside them. A call nobody answers within `queueTimeoutS` ends
// with bye "timeout".
class AssistDesk : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QTime opens;                 // both invalid: open around the clock
        QTime closes;
        int queueTimeoutS = 600;     // expires_in of a call, and how long it may wait for an agent
        QByteArray deskToken;        // the desk answers loopback peers, or this token in ?token=
    };
    using Clock = std::function<QDateTime()>;

    AssistDesk(const Options &options, Clock clock, QObject *parent = nullptr);
    ~AssistDesk() override;

    // "HH:MM-HH:MM" into opens and closes; false for anything else.
    [[nodiscard]] static bool parseHours(const QString &text, Options *options);

    // POST {base}/assist/calls from an authenticated terminal.
    [[nodiscard]] HttpResponse requestCall(const HttpRequest &request, const QString &terminalId, const QString &basePath);
    // GET /desk/ and its page.
    [[nodiscard]] HttpResponse deskPage(const HttpRequest &request) const;
    // A connection asking to become a WebSocket: a kiosk's call socket or an agent's desk.
    [[nodiscard]] bool takeSocket(QTcpSocket *socket, const HttpRequest &head, const QString &basePath);
    // What /_inspect/assist shows: every call with its state and how it ended.
    [[nodiscard]] QJsonObject inspect() const;

private:
    enum class CallState { Waiting, Answered, Ended };
    struct Call {
        QString id;
        QByteArray ticket;
        QString terminalId;
        QJsonObject request; // language, screen, item_code, elder_mode
        QDateTime createdAt;
        CallState state = CallState::Waiting;
        QPointer<QWebSocket> kiosk;
        QPointer<QWebSocket> agent;
        QString agentId;
        QString endReason;
        QString endedBy;
        QStringList relayed; // the message types passed on, in order
        bool ticketUsed = false;
        QTimer *expiry = nullptr;
    };

    [[nodiscard]] bool deskAllowed(bool fromLoopback, const QByteArray &token) const;
    [[nodiscard]] std::optional<QDateTime> nextOpening() const;
    [[nodiscard]] QList<Call *> waitingCalls() const;
    void acceptPending();
    void attachKiosk(QWebSocket *socket, const QString &callId);
    void attachAgent(QWebSocket *socket);
    void fromKiosk(const QString &callId, const QByteArray &message);
    void fromAgent(QWebSocket *agent, const QByteArray &message);
    void kioskGone(const QString &callId);
    void agentGone(QWebSocket *agent);
    void take(QWebSocket *agent, const QString &callId);
    void end(Call *call, const QString &reason, const QString &by);
    void sendQueuePositions();
    void broadcastCalls();
    static void send(QWebSocket *socket, const QJsonObject &message);

    Options m_options;
    Clock m_clock;
    QWebSocketServer *m_server;
    QHash<QString, Call *> m_calls;
    QList<QString> m_order; // call ids in the order they were asked for
    QList<QPointer<QWebSocket>> m_agents;
    QString m_basePath;
    int m_nextCall = 1;
    int m_nextAgent = 1;
};
