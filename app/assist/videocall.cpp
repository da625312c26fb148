#include "videocall.h"

#include "camera/frameprovider.h"
#include "platformclient.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSslConfiguration>
#include <QTimer>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcVideoCall, "kiosk.assist")

VideoCall::VideoCall(PlatformClient *platform, const CallMedia::Sources &sources, FrameProvider *agentVideo, QObject *parent)
    : QObject(parent)
    , m_platform(platform)
    , m_agentVideo(agentVideo ? agentVideo : new FrameProvider(25, this))
    , m_media(sources, m_agentVideo)
    , m_queueDeadline(new QTimer(this))
    , m_heartbeat(new QTimer(this))
{
    // A socket whose far end vanished without closing it looks open for minutes; a platform
    // that answers no ping for a few seconds is treated as gone, whether queued or in a call.
    m_heartbeat->setInterval(2000);
    connect(m_heartbeat, &QTimer::timeout, this, [this] {
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (m_sincePong.isValid() && m_sincePong.elapsed() > 3 * m_heartbeat->interval()) {
            qCWarning(lcVideoCall) << "the platform answered no ping for" << m_sincePong.elapsed() << "ms";
            onSocketGone();
            return;
        }
        m_socket->ping();
    });
    m_queueDeadline->setSingleShot(true);
    // The platform ends an unanswered call itself; this is for a platform that went quiet.
    connect(m_queueDeadline, &QTimer::timeout, this, [this] { finish(State::Failed, Failure::NoAnswer, QStringLiteral("timeout")); });
    connect(&m_media, &CallMedia::offerReady, this, [this](const QString &sdp) {
        m_offerMids = midsOf(sdp);
        qCDebug(lcVideoCall).noquote() << "offer:\n" << sdp;
        send({{QStringLiteral("type"), QStringLiteral("offer")}, {QStringLiteral("sdp"), sdp}});
    });
    connect(&m_media, &CallMedia::localCandidate, this, [this](const QString &candidate, int mline) {
        // webrtcbin names a candidate's m-line by index only; a browser matches sdpMid first, so
        // it gets the mid the offer gave that line (a made-up one makes it refuse the candidate).
        QJsonObject message{{QStringLiteral("type"), QStringLiteral("ice")}, {QStringLiteral("candidate"), candidate},
                            {QStringLiteral("sdpMLineIndex"), mline}};
        if (mline >= 0 && mline < m_offerMids.size())
            message.insert(QStringLiteral("sdpMid"), m_offerMids.at(mline));
        send(message);
    });
    connect(&m_media, &CallMedia::connected, this, [this] {
        if (m_state == State::Connecting)
            setState(State::InCall);
    });
    connect(&m_media, &CallMedia::failed, this, [this](const QString &reason) {
        qCWarning(lcVideoCall) << "the call's media failed:" << reason;
        if (live())
            finish(State::Failed, Failure::Network, QStringLiteral("error"));
    });
    connect(&m_media, &CallMedia::firstAgentFrame, this, &VideoCall::firstAgentFrame);
}

QStringList VideoCall::midsOf(const QString &sdp)
{
    // One entry per m-line, in order: its a=mid, or empty where a line has none.
    QStringList mids;
    for (const QString &line : sdp.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("m=")))
            mids.append(QString());
        else if (trimmed.startsWith(QLatin1String("a=mid:")) && !mids.isEmpty())
            mids.last() = trimmed.mid(6);
    }
    return mids;
}

VideoCall::~VideoCall()
{
    endForSession();
    if (m_session)
        m_session->removeWipeable(this);
}

void VideoCall::attachSession(SessionMachine *session)
{
    m_session = session;
    session->addWipeable(this);
}

bool VideoCall::live() const
{
    return m_state == State::Queued || m_state == State::Connecting || m_state == State::InCall;
}

void VideoCall::setState(State state, Failure failure)
{
    if (m_state == state && m_failure == failure)
        return;
    qCInfo(lcVideoCall) << "video help" << state << failure;
    m_state = state;
    m_failure = failure;
    if (m_session)
        m_session->setIdleHeld(live());
    emit stateChanged();
}

void VideoCall::ask()
{
    if (!live())
        setState(State::Consent);
}

void VideoCall::agree(const QString &language, const QString &screen, bool elderMode)
{
    if (m_state != State::Consent)
        return;
    setState(State::Queued);
    m_media.prepare();
    m_queuePosition = 0;
    emit queuePositionChanged();
    const QJsonObject request{{QStringLiteral("language"), language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("zh")},
                              {QStringLiteral("screen"), screen},
                              {QStringLiteral("elder_mode"), elderMode}};
    PlatformCall *call = m_platform->requestAssistCall(request);
    connect(call, &PlatformCall::finished, this, [this](const PlatformResult &result) {
        if (m_state != State::Queued || m_socket)
            return; // the resident gave up while the platform was asked
        if (!result.isOk()) {
            if (result.errorCode == QLatin1String("no_agents")) {
                setState(State::Failed, Failure::NoAgents);
            } else if (result.errorCode == QLatin1String("desk_closed")) {
                m_opensAt = QDateTime::fromString(result.details.value(QLatin1String("opens_at")).toString(), Qt::ISODate);
                setState(State::Failed, Failure::DeskClosed);
            } else {
                // A v1 platform (404), or one that does not answer: video help is not there now.
                setState(State::Failed, result.httpStatus == 0 ? Failure::Network : Failure::Unavailable);
            }
            return;
        }
        m_queuePosition = result.body.value(QLatin1String("queue_position")).toInt();
        emit queuePositionChanged();
        m_queueDeadline->start((result.body.value(QLatin1String("expires_in")).toInt(600) + 15) * 1000);
        openSignalling(QUrl(result.body.value(QLatin1String("signalling_url")).toString()));
    });
}

void VideoCall::openSignalling(const QUrl &url)
{
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    if (url.scheme() == QLatin1String("wss")) {
        // The same trust as every platform call: only the configured CA, and the client
        // certificate where the platform asks for one.
        const PlatformClientSettings &settings = m_platform->settings();
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(settings.caCertificates);
        if (!settings.clientCertificate.isNull()) {
            tls.setLocalCertificate(settings.clientCertificate);
            tls.setPrivateKey(settings.clientKey);
        }
        m_socket->setSslConfiguration(tls);
    }
    connect(m_socket, &QWebSocket::textMessageReceived, this, &VideoCall::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &VideoCall::onSocketGone);
    connect(m_socket, &QWebSocket::connected, this, [this] { m_sincePong.start(); });
    connect(m_socket, &QWebSocket::pong, this, [this] { m_sincePong.start(); });
    m_sincePong.invalidate();
    m_heartbeat->start();
    m_socket->open(url);
}

void VideoCall::onMessage(const QString &text)
{
    const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = m.value(QLatin1String("type")).toString();
    if (type == QLatin1String("queue") && m_state == State::Queued) {
        m_queuePosition = m.value(QLatin1String("position")).toInt();
        emit queuePositionChanged();
    } else if (type == QLatin1String("agent_joined") && m_state == State::Queued) {
        m_queueDeadline->stop();
        m_agentName = m.value(QLatin1String("agent")).toObject().value(QLatin1String("display_name")).toObject();
        setState(State::Connecting);
        QString error;
        if (!m_media.start(&error)) {
            qCWarning(lcVideoCall) << "the call's media do not start:" << error;
            finish(State::Failed, Failure::Media, QStringLiteral("error"));
        } else {
            emit stateChanged(); // what the call sends is known now
        }
    } else if (type == QLatin1String("answer") && m_state == State::Connecting) {
        qCDebug(lcVideoCall).noquote() << "answer:\n" << m.value(QLatin1String("sdp")).toString();
        m_media.setAnswer(m.value(QLatin1String("sdp")).toString());
    } else if (type == QLatin1String("ice") && (m_state == State::Connecting || m_state == State::InCall)) {
        m_media.addRemoteCandidate(m.value(QLatin1String("candidate")).toString(), m.value(QLatin1String("sdpMLineIndex")).toInt());
    } else if (type == QLatin1String("bye")) {
        const QString reason = m.value(QLatin1String("reason")).toString();
        if (reason == QLatin1String("timeout"))
            finish(State::Failed, Failure::NoAnswer, {});
        else if (reason == QLatin1String("error"))
            finish(State::Failed, Failure::Network, {});
        else
            finish(State::Ended, Failure::None, {});
    }
}

void VideoCall::onSocketGone()
{
    // The platform's socket went without a bye: the network dropped, or the platform did.
    if (live())
        finish(State::Failed, Failure::Network, {});
}

void VideoCall::send(const QJsonObject &message)
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void VideoCall::finish(State state, Failure failure, const QString &byeReason)
{
    m_queueDeadline->stop();
    m_heartbeat->stop();
    m_media.stop();
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        const QString bye = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("bye")},
                                                                        {QStringLiteral("reason"), byeReason}})
                                                  .toJson(QJsonDocument::Compact));
        if (!byeReason.isEmpty() && socket->state() != QAbstractSocket::ConnectedState
            && socket->state() != QAbstractSocket::UnconnectedState) {
            // Still opening (a call left as soon as it was queued): the platform hears why once
            // the socket is open, rather than taking the closed socket for a dropped network.
            connect(socket, &QWebSocket::connected, socket, [socket, bye] {
                socket->sendTextMessage(bye);
                socket->close();
            });
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(5000, socket, [socket] {
                socket->abort();
                socket->deleteLater();
            });
        } else {
            if (!byeReason.isEmpty() && socket->state() == QAbstractSocket::ConnectedState)
                socket->sendTextMessage(bye);
            socket->close();
            socket->deleteLater();
        }
    }
    m_agentName = {};
    m_offerMids.clear();
    m_queuePosition = 0;
    emit queuePositionChanged();
    setState(state, failure);
}

void VideoCall::hangUp()
{
    if (live())
        finish(State::Ended, Failure::None, QStringLiteral("hangup"));
}

void VideoCall::dismiss()
{
    if (!live())
        setState(State::Idle);
}

void VideoCall::endForSession()
{
    if (live())
        finish(State::Idle, Failure::None, QStringLiteral("session_ended"));
    else
        setState(State::Idle);
    m_opensAt = {};
}
