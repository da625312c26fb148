#include "camera/faceanalyzer.h"
#include "camera/facecapture.h"
#include "camera/livenesschallenge.h"
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
            challenge.feed(seeBox(320));
        QCOMPARE(challenge.state(), LivenessChallenge::State::Waiting); // a photo held still
        challenge.feed(seeBox(355));
        QCOMPARE(challenge.state(), LivenessChallenge::State::Waiting); // a third of 120 px is 40
        challenge.feed(seeBox(370));
        QCOMPARE(challenge.state(), LivenessChallenge::State::Moved);
        challenge.feed(seeBox(325));
        QVERIFY(challenge.passed());
    }

    void restartsChallengeWhenFaceLeaves()
    {
        LivenessChallenge challenge(LivenessChallenge::Kind::Turn);
        for (int i = 0; i < 4; ++i)
            challenge.feed(seeBox(320));
        challenge.feed(seeBox(400));
        QCOMPARE(challenge.state(), LivenessChallenge::State::Moved);
        challenge.feed(FaceObservation{});
        QCOMPARE(challenge.state(), LivenessChallenge::State::Waiting);
        challenge.feed(seeBox(320));
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
        // The resident turns (the face box moves sideways) and comes back.
        const int path[] = {330, 350, 370, 385, 370, 340, 322, 320, 320};
        for (const int x : path) {
            if (!result)
                result = capture.feed(TestImages::toImage(TestImages::faceFrame(1.6, {x, 240})));
        }
        QVERIFY2(result.has_value(), "turning and coming back did not complete the capture");
        QVERIFY(result->jpeg.startsWith("\xff\xd8"));
        QVERIFY(result->quality > 0.5);
        QImage decoded;
        QVERIFY(decoded.loadFromData(result->jpeg, "JPEG"));
        QVERIFY(decoded.width() >= 150);
        FaceAnalyzer analyzer;
        QCOMPARE(analyzer.analyze(decoded).faces, 1);
    }
};

QTEST_GUILESS_MAIN(TestFaceCapture)
#include "tst_facecapture.moc"
