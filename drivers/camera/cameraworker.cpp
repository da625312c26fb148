#include "camera/cameraworker.h"

#include "vision/codepresentation.h"
#include "vision/codereader.h"
#include "vision/documentcapture.h"
#include "vision/facecapture.h"
#include "camera/framecapture.h"
#include "camera/framecapturemodule.h"
#include "camera/frameprovider.h"
#include "vision/opencvimage.h"
#include "camera/sim/simulatedresident.h"
#include "device/driverslog.h"
#include "scanner/scanpayload.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <opencv2/imgproc.hpp>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <iterator>

namespace {

constexpr int ReopenIntervalMs = 2000;
constexpr int HeldOpenRetryMs = 100;

enum class WorkerMode { Preview, Codes, Face, Document };
enum class SimulatedFace { Absent, Live, Photo }; // as Camera::SimulatedFace

// How far the simulated resident's head is turned at each pose, in degrees.
constexpr double ResidentPoses[] = {0, 15, 30, 45};

// The simulated resident's face, scaled to about a quarter of the frame's width as the face
// camera of a kiosk sees someone standing at it, once for each pose. Empty if the resource is
// missing.
std::vector<cv::Mat> simulatedPoses(const cv::Size &frame)
{
    const QImage face = SimulatedResident::face();
    if (face.isNull())
        return {};
    // In the picture the face is about 97 px wide; the analyser wants it 18–40 % of the frame.
    const double scale = 0.27 * frame.width / 97.0;
    std::vector<cv::Mat> poses;
    for (const double yaw : ResidentPoses) {
        cv::Mat scaled;
        cv::resize(OpenCvImage::toBgr(SimulatedResident::turned(face, yaw)), scaled, cv::Size(), scale, scale, cv::INTER_AREA);
        poses.push_back(scaled);
    }
    return poses;
}

// Draws the face with its centre (128, 114 in the picture) near the frame's centre. Every 30
// frames a live resident holds still for a while, turns their head to 45° and back (what the
// liveness challenge asks); a photo stays frontal and, held in a hand, is slid sideways by half
// the face's width and back, which a liveness check must not take for a turn. The scene moves
// on by frames taken, not by time, so a slow analysis still sees every pose.
void drawSimulatedFace(cv::Mat &frame, const std::vector<cv::Mat> &poses, SimulatedFace who, qint64 frameNumber)
{
    if (poses.empty() || who == SimulatedFace::Absent)
        return;
    constexpr int Cycle = 30;
    constexpr int TurnStart = 15;
    static constexpr int LivePoseByPhase[] = {1, 2, 3, 3, 3, 3, 3, 2, 1}; // phases 15–23
    const int phase = int(frameNumber % Cycle);
    const bool turning = phase >= TurnStart && phase < TurnStart + int(std::size(LivePoseByPhase));
    const int pose = who == SimulatedFace::Live && turning ? LivePoseByPhase[phase - TurnStart] : 0;
    const cv::Mat &face = poses.at(size_t(pose));
    const double scale = face.cols / 320.0;
    const int faceWidth = int(97 * scale);
    const int slide = who == SimulatedFace::Photo && turning ? faceWidth / 2 : 0;
    const cv::Point offset(frame.cols / 2 + slide - int(128 * scale), frame.rows / 2 - int(114 * scale));
    const cv::Rect target = cv::Rect(offset, face.size()) & cv::Rect(0, 0, frame.cols, frame.rows);
    face(cv::Rect(target.tl() - offset, target.size())).copyTo(frame(target));
}

// The synthetic scene of a `simulated` camera: a desk, a sheet of paper for the document camera,
// and a code when one is shown. Drawn once per change, then only a moving tick each frame.
cv::Mat drawScene(const CameraOptions &options, const QString &code, QSize size)
{
    cv::Mat scene(size.height(), size.width(), CV_8UC3, cv::Scalar(70, 80, 90));
    const int w = scene.cols;
    const int h = scene.rows;
    if (options.role == CameraOptions::Role::Document) {
        // An A4 sheet standing upright under the camera, a little askew.
        const std::vector<cv::Point> page = {{w * 33 / 100, h * 7 / 100}, {w * 67 / 100, h * 8 / 100},
                                             {w * 68 / 100, h * 93 / 100}, {w * 32 / 100, h * 92 / 100}};
        cv::fillConvexPoly(scene, page, cv::Scalar(235, 235, 232));
        for (int line = 0; line < 14; ++line) {
            const int y = h * 18 / 100 + line * h * 5 / 100;
            cv::line(scene, {w * 37 / 100, y}, {w * (line % 3 == 2 ? 52 : 62) / 100, y}, cv::Scalar(40, 40, 40), qMax(2, h / 320));
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
    std::shared_ptr<HandoffBound> codeBound;
    std::unique_ptr<FrameCapture> capture; // a real camera or a file, from kiosk-videoio.so
    bool simulated = false;
    cv::Mat scene;
    QString simulatedCode;
    std::vector<cv::Mat> residentPoses;
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
    qint64 frameNumber = 0;     // frames taken since the camera opened
    qint64 sequence = -1;       // the source's number of the frame taken last
    QElapsedTimer playClock;    // file sources: when the clip's first frame was due
    qint64 nextFileFrame = 0;   // file sources: the number of the frame read() returns next
    qint64 fileFrames = -1;     // file sources: the clip's length when the container says
    DeviceHealth health;
};

CameraWorker::CameraWorker(CameraOptions options, FrameProvider *frames)
    : d(std::make_unique<Private>())
{
    d->options = std::move(options);
    d->frames = frames;
}

void CameraWorker::setCodeBound(std::shared_ptr<HandoffBound> bound)
{
    d->codeBound = std::move(bound);
}

CameraWorker::~CameraWorker()
{
    close();
}

void CameraWorker::open()
{
    if (!d->timer) {
        d->timer = new QTimer(this);
        d->timer->setTimerType(Qt::PreciseTimer);
        d->timer->setInterval(1000 / qMax(1, d->options.fps));
        connect(d->timer, &QTimer::timeout, this, &CameraWorker::tick);
        d->reopenTimer = new QTimer(this);
        d->reopenTimer->setInterval(ReopenIntervalMs);
        connect(d->reopenTimer, &QTimer::timeout, this, &CameraWorker::open);
        // A frame wider than codeMaxWidth is read whole every eighth empty frame, so a small
        // code shows within a quarter of a second at an eighth of the full-resolution cost.
        d->codes = std::make_unique<CodeReader>(d->options.codeFormats, d->options.codeMaxWidth, 8);
        d->clock.start();
    }
    d->simulated = d->options.source == CameraOptions::Source::Simulated;
    if (!d->simulated && FrameCaptureModule::isHeld()) {
        // The kiosk's attract screen is not up yet (FrameCaptureModule::holdUntilFirstFrame):
        // the camera opens a moment later rather than slowing the first frame.
        QTimer::singleShot(HeldOpenRetryMs, this, &CameraWorker::open);
        return;
    }
    if (d->simulated) {
        d->scene = drawScene(d->options, d->simulatedCode, d->options.size);
        if (d->options.role == CameraOptions::Role::Face && d->residentPoses.empty())
            d->residentPoses = simulatedPoses(d->scene.size());
        d->open = !d->simulatedStall;
    } else {
        if (d->options.source == CameraOptions::Source::V4l2) {
            if (makeCapture()) {
                if (d->options.index >= 0)
                    d->capture->openDevice(d->options.index);
                else
                    d->capture->openDevicePath(d->options.path.toStdString());
            }
            if (captureOpen()) {
                d->capture->set(FrameCapture::Property::FourCc, FrameCapture::fourCc('M', 'J', 'P', 'G'));
                d->capture->set(FrameCapture::Property::FrameWidth, d->options.size.width());
                d->capture->set(FrameCapture::Property::FrameHeight, d->options.size.height());
                d->capture->set(FrameCapture::Property::Fps, d->options.fps);
                // One buffer: a frame read is the newest one, and frames we were too slow for are dropped.
                d->capture->set(FrameCapture::Property::BufferSize, 1);
            }
        } else {
            openFile();
        }
        d->open = captureOpen();
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

void CameraWorker::close()
{
    if (d->timer)
        d->timer->stop();
    if (d->reopenTimer)
        d->reopenTimer->stop();
    releaseCapture();
    d->open = false;
    if (d->face)
        d->face->wipe();
    if (d->frames)
        d->frames->clear();
}

void CameraWorker::setEnabled(bool running)
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
        d->scene = drawScene(d->options, text, d->options.size);
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

void CameraWorker::openFile()
{
    if (makeCapture())
        d->capture->openFile(d->options.path.toStdString());
    d->playClock.invalidate();
    d->nextFileFrame = 0;
    const double frames = captureOpen() ? d->capture->get(FrameCapture::Property::FrameCount) : 0;
    d->fileFrames = frames > 0 ? qint64(frames) : -1;
}

bool CameraWorker::readFileFrame(cv::Mat *bgr)
{
    if (d->options.realtime) {
        // The clip plays at the configured rate whether or not we keep up, as a live camera
        // does: the frame due now is the one read, and those we were too slow for are skipped
        // (seeking when many are due, which costs less than decoding them).
        if (!d->playClock.isValid())
            d->playClock.start();
        const qint64 due = d->playClock.elapsed() * qMax(1, d->options.fps) / 1000;
        if (d->fileFrames > 0 && due >= d->fileFrames)
            return false;
        if (due > d->nextFileFrame + 2 && d->capture->set(FrameCapture::Property::PosFrames, double(due)))
            d->nextFileFrame = due;
        while (d->nextFileFrame < due && d->capture->grab())
            ++d->nextFileFrame;
    }
    if (!d->capture->read(*bgr) || bgr->empty())
        return false;
    d->sequence = d->nextFileFrame++;
    return true;
}

void CameraWorker::tick()
{
    cv::Mat bgr;
    bool read = false;
    if (d->simulated && !d->simulatedStall) {
        bgr = d->scene.clone();
        // A resident holding up a phone's code covers their face with it.
        if (d->simulatedCode.isEmpty())
            drawSimulatedFace(bgr, d->residentPoses, d->simulatedFace, d->frameNumber);
        // A moving tick in a corner, so the preview visibly lives.
        const int x = int((d->frameNumber * 7) % qMax(1, bgr.cols - 20));
        cv::rectangle(bgr, cv::Rect(x, bgr.rows - 12, 20, 8), cv::Scalar(200, 200, 200), cv::FILLED);
        d->sequence = d->frameNumber;
        read = true;
    } else if (!d->simulated && d->options.source == CameraOptions::Source::File) {
        read = readFileFrame(&bgr);
    } else if (!d->simulated) {
        read = d->capture->read(bgr) && !bgr.empty();
        if (read)
            d->sequence = d->frameNumber;
    }
    if (!read) {
        if (d->options.source == CameraOptions::Source::File && d->options.loop && d->consecutiveFailures == 0) {
            ++d->consecutiveFailures;
            releaseCapture();
            openFile();
            return;
        }
        if (++d->consecutiveFailures >= 5) {
            qCWarning(lcDrivers) << "camera: no frames; reopening";
            d->timer->stop();
            releaseCapture();
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

    const QImage frame = OpenCvImage::toImage(bgr);
    if (d->frames)
        d->frames->publish(frame, d->sequence);

    switch (d->mode) {
    case WorkerMode::Preview:
        break;
    case WorkerMode::Codes: {
        cv::Mat grey = bgr;
        if (bgr.channels() != 1)
            cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
        const QList<DecodedCode> found = d->codes->readGrey(grey.data, grey.cols, grey.rows, qsizetype(grey.step));
        for (const DecodedCode &code : d->presentation.admit(found, d->clock.elapsed())) {
            qCInfo(lcDrivers).noquote() << "camera: code of" << ScanPayload::describe(code.format, code.text);
            emit counted(QStringLiteral("codes"));
            if (d->codeBound && !d->codeBound->tryEnter()) {
                qCWarning(lcDrivers) << "camera: code dropped:" << d->codeBound->capacity() << "codes wait for the kiosk already";
                continue;
            }
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
            const DocumentCapture::Page page = DocumentCapture::capture(takeStill(frame));
            emit counted(QStringLiteral("pages"));
            emit pageCaptured(page.jpeg, page.image.size(), page.found);
        }
        break;
    }
}

QImage CameraWorker::takeStill(const QImage &live)
{
    const QSize still = d->options.stillSize;
    if (!still.isValid() || still == live.size() || d->options.source == CameraOptions::Source::File)
        return live;
    if (d->simulated)
        return OpenCvImage::toImage(drawScene(d->options, d->simulatedCode, still));
    // A UVC camera changes mode for the page and back for the live picture. The first frames in
    // the new mode may still be the old size, or dark and torn while the sensor settles.
    d->capture->set(FrameCapture::Property::FrameWidth, still.width());
    d->capture->set(FrameCapture::Property::FrameHeight, still.height());
    QImage page;
    int settled = 0;
    cv::Mat bgr;
    for (int attempt = 0; attempt < 15 && page.isNull(); ++attempt) {
        if (!d->capture->read(bgr) || bgr.empty() || (bgr.cols == live.width() && bgr.rows == live.height()))
            continue;
        if (++settled >= 3)
            page = OpenCvImage::toImage(bgr);
    }
    d->capture->set(FrameCapture::Property::FrameWidth, d->options.size.width());
    d->capture->set(FrameCapture::Property::FrameHeight, d->options.size.height());
    if (page.isNull()) {
        qCWarning(lcDrivers).noquote() << QStringLiteral("camera: no %1x%2 still from the camera; the page is taken from the live picture")
                                              .arg(still.width())
                                              .arg(still.height());
        return live;
    }
    return page;
}

bool CameraWorker::makeCapture()
{
    if (d->capture)
        return true;
    QString error;
    d->capture = FrameCaptureModule::create(&error);
    if (!d->capture)
        qCWarning(lcDrivers).noquote() << "camera:" << error;
    return d->capture != nullptr;
}

bool CameraWorker::captureOpen() const
{
    return d->capture && d->capture->isOpened();
}

void CameraWorker::releaseCapture()
{
    if (d->capture)
        d->capture->release();
}

void CameraWorker::setHealth(const DeviceHealth &health)
{
    if (health == d->health)
        return;
    d->health = health;
    emit healthChanged(health);
}
