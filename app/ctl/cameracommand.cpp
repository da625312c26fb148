#include "ctlcommand.h"

#include "camerasettings.h"
#include "camera/camera.h"
#include "vision/faceanalyzer.h"
#include "camera/frameprovider.h"
#include "common/eventwait.h"
#include "device/deviceregistry.h"
#include "sim/simcontrolclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QTimer>

// `kioskctl camera check [--device face_camera|document_camera] [--seconds N] [--min-fps N]
// [--brightness MIN-MAX] [--min-focus N]`: runs the camera as the kiosk would and judges what a
// technician needs, writing nothing: frames per second, brightness and a focus measure, each
// against its range, with a verdict per line; exit 0 when all are in range, 1 when one is not.
// `kioskctl camera snapshot [--device ID] --out FILE` saves one frame for aiming and focusing a
// camera; it refuses while a face is in view, so that a picture of a person never reaches the
// disk through it.
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

// What a camera in working order shows (docs/maintenance.md): at least the 15 frames a second
// the preview needs, a mean grey level a face or a page can be read in, and a focus measure a
// lens out of focus (under about 10 on any scene) does not reach.
struct CheckLimits {
    double minFps = 15;
    double minBrightness = 40;
    double maxBrightness = 220;
    double minFocus = 20;
};

bool parseRange(const QString &text, double *low, double *high)
{
    const QStringList parts = text.split(QLatin1Char('-'));
    bool okLow = false;
    bool okHigh = false;
    const double first = parts.value(0).toDouble(&okLow);
    const double second = parts.value(1).toDouble(&okHigh);
    if (parts.size() != 2 || !okLow || !okHigh || first > second)
        return false;
    *low = first;
    *high = second;
    return true;
}

// One line of the check: the measure, its value and whether it is in range.
QString judged(const QString &measure, const QString &value, bool inRange, const QString &range)
{
    return QStringLiteral("  %1 %2  %3 (%4)").arg(measure + QLatin1Char(':'), -28).arg(value, -26).arg(inRange ? QStringLiteral("ok") : QStringLiteral("OUT OF RANGE"), range);
}

// One frame from the camera, waited for up to `timeoutMs`; null when none came.
QImage waitForFrame(Camera *camera, int timeoutMs)
{
    EventWait wait(std::chrono::milliseconds{timeoutMs});
    QImage frame;
    QObject::connect(camera->frameProvider(), &FrameProvider::frameReady, wait.context(),
                     [&] { frame = camera->frameProvider()->takeFrame(); });
    wait.endOn(camera->frameProvider(), &FrameProvider::frameReady, [&] { return !frame.isNull(); });
    frame = camera->frameProvider()->takeFrame();
    if (frame.isNull())
        wait.exec();
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

int check(CtlContext &context, Camera *camera, const QString &id, int seconds, const CheckLimits &limits)
{
    EventWait wait(std::chrono::milliseconds{seconds * 1000 + 500});
    QElapsedTimer clock;
    clock.start();
    qint64 firstCount = -1;
    qint64 firstAtMs = 0;
    QObject::connect(camera->frameProvider(), &FrameProvider::frameReady, wait.context(), [&] {
        (void)camera->frameProvider()->takeFrame();
        if (firstCount < 0) {
            firstCount = camera->frameProvider()->framesPublished();
            firstAtMs = clock.elapsed();
        }
    });
    wait.exec();
    const QImage last = camera->frameProvider()->latestFrame();
    const qint64 frames = camera->frameProvider()->framesPublished() - qMax<qint64>(0, firstCount);
    const double elapsedS = double(clock.elapsed() - firstAtMs) / 1000.0;
    context.out << id << ": " << camera->spec() << "\n  health: " << DeviceVocabulary::toString(camera->health().level);
    if (!camera->health().detail.isEmpty())
        context.out << " (" << camera->health().detail << ")";
    context.out << Qt::endl;
    if (last.isNull() || firstCount < 0) {
        context.out << "  no frames\n  verdict: OUT OF RANGE" << Qt::endl;
        return CtlExit::Negative;
    }
    const FrameMeasure measured = measure(last);
    const double fps = elapsedS > 0 ? double(frames) / elapsedS : 0.0;
    const bool fpsOk = fps >= limits.minFps;
    const bool brightnessOk = measured.brightness >= limits.minBrightness && measured.brightness <= limits.maxBrightness;
    const bool focusOk = measured.focus >= limits.minFocus;
    context.out << judged(QStringLiteral("frames"), QStringLiteral("%1x%2 at %3 frames/s").arg(last.width()).arg(last.height()).arg(fps, 0, 'f', 1),
                          fpsOk, QStringLiteral("at least %1 frames/s").arg(limits.minFps))
                << "\n"
                << judged(QStringLiteral("brightness"), QStringLiteral("%1 of 255").arg(measured.brightness, 0, 'f', 0), brightnessOk,
                          QStringLiteral("%1 to %2").arg(limits.minBrightness).arg(limits.maxBrightness))
                << "\n"
                << judged(QStringLiteral("focus (Laplacian variance)"), QString::number(measured.focus, 'f', 0), focusOk,
                          QStringLiteral("at least %1").arg(limits.minFocus))
                << "\n  verdict: " << (fpsOk && brightnessOk && focusOk ? "ok" : "OUT OF RANGE") << Qt::endl;
    return fpsOk && brightnessOk && focusOk ? CtlExit::Ok : CtlExit::Negative;
}

} // namespace

int runCameraCommand(CtlContext &context, const QStringList &args)
{
    QString id = QStringLiteral("face_camera");
    QString out;
    int seconds = 3;
    CheckLimits limits;
    const QString verb = args.value(0);
    const bool checking = verb == QLatin1String("check");
    bool bad = (!checking && verb != QLatin1String("snapshot")) || args.size() % 2 != 1;
    for (qsizetype i = 1; !bad && i + 1 < args.size(); i += 2) {
        const QString &option = args.at(i);
        const QString &value = args.at(i + 1);
        bool number = true;
        if (option == QLatin1String("--device"))
            id = value;
        else if (option == QLatin1String("--seconds") && checking)
            seconds = qBound(1, value.toInt(&number), 60);
        else if (option == QLatin1String("--min-fps") && checking)
            limits.minFps = value.toDouble(&number);
        else if (option == QLatin1String("--min-focus") && checking)
            limits.minFocus = value.toDouble(&number);
        else if (option == QLatin1String("--brightness") && checking)
            number = parseRange(value, &limits.minBrightness, &limits.maxBrightness);
        else if (option == QLatin1String("--out") && !checking)
            out = value;
        else
            bad = true;
        bad = bad || !number;
    }
    if (verb == QLatin1String("snapshot") && out.isEmpty())
        bad = true;
    if (bad || (id != QLatin1String("face_camera") && id != QLatin1String("document_camera"))) {
        context.err << "usage: kioskctl camera check [--device face_camera|document_camera] [--seconds N]\n"
                       "                            [--min-fps 15] [--brightness 40-220] [--min-focus 20]\n"
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
    return check(context, camera, id, seconds, limits);
}

// `kioskctl sim camera [--device face_camera|document_camera] code [TEXT...] | face absent|live|photo
// | stall | resume | status`: stages what a running kiosk's simulated camera sees, through its
// control socket under the configured state directory.
int runSimCameraCommand(CtlContext &context, const QStringList &args)
{
    QStringList words = args;
    QString id = QStringLiteral("face_camera");
    QString socket;
    for (const char *option : {"--device", "--socket"}) {
        const qsizetype at = words.indexOf(QLatin1String(option));
        if (at >= 0 && at + 1 < words.size()) {
            (qstrcmp(option, "--device") == 0 ? id : socket) = words.at(at + 1);
            words.remove(at, 2);
        }
    }
    const QString verb = words.value(0);
    const bool valid = verb == QLatin1String("code") || (verb == QLatin1String("face") && words.size() == 2)
                       || ((verb == QLatin1String("stall") || verb == QLatin1String("resume") || verb == QLatin1String("status")) && words.size() == 1);
    if (!valid || (id != QLatin1String("face_camera") && id != QLatin1String("document_camera"))) {
        context.err << "usage: kioskctl sim camera [--device face_camera|document_camera] code [TEXT...]   show a QR code (no TEXT: take it away)\n"
                       "       kioskctl sim camera face absent|live|photo   who stands before the face camera\n"
                       "       kioskctl sim camera stall|resume|status" << Qt::endl;
        return CtlExit::Error;
    }
    if (socket.isEmpty()) {
        const std::optional<KioskConfig> config = context.loadConfig();
        if (!config)
            return CtlExit::Error;
        socket = CameraOptions::simulatorSocketPath(config->string(QStringLiteral("kiosk/state_dir")), id);
    }
    QString reply;
    QString error;
    if (!SimControlClient::send(socket, words.join(QLatin1Char(' ')), &reply, &error)) {
        context.err << "kioskctl sim camera: " << error << " (is a kiosk with a simulated " << id << " running?)" << Qt::endl;
        return CtlExit::Error;
    }
    const bool ok = reply.startsWith(QLatin1String("ok"));
    (ok ? context.out : context.err) << reply << Qt::endl;
    return ok ? CtlExit::Ok : CtlExit::Error;
}
