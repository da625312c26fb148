#include "camera/sim/camerasimulatorcontrol.h"

#include "camera/camera.h"
#include "sim/simulatorcontrolserver.h"
#include "sim/simcontrolclient.h"

namespace {

QString faceName(Camera::SimulatedFace face)
{
    switch (face) {
    case Camera::SimulatedFace::Absent:
        return QStringLiteral("absent");
    case Camera::SimulatedFace::Live:
        return QStringLiteral("live");
    case Camera::SimulatedFace::Photo:
        return QStringLiteral("photo");
    }
    return QString();
}

} // namespace

CameraSimulatorControl::CameraSimulatorControl(Camera *camera)
    : QObject(camera)
    , m_camera(camera)
{
}

CameraSimulatorControl::~CameraSimulatorControl() = default;

bool CameraSimulatorControl::listen(const QString &path, QString *error)
{
    if (SimControlClient::send(path, QStringLiteral("status"), nullptr, nullptr, 500))
        return true;
    delete m_server;
    m_server = new SimulatorControlServer(this);
    return m_server->listen(path, [this](const QString &line) { return execute(line); }, error);
}

QString CameraSimulatorControl::execute(const QString &commandLine)
{
    QStringList words = commandLine.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString verb = words.isEmpty() ? QString() : words.takeFirst();
    if (verb == QLatin1String("code")) {
        const QString text = words.join(QLatin1Char(' '));
        m_camera->showSimulatedCode(text);
        return text.isEmpty() ? QStringLiteral("ok the code was taken away") : QStringLiteral("ok showing a code of %1 characters").arg(text.size());
    }
    if (verb == QLatin1String("face") && words.size() == 1) {
        for (const Camera::SimulatedFace face : {Camera::SimulatedFace::Absent, Camera::SimulatedFace::Live, Camera::SimulatedFace::Photo}) {
            if (words.first() == faceName(face)) {
                m_camera->showSimulatedFace(face);
                return QStringLiteral("ok face %1").arg(faceName(face));
            }
        }
    }
    if ((verb == QLatin1String("stall") || verb == QLatin1String("resume")) && words.isEmpty()) {
        m_stalled = verb == QLatin1String("stall");
        m_camera->simulateStall(m_stalled);
        return QStringLiteral("ok ") + (m_stalled ? QStringLiteral("stalled") : QStringLiteral("resumed"));
    }
    if (verb == QLatin1String("status") && words.isEmpty())
        return QStringLiteral("ok camera=%1 face=%2 code=%3 stalled=%4")
            .arg(m_camera->id(), faceName(m_camera->simulatedFace()), m_camera->simulatedCode().isEmpty() ? QStringLiteral("none") : QStringLiteral("shown"),
                 m_stalled ? QStringLiteral("yes") : QStringLiteral("no"));
    return QStringLiteral("error: \"%1\" is not code [TEXT], face absent|live|photo, stall, resume or status").arg(commandLine.trimmed());
}
