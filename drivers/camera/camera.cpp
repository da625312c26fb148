#include "camera/camera.h"

#include "camera/sim/camerasimulatorcontrol.h"
#include "camera/cameraworker.h"
#include "camera/frameprovider.h"
#include "device/driverslog.h"
#include "device/deviceregistry.h"

Camera::Camera(const QString &id, CameraOptions options, QObject *parent)
    : ThreadedDevice(id, options.role == CameraOptions::Role::Face ? QStringLiteral("face_camera") : QStringLiteral("document_camera"),
                     options.spec(), parent)
    , m_options(std::move(options))
    , m_frames(new FrameProvider(m_options.previewFps, this))
{
    qRegisterMetaType<DeviceHealth>();
}

void Camera::registerWithDeviceRegistry()
{
    DeviceRegistry::registerCameraFactory(
        [](const QString &id, const CameraOptions &options) -> Device * { return new Camera(id, options); });
}

Camera::~Camera()
{
    stopWorker();
}

void Camera::setMode(Mode mode)
{
    m_mode = mode;
    callWorker([mode](CameraWorker *worker) { worker->setMode(int(mode)); });
}

void Camera::setLivenessChallenge(LivenessChallenge::Kind kind)
{
    m_challenge = kind;
    callWorker([kind](CameraWorker *worker) { worker->setLivenessChallenge(int(kind)); });
}

void Camera::capturePage()
{
    callWorker([](CameraWorker *worker) { worker->capturePage(); });
}

void Camera::showSimulatedCode(const QString &text)
{
    m_simulatedCode = text;
    callWorker([text](CameraWorker *worker) { worker->showSimulatedCode(text); });
}

void Camera::showSimulatedFace(SimulatedFace face)
{
    m_simulatedFace = face;
    callWorker([face](CameraWorker *worker) { worker->showSimulatedFace(int(face)); });
}

void Camera::simulateStall(bool stalled)
{
    callWorker([stalled](CameraWorker *worker) { worker->setSimulatedStall(stalled); });
}

bool Camera::onOpen(QString *)
{
    if (!m_control && m_options.source == CameraOptions::Source::Simulated && !m_options.controlSocketPath.isEmpty()) {
        m_control = new CameraSimulatorControl(this);
        QString error;
        if (!m_control->listen(m_options.controlSocketPath, &error))
            qCWarning(lcDrivers).noquote() << "camera: no control socket:" << error;
    }
    // A fresh bound for each worker: codes a stuck worker left waiting never arrive to leave it.
    m_codes = std::make_shared<HandoffBound>(CodeQueueCapacity);
    auto *cameraWorker = new CameraWorker(m_options, m_frames);
    cameraWorker->setCodeBound(m_codes);
    startWorker(cameraWorker, QStringLiteral("camera-") + id(), [this](CameraWorker *worker) {
        connect(worker, &CameraWorker::codeScanned, this, [this, bound = m_codes](const QString &format, const QString &text) {
            bound->leave();
            if (const qint64 dropped = bound->takeDropped())
                count(QStringLiteral("codes_dropped"), dropped);
            if (stage() == Stage::Enabled && m_mode == Mode::Codes)
                emit codeScanned(format, text);
        });
        connect(worker, &CameraWorker::faceGuidance, this, &Camera::faceGuidance);
        connect(worker, &CameraWorker::livenessPassed, this, &Camera::livenessPassed);
        connect(worker, &CameraWorker::faceCaptured, this, [this](const QByteArray &jpeg, double quality) {
            m_mode = Mode::Preview;
            emit faceCaptured(jpeg, quality);
        });
        connect(worker, &CameraWorker::pageCaptured, this, &Camera::pageCaptured);
        connect(worker, &CameraWorker::fpsMeasured, this, &Camera::fpsMeasured);
    });
    // The simulated scene's choices, kept across close and open, reach the new worker before it
    // opens; the mode and challenge after.
    const QString code = m_simulatedCode;
    const auto face = int(m_simulatedFace);
    callWorker([code, face](CameraWorker *worker) {
        worker->showSimulatedCode(code);
        worker->showSimulatedFace(face);
    });
    callWorker([](CameraWorker *worker) { worker->open(); });
    const LivenessChallenge::Kind challenge = m_challenge;
    callWorker([challenge](CameraWorker *worker) { worker->setLivenessChallenge(int(challenge)); });
    const Mode mode = m_mode;
    callWorker([mode](CameraWorker *worker) { worker->setMode(int(mode)); });
    return true;
}
