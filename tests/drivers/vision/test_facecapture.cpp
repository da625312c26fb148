#include "vision/faceanalyzer.h"
#include "vision/facecapture.h"
#include "vision/livenesschallenge.h"
#include "testimages.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

// Face capture over the astronaut face placed, scaled, darkened and blurred on 640×480 frames:
// the guidance a resident would hear, the liveness challenge, and the JPEG that comes out.
class TestFaceCapture : public QObject
{
    Q_OBJECT

private:
    using Guidance = FaceObservation::Guidance;

    static FaceObservation seeBox(int x, int width = 120, bool eyes = true)
    {
        FaceObservation observation;
        observation.frameSize = QSize(640, 480);
        observation.faces = 1;
        observation.box = QRect(x - width / 2, 180, width, width);
        observation.eyesVisible = eyes;
        return observation;
    }

    // A drawn person: the face box centred at `faceX`, and textured shoulders below it centred
    // at `bodyX`, in the grey frame the turn challenge compares. A head that turns moves faceX
    // only; a photo slid sideways moves both.
    static FaceObservation seePerson(int faceX, int bodyX)
    {
        FaceObservation observation = seeBox(faceX);
        cv::Mat frame(480, 640, CV_8UC1, cv::Scalar(110));
        cv::Mat shoulders(180, 420, CV_8UC1);
        cv::theRNG().state = 20261123; // the same shirt in every frame
        cv::randu(shoulders, 40, 200);
        cv::GaussianBlur(shoulders, shoulders, cv::Size(9, 9), 0);
        const cv::Rect where = cv::Rect(bodyX - 210, 300, 420, 180) & cv::Rect(0, 0, 640, 480);
        shoulders(cv::Rect(where.x - (bodyX - 210), 0, where.width, where.height)).copyTo(frame(where));
        observation.grey = QImage(frame.data, frame.cols, frame.rows, int(frame.step), QImage::Format_Grayscale8).copy();
        return observation;
    }

    static FaceObservation lost()
    {
        FaceObservation observation;
        observation.frameSize = QSize(640, 480);
        return observation;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!TestImages::astronaut().empty(), "tests/drivers/camera/data/astronaut-face.jpg is missing");
    }

    void guidesResidentIntoPosition_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addColumn<int>("x");
        QTest::addColumn<int>("y");
        QTest::addColumn<double>("brightness");
        QTest::addColumn<int>("blur");
        QTest::addColumn<int>("guidance");
        QTest::newRow("well placed") << 1.6 << 320 << 240 << 1.0 << 0 << int(Guidance::Good);
        QTest::newRow("far away") << 0.6 << 320 << 240 << 1.0 << 0 << int(Guidance::MoveCloser);
        QTest::newRow("too close") << 3.0 << 320 << 240 << 1.0 << 0 << int(Guidance::MoveBack);
        QTest::newRow("over-exposed") << 1.6 << 320 << 240 << 1.9 << 0 << int(Guidance::TooBright);
        QTest::newRow("off to the side") << 1.6 << 150 << 240 << 1.0 << 0 << int(Guidance::Centre);
        QTest::newRow("in the dark") << 1.6 << 320 << 240 << 0.3 << 0 << int(Guidance::TooDark);
        QTest::newRow("moving, blurred") << 1.6 << 320 << 240 << 1.0 << 15 << int(Guidance::HoldStill);
    }

    void guidesResidentIntoPosition()
    {
        QFETCH(double, scale);
        QFETCH(int, x);
        QFETCH(int, y);
        QFETCH(double, brightness);
        QFETCH(int, blur);
        QFETCH(int, guidance);
        cv::Mat frame = TestImages::faceFrame(scale, {x, y}, brightness);
        if (blur > 0)
            cv::GaussianBlur(frame, frame, cv::Size(blur, blur), 0);
        FaceAnalyzer analyzer;
        QVERIFY2(analyzer.isValid(), qPrintable(analyzer.errorString()));
        const FaceObservation seen = analyzer.analyze(TestImages::toImage(frame));
        QCOMPARE(seen.faces, 1);
        QVERIFY2(int(seen.guidance) == guidance,
                 qPrintable(QStringLiteral("said %1 (brightness %2, sharpness %3, box %4×%5 at %6,%7)")
                                .arg(FaceObservation::toString(seen.guidance))
                                .arg(seen.brightness)
                                .arg(seen.sharpness)
                                .arg(seen.box.width())
                                .arg(seen.box.height())
                                .arg(seen.box.center().x())
                                .arg(seen.box.center().y())));
    }

    void findsNoFaceInEmptyFrame()
    {
        FaceAnalyzer analyzer;
        const FaceObservation seen = analyzer.analyze(TestImages::toImage(TestImages::scene(cv::Size(640, 480), 5)));
        QCOMPARE(seen.faces, 0);
        QCOMPARE(seen.guidance, Guidance::NoFace);
        QCOMPARE(seen.quality(), 0.0);
    }

    void asksForOneFaceWhenTwoAreSeen()
    {
        cv::Mat frame(480, 640, CV_8UC3, cv::Scalar(150, 150, 150));
        cv::Mat face;
        cv::resize(TestImages::astronaut(), face, cv::Size(), 0.9, 0.9, cv::INTER_AREA);
        face.copyTo(frame(cv::Rect(10, 60, face.cols, face.rows)));
        face.copyTo(frame(cv::Rect(640 - face.cols - 10, 60, face.cols, face.rows)));
        FaceAnalyzer analyzer;
        const FaceObservation seen = analyzer.analyze(TestImages::toImage(frame));
        QCOMPARE(seen.faces, 2);
        QCOMPARE(seen.guidance, Guidance::SeveralFaces);
    }

    void passesTurnChallengeOnlyAfterTurningAndReturning()
    {
        LivenessChallenge challenge(LivenessChallenge::Kind::Turn);
        for (int i = 0; i < 10; ++i)
            challenge.feed(seePerson(320, 320));
        QCOMPARE(challenge.state(), LivenessChallenge::State::Waiting); // held still
        challenge.feed(seePerson(355, 320));
        QCOMPARE(challenge.state(), LivenessChallenge::State::Waiting); // a third of 120 px is 40
        challenge.feed(seePerson(370, 320));
        QCOMPARE(challenge.state(), LivenessChallenge::State::Moved);   // the face went, the shoulders stayed
        challenge.feed(seePerson(325, 320));
        QVERIFY(challenge.passed());
    }

    void refusesPhotoSlidSideways()
    {
        // Face and shoulders move together, out and back, again and again.
        LivenessChallenge challenge(LivenessChallenge::Kind::Turn);
        for (int round = 0; round < 4; ++round) {
            for (const int x : {320, 320, 320, 320, 340, 370, 390, 390, 390, 390, 370, 340, 320}) {
                challenge.feed(seePerson(x, x));
                QCOMPARE(challenge.state(), LivenessChallenge::State::Waiting);
            }
        }
    }

    void cannotTellATurnWithoutTheShouldersInView()
    {
        LivenessChallenge challenge(LivenessChallenge::Kind::Turn);
        for (const int x : {320, 320, 320, 320, 370, 390, 370, 320, 320})
            challenge.feed(seeBox(x)); // no frame to compare: nothing shows the body stayed
        QVERIFY(!challenge.passed());
    }

    void measuresTheTurnFromAFaceHeldStill()
    {
        // The face is already moving when the challenge starts: no baseline is taken from it,
        // so coming back from the movement is not mistaken for a turn.
        LivenessChallenge challenge(LivenessChallenge::Kind::Turn);
        for (const int x : {320, 345, 370, 395})
            challenge.feed(seePerson(x, 320));
        for (int i = 0; i < 3; ++i)
            challenge.feed(seePerson(395, 320)); // held still at last: the baseline is here
        challenge.feed(seePerson(320, 320));
        QCOMPARE(challenge.state(), LivenessChallenge::State::Moved);
        challenge.feed(seePerson(394, 320));
        QVERIFY(challenge.passed());
        // Without the steadiness check, 320–370 had made a baseline at 345 and 395 a turn.
        LivenessChallenge moving(LivenessChallenge::Kind::Turn);
        for (const int x : {320, 345, 370, 395})
            moving.feed(seePerson(x, 320));
        QCOMPARE(moving.state(), LivenessChallenge::State::Waiting);
    }

    void keepsTurnWhenFaceIsLostForAMoment()
    {
        LivenessChallenge challenge(LivenessChallenge::Kind::Turn);
        for (int i = 0; i < 4; ++i)
            challenge.feed(seePerson(320, 320));
        challenge.feed(seePerson(380, 320));
        QCOMPARE(challenge.state(), LivenessChallenge::State::Moved);
        // Turned further, the frontal detector loses the face for a few frames.
        for (int i = 0; i < 3; ++i)
            challenge.feed(lost());
        QCOMPARE(challenge.state(), LivenessChallenge::State::Moved);
        challenge.feed(seePerson(322, 320));
        QVERIFY(challenge.passed());
    }

    void restartsChallengeWhenFaceLeaves()
    {
        LivenessChallenge challenge(LivenessChallenge::Kind::Turn);
        for (int i = 0; i < 4; ++i)
            challenge.feed(seePerson(320, 320));
        challenge.feed(seePerson(400, 320));
        QCOMPARE(challenge.state(), LivenessChallenge::State::Moved);
        for (int i = 0; i < 10; ++i)
            challenge.feed(lost());
        QCOMPARE(challenge.state(), LivenessChallenge::State::Waiting);
        challenge.feed(seePerson(320, 320));
        QVERIFY(!challenge.passed());
    }

    void passesBlinkChallenge_data()
    {
        QTest::addColumn<QString>("eyes"); // one letter a frame: o open, c closed
        QTest::addColumn<bool>("passes");
        QTest::newRow("blink") << QStringLiteral("oooccooo") << true;
        QTest::newRow("no blink") << QStringLiteral("oooooooooooo") << false;
        QTest::newRow("eyes never seen") << QStringLiteral("cccccccc") << false;
        QTest::newRow("eyes covered too long") << QStringLiteral("oocccccccccccoo") << false;
    }

    void passesBlinkChallenge()
    {
        QFETCH(QString, eyes);
        QFETCH(bool, passes);
        LivenessChallenge challenge(LivenessChallenge::Kind::Blink);
        for (const QChar frame : eyes)
            challenge.feed(seeBox(320, 120, frame == QLatin1Char('o')));
        QCOMPARE(challenge.passed(), passes);
    }

    void capturesBestFrameAsJpegOnlyAfterLiveness()
    {
        FaceCapture capture(LivenessChallenge::Kind::Turn, 3);
        QVERIFY2(capture.isValid(), qPrintable(capture.errorString()));
        std::optional<FaceCapture::Result> result;
        for (int i = 0; i < 8 && !result; ++i)
            result = capture.feed(TestImages::toImage(TestImages::faceFrame(1.6, {320, 240})));
        QVERIFY2(!result, "a face that never moved was accepted as live");
        // A printed photo slid sideways by half the face's width and back, twice.
        for (int round = 0; round < 2; ++round) {
            for (const int x : {340, 370, 390, 390, 390, 370, 340, 320, 320, 320, 320}) {
                FaceObservation seen;
                if (!result)
                    result = capture.feed(TestImages::toImage(TestImages::faceFrame(1.6, {x, 240})), &seen);
                QCOMPARE(seen.faces, 1);
            }
        }
        QVERIFY2(!result, "a photo slid sideways was accepted as a head turn");
        // The resident turns her head to 45° and back; her shoulders stay.
        for (const double yaw : {15.0, 30.0, 45.0, 45.0, 45.0, 30.0, 15.0, 0.0, 0.0, 0.0, 0.0}) {
            if (!result)
                result = capture.feed(TestImages::toImage(TestImages::faceFrame(1.6, {320, 240}, 1.0, yaw)));
        }
        QVERIFY2(result.has_value(), "turning the head and back did not complete the capture");
        QVERIFY(result->jpeg.startsWith("\xff\xd8"));
        QVERIFY(result->quality > 0.5);
        QImage decoded;
        QVERIFY(decoded.loadFromData(result->jpeg, "JPEG"));
        QVERIFY(decoded.width() >= 150);
        FaceAnalyzer analyzer;
        QCOMPARE(analyzer.analyze(decoded).faces, 1);
    }

    void seesTheSimulatedResidentsTurnedHeadAsOneFace_data()
    {
        QTest::addColumn<double>("yaw");
        for (const double yaw : {-45.0, -30.0, 15.0, 30.0, 40.0, 45.0, 50.0})
            QTest::addRow("%+.0f degrees", yaw) << yaw;
    }

    void seesTheSimulatedResidentsTurnedHeadAsOneFace()
    {
        // The turned head the simulated camera shows is still a face to the detector, its
        // features moved sideways by a third of its width or more from 40° on.
        QFETCH(double, yaw);
        FaceAnalyzer analyzer;
        const FaceObservation frontal = analyzer.analyze(TestImages::toImage(TestImages::faceFrame(1.6, {320, 240})));
        const FaceObservation turned = analyzer.analyze(TestImages::toImage(TestImages::faceFrame(1.6, {320, 240}, 1.0, yaw)));
        QCOMPARE(turned.faces, 1);
        const double shift = double(turned.box.center().x() - frontal.box.center().x()) / frontal.box.width();
        qInfo("%+.0f degrees: the face moved %.2f of its width", yaw, shift);
        QVERIFY2(shift * yaw > 0, qPrintable(QStringLiteral("the face moved %1 widths the wrong way").arg(shift)));
        if (qAbs(yaw) >= 40)
            QVERIFY2(qAbs(shift) >= 1.0 / 3, qPrintable(QStringLiteral("the face moved only %1 widths").arg(shift)));
    }
};

QTEST_GUILESS_MAIN(TestFaceCapture)
#include "test_facecapture.moc"
