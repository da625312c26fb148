#include "camera/camera.h"
#include "camera/framecapturemodule.h"
#include "camera/frameprovider.h"
#include "device/deviceregistry.h"
#include "sim/simcontrolclient.h"
#include "testimages.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include <unistd.h>

// The camera device on recorded clips (MJPG .avi written at test time) and on its simulated
// scene: codes reported once per presentation, a face captured after the liveness turn, pages
// captured on request, and the live picture handed over without queueing.
class TestCamera : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeClip(const QString &name, const QList<cv::Mat> &frames, double fps = 30)
    {
        const QString path = m_dir.filePath(name);
        cv::VideoWriter writer(path.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), fps, frames.first().size());
        if (!writer.isOpened())
            return QString();
        for (const cv::Mat &frame : frames)
            writer.write(frame);
        writer.release();
        return path;
    }

    static cv::Mat codeFrame(const QString &text, cv::Size size = cv::Size(1280, 720))
    {
        cv::Mat canvas = TestImages::scene(size, 4);
        if (!text.isEmpty())
            TestImages::place(canvas, TestImages::qrCode(text, size.height * 5 / 12), {size.width / 2, size.height / 2});
        cv::Mat bgr;
        cv::cvtColor(canvas, bgr, cv::COLOR_GRAY2BGR);
        return bgr;
    }

    // The process's resident memory in MiB, from /proc/self/statm.
    static double residentMiB()
    {
        QFile statm(QStringLiteral("/proc/self/statm"));
        if (!statm.open(QIODevice::ReadOnly))
            return -1;
        const QList<QByteArray> fields = statm.readAll().split(' ');
        return fields.size() > 1 ? fields.at(1).toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : -1;
    }

    static std::unique_ptr<Camera> camera(const QString &spec, CameraOptions::Role role, int fps = 30)
    {
        CameraOptions options;
        options.role = role;
        options.fps = fps;
        options.size = role == CameraOptions::Role::Face ? QSize(640, 480) : QSize(1920, 1080);
        QString error;
        if (!options.setSpec(spec, &error))
            qFatal("%s", qPrintable(error));
        return std::make_unique<Camera>(role == CameraOptions::Role::Face ? QStringLiteral("face_camera") : QStringLiteral("document_camera"),
                                        options);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    // First of the tests, because the first real camera of a process loads the capture module.
    void opensARealCameraOnlyAfterTheKiosksFirstFrame()
    {
        QDir(m_dir.path()).mkpath(QStringLiteral("held"));
        for (int i = 0; i < 10; ++i) {
            const QString name = m_dir.filePath(QStringLiteral("held/f%1.png").arg(i, 3, 10, QLatin1Char('0')));
            QVERIFY(cv::imwrite(name.toStdString(), codeFrame(QStringLiteral("HELD-0001"))));
        }
        FrameCaptureModule::holdUntilFirstFrame();
        std::unique_ptr<Camera> cam = camera(QStringLiteral("file:%1/f%03d.png").arg(m_dir.filePath(QStringLiteral("held"))),
                                             CameraOptions::Role::Face, 15);
        cam->setMode(Camera::Mode::Codes);
        QSignalSpy codes(cam.get(), &Camera::codeScanned);
        QString error;
        QVERIFY(cam->start(&error));
        QTest::qWait(600);
        QVERIFY2(!FrameCaptureModule::isLoaded(), "the capture module loaded before the kiosk's first frame");
        QVERIFY(!cam->isPresent());
        QVERIFY(codes.isEmpty());
        FrameCaptureModule::release();
        QTRY_VERIFY_WITH_TIMEOUT(cam->isPresent(), 10000);
        QVERIFY(FrameCaptureModule::isLoaded());
        QTRY_VERIFY_WITH_TIMEOUT(!codes.isEmpty(), 30000);
        QCOMPARE(codes.first().at(1).toString(), QStringLiteral("HELD-0001"));
    }

    void parsesCameraSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simulated") << QStringLiteral("simulated") << true;
        QTest::newRow("v4l2 path") << QStringLiteral("v4l2:/dev/video0") << true;
        QTest::newRow("v4l2 index") << QStringLiteral("v4l2:2") << true;
        QTest::newRow("file") << QStringLiteral("file:/srv/clip.avi,loop=no") << true;
        QTest::newRow("image sequence, every frame") << QStringLiteral("file:/srv/frames/f%03d.png,realtime=no") << true;
        QTest::newRow("serial is no camera") << QStringLiteral("serial:/dev/ttyACM0") << false;
        QTest::newRow("v4l2 nonsense") << QStringLiteral("v4l2:video") << false;
        QTest::newRow("unknown option") << QStringLiteral("file:/a.avi,zoom=2") << false;
    }

    void parsesCameraSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(bool, valid);
        CameraOptions options;
        QString error;
        QCOMPARE(options.setSpec(spec, &error), valid);
        if (valid)
            QCOMPARE(options.spec(), spec);
        else
            QVERIFY(!error.isEmpty());
    }

    void reportsEachCodeOncePerPresentation()
    {
        // A at 0–0.5 s; nothing for 2 s; A again; then B.
        QList<cv::Mat> frames;
        const cv::Mat a = codeFrame(QStringLiteral("预约号 A017"));
        const cv::Mat none = codeFrame(QString());
        const cv::Mat b = codeFrame(QStringLiteral("CASE-B"));
        for (int i = 0; i < 15; ++i)
            frames << a;
        for (int i = 0; i < 60; ++i)
            frames << none;
        for (int i = 0; i < 15; ++i)
            frames << a;
        for (int i = 0; i < 15; ++i)
            frames << b;
        const QString clip = writeClip(QStringLiteral("codes.avi"), frames);
        QVERIFY(!clip.isEmpty());

        // Every frame in turn: this is about presentations, not about keeping up.
        std::unique_ptr<Camera> cam = camera(QStringLiteral("file:%1,loop=no,realtime=no").arg(clip), CameraOptions::Role::Face);
        cam->setMode(Camera::Mode::Codes);
        QSignalSpy codes(cam.get(), &Camera::codeScanned);
        QString error;
        QVERIFY2(cam->start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(cam->health().level == HealthLevel::Error || codes.size() >= 3, 60000);
        // The clip has ended (no loop): the camera says it has no frames.
        QTRY_COMPARE_WITH_TIMEOUT(cam->health().detail, QStringLiteral("no_frames"), 60000);
        QCOMPARE(codes.size(), 3);
        QCOMPARE(codes.at(0).at(1).toString(), QStringLiteral("预约号 A017"));
        QCOMPARE(codes.at(1).at(1).toString(), QStringLiteral("预约号 A017"));
        QCOMPARE(codes.at(2).at(1).toString(), QStringLiteral("CASE-B"));
        QCOMPARE(codes.at(0).at(0).toString(), QStringLiteral("QRCode"));
    }

    void capturesFaceAfterTurnFromClip()
    {
        // The astronaut holds still, turns her head to 45° and back; her shoulders stay.
        QList<cv::Mat> frames;
        for (int i = 0; i < 10; ++i)
            frames << TestImages::faceFrame(1.6, {320, 240});
        for (const double yaw : {15.0, 30.0, 45.0, 45.0, 45.0, 30.0, 15.0, 0.0, 0.0, 0.0, 0.0, 0.0})
            frames << TestImages::faceFrame(1.6, {320, 240}, 1.0, yaw);
        const QString clip = writeClip(QStringLiteral("face.avi"), frames, 15);
        QVERIFY(!clip.isEmpty());
        std::unique_ptr<Camera> cam = camera(QStringLiteral("file:%1,realtime=no").arg(clip), CameraOptions::Role::Face, 15);
        cam->setMode(Camera::Mode::Face);
        QSignalSpy faces(cam.get(), &Camera::faceCaptured);
        QSignalSpy guidance(cam.get(), &Camera::faceGuidance);
        QSignalSpy live(cam.get(), &Camera::livenessPassed);
        QString error;
        QVERIFY(cam->start(&error));
        QTRY_COMPARE_WITH_TIMEOUT(faces.size(), 1, 120000);
        QCOMPARE(live.size(), 1);
        QVERIFY(!guidance.isEmpty());
        const QByteArray jpeg = faces.at(0).at(0).toByteArray();
        QVERIFY(jpeg.startsWith("\xff\xd8"));
        QVERIFY(faces.at(0).at(1).toDouble() > 0.5);
        QCOMPARE(cam->mode(), Camera::Mode::Preview);
    }

    void takesNoPhotoSlidSidewaysButTheResidentWhoTurns()
    {
        std::unique_ptr<Camera> cam = camera(QStringLiteral("simulated"), CameraOptions::Role::Face);
        cam->showSimulatedFace(Camera::SimulatedFace::Photo);
        cam->setMode(Camera::Mode::Face);
        QSignalSpy faces(cam.get(), &Camera::faceCaptured);
        QSignalSpy live(cam.get(), &Camera::livenessPassed);
        QSignalSpy guidance(cam.get(), &Camera::faceGuidance);
        QString error;
        QVERIFY(cam->start(&error));
        // Five times the photo is slid sideways by half the face's width and back (every 30 frames).
        QTRY_VERIFY_WITH_TIMEOUT(cam->frameProvider()->framesPublished() >= 5 * 30, 300000);
        QVERIFY(!guidance.isEmpty());
        QCOMPARE(live.size(), 0);
        QCOMPARE(faces.size(), 0);
        // The simulated resident turns her head now and then: she is taken.
        cam->showSimulatedFace(Camera::SimulatedFace::Live);
        QTRY_COMPARE_WITH_TIMEOUT(faces.size(), 1, 300000);
        QCOMPARE(live.size(), 1);
    }

    void dropsFramesItHasNoTimeForInsteadOfQueueingThem()
    {
        // 1200 frames, each carrying its own number in a QR code, played at 1000 frames a second
        // like a live camera: decoding a frame takes longer than a millisecond, so the camera
        // must skip to the frame due now, never queue the ones it missed.
        const QString clip = m_dir.filePath(QStringLiteral("fast.avi"));
        {
            cv::VideoWriter writer(clip.toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 1000, cv::Size(640, 480));
            QVERIFY(writer.isOpened());
            for (int i = 0; i < 1200; ++i)
                writer.write(codeFrame(QStringLiteral("F%1").arg(i, 4, 10, QLatin1Char('0')), cv::Size(640, 480)));
        }
        std::unique_ptr<Camera> cam = camera(QStringLiteral("file:%1,loop=no").arg(clip), CameraOptions::Role::Face, 1000);
        cam->setMode(Camera::Mode::Codes);
        QSignalSpy codes(cam.get(), &Camera::codeScanned);
        const double memoryBefore = residentMiB();
        QString error;
        QVERIFY(cam->start(&error));
        QTRY_COMPARE_WITH_TIMEOUT(cam->health().detail, QStringLiteral("no_frames"), 120000);
        const double memoryAfter = residentMiB();

        QList<int> analysed;
        for (const QList<QVariant> &code : std::as_const(codes))
            analysed << code.at(1).toString().mid(1).toInt();
        QVERIFY(!analysed.isEmpty());
        bool skipped = false;
        for (qsizetype i = 1; i < analysed.size(); ++i) {
            QVERIFY2(analysed.at(i) > analysed.at(i - 1), "a frame older than the last one was delivered");
            skipped = skipped || analysed.at(i) > analysed.at(i - 1) + 1;
        }
        qInfo("%lld of 1200 frames analysed, the last one number %d; resident memory %.0f -> %.0f MiB", qlonglong(analysed.size()),
              analysed.last(), memoryBefore, memoryAfter);
        QVERIFY2(skipped, "every frame was analysed in turn: nothing was dropped");
        QVERIFY2(analysed.size() < 600, "the camera kept up with a clip it cannot keep up with");
        // The camera went further into the clip than it analysed frames: it skipped ahead to
        // the newest frame instead of working through a backlog.
        QVERIFY(analysed.last() > analysed.size());
        // Queued, the frames it skipped would hold about a gigabyte.
        QVERIFY2(memoryAfter - memoryBefore < 150, qPrintable(QStringLiteral("memory grew by %1 MiB").arg(memoryAfter - memoryBefore)));
    }

    void readsAnImageSequence()
    {
        // file:DIR/f%03d.png, as a technician exports frames from a recording: f000.png, f001.png, …
        QDir(m_dir.path()).mkpath(QStringLiteral("sequence"));
        for (int i = 0; i < 30; ++i) {
            const cv::Mat frame = codeFrame(i < 20 ? QStringLiteral("受理回执 SEQ-0042") : QString());
            const QString name = m_dir.filePath(QStringLiteral("sequence/f%1.png").arg(i, 3, 10, QLatin1Char('0')));
            QVERIFY(cv::imwrite(name.toStdString(), frame));
        }
        std::unique_ptr<Camera> cam = camera(QStringLiteral("file:%1/f%03d.png").arg(m_dir.filePath(QStringLiteral("sequence"))),
                                             CameraOptions::Role::Face, 15);
        cam->setMode(Camera::Mode::Codes);
        QSignalSpy codes(cam.get(), &Camera::codeScanned);
        QString error;
        QVERIFY(cam->start(&error));
        QTRY_VERIFY_WITH_TIMEOUT(!codes.isEmpty(), 60000);
        QCOMPARE(codes.first().at(1).toString(), QStringLiteral("受理回执 SEQ-0042"));
        QCOMPARE(cam->frameProvider()->latestFrame().size(), QSize(1280, 720));
        QCOMPARE(cam->health().level, HealthLevel::Ok);
    }

    void handsOverNewestFrameWithoutQueueing()
    {
        std::unique_ptr<Camera> cam = camera(QStringLiteral("simulated"), CameraOptions::Role::Face);
        FrameProvider *frames = cam->frameProvider();
        QSignalSpy ready(frames, &FrameProvider::frameReady);
        QString error;
        QVERIFY(cam->start(&error));
        QTRY_VERIFY_WITH_TIMEOUT(frames->framesPublished() >= 30, 30000);
        // Nobody collected the first frame: one notice stands, however many frames came since.
        QCOMPARE(ready.size(), 1);
        const QImage first = frames->takeFrame();
        QCOMPARE(first.size(), QSize(640, 480));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 30000);
        cam->close();
        QVERIFY(frames->latestFrame().isNull()); // closing forgets the picture
    }

    void announcesNewestFrameWhenThePreviewIntervalEnds()
    {
        FrameProvider frames(1); // at most one notice a second, so the frames below come well within it
        QSignalSpy ready(&frames, &FrameProvider::frameReady);
        QImage first(8, 8, QImage::Format_RGB888);
        first.fill(Qt::red);
        QImage second = first.copy();
        second.fill(Qt::green);
        QImage third = first.copy();
        third.fill(Qt::blue);
        frames.publish(first, 1);
        QCOMPARE(ready.size(), 1);
        qint64 sequence = -1;
        QCOMPARE(frames.takeFrame(&sequence), first);
        QCOMPARE(sequence, 1);
        // Two more frames inside the interval: neither is announced at once, and neither is
        // forgotten either; one notice comes when the interval ends, for the newer of the two.
        frames.publish(second, 2);
        frames.publish(third, 3);
        QCOMPARE(ready.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 10000);
        QCOMPARE(frames.takeFrame(&sequence), third);
        QCOMPARE(sequence, 3);
        QTest::qWait(1500);
        QCOMPARE(ready.size(), 2); // nothing new, nothing announced
    }

    void decodesCodeShownToSimulatedCamera()
    {
        std::unique_ptr<Camera> cam = camera(QStringLiteral("simulated"), CameraOptions::Role::Face);
        cam->setMode(Camera::Mode::Codes);
        QSignalSpy codes(cam.get(), &Camera::codeScanned);
        QString error;
        QVERIFY(cam->start(&error));
        QTRY_VERIFY_WITH_TIMEOUT(cam->frameProvider()->framesPublished() > 5, 30000);
        cam->showSimulatedCode(QStringLiteral("皖事通 7F3K-92QX"));
        QTRY_COMPARE_WITH_TIMEOUT(codes.size(), 1, 30000);
        QCOMPARE(codes.at(0).at(1).toString(), QStringLiteral("皖事通 7F3K-92QX"));
        QTest::qWait(500);
        QCOMPARE(codes.size(), 1);
    }

    void capturesPageFromSimulatedDocumentCamera()
    {
        std::unique_ptr<Camera> cam = camera(QStringLiteral("simulated"), CameraOptions::Role::Document, 15);
        cam->setMode(Camera::Mode::Document);
        QSignalSpy pages(cam.get(), &Camera::pageCaptured);
        QString error;
        QVERIFY(cam->start(&error));
        QTRY_VERIFY_WITH_TIMEOUT(cam->frameProvider()->framesPublished() > 2, 30000);
        cam->capturePage();
        QTRY_COMPARE_WITH_TIMEOUT(pages.size(), 1, 60000);
        QVERIFY(pages.at(0).at(2).toBool());
        QVERIFY(pages.at(0).at(0).toByteArray().startsWith("\xff\xd8"));
        const QSize size = pages.at(0).at(1).toSize();
        QVERIFY(size.height() > size.width()); // the page stands upright
    }

    void takesPagesAtOneHundredFiftyDpiByDefault()
    {
        // The registry's defaults are the configuration's: the live picture stays small, the
        // page is taken at the still resolution.
        Camera::registerWithDeviceRegistry();
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(QStringLiteral("registry-pages"));
        options.specs[QStringLiteral("document_camera")] = QStringLiteral("simulated");
        options.cameraFps = 10;
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY2(registry.build(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        auto *cam = qobject_cast<Camera *>(registry.device(QStringLiteral("document_camera")));
        QVERIFY(cam);
        cam->setMode(Camera::Mode::Document);
        QSignalSpy pages(cam, &Camera::pageCaptured);
        QVERIFY(registry.startAll(&errors));
        QTRY_VERIFY_WITH_TIMEOUT(cam->frameProvider()->framesPublished() > 2, 30000);
        const QSize live = cam->frameProvider()->latestFrame().size();
        cam->capturePage();
        QTRY_COMPARE_WITH_TIMEOUT(pages.size(), 1, 120000);
        const QByteArray jpeg = pages.at(0).at(0).toByteArray();
        const QSize page = pages.at(0).at(1).toSize();
        QImage decoded;
        QVERIFY(decoded.loadFromData(jpeg, "JPEG"));
        const double dpi = qMax(decoded.width(), decoded.height()) / (297.0 / 25.4); // A4's long side is 297 mm
        qInfo("live picture %dx%d; page %dx%d, %.0f dpi on A4, JPEG %lld KiB", live.width(), live.height(), page.width(), page.height(), dpi,
              qlonglong(jpeg.size() / 1024));
        QVERIFY(pages.at(0).at(2).toBool());
        QVERIFY(live.width() <= 1280);
        QVERIFY2(dpi >= 150, qPrintable(QStringLiteral("the page came out at %1 dpi").arg(dpi)));
        QVERIFY(jpeg.size() < 1024 * 1024);
    }

    void registryBuildsConfiguredCameras()
    {
        Camera::registerWithDeviceRegistry();
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(QStringLiteral("registry"));
        options.specs[QStringLiteral("face_camera")] = QStringLiteral("simulated");
        options.specs[QStringLiteral("document_camera")] = QStringLiteral("simulated");
        options.faceCameraSize = QSize(640, 480);
        options.documentCameraPreviewSize = QSize(1280, 720);
        options.documentCameraSize = QSize(2592, 1944);
        options.cameraFps = 10;
        options.cameraPreviewFps = 8;
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY2(registry.build(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(registry.unsupported().isEmpty());
        auto *face = qobject_cast<Camera *>(registry.device(QStringLiteral("face_camera")));
        auto *document = qobject_cast<Camera *>(registry.device(QStringLiteral("document_camera")));
        QVERIFY(face && document);
        QCOMPARE(face->deviceClass(), QStringLiteral("face_camera"));
        QCOMPARE(document->options().size, QSize(1280, 720));
        QCOMPARE(document->options().stillSize, QSize(2592, 1944));
        QCOMPARE(face->options().stillSize, QSize());
        QCOMPARE(face->frameProvider()->maxFps(), 8);
        QVERIFY(registry.startAll(&errors));
        QTRY_VERIFY_WITH_TIMEOUT(face->frameProvider()->framesPublished() > 0, 30000);
        QCOMPARE(face->frameProvider()->latestFrame().size(), QSize(640, 480));
    }

    void takesStagingCommandsOnItsControlSocket()
    {
        Camera::registerWithDeviceRegistry();
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(QStringLiteral("registry-control"));
        options.specs[QStringLiteral("face_camera")] = QStringLiteral("simulated");
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY2(registry.build(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        auto *cam = qobject_cast<Camera *>(registry.device(QStringLiteral("face_camera")));
        QVERIFY(cam);
        cam->setMode(Camera::Mode::Codes);
        QSignalSpy codes(cam, &Camera::codeScanned);
        QVERIFY(registry.startAll(&errors));
        const QString socket = CameraOptions::simulatorSocketPath(options.stateDirectory, QStringLiteral("face_camera"));
        // The socket answers on this (the camera's owner's) thread: ask from another one.
        const auto ask = [&socket](const QString &command) {
            QString reply;
            QThread *thread = QThread::create([&] {
                if (!SimControlClient::send(socket, command, &reply, nullptr, 10000))
                    reply = QStringLiteral("no answer");
            });
            thread->start();
            while (!thread->wait(10))
                QCoreApplication::processEvents();
            delete thread;
            return reply;
        };
        QCOMPARE(ask(QStringLiteral("code 办件回执 0042")), QStringLiteral("ok showing a code of 9 characters"));
        QTRY_COMPARE_WITH_TIMEOUT(codes.size(), 1, 30000);
        QCOMPARE(codes.at(0).at(1).toString(), QStringLiteral("办件回执 0042"));
        QCOMPARE(ask(QStringLiteral("face photo")), QStringLiteral("ok face photo"));
        QCOMPARE(cam->simulatedFace(), Camera::SimulatedFace::Photo);
        QCOMPARE(ask(QStringLiteral("status")), QStringLiteral("ok camera=face_camera face=photo code=shown stalled=no"));
        QCOMPARE(ask(QStringLiteral("code")), QStringLiteral("ok the code was taken away"));
        QVERIFY(cam->simulatedCode().isEmpty());
        QVERIFY(ask(QStringLiteral("face twin")).startsWith(QLatin1String("error:")));
    }

    void registryRefusesCameraSpecItCannotRead()
    {
        Camera::registerWithDeviceRegistry();
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(QStringLiteral("registry-bad"));
        options.specs[QStringLiteral("face_camera")] = QStringLiteral("serial:/dev/ttyS0");
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY(!registry.build(&errors));
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().startsWith(QStringLiteral("face_camera:")));
    }

    void reportsMissingCamera()
    {
        std::unique_ptr<Camera> cam = camera(QStringLiteral("file:%1").arg(m_dir.filePath(QStringLiteral("absent.avi"))), CameraOptions::Role::Face);
        QString error;
        QVERIFY(cam->start(&error));
        QTRY_COMPARE_WITH_TIMEOUT(cam->health().detail, QStringLiteral("no_device"), 30000);
        QVERIFY(!cam->isPresent());
    }
};

QTEST_MAIN(TestCamera)
#include "test_camera.moc"
