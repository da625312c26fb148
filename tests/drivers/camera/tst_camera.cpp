#include "camera/camera.h"
#include "camera/frameprovider.h"
#include "device/deviceregistry.h"
#include "testimages.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/videoio.hpp>

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

    static cv::Mat codeFrame(const QString &text)
    {
        cv::Mat canvas = TestImages::scene(cv::Size(1280, 720), 4);
        if (!text.isEmpty())
            TestImages::place(canvas, TestImages::qrCode(text, 300), {640, 360});
        cv::Mat bgr;
        cv::cvtColor(canvas, bgr, cv::COLOR_GRAY2BGR);
        return bgr;
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

    void parsesCameraSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("valid");
        QTest::newRow("simulated") << QStringLiteral("simulated") << true;
        QTest::newRow("v4l2 path") << QStringLiteral("v4l2:/dev/video0") << true;
        QTest::newRow("v4l2 index") << QStringLiteral("v4l2:2") << true;
        QTest::newRow("file") << QStringLiteral("file:/srv/clip.avi,loop=no") << true;
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

        std::unique_ptr<Camera> cam = camera(QStringLiteral("file:%1,loop=no").arg(clip), CameraOptions::Role::Face);
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
        QList<cv::Mat> frames;
        for (int i = 0; i < 10; ++i)
            frames << TestImages::faceFrame(1.6, {320, 240});
        for (const int x : {340, 360, 380, 390, 380, 360, 340, 325, 320, 320, 320, 320})
            frames << TestImages::faceFrame(1.6, {x, 240});
        const QString clip = writeClip(QStringLiteral("face.avi"), frames, 15);
        QVERIFY(!clip.isEmpty());
        std::unique_ptr<Camera> cam = camera(QStringLiteral("file:%1").arg(clip), CameraOptions::Role::Face, 15);
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

    void registryBuildsConfiguredCameras()
    {
        Camera::registerWithDeviceRegistry();
        DeviceRegistryOptions options;
        options.stateDirectory = m_dir.filePath(QStringLiteral("registry"));
        options.specs[QStringLiteral("face_camera")] = QStringLiteral("simulated");
        options.specs[QStringLiteral("document_camera")] = QStringLiteral("simulated");
        options.faceCameraSize = QSize(640, 480);
        options.documentCameraSize = QSize(1280, 720);
        options.cameraFps = 10;
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY2(registry.build(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(registry.unsupported().isEmpty());
        auto *face = qobject_cast<Camera *>(registry.device(QStringLiteral("face_camera")));
        auto *document = qobject_cast<Camera *>(registry.device(QStringLiteral("document_camera")));
        QVERIFY(face && document);
        QCOMPARE(face->deviceClass(), QStringLiteral("face_camera"));
        QCOMPARE(document->options().size, QSize(1280, 720));
        QVERIFY(registry.startAll(&errors));
        QTRY_VERIFY_WITH_TIMEOUT(face->frameProvider()->framesPublished() > 0, 30000);
        QCOMPARE(face->frameProvider()->latestFrame().size(), QSize(640, 480));
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
#include "tst_camera.moc"
