#include "ctlcommand.h"

#include "camerasettings.h"
#include "camera/camera.h"
#include "camera/faceanalyzer.h"
#include "camera/frameprovider.h"
#include "device/deviceregistry.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QTimer>

// `kioskctl camera check [--device face_camera|document_camera] [--seconds N]`: runs the camera
// as the kiosk would and reports what a technician needs: frames per second, brightness and a
// focus measure, writing nothing. `kioskctl camera snapshot [--device ID] --out FILE` saves one
// frame for aiming and focusing a camera; it refuses while a face is in view, so that a picture
// of a person never reaches the disk through it.
namespace {

// Every kioskctl command that builds devices (`devices`, `device check`, `scan listen`) sees the
// cameras: kioskctl links kioskvision, so it registers the camera factory once at start-up.
[[maybe_unused]] const bool camerasRegistered = [] {
    Camera::registerWithDeviceRegistry();
    return true;
}();

struct FrameMeasure {
    double brightness = 0; // mean grey, 0–255
    double focus = 0;      // variance of a 4-neighbour Laplacian on a ≤640 px grey copy
};

FrameMeasure measure(const QImage &frame)
{
    const QImage grey = (frame.width() > 640 ? frame.scaledToWidth(640, Qt::SmoothTransformation) : frame)
                            .convertToFormat(QImage::Format_Grayscale8);
    FrameMeasure result;
    double sum = 0;
    double lapSum = 0;
    double lapSquares = 0;
    qint64 count = 0;
    for (int y = 1; y + 1 < grey.height(); ++y) {
        const uchar *above = grey.constScanLine(y - 1);
        const uchar *row = grey.constScanLine(y);
        const uchar *below = grey.constScanLine(y + 1);
        for (int x = 1; x + 1 < grey.width(); ++x) {
            const double laplacian = above[x] + below[x] + row[x - 1] + row[x + 1] - 4.0 * row[x];
            sum += row[x];
            lapSum += laplacian;
            lapSquares += laplacian * laplacian;
            ++count;
        }
    }
    if (count > 0) {
        result.brightness = sum / count;
        const double mean = lapSum / count;
        result.focus = lapSquares / count - mean * mean;
    }
    return result;
}

// One frame from the camera, waited for up to `timeoutMs`; null when none came.
QImage waitForFrame(Camera *camera, int timeoutMs)
{
    QEventLoop loop;
    QImage frame;
    QObject::connect(camera->frameProvider(), &FrameProvider::frameReady, &loop, [&] {
        frame = camera->frameProvider()->takeFrame();
        if (!frame.isNull())
            loop.quit();
    });
    frame = camera->frameProvider()->takeFrame();
    if (frame.isNull()) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return frame;
}

int snapshot(CtlContext &context, Camera *camera, const QString &id, const QString &out)
{
    const QImage frame = waitForFrame(camera, 10000);
    if (frame.isNull()) {
        context.err << "kioskctl camera snapshot: no frame from " << id << " in 10 s" << Qt::endl;
        return CtlExit::Negative;
    }
    const FaceAnalyzer faces;
    if (!faces.isValid()) {
        context.err << "kioskctl camera snapshot: cannot look for faces (" << faces.errorString() << "), so no snapshot is taken"
                    << Qt::endl;
        return CtlExit::Error;
    }
    if (faces.analyze(frame).faces > 0) {
        context.err << "kioskctl camera snapshot: a person is in front of " << id
                    << "; snapshots of people are never taken. Aim the camera at an empty scene or a test card." << Qt::endl;
        return CtlExit::Negative;
    }
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || !frame.save(&file, "JPEG", 90)) {
        context.err << "kioskctl camera snapshot: cannot write " << out << ": " << file.errorString() << Qt::endl;
        return CtlExit::Error;
    }
    const FrameMeasure measured = measure(frame);
    context.out << QStringLiteral("%1: %2x%3 frame saved to %4 (brightness %5 of 255, focus %6)")
                       .arg(id)
                       .arg(frame.width())
                       .arg(frame.height())
                       .arg(out)
                       .arg(measured.brightness, 0, 'f', 0)
                       .arg(measured.focus, 0, 'f', 0)
                << Qt::endl;
    return CtlExit::Ok;
}

} // namespace

int runCameraCommand(CtlContext &context, const QStringList &args)
{
    QString id = QStringLiteral("face_camera");
    QString out;
    int seconds = 3;
    const QString verb = args.value(0);
    bool bad = (verb != QLatin1String("check") && verb != QLatin1String("snapshot")) || args.size() % 2 != 1;
    for (qsizetype i = 1; !bad && i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--device"))
            id = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--seconds") && verb == QLatin1String("check"))
            seconds = qBound(1, args.at(i + 1).toInt(), 60);
        else if (args.at(i) == QLatin1String("--out") && verb == QLatin1String("snapshot"))
            out = args.at(i + 1);
        else
            bad = true;
    }
    if (verb == QLatin1String("snapshot") && out.isEmpty())
        bad = true;
    if (bad || (id != QLatin1String("face_camera") && id != QLatin1String("document_camera"))) {
        context.err << "usage: kioskctl camera check [--device face_camera|document_camera] [--seconds N]\n"
                       "       kioskctl camera snapshot [--device face_camera|document_camera] --out FILE.jpg"
                    << Qt::endl;
        return CtlExit::Error;
    }
    const std::optional<KioskConfig> config = context.loadConfig();
    if (!config)
        return CtlExit::Error;
    Camera::registerWithDeviceRegistry();
    DeviceRegistryOptions options;
    options.stateDirectory = config->string(QStringLiteral("kiosk/state_dir"));
    options.specs.insert(id, config->string(QStringLiteral("devices/") + id));
    CameraSettings::apply(*config, &options);
    DeviceRegistry registry(options);
    QStringList errors;
    auto *camera = registry.build(&errors) ? qobject_cast<Camera *>(registry.device(id)) : nullptr;
    if (!camera) {
        context.err << "kioskctl camera check: " << (errors.isEmpty() ? QStringLiteral("%1 is none").arg(id) : errors.join(QLatin1Char('\n')))
                    << Qt::endl;
        return CtlExit::Error;
    }
    if (!registry.startAll(&errors)) {
        context.err << "kioskctl camera check: " << errors.join(QLatin1Char('\n')) << Qt::endl;
        return CtlExit::Error;
    }
    if (verb == QLatin1String("snapshot"))
        return snapshot(context, camera, id, out);
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    qint64 firstCount = -1;
    qint64 firstAtMs = 0;
    QObject::connect(camera->frameProvider(), &FrameProvider::frameReady, &loop, [&] {
        (void)camera->frameProvider()->takeFrame();
        if (firstCount < 0) {
            firstCount = camera->frameProvider()->framesPublished();
            firstAtMs = clock.elapsed();
        }
    });
    QTimer::singleShot(seconds * 1000 + 500, &loop, &QEventLoop::quit);
    loop.exec();
    const QImage last = camera->frameProvider()->latestFrame();
    const qint64 frames = camera->frameProvider()->framesPublished() - qMax<qint64>(0, firstCount);
    const double elapsedS = double(clock.elapsed() - firstAtMs) / 1000.0;
    context.out << id << ": " << camera->spec() << "\n  health: " << DeviceVocabulary::toString(camera->health().level);
    if (!camera->health().detail.isEmpty())
        context.out << " (" << camera->health().detail << ")";
    context.out << Qt::endl;
    if (last.isNull() || firstCount < 0) {
        context.out << "  no frames" << Qt::endl;
        return CtlExit::Negative;
    }
    const FrameMeasure measured = measure(last);
    context.out << QStringLiteral("  frames: %1x%2 at %3 frames/s\n  brightness: %4 of 255\n  focus (Laplacian variance): %5")
                       .arg(last.width())
                       .arg(last.height())
                       .arg(elapsedS > 0 ? frames / elapsedS : 0.0, 0, 'f', 1)
                       .arg(measured.brightness, 0, 'f', 0)
                       .arg(measured.focus, 0, 'f', 0)
                << Qt::endl;
    return CtlExit::Ok;
}
