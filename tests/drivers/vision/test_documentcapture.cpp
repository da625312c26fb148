#include "vision/documentcapture.h"
#include "testimages.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgproc.hpp>

// Document camera pages: a printed A4 form photographed at an angle on a dark desk must come out
// straight, legible and under 1 MiB, and several pages must make one PDF.
class TestDocumentCapture : public QObject
{
    Q_OBJECT

private:
    // An A4 page (1240×1754, 150 dpi) with lines of text and a big title, as BGR.
    static cv::Mat a4Page()
    {
        cv::Mat page(1754, 1240, CV_8UC3, cv::Scalar(245, 245, 245));
        cv::putText(page, "APPLICATION FORM 42", cv::Point(120, 200), cv::FONT_HERSHEY_SIMPLEX, 2.4, cv::Scalar(20, 20, 20), 6);
        for (int line = 0; line < 30; ++line)
            cv::putText(page, "Name ______ Address ______________ 340103", cv::Point(120, 330 + line * 45),
                        cv::FONT_HERSHEY_SIMPLEX, 1.0, cv::Scalar(30, 30, 30), 2);
        return page;
    }

    // The page photographed on a desk of `frameSize`, its corners at `corners`, unevenly lit.
    static cv::Mat photographed(const std::vector<cv::Point2f> &corners, cv::Size frameSize)
    {
        const cv::Mat page = a4Page();
        cv::Mat frame(frameSize, CV_8UC3, cv::Scalar(50, 45, 40));
        const std::vector<cv::Point2f> from = {{0, 0}, {float(page.cols), 0}, {float(page.cols), float(page.rows)}, {0, float(page.rows)}};
        cv::warpPerspective(page, frame, cv::getPerspectiveTransform(from, corners), frameSize, cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
        // A lamp on the left: the right side of the picture is darker.
        cv::Mat shade(frameSize, CV_32FC3);
        for (int x = 0; x < frameSize.width; ++x)
            shade.col(x).setTo(cv::Scalar::all(1.0 - 0.35 * x / frameSize.width));
        cv::Mat lit;
        frame.convertTo(lit, CV_32FC3);
        lit = lit.mul(shade);
        lit.convertTo(frame, CV_8UC3);
        return frame;
    }

private slots:
    void straightensPagePhotographedAtAnAngle_data()
    {
        QTest::addColumn<QSize>("frameSize");
        QTest::newRow("1920x1080 document camera") << QSize(1920, 1080);
        QTest::newRow("4000x3000, 12 megapixels") << QSize(4000, 3000);
    }

    void straightensPagePhotographedAtAnAngle()
    {
        QFETCH(QSize, frameSize);
        const float w = float(frameSize.width());
        const float h = float(frameSize.height());
        // An A4 sheet under an overhead camera: upright, slightly turned, the top a little narrower.
        const float pageHeight = h * 0.86f;
        const float pageWidth = pageHeight / 1.414f;
        const float cx = w / 2;
        const std::vector<cv::Point2f> corners = {{cx - pageWidth * 0.48f + h * 0.01f, h * 0.07f},
                                                  {cx + pageWidth * 0.48f + h * 0.02f, h * 0.08f},
                                                  {cx + pageWidth * 0.51f, h * 0.07f + pageHeight},
                                                  {cx - pageWidth * 0.51f - h * 0.01f, h * 0.06f + pageHeight}};
        const QImage frame = TestImages::toImage(photographed(corners, cv::Size(frameSize.width(), frameSize.height())));
        const DocumentCapture::Page page = DocumentCapture::capture(frame);
        QVERIFY(page.found);
        QCOMPARE(page.corners.size(), 4);
        for (int i = 0; i < 4; ++i) {
            const QPoint expected(qRound(corners[size_t(i)].x), qRound(corners[size_t(i)].y));
            QVERIFY2((page.corners.at(i) - expected).manhattanLength() < frameSize.width() / 40,
                     qPrintable(QStringLiteral("corner %1 at %2,%3, expected %4,%5")
                                    .arg(i).arg(page.corners.at(i).x()).arg(page.corners.at(i).y()).arg(expected.x()).arg(expected.y())));
        }
        // Upright, with A4's proportions (1.41), and big enough to read.
        const double aspect = double(page.image.height()) / page.image.width();
        QVERIFY2(qAbs(aspect - 1.414) < 0.12, qPrintable(QString::number(aspect)));
        QVERIFY(page.image.height() >= 900);
        QVERIFY(page.image.height() <= DocumentCapture::MaxLongSide);
        QVERIFY(page.jpeg.startsWith("\xff\xd8"));
        QVERIFY2(page.jpeg.size() < DocumentCapture::MaxJpegBytes, qPrintable(QString::number(page.jpeg.size())));
    }

    void evensOutLightingAcrossThePage()
    {
        const std::vector<cv::Point2f> corners = {{300, 40}, {1620, 40}, {1620, 1040}, {300, 1040}};
        const cv::Mat shot = photographed(corners, cv::Size(1920, 1080));
        const DocumentCapture::Page page = DocumentCapture::capture(TestImages::toImage(shot));
        QVERIFY(page.found);
        const QImage grey = page.image.convertToFormat(QImage::Format_Grayscale8);
        // Paper near the left and right margins: the lamp's 35 % fall-off should be mostly gone.
        const auto paper = [&grey](int x) {
            return grey.pixelColor(x, grey.height() - 20).value();
        };
        const int left = paper(20);
        const int right = paper(grey.width() - 20);
        QVERIFY2(qAbs(left - right) < 25, qPrintable(QStringLiteral("left %1, right %2").arg(left).arg(right)));
    }

    void keepsWholeFrameWhenNoPageIsSeen()
    {
        const DocumentCapture::Page page = DocumentCapture::capture(TestImages::toImage(TestImages::scene(cv::Size(1280, 720), 2)));
        QVERIFY(!page.found);
        QCOMPARE(page.image.size(), QSize(1280, 720));
        QVERIFY(!page.jpeg.isEmpty());
    }

    void fitsNoisyPageUnderOneMebibyte()
    {
        cv::Mat noise(3000, 2200, CV_8UC3);
        cv::randu(noise, 0, 255);
        const QByteArray jpeg = DocumentCapture::encodeJpeg(TestImages::toImage(noise));
        QVERIFY(!jpeg.isEmpty());
        QVERIFY2(jpeg.size() <= DocumentCapture::MaxJpegBytes, qPrintable(QString::number(jpeg.size())));
    }

    void combinesPagesIntoOnePdf()
    {
        QList<QByteArray> pages;
        for (int i = 0; i < 3; ++i) {
            const std::vector<cv::Point2f> corners = {{300.f + i * 20, 40}, {1620, 60}, {1600, 1040}, {320, 1020}};
            pages << DocumentCapture::capture(TestImages::toImage(photographed(corners, cv::Size(1920, 1080)))).jpeg;
        }
        QByteArray pdf;
        QString error;
        QVERIFY2(DocumentCapture::toPdf(pages, &pdf, &error, QStringLiteral("材料")), qPrintable(error));
        QVERIFY(pdf.startsWith("%PDF"));
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("pages.pdf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf);
        file.close();
        QProcess pdfinfo;
        pdfinfo.start(QStringLiteral("pdfinfo"), {file.fileName()});
        QVERIFY(pdfinfo.waitForFinished(60000));
        const QString info = QString::fromUtf8(pdfinfo.readAllStandardOutput());
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+3\\b"))), qPrintable(info));
        QVERIFY2(info.contains(QStringLiteral("595")), qPrintable(info)); // A4: 595 × 842 pt
    }

    void refusesEmptyPdf()
    {
        QByteArray pdf;
        QString error;
        QVERIFY(!DocumentCapture::toPdf({}, &pdf, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDocumentCapture)
#include "test_documentcapture.moc"
