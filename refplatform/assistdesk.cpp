#include "assistdesk.h"

#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimeZone>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

namespace {

// The halls keep China Standard Time; the desk's hours are read in it.
const QTimeZone hallZone(8 * 3600);

HttpResponse jsonResponse(int status, const QJsonObject &body)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/json");
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse errorResponse(int status, const QString &code, const QString &message, const QJsonObject &details = {})
{
    return jsonResponse(status, {{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                        {QStringLiteral("message"), message},
                                                                        {QStringLiteral("details"), details}}}});
}

QByteArray randomToken()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes.toHex();
}

QString stateName(int state)
{
    static const char *const names[] = {"waiting", "answered", "ended"};
    return QString::fromLatin1(names[state]);
}

} // namespace

AssistDesk::AssistDesk(const Options &options, Clock clock, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(std::move(clock))
    , m_server(new QWebSocketServer(QStringLiteral("kiosk-refplatform"), QWebSocketServer::NonSecureMode, this))
{
    // TLS, when there is any, was already done by the HTTP listener that handed the socket over.
    connect(m_server, &QWebSocketServer::newConnection, this, &AssistDesk::acceptPending);
}

AssistDesk::~AssistDesk()
{
    qDeleteAll(m_calls);
}

bool AssistDesk::parseHours(const QString &text, Options *options)
{
    const QStringList parts = text.split(QLatin1Char('-'));
    if (parts.size() != 2)
        return false;
    const QTime opens = QTime::fromString(parts[0].trimmed(), QStringLiteral("HH:mm"));
    const QTime closes = QTime::fromString(parts[1].trimmed(), QStringLiteral("HH:mm"));
    if (!opens.isValid() || !closes.isValid() || opens == closes)
        return false;
    options->opens = opens;
    options->closes = closes;
    return true;
}

std::optional<QDateTime> AssistDesk::nextOpening() const
{
    if (!m_options.opens.isValid())
        return std::nullopt;
    const QDateTime now = m_clock().toTimeZone(hallZone);
    const QTime t = now.time();
    const QTime opens = m_options.opens;
    const QTime closes = m_options.closes;
    // Hours may run past midnight (20:00-08:00).
    const bool open = opens < closes ? (t >= opens && t < closes) : (t >= opens || t < closes);
    if (open)
        return std::nullopt;
    QDateTime next(now.date(), opens, hallZone);
    if (next <= now)
        next = next.addDays(1);
    return next;
}

HttpResponse AssistDesk::requestCall(const HttpRequest &request, const QString &terminalId, const QString &basePath)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString language = body.value(QLatin1String("language")).toString();
    if (language != QLatin1String("zh") && language != QLatin1String("en"))
        return errorResponse(400, QStringLiteral("bad_request"), QStringLiteral("language must be zh or en"));
    if (const auto opening = nextOpening())
        return errorResponse(409, QStringLiteral("desk_closed"), QStringLiteral("the video help desk is closed"),
                             {{QStringLiteral("opens_at"), opening->toString(Qt::ISODate)}});
    m_agents.removeAll(nullptr);
    if (m_agents.isEmpty()) {
        HttpResponse r = errorResponse(503, QStringLiteral("no_agents"), QStringLiteral("no agent is on duty"));
        r.setHeader("Retry-After", "60");
        return r;
    }

    auto *call = new Call;
    call->id = QStringLiteral("C%1%2").arg(m_clock().toString(QStringLiteral("yyyyMMdd"))).arg(m_nextCall++, 6, 10, QLatin1Char('0'));
    call->ticket = randomToken();
    call->terminalId = terminalId;
    call->createdAt = m_clock();
    for (const char *field : {"language", "screen", "item_code", "elder_mode"})
        call->request.insert(QLatin1String(field), body.value(QLatin1String(field)));
    call->expiry = new QTimer(this);
    call->expiry->setSingleShot(true);
    const QString id = call->id;
    connect(call->expiry, &QTimer::timeout, this, [this, id] {
        if (Call *c = m_calls.value(id); c && c->state == CallState::Waiting)
            end(c, QStringLiteral("timeout"), QStringLiteral("platform"));
    });
    call->expiry->start(m_options.queueTimeoutS * 1000);
    m_calls.insert(id, call);
    m_order.append(id);

    m_basePath = basePath;
    const QByteArray host = request.headers.value("host", "127.0.0.1");
    const QString url = QStringLiteral("%1://%2%3/assist/calls/%4/ws?ticket=%5")
                            .arg(request.secure ? QStringLiteral("wss") : QStringLiteral("ws"), QString::fromLatin1(host),
                                 basePath, id, QString::fromLatin1(call->ticket));
    broadcastCalls();
    return jsonResponse(201, {
        {QStringLiteral("call_id"), id},
        {QStringLiteral("signalling_url"), url},
        // The reference platform answers on loopback and in the lab: host candidates suffice.
        {QStringLiteral("ice_servers"), QJsonArray{}},
        {QStringLiteral("queue_position"), int(waitingCalls().size())},
        {QStringLiteral("expires_in"), m_options.queueTimeoutS},
    });
}

bool AssistDesk::deskAllowed(bool fromLoopback, const QByteArray &token) const
{
    // The desk shows residents' faces: only an agent's browser on the platform's own host, or
    // one that carries the desk token, may open it.
    return fromLoopback || (!m_options.deskToken.isEmpty() && token == m_options.deskToken);
}

HttpResponse AssistDesk::deskPage(const HttpRequest &request) const
{
    if (!deskAllowed(request.fromLoopback, request.queryValue("token")))
        return errorResponse(403, QStringLiteral("forbidden"), QStringLiteral("the desk is for agents"));
    QFile page(QStringLiteral(":/refplatform/desk/index.html"));
    if (!page.open(QIODevice::ReadOnly))
        return errorResponse(500, QStringLiteral("internal"), QStringLiteral("the desk page is missing"));
    HttpResponse r;
    r.setHeader("Content-Type", "text/html; charset=utf-8");
    r.setHeader("Cache-Control", "no-store");
    r.body = page.readAll();
    return r;
}

bool AssistDesk::takeSocket(QTcpSocket *socket, const HttpRequest &head, const QString &basePath)
{
    const QByteArray path = head.path();
    const QByteArray callPrefix = basePath.toLatin1() + "/assist/calls/";
    if (path == "/desk/ws") {
        if (!deskAllowed(head.fromLoopback, head.queryValue("token")))
            return false;
    } else if (path.startsWith(callPrefix) && path.endsWith("/ws")) {
        const QString id = QString::fromLatin1(path.mid(callPrefix.size(), path.size() - callPrefix.size() - 3));
        Call *call = m_calls.value(id);
        // The ticket opens this call's socket once, while the call still waits or runs.
        if (!call || call->ticketUsed || call->state == CallState::Ended || head.queryValue("ticket") != call->ticket)
            return false;
        call->ticketUsed = true;
    } else {
        return false;
    }
    m_server->handleConnection(socket);
    return true;
}

void AssistDesk::acceptPending()
{
    while (QWebSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        const QString path = socket->requestUrl().path();
        if (path == QLatin1String("/desk/ws")) {
            attachAgent(socket);
            continue;
        }
        const QString prefix = m_basePath + QStringLiteral("/assist/calls/");
        attachKiosk(socket, path.mid(prefix.size()).chopped(3));
    }
}

void AssistDesk::attachKiosk(QWebSocket *socket, const QString &callId)
{
    Call *call = m_calls.value(callId);
    if (!call || call->state == CallState::Ended) {
        socket->close();
        socket->deleteLater();
        return;
    }
    call->kiosk = socket;
    connect(socket, &QWebSocket::textMessageReceived, this, [this, callId](const QString &text) { fromKiosk(callId, text.toUtf8()); });
    connect(socket, &QWebSocket::disconnected, this, [this, callId, socket] {
        socket->deleteLater();
        kioskGone(callId);
    });
    send(socket, {{QStringLiteral("type"), QStringLiteral("queue")},
                  {QStringLiteral("position"), int(waitingCalls().indexOf(call) + 1)}});
    // Agents take only calls whose kiosk is there to offer.
    broadcastCalls();
}

void AssistDesk::attachAgent(QWebSocket *socket)
{
    m_agents.append(socket);
    socket->setProperty("agentId", QStringLiteral("A%1").arg(m_nextAgent++, 2, 10, QLatin1Char('0')));
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &text) { fromAgent(socket, text.toUtf8()); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        socket->deleteLater();
        agentGone(socket);
    });
    broadcastCalls();
}

void AssistDesk::fromKiosk(const QString &callId, const QByteArray &message)
{
    Call *call = m_calls.value(callId);
    if (!call || call->state == CallState::Ended)
        return;
    QJsonObject m = QJsonDocument::fromJson(message).object();
    const QString type = m.value(QLatin1String("type")).toString();
    if (type == QLatin1String("bye")) {
        end(call, m.value(QLatin1String("reason")).toString(), QStringLiteral("kiosk"));
        return;
    }
    // Only the session description and candidates pass, and only once an agent took the call.
    if ((type != QLatin1String("offer") && type != QLatin1String("ice")) || call->state != CallState::Answered || !call->agent)
        return;
    call->relayed.append(QStringLiteral("kiosk:") + type);
    m.insert(QStringLiteral("call_id"), callId);
    send(call->agent, m);
}

void AssistDesk::fromAgent(QWebSocket *agent, const QByteArray &message)
{
    QJsonObject m = QJsonDocument::fromJson(message).object();
    const QString type = m.value(QLatin1String("type")).toString();
    const QString callId = m.value(QLatin1String("call_id")).toString();
    if (type == QLatin1String("take")) {
        take(agent, callId);
        return;
    }
    Call *call = m_calls.value(callId);
    if (!call || call->agent != agent || call->state != CallState::Answered)
        return;
    if (type == QLatin1String("bye")) {
        end(call, m.value(QLatin1String("reason")).toString(QStringLiteral("hangup")), QStringLiteral("agent"));
        return;
    }
    if (type != QLatin1String("answer") && type != QLatin1String("ice"))
        return;
    call->relayed.append(QStringLiteral("agent:") + type);
    m.remove(QStringLiteral("call_id"));
    send(call->kiosk, m);
}

void AssistDesk::take(QWebSocket *agent, const QString &callId)
{
    Call *call = m_calls.value(callId);
    if (!call || call->state != CallState::Waiting || !call->kiosk) {
        send(agent, {{QStringLiteral("type"), QStringLiteral("bye")}, {QStringLiteral("call_id"), callId},
                     {QStringLiteral("reason"), QStringLiteral("error")}});
        return;
    }
    call->state = CallState::Answered;
    call->agent = agent;
    call->agentId = agent->property("agentId").toString();
    call->expiry->stop();
    const QString number = call->agentId.mid(1);
    send(call->kiosk, {{QStringLiteral("type"), QStringLiteral("agent_joined")},
                       {QStringLiteral("agent"), QJsonObject{{QStringLiteral("agent_id"), call->agentId},
                                                             {QStringLiteral("display_name"),
                                                              QJsonObject{{QStringLiteral("zh"), QStringLiteral("坐席 %1").arg(number)},
                                                                          {QStringLiteral("en"), QStringLiteral("Agent %1").arg(number)}}}}}});
    sendQueuePositions();
    broadcastCalls();
}

void AssistDesk::kioskGone(const QString &callId)
{
    // A kiosk whose socket drops without a bye lost its network, or crashed.
    if (Call *call = m_calls.value(callId); call && call->state != CallState::Ended)
        end(call, QStringLiteral("error"), QStringLiteral("kiosk"));
}

void AssistDesk::agentGone(QWebSocket *agent)
{
    m_agents.removeAll(agent);
    m_agents.removeAll(nullptr);
    for (Call *call : std::as_const(m_calls)) {
        if (call->agent == agent && call->state == CallState::Answered)
            end(call, QStringLiteral("error"), QStringLiteral("agent"));
    }
    broadcastCalls();
}

void AssistDesk::end(Call *call, const QString &reason, const QString &by)
{
    static const QStringList reasons = {QStringLiteral("hangup"), QStringLiteral("timeout"), QStringLiteral("session_ended"),
                                        QStringLiteral("error")};
    const QString known = reasons.contains(reason) ? reason : QStringLiteral("error");
    call->state = CallState::Ended;
    call->endReason = known;
    call->endedBy = by;
    call->expiry->stop();
    const QJsonObject bye{{QStringLiteral("type"), QStringLiteral("bye")}, {QStringLiteral("reason"), known}};
    if (by != QLatin1String("kiosk") && call->kiosk) {
        send(call->kiosk, bye);
        call->kiosk->close();
    }
    if (by != QLatin1String("agent") && call->agent) {
        QJsonObject toAgent = bye;
        toAgent.insert(QStringLiteral("call_id"), call->id);
        send(call->agent, toAgent);
    }
    sendQueuePositions();
    broadcastCalls();
}

QList<AssistDesk::Call *> AssistDesk::waitingCalls() const
{
    QList<Call *> waiting;
    for (const QString &id : m_order) {
        if (Call *call = m_calls.value(id); call && call->state == CallState::Waiting)
            waiting.append(call);
    }
    return waiting;
}

void AssistDesk::sendQueuePositions()
{
    const QList<Call *> waiting = waitingCalls();
    for (int i = 0; i < waiting.size(); ++i) {
        if (waiting[i]->kiosk)
            send(waiting[i]->kiosk, {{QStringLiteral("type"), QStringLiteral("queue")}, {QStringLiteral("position"), i + 1}});
    }
}

void AssistDesk::broadcastCalls()
{
    // Agents see the waiting calls with what the resident was doing, never who the resident is.
    QJsonArray calls;
    const QDateTime now = m_clock();
    for (const Call *call : waitingCalls()) {
        QJsonObject c = call->request;
        c.insert(QStringLiteral("call_id"), call->id);
        c.insert(QStringLiteral("waiting_s"), int(call->createdAt.secsTo(now)));
        c.insert(QStringLiteral("connected"), !call->kiosk.isNull());
        calls.append(c);
    }
    for (const QPointer<QWebSocket> &agent : std::as_const(m_agents)) {
        if (agent)
            send(agent, {{QStringLiteral("type"), QStringLiteral("calls")}, {QStringLiteral("calls"), calls}});
    }
}

void AssistDesk::send(QWebSocket *socket, const QJsonObject &message)
{
    if (socket && socket->isValid())
        socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

QJsonObject AssistDesk::inspect() const
{
    QJsonArray calls;
    for (const QString &id : m_order) {
        const Call *call = m_calls.value(id);
        QJsonObject c = call->request;
        c.insert(QStringLiteral("call_id"), id);
        c.insert(QStringLiteral("terminal_id"), call->terminalId);
        c.insert(QStringLiteral("state"), stateName(int(call->state)));
        c.insert(QStringLiteral("agent_id"), call->agentId);
        c.insert(QStringLiteral("end_reason"), call->endReason);
        c.insert(QStringLiteral("ended_by"), call->endedBy);
        c.insert(QStringLiteral("relayed"), QJsonArray::fromStringList(call->relayed));
        calls.append(c);
    }
    int agents = 0;
    for (const QPointer<QWebSocket> &agent : m_agents)
        agents += agent ? 1 : 0;
    return {{QStringLiteral("calls"), calls}, {QStringLiteral("agents_on_duty"), agents}};
}
