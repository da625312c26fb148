#include "camera/frameprovider.h"
#include "cameraframes.h"
#include "device/deviceregistry.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// A camera's live picture as the UI takes it, without the UI knowing the camera driver.
class TestCameraFrames : public QObject
{
    Q_OBJECT

private slots:
    void aMissingCameraGivesNoFrames()
    {
        CameraFrames none(nullptr);
        QVERIFY(!none.isAvailable());
        QVERIFY(none.takeFrame().isNull());
        QVERIFY(none.latestFrame().isNull());

        QTemporaryDir dir;
        DeviceRegistryOptions options;
        options.stateDirectory = dir.path();
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY(registry.build(&errors));
        QVERIFY(!CameraFrames(&registry, QStringLiteral("document_camera")).isAvailable());
        QVERIFY(!CameraFrames(nullptr, QStringLiteral("face_camera")).isAvailable());
        QCOMPARE(CameraFrames::providerOf(&registry, QStringLiteral("face_camera")), nullptr);
    }

    void eachNewFrameIsAnnouncedAndTaken()
    {
        FrameProvider provider(25);
        CameraFrames frames(&provider);
        QVERIFY(frames.isAvailable());
        QSignalSpy ready(&frames, &CameraFrames::frameReady);
        QImage picture(64, 48, QImage::Format_RGB32);
        picture.fill(Qt::darkGreen);
        provider.publish(picture, 1);
        QTRY_COMPARE(ready.size(), 1);
        QCOMPARE(frames.takeFrame(), picture);
        QCOMPARE(frames.latestFrame(), picture);
        // Once taken, the camera's next frame is announced again.
        QImage next(64, 48, QImage::Format_RGB32);
        next.fill(Qt::darkBlue);
        provider.publish(next, 2);
        QTRY_COMPARE(ready.size(), 2);
        QCOMPARE(frames.takeFrame(), next);
    }

    void aCameraThatGoesAwayLeavesNoDanglingSource()
    {
        auto *provider = new FrameProvider(25);
        CameraFrames frames(provider);
        delete provider;
        QVERIFY(!frames.isAvailable());
        QVERIFY(frames.takeFrame().isNull());
    }
};

QTEST_GUILESS_MAIN(TestCameraFrames)
#include "test_cameraframes.moc"
