#pragma once

#include "camera/cameraoptions.h"
#include "device/devicehealth.h"
#include "device/handoffbound.h"

#include <QByteArray>
#include <QObject>
#include <QSize>

#include <memory>

class FrameProvider;
class QImage;
class QTimer;
namespace cv {
class Mat;
}

// The camera's capture and analysis on its own thread: a timer paced at the configured rate
// reads the newest frame (the driver keeps one buffer, and a clip plays in real time, so a slow
// pass drops frames instead of falling behind), hands it to the FrameProvider with its sequence
// number and runs the current mode's analysis on it.
// Only Camera talks to it. OpenCV stays inside the implementation.
class CameraWorker : public QObject
{
    Q_OBJECT
public:
    CameraWorker(CameraOptions options, FrameProvider *frames);
    ~CameraWorker() override;

    // The bound of the codes waiting for the driver; set before the worker's thread starts.
    void setCodeBound(std::shared_ptr<HandoffBound> bound);

public slots:
    void open();
    void close();
    void setEnabled(bool running);
    void setMode(int mode);
    void capturePage();
    void setLivenessChallenge(int kind);
    void showSimulatedCode(const QString &text);
    void showSimulatedFace(int face);
    void setSimulatedStall(bool stalled);
    void checkHealth(int level);

signals:
    void healthChanged(const DeviceHealth &health);
    void healthChecked(int level, const DeviceHealth &health);
    void presenceChanged(bool present);
    void codeScanned(const QString &format, const QString &text);
    void faceGuidance(const QString &guidance);
    void livenessPassed();
    void faceCaptured(const QByteArray &jpeg, double quality);
    void pageCaptured(const QByteArray &jpeg, const QSize &size, bool found);
    void fpsMeasured(double fps);
    void counted(const QString &counter, qint64 amount = 1);

private:
    struct Private;
    void tick();
    void openFile();
    bool readFileFrame(cv::Mat *bgr);
    // The picture a document page is made from: the live frame, or one taken at stillSize.
    QImage takeStill(const QImage &live);
    void setHealth(const DeviceHealth &health);
    bool makeCapture();
    bool captureOpen() const;
    void releaseCapture();

    std::unique_ptr<Private> d;
};
