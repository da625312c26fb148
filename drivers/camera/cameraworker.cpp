#include "camera/cameraworker.h"

#include "camera/codepresentation.h"
#include "camera/codereader.h"
#include "camera/documentcapture.h"
#include "camera/facecapture.h"
#include "camera/frameprovider.h"
#include "common/driverslog.h"
#include "scanner/scanpayload.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

namespace {

constexpr int ReopenIntervalMs = 2000;

enum class WorkerMode { Preview, Codes, Face, Document };
enum class SimulatedFace { Absent, Live, Photo }; // as Camera::SimulatedFace

// The simulated resident's face, scaled to a quarter of the frame's width, as the face camera
// of a kiosk sees someone standing at it. Empty if the resource is missing.
cv::Mat simulatedFace(const cv::Size &frame)
{
    QFile file(QStringLiteral(":/kiosk/camera/simulated-face.jpg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    const cv::Mat encoded(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
    const cv::Mat face = cv::imdecode(encoded, cv::IMREAD_COLOR);
    if (face.empty())
        return {};
    // In the picture the face is about 97 px wide; the analyser wants it 18–75 % of the frame.
    const double scale = 0.27 * frame.width / 97.0;
    cv::Mat scaled;
    cv::resize(face, scaled, cv::Size(), scale, scale, cv::INTER_AREA);
    return scaled;
}

// Draws the face with its centre (128, 114 in the picture) near the frame's centre. A live
// resident holds still for a while, turns (the face moves sideways by half its width) and comes
// back, every three seconds at 15 frames a second; a photo never moves.
void drawSimulatedFace(cv::Mat &frame, const cv::Mat &face, SimulatedFace who, qint64 frameNumber)
{
    if (face.empty() || who == SimulatedFace::Absent)
        return;
    const double scale = face.cols / 320.0;
    const int faceWidth = int(97 * scale);
    const int phase = int(frameNumber % 45);
    const int shift = (who == SimulatedFace::Live && phase >= 20 && phase < 28) ? faceWidth / 2 : 0;
    const cv::Point offset(frame.cols / 2 + shift - int(128 * scale), frame.rows / 2 - int(114 * scale));
    const cv::Rect target = cv::Rect(offset, face.size()) & cv::Rect(0, 0, frame.cols, frame.rows);
    face(cv::Rect(target.tl() - offset, target.size())).copyTo(frame(target));
}

// The synthetic scene of a `simulated` camera: a desk, a sheet of paper for the document camera,
// and a code when one is shown. Drawn once per change, then only a moving tick each frame.
cv::Mat drawScene(const CameraOptions &options, const QString &code)
{
    cv::Mat scene(options.size.height(), options.size.width(), CV_8UC3, cv::Scalar(70, 80, 90));
    const int w = scene.cols;
    const int h = scene.rows;
    if (options.role == CameraOptions::Role::Document) {
        // An A4 sheet standing upright under the camera, a little askew.
        const std::vector<cv::Point> page = {{w * 33 / 100, h * 7 / 100}, {w * 67 / 100, h * 8 / 100},
                                             {w * 68 / 100, h * 93 / 100}, {w * 32 / 100, h * 92 / 100}};
        cv::fillConvexPoly(scene, page, cv::Scalar(235, 235, 232));
        for (int line = 0; line < 14; ++line) {
            const int y = h * 18 / 100 + line * h * 5 / 100;
            cv::line(scene, {w * 37 / 100, y}, {w * (line % 3 == 2 ? 52 : 62) / 100, y}, cv::Scalar(40, 40, 40), 3);
        }
    }
    if (!code.isEmpty()) {
        const int side = qMin(w, h) / 2;
        const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                            .setEncoding(ZXing::CharacterSet::UTF8)
                                            .setMargin(4)
                                            .encode(code.toStdString(), side, side);
        const ZXing::Matrix<uint8_t> pixels = ZXing::ToMatrix<uint8_t>(matrix);
        const cv::Mat qr(pixels.height(), pixels.width(), CV_8UC1, const_cast<uint8_t *>(pixels.data()));
        cv::Mat qrColour;
        cv::cvtColor(qr, qrColour, cv::COLOR_GRAY2BGR);
        qrColour.copyTo(scene(cv::Rect((w - qr.cols) / 2, (h - qr.rows) / 2, qr.cols, qr.rows)));
    }
    return scene;
}

} // namespace

struct CameraWorker::Private {
    CameraOptions options;
    FrameProvider *frames = nullptr;
    cv::VideoCapture capture;
    bool simulated = false;
    cv::Mat scene;
    QString simulatedCode;
    cv::Mat faceImage;
    SimulatedFace simulatedFace = SimulatedFace::Live;
    bool simulatedStall = false; // the simulated camera gives no frames, as a real one that hangs
    QTimer *timer = nullptr;
    QTimer *reopenTimer = nullptr;
    bool open = false;
    bool running = false;
    WorkerMode mode = WorkerMode::Preview;
    bool pageRequested = false;
    std::unique_ptr<CodeReader> codes;
    CodePresentation presentation;
    std::unique_ptr<FaceCapture> face;
    LivenessChallenge::Kind challenge = LivenessChallenge::Kind::Turn;
    QString lastGuidance;
    bool livenessReported = false;
    QElapsedTimer clock;
    QElapsedTimer fpsWindow;
    int framesInWindow = 0;
    int consecutiveFailures = 0;
    qint64 frameNumber = 0;
    DeviceHealth health;
};

CameraWorker::CameraWorker(CameraOptions options, FrameProvider *frames)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->frames = frames;
}

CameraWorker::~CameraWorker()
{
    closeCamera();
}

void CameraWorker::openCamera()
{
    if (!d->timer) {
        d->timer = new QTimer(this);
        d->timer->setTimerType(Qt::PreciseTimer);
        d->timer->setInterval(1000 / qMax(1, d->options.fps));
        connect(d->timer, &QTimer::timeout, this, &CameraWorker::tick);
        d->reopenTimer = new QTimer(this);
        d->reopenTimer->setInterval(ReopenIntervalMs);
        connect(d->reopenTimer, &QTimer::timeout, this, &CameraWorker::openCamera);
        d->codes = std::make_unique<CodeReader>(d->options.codeFormats, d->options.codeMaxWidth);
        d->clock.start();
    }
    d->simulated = d->options.source == CameraOptions::Source::Simulated;
    if (d->simulated) {
        d->scene = drawScene(d->options, d->simulatedCode);
        if (d->options.role == CameraOptions::Role::Face && d->faceImage.empty())
            d->faceImage = simulatedFace(d->scene.size());
        d->open = !d->simulatedStall;
    } else {
        if (d->options.source == CameraOptions::Source::V4l2) {
            if (d->options.index >= 0)
                d->capture.open(d->options.index, cv::CAP_V4L2);
            else
                d->capture.open(d->options.path.toStdString(), cv::CAP_V4L2);
            if (d->capture.isOpened()) {
                d->capture.set(cv::CAP_PROP_FOURCC, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'));
                d->capture.set(cv::CAP_PROP_FRAME_WIDTH, d->options.size.width());
                d->capture.set(cv::CAP_PROP_FRAME_HEIGHT, d->options.size.height());
                d->capture.set(cv::CAP_PROP_FPS, d->options.fps);
                // One buffer: a frame read is the newest one, and frames we were too slow for are dropped.
                d->capture.set(cv::CAP_PROP_BUFFERSIZE, 1);
            }
        } else {
            d->capture.open(d->options.path.toStdString(), cv::CAP_ANY);
        }
        d->open = d->capture.isOpened();
    }
    if (!d->open) {
        emit presenceChanged(false);
        setHealth(DeviceHealth::error(QStringLiteral("no_device"), StaffHint::CallService));
        d->reopenTimer->start();
        return;
    }
    d->reopenTimer->stop();
    d->consecutiveFailures = 0;
    emit presenceChanged(true);
    setHealth(DeviceHealth::ok());
    if (d->running)
        d->timer->start();
}

void CameraWorker::closeCamera()
{
    if (d->timer)
        d->timer->stop();
    if (d->reopenTimer)
        d->reopenTimer->stop();
    d->capture.release();
    d->open = false;
    if (d->face)
        d->face->wipe();
    if (d->frames)
        d->frames->clear();
}

void CameraWorker::setRunning(bool running)
{
    d->running = running;
    if (running && d->open) {
        d->fpsWindow.start();
        d->framesInWindow = 0;
        d->timer->start();
    } else if (d->timer) {
        d->timer->stop();
        if (d->face)
            d->face->wipe();
        d->presentation.reset();
        // The last picture may show a resident: it goes with the session.
        if (d->frames)
            d->frames->clear();
    }
}

void CameraWorker::setMode(int mode)
{
    d->mode = static_cast<WorkerMode>(mode);
    d->presentation.reset();
    d->pageRequested = false;
    d->lastGuidance.clear();
    d->livenessReported = false;
    if (d->mode == WorkerMode::Face && (!d->face || d->face->challenge().kind() != d->challenge)) {
        if (d->face)
            d->face->wipe();
        d->face = std::make_unique<FaceCapture>(d->challenge);
        if (!d->face->isValid())
            qCWarning(lcDrivers).noquote() << "camera: face capture unavailable:" << d->face->errorString();
    } else if (d->face) {
        d->face->wipe();
    }
}

void CameraWorker::setLivenessChallenge(int kind)
{
    d->challenge = static_cast<LivenessChallenge::Kind>(kind);
}

void CameraWorker::capturePage()
{
    d->pageRequested = true;
}

void CameraWorker::showSimulatedCode(const QString &text)
{
    d->simulatedCode = text;
    if (d->simulated && d->open)
        d->scene = drawScene(d->options, text);
}

void CameraWorker::showSimulatedFace(int face)
{
    d->simulatedFace = static_cast<SimulatedFace>(face);
}

void CameraWorker::setSimulatedStall(bool stalled)
{
    d->simulatedStall = stalled;
}

void CameraWorker::checkHealth(int level)
{
    emit healthChecked(level, d->open ? DeviceHealth::ok() : DeviceHealth::error(QStringLiteral("no_device"), StaffHint::CallService));
}

void CameraWorker::tick()
{
    cv::Mat bgr;
    if (d->simulated && !d->simulatedStall) {
        bgr = d->scene.clone();
        // A resident holding up a phone's code covers their face with it.
        if (d->simulatedCode.isEmpty())
            drawSimulatedFace(bgr, d->faceImage, d->simulatedFace, d->frameNumber);
        // A moving tick in a corner, so the preview visibly lives.
        const int x = int((d->frameNumber * 7) % qMax(1, bgr.cols - 20));
        cv::rectangle(bgr, cv::Rect(x, bgr.rows - 12, 20, 8), cv::Scalar(200, 200, 200), cv::FILLED);
    } else if (d->simulated || !d->capture.read(bgr) || bgr.empty()) {
        if (d->options.source == CameraOptions::Source::File && d->options.loop && d->consecutiveFailures == 0) {
            ++d->consecutiveFailures;
            d->capture.release();
            d->capture.open(d->options.path.toStdString(), cv::CAP_ANY);
            return;
        }
        if (++d->consecutiveFailures >= 5) {
            qCWarning(lcDrivers) << "camera: no frames; reopening";
            d->timer->stop();
            d->capture.release();
            d->open = false;
            emit presenceChanged(false);
            setHealth(DeviceHealth::error(QStringLiteral("no_frames"), StaffHint::CallService));
            d->reopenTimer->start();
        }
        return;
    }
    d->consecutiveFailures = 0;
    ++d->frameNumber;
    ++d->framesInWindow;
    if (d->fpsWindow.isValid() && d->fpsWindow.elapsed() >= 1000) {
        emit fpsMeasured(d->framesInWindow * 1000.0 / d->fpsWindow.restart());
        d->framesInWindow = 0;
    }

    cv::Mat rgb;
    if (bgr.channels() == 1)
        cv::cvtColor(bgr, rgb, cv::COLOR_GRAY2RGB);
    else
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    const QImage frame = QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888).copy();
    if (d->frames)
        d->frames->publish(frame);

    switch (d->mode) {
    case WorkerMode::Preview:
        break;
    case WorkerMode::Codes: {
        cv::Mat grey;
        cv::cvtColor(rgb, grey, cv::COLOR_RGB2GRAY);
        const QList<DecodedCode> found = d->codes->readGrey(grey.data, grey.cols, grey.rows, qsizetype(grey.step));
        for (const DecodedCode &code : d->presentation.admit(found, d->clock.elapsed())) {
            qCInfo(lcDrivers).noquote() << "camera: code of" << ScanPayload::describe(code.format, code.text);
            emit counted(QStringLiteral("codes"));
            emit codeScanned(code.format, code.text);
        }
        break;
    }
    case WorkerMode::Face: {
        if (!d->face || !d->face->isValid())
            break;
        FaceObservation observation;
        const std::optional<FaceCapture::Result> result = d->face->feed(frame, &observation);
        const QString guidance = FaceObservation::toString(observation.guidance);
        if (guidance != d->lastGuidance) {
            d->lastGuidance = guidance;
            emit faceGuidance(guidance);
        }
        // A capture completes only after the challenge passed; it also resets the challenge.
        if (!d->livenessReported && (result || d->face->challenge().passed())) {
            d->livenessReported = true;
            emit livenessPassed();
        }
        if (result) {
            emit counted(QStringLiteral("faces"));
            emit faceCaptured(result->jpeg, result->quality);
            d->mode = WorkerMode::Preview;
        }
        break;
    }
    case WorkerMode::Document:
        if (d->pageRequested) {
            d->pageRequested = false;
            const DocumentCapture::Page page = DocumentCapture::capture(frame);
            emit counted(QStringLiteral("pages"));
            emit pageCaptured(page.jpeg, page.image.size(), page.found);
        }
        break;
    }
}

void CameraWorker::setHealth(const DeviceHealth &health)
{
    if (health == d->health)
        return;
    d->health = health;
    emit healthChanged(health);
}
