#pragma once

#include <QObject>
#include <QString>

class Camera;
class SimulatorControlServer;

// The control socket of a `simulated` camera (CameraOptions::simulatorSocketPath), so that the
// demo and tests can stage what it sees from a shell (`kioskctl sim camera …`). One command a
// line, answered "ok …" or "error: …":
//   code TEXT…                 a phone shows a QR code carrying TEXT
//   code                       the phone is taken away
//   face absent|live|photo     who stands before the face camera (Camera::SimulatedFace)
//   stall | resume             the camera stops giving frames, or goes on
//   status                     what the camera shows now
// It lives on the camera's owner's thread and drives the camera through its public API.
class CameraSimulatorControl : public QObject
{
    Q_OBJECT
public:
    explicit CameraSimulatorControl(Camera *camera);
    ~CameraSimulatorControl() override;

    // Listens on `path`, unless a running kiosk already answers there (then this is kioskctl
    // opening the same camera, and the kiosk's camera stays the one controlled).
    [[nodiscard]] bool listen(const QString &path, QString *error);
    QString execute(const QString &commandLine);

private:
    Camera *m_camera;
    SimulatorControlServer *m_server = nullptr;
    bool m_stalled = false;
};
