#include "videohelp.h"

#include "cameraframes.h"
#include "kioskruntime.h"

#include <QQuickWindow>

VideoHelp::VideoHelp(KioskRuntime *runtime, QObject *parent)
    : VideoHelp(runtime, CallMedia::Sources{}, parent)
{
}

VideoHelp::VideoHelp(KioskRuntime *runtime, const CallMedia::Sources &given, QObject *parent)
    : QObject(parent)
{
    CallMedia::Sources sources = given;
    if (!sources.camera && !sources.screen) {
        sources.camera = CameraFrames::providerOf(runtime->devices(), QStringLiteral("face_camera"));
        // What the resident sees, as the window draws it now: a few frames a second.
        sources.screen = [this] { return m_window ? m_window->grabWindow() : QImage(); };
    }
    m_call = new VideoCall(runtime->platform(), sources, nullptr, this);
    m_call->attachSession(runtime->session());
    connect(m_call, &VideoCall::stateChanged, this, &VideoHelp::changed);
    connect(m_call, &VideoCall::queuePositionChanged, this, &VideoHelp::queuePositionChanged);
}

VideoHelp::~VideoHelp() = default;

FrameProvider *VideoHelp::agentVideo()
{
    VideoHelp *help = ProcessSingleton<VideoHelp>::instance();
    return help ? help->m_call->agentVideo() : nullptr;
}

QString VideoHelp::opensAt() const
{
    const QDateTime at = m_call->opensAt();
    if (!at.isValid())
        return {};
    // The process's local time is the hall's (HallTime applies kiosk/time_zone at start).
    const QDateTime local = at.toLocalTime();
    const bool today = local.date() == QDate::currentDate();
    return local.toString(today ? QStringLiteral("HH:mm") : QStringLiteral("M-d HH:mm"));
}

QString VideoHelp::voicePrompt() const
{
    switch (m_call->state()) {
    case VideoCall::State::Consent:
        return QStringLiteral("assist_consent");
    case VideoCall::State::Queued: {
        // Recordings say the place for up to four ahead; beyond that, "five or more".
        const int position = m_call->queuePosition();
        if (position <= 0)
            return {};
        if (position == 1)
            return QStringLiteral("assist_next");
        static const QStringList ahead = {QStringLiteral("assist_ahead_one"), QStringLiteral("assist_ahead_two"),
                                          QStringLiteral("assist_ahead_three"), QStringLiteral("assist_ahead_four")};
        return position - 2 < ahead.size() ? ahead.at(position - 2) : QStringLiteral("assist_ahead_more");
    }
    case VideoCall::State::Connecting:
        return QStringLiteral("assist_answered");
    case VideoCall::State::Ended:
        return QStringLiteral("assist_ended");
    case VideoCall::State::Failed:
        switch (m_call->failure()) {
        case VideoCall::Failure::NoAgents: return QStringLiteral("assist_no_agents");
        case VideoCall::Failure::DeskClosed: return QStringLiteral("assist_closed");
        case VideoCall::Failure::Network: return QStringLiteral("assist_dropped");
        case VideoCall::Failure::NoAnswer: return QStringLiteral("assist_no_answer");
        case VideoCall::Failure::Media: return QStringLiteral("assist_media");
        default: return QStringLiteral("assist_unavailable");
        }
    default:
        // Idle says nothing, and in a call the agent does the talking.
        return {};
    }
}

QStringList VideoHelp::voicePrompts()
{
    return {QStringLiteral("assist_consent"),   QStringLiteral("assist_next"),      QStringLiteral("assist_ahead_one"),
            QStringLiteral("assist_ahead_two"),   QStringLiteral("assist_ahead_three"),   QStringLiteral("assist_ahead_four"),
            QStringLiteral("assist_ahead_more"), QStringLiteral("assist_answered"), QStringLiteral("assist_ended"),
            QStringLiteral("assist_no_agents"), QStringLiteral("assist_closed"),    QStringLiteral("assist_dropped"),
            QStringLiteral("assist_no_answer"), QStringLiteral("assist_media"),     QStringLiteral("assist_unavailable")};
}
