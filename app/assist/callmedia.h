#pragma once

#include "camera/frameprovider.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <future>
#include <memory>
#include <utility>

// The media of one video help call, on GStreamer's webrtcbin: it sends the face camera's frames
// (taken from the camera driver's FrameProvider, never a second open of the device), the
// microphone (pulsesrc) and the kiosk's own screen as a second video track whose stream is
// labelled "screen"; it plays the agent's voice (pulsesink) and hands the agent's video to a
// FrameProvider for the screen. Opus and VP8. The kiosk offers; the signalling is the caller's.
// GStreamer stays inside the .cpp (pimpl), and nothing of the call is written anywhere.
class CallMedia : public QObject
{
    Q_OBJECT
public:
    struct Sources {
        QPointer<FrameProvider> camera;       // null: no camera to send (voice and screen still go)
        std::function<QImage()> screen;       // the kiosk's window as it is now; empty: none
        QString microphone = QStringLiteral("@DEFAULT_SOURCE@"); // the PulseAudio source; empty: none
        int cameraFps = 15;
        int screenFps = 3;                    // a few frames a second is enough to follow a form
        // Once the agent's media flowed, this long without a packet of it means the path is gone
        // (a cable pulled, a router down): nothing says so, so the kiosk ends the call itself.
        int silenceTimeoutMs = 6000;
    };

    CallMedia(const Sources &sources, FrameProvider *agentVideo, QObject *parent = nullptr);
    ~CallMedia() override;

    // Probes the microphone and the speaker on a worker thread, while the resident still waits
    // for an agent, so that start() need not hold the screen still for them; start() probes
    // itself when this was not called.
    void prepare();
    // Builds and starts the pipeline; offerReady() follows. False with the reason if GStreamer
    // lacks an element or the pipeline refuses to start.
    [[nodiscard]] bool start(QString *error);
    void stop();
    void setAnswer(const QString &sdp);
    void addRemoteCandidate(const QString &candidate, int mlineIndex);

    // What the call actually sends, known once start() returned true.
    [[nodiscard]] bool sendsCamera() const { return m_sendsCamera; }
    [[nodiscard]] bool sendsMicrophone() const { return m_sendsMicrophone; }
    [[nodiscard]] bool sendsScreen() const { return m_sendsScreen; }
    [[nodiscard]] qint64 agentFramesReceived() const;
    // RTP packets received from the agent, of any kind.
    [[nodiscard]] qint64 agentPacketsReceived() const;

signals:
    void offerReady(const QString &sdp);
    void localCandidate(const QString &candidate, int mlineIndex);
    void connected();
    // The peer connection failed or was lost; the call cannot go on.
    void failed(const QString &reason);
    void firstAgentFrame();

private:
    struct Pipeline;
    void pushCamera();
    void pushScreen();
    void checkSilence();

    Sources m_sources;
    QPointer<FrameProvider> m_agentVideo;
    std::unique_ptr<Pipeline> m_pipeline;
    bool m_sendsCamera = false;
    bool m_sendsMicrophone = false;
    bool m_sendsScreen = false;
    qint64 m_lastCameraSequence = -1;
    std::future<std::pair<bool, bool>> m_soundCheck; // microphone, speaker
};
