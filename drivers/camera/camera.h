#pragma once

#include "camera/cameraoptions.h"
#include "camera/cameraworker.h"
#include "device/threadeddevice.h"
#include "vision/decodedcode.h"
#include "vision/livenesschallenge.h"

#include <QByteArray>
#include <QSize>

class CameraSimulatorControl;
class FrameProvider;

// A face or document camera (OpenCV VideoCapture over V4L2, a video file, or a synthetic scene).
// Once enabled it captures on its own thread at the configured rate, keeping only the newest
// frame (never a queue), publishes the live picture through frameProvider(), and does what the
// current mode asks: decode codes (each reported once per presentation), capture a face
// (guidance, liveness, the best frame as JPEG in memory) or capture document pages on request.
// No frame is ever written to disk.
class Camera : public ThreadedDevice<CameraWorker>
{
    Q_OBJECT
public:
    enum class Mode { Preview, Codes, Face, Document };
    Q_ENUM(Mode)

    Camera(const QString &id, CameraOptions options, QObject *parent = nullptr);
    ~Camera() override;

    // Lets DeviceRegistry build `face_camera` and `document_camera`; call once, before build().
    static void registerWithDeviceRegistry();

    [[nodiscard]] const CameraOptions &options() const { return m_options; }
    [[nodiscard]] FrameProvider *frameProvider() const { return m_frames; }
    [[nodiscard]] Mode mode() const { return m_mode; }

    // Switching mode forgets any face kept so far and restarts the liveness challenge.
    void setMode(Mode mode);
    // Which challenge face mode asks for (turn by default); takes effect at the next setMode().
    void setLivenessChallenge(LivenessChallenge::Kind kind);
    // Document mode: straighten and encode the next frame as a page (pageCaptured follows),
    // taken at options().stillSize when that differs from the live picture's.
    void capturePage();
    // The simulated scene shows a code carrying `text` (empty: takes it away); no effect on
    // real cameras.
    void showSimulatedCode(const QString &text);
    // Who stands before a simulated face camera: nobody, a resident who turns their head now and
    // then (what the liveness challenge asks), or a printed photo held up and slid sideways now
    // and then (which the challenge must refuse). A face camera starts with a live resident; no
    // effect on real cameras. Both choices are kept across close and open.
    enum class SimulatedFace { Absent, Live, Photo };
    Q_ENUM(SimulatedFace)
    void showSimulatedFace(SimulatedFace face);
    [[nodiscard]] SimulatedFace simulatedFace() const { return m_simulatedFace; }
    [[nodiscard]] QString simulatedCode() const { return m_simulatedCode; }
    // A simulated camera that stops giving frames (as a real one that hangs or is unplugged)
    // until told to go on; no effect on real cameras.
    void simulateStall(bool stalled);

signals:
    void codeScanned(const QString &format, const QString &text);
    // Face mode, whenever the advice changes: a FaceObservation::toString() word ("move_closer").
    void faceGuidance(const QString &guidance);
    void livenessPassed();
    // The verification picture: JPEG bytes, never on disk; wipe them when verification is done.
    void faceCaptured(const QByteArray &jpeg, double quality);
    // `found` is false when no page outline was seen and the whole frame was kept.
    void pageCaptured(const QByteArray &jpeg, const QSize &size, bool found);
    // Frames captured per second over the last second, for maintenance screens.
    void fpsMeasured(double fps);

public:
    // At most this many decoded codes wait between the camera's thread and the driver's; more
    // are dropped and counted as `codes_dropped`. Frames need no bound: FrameProvider keeps one.
    static constexpr int CodeQueueCapacity = 16;

protected:
    bool onOpen(QString *error) override;

private:
    CameraOptions m_options;
    FrameProvider *m_frames;
    Mode m_mode = Mode::Preview;
    LivenessChallenge::Kind m_challenge = LivenessChallenge::Kind::Turn;
    SimulatedFace m_simulatedFace = SimulatedFace::Live;
    QString m_simulatedCode;
    CameraSimulatorControl *m_control = nullptr;
    std::shared_ptr<HandoffBound> m_codes;
};
