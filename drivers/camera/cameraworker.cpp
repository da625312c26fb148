#include "camera/cameraworker.h"

#include "vision/codepresentation.h"
#include "vision/codereader.h"
#include "vision/documentcapture.h"
#include "vision/facecapture.h"
#include "camera/framecapture.h"
#include "camera/framecapturemodule.h"
#include "camera/frameprovider.h"
#include "vision/opencvimage.h"
#include "camera/simulatedscene.h"
#include "device/driverslog.h"
#include "scanner/scanpayload.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>

#include <opencv2/imgproc.hpp>

namespace {

constexpr int ReopenIntervalMs = 2000;
constexpr int HeldOpenRetryMs = 100;

enum class WorkerMode { Preview, Codes, Face, Document };

} // namespace

struct CameraWorker::Private {
    CameraOptions options;
    FrameProvider *frames = nullptr;
    std::shared_ptr<HandoffBound> codeBound;
    std::unique_ptr<FrameCapture> capture; // a real camera or a file, from kiosk-videoio.so
    bool simulated = false;
    std::unique_ptr<SimulatedScene> scene; // what a `simulated` camera draws
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
    d->scene = std::make_unique<SimulatedScene>(d->options);
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
        d->scene->redraw();
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
    d->scene->setCode(text);
    if (d->simulated && d->open)
        d->scene->redraw();
}

void CameraWorker::showSimulatedFace(int face)
{
    d->scene->setFace(static_cast<SimulatedScene::Face>(face));
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
        bgr = d->scene->frame(d->frameNumber);
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
        return OpenCvImage::toImage(d->scene->still(still));
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
