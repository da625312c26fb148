#include <QProcess>
#include <QRegularExpression>
#include <QTest>

// `kioskctl bench vision` end to end with the smallest counts: every figure it promises is printed
// with a number. No speed is judged here (figures are for people, see README's measurements).
class TestBenchVision : public QObject
{
    Q_OBJECT

private slots:
    void printsEveryFigureWithNumbers()
    {
        QProcess kioskctl;
        kioskctl.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("bench"), QStringLiteral("vision"), QStringLiteral("--frames"), QStringLiteral("3")});
        QVERIFY(kioskctl.waitForFinished(600000));
        const QString out = QString::fromUtf8(kioskctl.readAllStandardOutput());
        QCOMPARE(kioskctl.exitCode(), 0);
        const QString number = QStringLiteral("[0-9]+(\\.[0-9]+)?");
        QStringList expected;
        // QR decoding: the camera pipeline, raw ZXing and OpenCV's locator side by side.
        for (const QString &frame : {QStringLiteral("640x480"), QStringLiteral("1280x720")}) {
            for (const QString &code : {QStringLiteral("yes"), QStringLiteral("no")})
                expected << QStringLiteral("^  %1 +%2 +%3( ✓)? +%3( ✓)? +%3( ✓)? *$").arg(frame, code, number);
        }
        expected << QStringLiteral("^face detection, 640x480 without a face: %1 ms, %1 frames/s$").arg(number)
                 // The default face is the simulated resident's, and it is found.
                 << QStringLiteral("^face detection, 640x480 with a face \\(1 found\\): %1 ms, %1 frames/s$").arg(number)
                 << QStringLiteral("^document capture, 1920x1080 frame: %1 ms per page, page found \\(%1x%1\\), JPEG %1 KiB$").arg(number)
                 << QStringLiteral("^document capture, 4000x3000 frame: %1 ms per page, page found \\(%1x%1\\), JPEG %1 KiB$").arg(number);
        for (const QString &pattern : std::as_const(expected)) {
            const QRegularExpression line(pattern, QRegularExpression::MultilineOption);
            QVERIFY2(line.match(out).hasMatch(), qPrintable(QStringLiteral("no line like %1 in:\n%2").arg(pattern, out)));
        }
    }

    // The hard QR set's first frames through raw ZXing and the kiosk's reader: both tallied, and
    // among them frames that only the reader's second looks decode (measured with each frame's
    // noise seeded by the frame: code-0001, 0003, 0011, 0017 and 0018 of the committed manifest).
    void readsTheHardQrSetWithRawZxingAndTheKiosksReader()
    {
        QProcess kioskctl;
        kioskctl.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("bench"), QStringLiteral("qr"), QStringLiteral("--limit"), QStringLiteral("20")});
        QVERIFY(kioskctl.waitForFinished(300000));
        const QString out = QString::fromUtf8(kioskctl.readAllStandardOutput());
        QVERIFY2(kioskctl.exitCode() == 0, qPrintable(QString::fromUtf8(kioskctl.readAllStandardError())));
        const QString number = QStringLiteral("[0-9]+(\\.[0-9]+)?");
        const QStringList expected = {
            QStringLiteral("^qr hard set: 20 frames \\(18 with a code, 2 without\\) from .*qr-hard-set\\.tsv$"),
            QStringLiteral("^  raw ZXing-C\\+\\+ \\(try harder, rotate, downscale\\): %1/18 decoded \\(%1 %\\), %1 misread, 0 false positives in 2 code-free frames; %1 ms per frame$").arg(number),
            QStringLiteral("^  the kiosk's pipeline \\(CodeReader\\): %1/18 decoded \\(%1 %\\), 0 misread, 0 false positives in 2 code-free frames; %1 ms per frame$").arg(number),
            QStringLiteral("^  the pipeline against raw ZXing: -?%1 points of decode rate, x%1 its time$").arg(number),
            QStringLiteral("^  decoded by the pipeline alone: code-0001 code-0003 code-0011 code-0017 code-0018$"),
            QStringLiteral("^  decoded by raw ZXing alone: none$"),
        };
        for (const QString &pattern : expected) {
            const QRegularExpression line(pattern, QRegularExpression::MultilineOption);
            QVERIFY2(line.match(out).hasMatch(), qPrintable(QStringLiteral("no line like %1 in:\n%2").arg(pattern, out)));
        }
    }
};

QTEST_GUILESS_MAIN(TestBenchVision)
#include "test_benchvision.moc"
