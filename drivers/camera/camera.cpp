#include "camera/camera.h"

#include "camera/camerasimulatorcontrol.h"
#include "camera/cameraworker.h"
#include "camera/frameprovider.h"
#include "common/driverslog.h"
#include "device/deviceregistry.h"

#include <QThread>

Camera::Camera(const QString &id, CameraOptions options, QObject *parent)
    : Device(id, options.role == CameraOptions::Role::Face ? QStringLiteral("face_camera") : QStringLiteral("document_camera"),
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
    stopThread();
}

void Camera::setMode(Mode mode)
{
    m_mode = mode;
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, mode] { worker->setMode(int(mode)); }, Qt::QueuedConnection);
}

void Camera::setLivenessChallenge(LivenessChallenge::Kind kind)
{
    m_challenge = kind;
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, kind] { worker->setLivenessChallenge(int(kind)); }, Qt::QueuedConnection);
}

void Camera::capturePage()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &CameraWorker::capturePage, Qt::QueuedConnection);
}

void Camera::showSimulatedCode(const QString &text)
{
    m_simulatedCode = text;
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, text] { worker->showSimulatedCode(text); }, Qt::QueuedConnection);
}

void Camera::showSimulatedFace(SimulatedFace face)
{
    m_simulatedFace = face;
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, face] { worker->showSimulatedFace(int(face)); }, Qt::QueuedConnection);
}

void Camera::simulateStall(bool stalled)
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, [worker = m_worker, stalled] { worker->setSimulatedStall(stalled); }, Qt::QueuedConnection);
}

bool Camera::onOpen(QString *)
{
    if (!m_control && m_options.source == CameraOptions::Source::Simulated && !m_options.controlSocketPath.isEmpty()) {
        m_control = new CameraSimulatorControl(this);
        QString error;
        if (!m_control->listen(m_options.controlSocketPath, &error))
            qCWarning(lcDrivers).noquote() << "camera: no control socket:" << error;
    }
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("camera-") + id());
    m_worker = new CameraWorker(m_options, m_frames);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CameraWorker::healthChanged, this, [this](const DeviceHealth &health) {
        setHealth(health);
        setState(health.level == HealthLevel::Error ? State::Error : State::Idle);
    });
    connect(m_worker, &CameraWorker::healthChecked, this,
            [this](int level, const DeviceHealth &health) { reportHealthCheck(static_cast<HealthCheckLevel>(level), health); });
    connect(m_worker, &CameraWorker::presenceChanged, this, &Camera::setPresent);
    connect(m_worker, &CameraWorker::counted, this, [this](const QString &counter) { count(counter); });
    connect(m_worker, &CameraWorker::codeScanned, this, [this](const QString &format, const QString &text) {
        if (stage() == Stage::Enabled && m_mode == Mode::Codes)
            emit codeScanned(format, text);
    });
    connect(m_worker, &CameraWorker::faceGuidance, this, &Camera::faceGuidance);
    connect(m_worker, &CameraWorker::livenessPassed, this, &Camera::livenessPassed);
    connect(m_worker, &CameraWorker::faceCaptured, this, [this](const QByteArray &jpeg, double quality) {
        m_mode = Mode::Preview;
        emit faceCaptured(jpeg, quality);
    });
    connect(m_worker, &CameraWorker::pageCaptured, this, &Camera::pageCaptured);
    connect(m_worker, &CameraWorker::fpsMeasured, this, &Camera::fpsMeasured);
    m_thread->start();
    const QString code = m_simulatedCode;
    const auto face = int(m_simulatedFace);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, code, face] {
        worker->showSimulatedCode(code);
        worker->showSimulatedFace(face);
    }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_worker, &CameraWorker::openCamera, Qt::QueuedConnection);
    const Mode mode = m_mode;
    const LivenessChallenge::Kind challenge = m_challenge;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, challenge] { worker->setLivenessChallenge(int(challenge)); },
                              Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, mode] { worker->setMode(int(mode)); }, Qt::QueuedConnection);
    return true;
}

bool Camera::onEnable(QString *)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->setRunning(true); }, Qt::QueuedConnection);
    return true;
}

void Camera::onDisable()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->setRunning(false); }, Qt::QueuedConnection);
}

void Camera::onClose()
{
    stopThread();
}

void Camera::onCheckHealth(HealthCheckLevel level)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, level] { worker->checkHealth(int(level)); }, Qt::QueuedConnection);
}

void Camera::stopThread()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, &CameraWorker::closeCamera, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
}
