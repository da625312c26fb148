#pragma once

#include "callmedia.h"
#include "sessionmachine.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>

class FrameProvider;
class PlatformClient;
class QWebSocket;
class QTimer;

// Video help (远程视频帮办) from the kiosk's side: the resident asks, agrees on screen, the call
// is queued at the platform (POST /assist/calls), signalled over its WebSocket and carried by
// CallMedia once an agent takes it. Hang-up on either side ends it, and so does the session's
// wipe (bye "session_ended"). Each way it can fail has its reason, so the screen can say what to
// do. Nothing of a call is kept: the agent's last frame is dropped when it ends.
class VideoCall : public QObject, public SessionWipeable
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(Failure failure READ failure NOTIFY stateChanged)
    Q_PROPERTY(int queuePosition READ queuePosition NOTIFY queuePositionChanged)
    Q_PROPERTY(QString agentNameZh READ agentNameZh NOTIFY stateChanged)
    Q_PROPERTY(QString agentNameEn READ agentNameEn NOTIFY stateChanged)
    Q_PROPERTY(QDateTime opensAt READ opensAt NOTIFY stateChanged)
    Q_PROPERTY(bool sendsCamera READ sendsCamera NOTIFY stateChanged)
    Q_PROPERTY(bool sendsMicrophone READ sendsMicrophone NOTIFY stateChanged)
    Q_PROPERTY(bool live READ live NOTIFY stateChanged)

public:
    enum class State { Idle, Consent, Queued, Connecting, InCall, Ended, Failed };
    Q_ENUM(State)
    // Why a call failed: each has its own advice on screen.
    enum class Failure { None, NoAgents, DeskClosed, Network, NoAnswer, Unavailable, Media };
    Q_ENUM(Failure)

    // `agentVideo` receives the agent's picture; null: the call keeps its own (agentVideo()).
    VideoCall(PlatformClient *platform, const CallMedia::Sources &sources, FrameProvider *agentVideo = nullptr, QObject *parent = nullptr);
    ~VideoCall() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] Failure failure() const { return m_failure; }
    [[nodiscard]] int queuePosition() const { return m_queuePosition; }
    [[nodiscard]] QString agentNameZh() const { return m_agentName.value(QLatin1String("zh")).toString(); }
    [[nodiscard]] QString agentNameEn() const { return m_agentName.value(QLatin1String("en")).toString(); }
    [[nodiscard]] QDateTime opensAt() const { return m_opensAt; }
    [[nodiscard]] bool sendsCamera() const { return m_media.sendsCamera(); }
    [[nodiscard]] bool sendsMicrophone() const { return m_media.sendsMicrophone(); }
    // Queued, connecting or in a call: the idle countdown waits while this holds.
    [[nodiscard]] bool live() const;
    [[nodiscard]] const CallMedia &media() const { return m_media; }
    // The agent's picture, for the screen; empty between calls.
    [[nodiscard]] FrameProvider *agentVideo() const { return m_agentVideo; }

    // The resident tapped 视频帮办: the consent step comes first.
    Q_INVOKABLE void ask();
    // The resident agreed: the call is asked for, with what they were doing.
    Q_INVOKABLE void agree(const QString &language, const QString &screen, bool elderMode);
    // The resident declined or closed the notice of an ended call.
    Q_INVOKABLE void dismiss();
    // The resident hangs up (or leaves the queue).
    Q_INVOKABLE void hangUp();
    // The session's wipe: any call ends with bye "session_ended" and the state is Idle again.
    void endForSession();
    void wipeSessionData() override { endForSession(); }
    // Follow this session: its wipe ends the call, and its idle countdown waits while a call is live.
    void attachSession(SessionMachine *session);

signals:
    void stateChanged();
    void queuePositionChanged();
    void firstAgentFrame();

private:
    void setState(State state, Failure failure = Failure::None);
    void openSignalling(const QUrl &url);
    void onMessage(const QString &text);
    void onSocketGone();
    void send(const QJsonObject &message);
    void finish(State state, Failure failure, const QString &byeReason);
    [[nodiscard]] static QStringList midsOf(const QString &sdp);

    PlatformClient *m_platform;
    QPointer<SessionMachine> m_session;
    FrameProvider *m_agentVideo; // given, or the call's own
    CallMedia m_media;
    QWebSocket *m_socket = nullptr;
    QTimer *m_queueDeadline;
    QTimer *m_heartbeat;     // pings the platform's socket; a platform that stops answering has dropped
    QElapsedTimer m_sincePong;
    State m_state = State::Idle;
    Failure m_failure = Failure::None;
    int m_queuePosition = 0;
    QJsonObject m_agentName;
    QStringList m_offerMids; // the a=mid of each m-line of the kiosk's offer
    QDateTime m_opensAt;
};
