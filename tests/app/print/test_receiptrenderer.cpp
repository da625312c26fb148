#include "acknowledgementrenderer.h"
#include "catalogue.h"
#include "kioskconfig.h"
#include "pdftextlayer.h"
#include "receiptrenderer.h"

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <ZXing/ReadBarcode.h>

// Receipts and acknowledgement forms as a resident would hold them: the PDF's text (pdftotext),
// its page size and fonts (pdfinfo, pdffonts), and its QR code read back from a rendering.
class TestReceiptRenderer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void receiptCarriesCaseParticularsWithApplicantMasked();
    void receiptInEnglishUsesEnglishWords();
    void offlineReceiptGivesLocalReferenceAndSaysItWillBeSent();
    void receiptIs80mmWideWithCjkFontEmbedded();
    void receiptLengthFollowsItsContent();
    void receiptQrCodeOpensTheFollowUrl();
    void receiptWithoutAnyReferenceIsRefused();
    void acknowledgementIsA4WithMaterialsAndApplicantMasked();
    void testPageNamesTheKioskAndPrinter();
    void followUrlCarriesTheReferenceEncoded();
    void caseReceiptComesFromConfigurationAndCatalogue();

private:
    ReceiptContent sampleCase() const;
    QString save(const QByteArray &pdf, const QString &name);
    static QString run(const QString &program, const QStringList &args);
    static bool carries(const QString &pdfText, const QString &expected) { return PdfTextLayer::carries(pdfText, expected); }

    QTemporaryDir m_dir;
};

void TestReceiptRenderer::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

ReceiptContent TestReceiptRenderer::sampleCase() const
{
    ReceiptContent content;
    content.hallName = {QStringLiteral("合肥市政务服务中心 24小时自助服务区"), QStringLiteral("Hefei Government Service Centre")};
    content.terminalId = QStringLiteral("340103-HALL-01");
    content.itemName = {QStringLiteral("居民身份证换领"), QStringLiteral("Renewal of resident ID card")};
    content.department = {QStringLiteral("合肥市公安局"), QStringLiteral("Hefei Public Security Bureau")};
    content.caseNumber = QStringLiteral("34010320261123000042");
    content.localReference = QStringLiteral("T340103000017-000042");
    content.filedAt = QDateTime(QDate(2026, 11, 23), QTime(15, 4));
    content.printedAt = QDateTime(QDate(2026, 11, 23), QTime(15, 5));
    content.applicantName = QStringLiteral("王小明");
    content.applicantIdNumber = QStringLiteral("340104199001011234");
    content.materials = {{QStringLiteral("居民身份证原件"), QStringLiteral("Resident ID card")},
                         {QStringLiteral("近期免冠照片"), QStringLiteral("Recent photo")}};
    content.nextSteps = ReceiptContent::standardNextSteps(true);
    content.followUrl = ReceiptContent::followUrlFor(QStringLiteral("https://zwfw.example.gov.cn/case/{ref}"), content.reference());
    return content;
}

QString TestReceiptRenderer::save(const QByteArray &pdf, const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(pdf);
    return path;
}

QString TestReceiptRenderer::run(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(60000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestReceiptRenderer::receiptCarriesCaseParticularsWithApplicantMasked()
{
    QString error;
    const QByteArray pdf = ReceiptRenderer::render(sampleCase(), &error);
    QVERIFY2(!pdf.isEmpty(), qPrintable(error));
    const QString text = run(QStringLiteral("pdftotext"), {save(pdf, QStringLiteral("zh.pdf")), QStringLiteral("-")});
    for (const QString &expected : {QStringLiteral("受理凭条"), QStringLiteral("合肥市政务服务中心"), QStringLiteral("居民身份证换领"),
                                    QStringLiteral("34010320261123000042"), QStringLiteral("王**"), QStringLiteral("3401**********1234"),
                                    QStringLiteral("2026年11月23日 15:04"), QStringLiteral("后续事项"), QStringLiteral("扫码查询办理进度")})
        QVERIFY2(carries(text, expected), qPrintable(QStringLiteral("missing %1 in:\n%2").arg(expected, text)));
    QVERIFY(!carries(text, QStringLiteral("王小明")));
    QVERIFY(!text.contains(QStringLiteral("340104199001011234")));
}

void TestReceiptRenderer::receiptInEnglishUsesEnglishWords()
{
    ReceiptContent content = sampleCase();
    content.language = QStringLiteral("en");
    const QByteArray pdf = ReceiptRenderer::render(content);
    QVERIFY(!pdf.isEmpty());
    const QString text = run(QStringLiteral("pdftotext"), {save(pdf, QStringLiteral("en.pdf")), QStringLiteral("-")});
    for (const QString &expected : {QStringLiteral("Service receipt"), QStringLiteral("Renewal of resident ID card"), QStringLiteral("Case no."),
                                    QStringLiteral("23 Nov 2026 15:04"), QStringLiteral("What happens next"), QStringLiteral("王**")})
        QVERIFY2(carries(text, expected), qPrintable(QStringLiteral("missing %1 in:\n%2").arg(expected, text)));
    QVERIFY(!carries(text, QStringLiteral("受理凭条")));
}

void TestReceiptRenderer::offlineReceiptGivesLocalReferenceAndSaysItWillBeSent()
{
    ReceiptContent content = sampleCase();
    content.caseNumber.clear();
    content.nextSteps = ReceiptContent::standardNextSteps(false);
    const QByteArray pdf = ReceiptRenderer::render(content);
    QVERIFY(!pdf.isEmpty());
    const QString text = run(QStringLiteral("pdftotext"), {save(pdf, QStringLiteral("offline.pdf")), QStringLiteral("-")});
    QVERIFY2(carries(text, QStringLiteral("本机编号")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("T340103000017-000042")));
    QVERIFY(carries(text, QStringLiteral("网络恢复后自动提交")));
    QVERIFY(!carries(text, QStringLiteral("受理编号")));
}

void TestReceiptRenderer::receiptIs80mmWideWithCjkFontEmbedded()
{
    const QString path = save(ReceiptRenderer::render(sampleCase()), QStringLiteral("size.pdf"));
    const QString info = run(QStringLiteral("pdfinfo"), {path});
    const QRegularExpressionMatch size = QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+) pts")).match(info);
    QVERIFY2(size.hasMatch(), qPrintable(info));
    QVERIFY(qAbs(size.captured(1).toDouble() - 80.0 / 25.4 * 72.0) < 0.5);
    QVERIFY(size.captured(2).toDouble() > size.captured(1).toDouble()); // a strip, longer than wide
    QVERIFY2(QRegularExpression(QStringLiteral("Pages:\\s+1\\n")).match(info).hasMatch(), qPrintable(info));

    // Every font is embedded, so a printer without CJK fonts prints the same glyphs.
    const QStringList fonts = run(QStringLiteral("pdffonts"), {path}).split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2);
    bool cjkEmbedded = false;
    for (const QString &line : fonts) {
        const QStringList columns = line.simplified().split(QLatin1Char(' '));
        QVERIFY2(columns.size() >= 7 && columns.at(columns.size() - 5) == QLatin1String("yes"), qPrintable(QStringLiteral("not embedded: ") + line));
        QVERIFY2(line.startsWith(QLatin1String("NotoSansCJK")) || line.startsWith(QLatin1String("DejaVuSans")),
                 qPrintable(QStringLiteral("unexpected font: ") + line));
        cjkEmbedded = cjkEmbedded || line.startsWith(QLatin1String("NotoSansCJKsc"));
    }
    QVERIFY2(cjkEmbedded, qPrintable(fonts.join(QLatin1Char('\n'))));
}

void TestReceiptRenderer::receiptLengthFollowsItsContent()
{
    const auto lengthOf = [this](const ReceiptContent &content, const QString &name) {
        const QString info = run(QStringLiteral("pdfinfo"), {save(ReceiptRenderer::render(content), name)});
        return QRegularExpression(QStringLiteral("Page size:\\s+[\\d.]+ x ([\\d.]+) pts")).match(info).captured(1).toDouble();
    };
    ReceiptContent shortCase = sampleCase();
    shortCase.nextSteps.clear();
    ReceiptContent longCase = sampleCase();
    longCase.nextSteps << longCase.nextSteps << longCase.nextSteps;
    const double shortLength = lengthOf(shortCase, QStringLiteral("short.pdf"));
    const double longLength = lengthOf(longCase, QStringLiteral("long.pdf"));
    QVERIFY(shortLength > 100);
    QVERIFY2(longLength > shortLength + 50, qPrintable(QStringLiteral("%1 vs %2").arg(longLength).arg(shortLength)));
}

void TestReceiptRenderer::receiptQrCodeOpensTheFollowUrl()
{
    const ReceiptContent content = sampleCase();
    const QString path = save(ReceiptRenderer::render(content), QStringLiteral("qr.pdf"));
    const QString prefix = m_dir.filePath(QStringLiteral("qr"));
    run(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("200"), QStringLiteral("-singlefile"), path, prefix});
    QImage image(prefix + QStringLiteral(".png"));
    QVERIFY(!image.isNull());
    image = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(image.constBits(), image.width(), image.height(), ZXing::ImageFormat::Lum, int(image.bytesPerLine()));
    const ZXing::Result result = ZXing::ReadBarcode(view, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::QRCode));
    QVERIFY(result.isValid());
    QCOMPARE(QString::fromStdWString(result.text()), QStringLiteral("https://zwfw.example.gov.cn/case/34010320261123000042"));
}

void TestReceiptRenderer::receiptWithoutAnyReferenceIsRefused()
{
    ReceiptContent content = sampleCase();
    content.caseNumber.clear();
    content.localReference.clear();
    QString error;
    QVERIFY(ReceiptRenderer::render(content, &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("reference")));
}

void TestReceiptRenderer::acknowledgementIsA4WithMaterialsAndApplicantMasked()
{
    QString error;
    const QByteArray pdf = AcknowledgementRenderer::render(sampleCase(), &error);
    QVERIFY2(!pdf.isEmpty(), qPrintable(error));
    const QString path = save(pdf, QStringLiteral("ack.pdf"));
    const QString info = run(QStringLiteral("pdfinfo"), {path});
    QVERIFY2(info.contains(QStringLiteral("(A4)")), qPrintable(info));
    const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    for (const QString &expected : {QStringLiteral("受理回执"), QStringLiteral("Acknowledgement of application"), QStringLiteral("居民身份证原件"),
                                    QStringLiteral("近期免冠照片"), QStringLiteral("34010320261123000042"), QStringLiteral("王**"),
                                    QStringLiteral("受理单位（盖章）")})
        QVERIFY2(carries(text, expected), qPrintable(QStringLiteral("missing %1 in:\n%2").arg(expected, text)));
    QVERIFY(!carries(text, QStringLiteral("王小明")));
    QVERIFY(!text.contains(QStringLiteral("340104199001011234")));
}

void TestReceiptRenderer::testPageNamesTheKioskAndPrinter()
{
    TestPageContent content;
    content.hallName = {QStringLiteral("合肥市政务服务中心"), QStringLiteral("Hefei Government Service Centre")};
    content.terminalId = QStringLiteral("340103-HALL-01");
    content.printerName = QStringLiteral("cups:receipt");
    content.softwareVersion = QStringLiteral("0.1.0");
    const QByteArray pdf = ReceiptRenderer::renderTestPage(content);
    QVERIFY(!pdf.isEmpty());
    const QString text = run(QStringLiteral("pdftotext"), {save(pdf, QStringLiteral("test.pdf")), QStringLiteral("-")});
    for (const QString &expected : {QStringLiteral("打印测试页"), QStringLiteral("340103-HALL-01"), QStringLiteral("cups:receipt"),
                                    QStringLiteral("合肥市政务服务中心"), QStringLiteral("一网通办")})
        QVERIFY2(carries(text, expected), qPrintable(QStringLiteral("missing %1 in:\n%2").arg(expected, text)));
}

void TestReceiptRenderer::followUrlCarriesTheReferenceEncoded()
{
    QCOMPARE(ReceiptContent::followUrlFor(QStringLiteral("https://x.example/c?ref={ref}"), QStringLiteral("T1-000042")),
             QStringLiteral("https://x.example/c?ref=T1-000042"));
    QCOMPARE(ReceiptContent::followUrlFor(QStringLiteral("https://x.example/c/{ref}"), QStringLiteral("A B/1")),
             QStringLiteral("https://x.example/c/A%20B%2F1"));
    QVERIFY(ReceiptContent::followUrlFor(QString(), QStringLiteral("X")).isEmpty());
}

void TestReceiptRenderer::caseReceiptComesFromConfigurationAndCatalogue()
{
    const KioskConfig config = KioskConfig::defaults();
    const Catalogue catalogue = Catalogue::demo();
    const CatalogueItem *item = catalogue.item(QStringLiteral("340100-000-ZZ-0006-01"));
    QVERIFY(item);

    const ReceiptContent filed = ReceiptContent::forCase(config, item, QStringLiteral("AH1"), QStringLiteral("T1-000001"), QDateTime());
    QCOMPARE(filed.hallName.zh, config.string(QStringLiteral("kiosk/hall_name")));
    QCOMPARE(filed.terminalId, config.string(QStringLiteral("kiosk/site")));
    QCOMPARE(filed.itemName.zh, item->name.zh);
    QCOMPARE(filed.reference(), QStringLiteral("AH1"));
    QCOMPARE(filed.followUrl, QStringLiteral("https://zwfw.example.gov.cn/case/AH1"));
    QCOMPARE(filed.nextSteps.first().zh, ReceiptContent::standardNextSteps(true).first().zh);
    qsizetype required = 0;
    for (const MaterialSpec &material : item->materials)
        required += material.required ? 1 : 0;
    QCOMPARE(filed.materials.size(), required);

    const ReceiptContent queued = ReceiptContent::forCase(config, item, QString(), QStringLiteral("T1-000002"), QDateTime(),
                                                          QStringLiteral("en"));
    QCOMPARE(queued.reference(), QStringLiteral("T1-000002"));
    QCOMPARE(queued.followUrl, QStringLiteral("https://zwfw.example.gov.cn/case/T1-000002"));
    QCOMPARE(queued.nextSteps.first().zh, ReceiptContent::standardNextSteps(false).first().zh);
    QVERIFY(!ReceiptRenderer::render(queued).isEmpty());
}

QTEST_MAIN(TestReceiptRenderer)
#include "test_receiptrenderer.moc"
