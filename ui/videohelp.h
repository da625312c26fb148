#pragma once

#include "processsingleton.h"
#include "videocall.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQuickWindow>

class FrameProvider;
class KioskRuntime;

// Video help (远程视频帮办) for QML, as the singleton VideoHelp: the kiosk's one VideoCall, fed
// with the face camera's frames (the driver's own, never a second open of the device),
// PulseAudio's default source as microphone and the kiosk's own window as the "screen" track,
// following the resident's session (its wipe ends the call; its idle countdown waits while a
// call is live). The agent's picture is the "assist_agent" camera of CameraPreview.
class VideoHelp : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(VideoHelp)
    QML_SINGLETON
    Q_PROPERTY(VideoCall::State state READ state NOTIFY changed)
    Q_PROPERTY(VideoCall::Failure failure READ failure NOTIFY changed)
    Q_PROPERTY(bool live READ live NOTIFY changed)
    Q_PROPERTY(int queuePosition READ queuePosition NOTIFY queuePositionChanged)
    Q_PROPERTY(QString agentNameZh READ agentNameZh NOTIFY changed)
    Q_PROPERTY(QString agentNameEn READ agentNameEn NOTIFY changed)
    Q_PROPERTY(QString opensAt READ opensAt NOTIFY changed)
    Q_PROPERTY(bool sendsCamera READ sendsCamera NOTIFY changed)
    Q_PROPERTY(bool sendsMicrophone READ sendsMicrophone NOTIFY changed)

public:
    // `sources` empty: the kiosk's own (the face camera of `runtime`, the default microphone and
    // the window given to setWindow()); tests and the benchmark give theirs.
    explicit VideoHelp(KioskRuntime *runtime, QObject *parent = nullptr);
    VideoHelp(KioskRuntime *runtime, const CallMedia::Sources &sources, QObject *parent = nullptr);
    ~VideoHelp() override;
    static VideoHelp *create(QQmlEngine *, QJSEngine *) { return ProcessSingleton<VideoHelp>::forQml(); }
    // The agent's picture of the kiosk's one call, or null when there is no VideoHelp.
    [[nodiscard]] static FrameProvider *agentVideo();

    // The window whose picture is the call's "screen" track.
    void setWindow(QQuickWindow *window) { m_window = window; }

    [[nodiscard]] VideoCall *call() const { return m_call; }
    [[nodiscard]] VideoCall::State state() const { return m_call->state(); }
    [[nodiscard]] VideoCall::Failure failure() const { return m_call->failure(); }
    [[nodiscard]] bool live() const { return m_call->live(); }
    [[nodiscard]] int queuePosition() const { return m_call->queuePosition(); }
    [[nodiscard]] QString agentNameZh() const { return m_call->agentNameZh(); }
    [[nodiscard]] QString agentNameEn() const { return m_call->agentNameEn(); }
    // The desk's opening time in hall time, "HH:mm" (with the date when it is not today).
    [[nodiscard]] QString opensAt() const;
    [[nodiscard]] bool sendsCamera() const { return m_call->sendsCamera(); }
    [[nodiscard]] bool sendsMicrophone() const { return m_call->sendsMicrophone(); }
    // The voice prompt for where video help is now (assets/voice/prompts.tsv): the consent, the
    // resident's place in the queue, the agent answering, how a call ended; empty for silence.
    [[nodiscard]] QString voicePrompt() const;
    // Every prompt voicePrompt() can give, for checking that each has its recordings.
    [[nodiscard]] static QStringList voicePrompts();

    Q_INVOKABLE void ask() { m_call->ask(); }
    Q_INVOKABLE void agree(const QString &language, const QString &screen, bool elderMode) { m_call->agree(language, screen, elderMode); }
    Q_INVOKABLE void dismiss() { m_call->dismiss(); }
    Q_INVOKABLE void hangUp() { m_call->hangUp(); }

signals:
    void changed();
    void queuePositionChanged();

private:
    ProcessSingleton<VideoHelp> m_singleton{this};
    QPointer<QQuickWindow> m_window;
    VideoCall *m_call;
};
