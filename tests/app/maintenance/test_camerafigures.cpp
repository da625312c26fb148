#include "camerafigures.h"

#include <QImage>
#include <QPainter>
#include <QTest>

// The brightness and focus figures a technician reads while aiming the document camera.
class TestCameraFigures : public QObject
{
    Q_OBJECT

private:
    // Black and white stripes, four pixels wide: edges everywhere.
    static QImage stripes(int width, int height)
    {
        QImage image(width, height, QImage::Format_RGB32);
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x)
                image.setPixel(x, y, (x / 4) % 2 ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
        }
        return image;
    }

private slots:
    void aUniformFrameHasItsGreyAsBrightnessAndNoFocus()
    {
        QImage grey(320, 240, QImage::Format_RGB32);
        grey.fill(qRgb(118, 118, 118));
        const CameraFigures figures = CameraFigures::of(grey);
        QCOMPARE(qRound(figures.brightness), 118);
        QCOMPARE(qRound(figures.focus), 0);
    }

    void sharpEdgesScoreHigherThanTheSamePageOutOfFocus()
    {
        const QImage sharp = stripes(320, 240);
        // Scaling down and up again smears the edges, as a focus ring turned too far does.
        const QImage blurred = sharp.scaled(40, 30, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                   .scaled(320, 240, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const CameraFigures sharpFigures = CameraFigures::of(sharp);
        const CameraFigures blurredFigures = CameraFigures::of(blurred);
        QVERIFY2(sharpFigures.focus > 2 * blurredFigures.focus,
                 qPrintable(QStringLiteral("sharp %1, blurred %2").arg(sharpFigures.focus).arg(blurredFigures.focus)));
        QVERIFY(qAbs(sharpFigures.brightness - blurredFigures.brightness) < 10);
    }

    void aWideFrameIsMeasuredOnACopyAtMostSixHundredFortyWide()
    {
        QImage wide(3264, 2448, QImage::Format_RGB32);
        wide.fill(qRgb(200, 200, 200));
        QCOMPARE(qRound(CameraFigures::of(wide).brightness), 200);
    }

    void aFrameTooSmallToMeasureGivesNothing()
    {
        const CameraFigures none = CameraFigures::of(QImage());
        QCOMPARE(none.brightness, 0.0);
        QCOMPARE(none.focus, 0.0);
        QImage tiny(2, 2, QImage::Format_RGB32);
        tiny.fill(Qt::white);
        QCOMPARE(CameraFigures::of(tiny).brightness, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestCameraFigures)
#include "test_camerafigures.moc"
