#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

// kioskctl's scanning commands end to end: `scan image` over pictures made here, `camera check`
// judging the simulated camera and a dark, blurred one, and `sim scan` reaching a `scan listen`
// that runs the simulated scanner.
class TestKioskctlScan : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run kioskctl(const QStringList &args)
    {
        QProcess process;
        process.start(QStringLiteral(KIOSKCTL), QStringList{QStringLiteral("--config"), m_config} + args);
        Run run;
        if (!process.waitForFinished(120000))
            return run;
        run.exitCode = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    static QString lineOf(const QString &text, const QString &start)
    {
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            if (line.trimmed().startsWith(start))
                return line;
        }
        return QString();
    }

    QString picture(const QString &name, const QStringList &codes)
    {
        QImage image(1024, 600, QImage::Format_Grayscale8);
        image.fill(170);
        QPainter painter(&image);
        for (qsizetype i = 0; i < codes.size(); ++i) {
            const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                                .setEncoding(ZXing::CharacterSet::UTF8)
                                                .setMargin(2)
                                                .encode(codes.at(i).toStdString(), 260, 260);
            QImage code(matrix.width(), matrix.height(), QImage::Format_Grayscale8);
            for (int y = 0; y < matrix.height(); ++y) {
                for (int x = 0; x < matrix.width(); ++x)
                    code.setPixel(x, y, matrix.get(x, y) ? qRgb(0, 0, 0) : qRgb(255, 255, 255));
            }
            painter.drawImage(QPoint(60 + int(i) * 460, 150), code);
        }
        painter.end();
        const QString path = m_dir.filePath(name);
        image.save(path);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[kiosk]\nstate_dir=" + m_dir.filePath(QStringLiteral("state")).toUtf8() + "\n");
    }

    void printsEveryCodeInImages()
    {
        const QString two = picture(QStringLiteral("two.png"), {QStringLiteral("预约号 A017"), QStringLiteral("CASE-42")});
        const Run run = kioskctl({QStringLiteral("scan"), QStringLiteral("image"), two});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("QRCode\t预约号 A017\t")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("QRCode\tCASE-42\t")), qPrintable(run.out));
    }

    void printsJsonWithPositions()
    {
        const QString one = picture(QStringLiteral("one.png"), {QStringLiteral("json me")});
        const Run run = kioskctl({QStringLiteral("scan"), QStringLiteral("image"), one, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray codes = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(codes.size(), 1);
        const QJsonObject code = codes.first().toObject();
        QCOMPARE(code.value(QStringLiteral("text")).toString(), QStringLiteral("json me"));
        QCOMPARE(code.value(QStringLiteral("format")).toString(), QStringLiteral("QRCode"));
        const QJsonArray corners = code.value(QStringLiteral("position")).toArray();
        QCOMPARE(corners.size(), 4);
        const int x = corners.first().toArray().at(0).toInt();
        QVERIFY2(x >= 55 && x <= 80, qPrintable(QString::number(x)));
    }

    void answersOneWhenNoCodeIsFound()
    {
        const QString none = picture(QStringLiteral("none.png"), {});
        const Run run = kioskctl({QStringLiteral("scan"), QStringLiteral("image"), none});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains(QStringLiteral("no code")));
    }

    void answersTwoForFileThatIsNoPicture()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.png"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a picture");
        file.close();
        const Run run = kioskctl({QStringLiteral("scan"), QStringLiteral("image"), bad});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("bad.png")));
        QCOMPARE(kioskctl({QStringLiteral("scan"), QStringLiteral("image"), m_dir.filePath(QStringLiteral("absent.png"))}).exitCode, 2);
    }

    void checksSimulatedCamera()
    {
        const Run run = kioskctl({QStringLiteral("camera"), QStringLiteral("check"), QStringLiteral("--device"),
                                  QStringLiteral("document_camera"), QStringLiteral("--seconds"), QStringLiteral("1")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("1280x960 at")), qPrintable(run.out));
        for (const char *measure : {"frames:", "brightness:", "focus (Laplacian variance):"}) {
            const QString line = lineOf(run.out, QLatin1String(measure));
            QVERIFY2(line.contains(QStringLiteral(" ok (")), qPrintable(run.out));
        }
        QVERIFY2(run.out.contains(QStringLiteral("verdict: ok")), qPrintable(run.out));
        QCOMPARE(kioskctl({QStringLiteral("camera"), QStringLiteral("check"), QStringLiteral("--device"), QStringLiteral("barcode_scanner")}).exitCode, 2);
        QCOMPARE(kioskctl({QStringLiteral("camera"), QStringLiteral("check"), QStringLiteral("--brightness"), QStringLiteral("bright")}).exitCode, 2);
    }

    void judgesADarkBlurredCameraOutOfRange()
    {
        // A camera with its lens out of focus in a dark corner: thirty frames of it, a file source.
        QDir(m_dir.path()).mkpath(QStringLiteral("dark"));
        for (int i = 0; i < 30; ++i) {
            QImage frame(320, 240, QImage::Format_Grayscale8);
            for (int y = 0; y < frame.height(); ++y) {
                for (int x = 0; x < frame.width(); ++x)
                    frame.setPixel(x, y, qRgb(18 + x / 40, 18 + x / 40, 18 + x / 40));
            }
            QVERIFY(frame.save(m_dir.filePath(QStringLiteral("dark/f%1.png").arg(i, 3, 10, QLatin1Char('0')))));
        }
        const QString config = m_dir.filePath(QStringLiteral("dark.ini"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[kiosk]\nstate_dir=" + m_dir.filePath(QStringLiteral("state")).toUtf8() + "\n[devices]\nface_camera=file:"
                   + m_dir.filePath(QStringLiteral("dark/f%03d.png")).toUtf8() + "\n");
        file.close();
        const QString saved = m_config;
        m_config = config;
        const Run run = kioskctl({QStringLiteral("camera"), QStringLiteral("check"), QStringLiteral("--seconds"), QStringLiteral("2")});
        // The same camera against a frame rate it cannot give: only that line is out.
        const Run fast = kioskctl({QStringLiteral("camera"), QStringLiteral("check"), QStringLiteral("--seconds"), QStringLiteral("1"),
                                   QStringLiteral("--min-fps"), QStringLiteral("500"), QStringLiteral("--brightness"), QStringLiteral("0-255"),
                                   QStringLiteral("--min-focus"), QStringLiteral("0")});
        m_config = saved;
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(lineOf(run.out, QStringLiteral("brightness:")).contains(QStringLiteral("OUT OF RANGE (40 to 220)")), qPrintable(run.out));
        QVERIFY2(lineOf(run.out, QStringLiteral("focus (Laplacian variance):")).contains(QStringLiteral("OUT OF RANGE (at least 20)")), qPrintable(run.out));
        QVERIFY2(lineOf(run.out, QStringLiteral("frames:")).contains(QStringLiteral(" ok (")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("verdict: OUT OF RANGE")), qPrintable(run.out));
        QCOMPARE(fast.exitCode, 1);
        QVERIFY2(lineOf(fast.out, QStringLiteral("frames:")).contains(QStringLiteral("OUT OF RANGE (at least 500 frames/s)")), qPrintable(fast.out));
        QVERIFY2(lineOf(fast.out, QStringLiteral("brightness:")).contains(QStringLiteral(" ok (")), qPrintable(fast.out));
        QVERIFY2(lineOf(fast.out, QStringLiteral("focus (Laplacian variance):")).contains(QStringLiteral(" ok (")), qPrintable(fast.out));
    }

    void codeShownToSimulatedCameraReachesListener()
    {
        // `scan listen` runs the simulated face camera; `sim camera code` stages a phone before it.
        QProcess listener;
        listener.start(QStringLiteral(KIOSKCTL), {QStringLiteral("--config"), m_config, QStringLiteral("scan"), QStringLiteral("listen"),
                                                  QStringLiteral("--device"), QStringLiteral("face_camera"), QStringLiteral("--count"),
                                                  QStringLiteral("1"), QStringLiteral("--timeout"), QStringLiteral("100")});
        QVERIFY(listener.waitForStarted());
        bool heard = false;
        for (int attempt = 0; attempt < 60 && !heard; ++attempt) {
            kioskctl({QStringLiteral("sim"), QStringLiteral("camera"), QStringLiteral("code"), QStringLiteral("皖事通"), QStringLiteral("7F3K-92QX")});
            heard = listener.waitForFinished(1000);
        }
        QVERIFY(heard);
        QCOMPARE(listener.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(listener.readAllStandardOutput()), QStringLiteral("QRCode\t皖事通 7F3K-92QX\n"));
        // Nobody runs a simulated camera now: the command says so, and a bad one is a usage error.
        const Run gone = kioskctl({QStringLiteral("sim"), QStringLiteral("camera"), QStringLiteral("face"), QStringLiteral("photo")});
        QCOMPARE(gone.exitCode, 2);
        QVERIFY2(gone.err.contains(QStringLiteral("simulated face_camera running")), qPrintable(gone.err));
        QCOMPARE(kioskctl({QStringLiteral("sim"), QStringLiteral("camera"), QStringLiteral("face"), QStringLiteral("twin"), QStringLiteral("sisters")}).exitCode, 2);
    }

    void simulatedScanReachesListener()
    {
        QProcess listener;
        listener.start(QStringLiteral(KIOSKCTL), {QStringLiteral("--config"), m_config, QStringLiteral("scan"), QStringLiteral("listen"),
                                                  QStringLiteral("--count"), QStringLiteral("1"), QStringLiteral("--timeout"), QStringLiteral("100")});
        QVERIFY(listener.waitForStarted());
        // Scan until the listener has heard one: its simulator may not listen yet, and bytes
        // sent before its driver opened the pty may be flushed.
        bool heard = false;
        for (int attempt = 0; attempt < 60 && !heard; ++attempt) {
            kioskctl({QStringLiteral("sim"), QStringLiteral("scan"), QStringLiteral("受理回执 0042")});
            heard = listener.waitForFinished(1000);
        }
        QVERIFY(heard);
        QCOMPARE(listener.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(listener.readAllStandardOutput()), QStringLiteral("-\t受理回执 0042\n"));
    }
};

QTEST_MAIN(TestKioskctlScan)
#include "test_kioskctlscan.moc"
