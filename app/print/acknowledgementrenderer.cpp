#include "acknowledgementrenderer.h"

#include "common/personaldata.h"
#include "pageflow.h"
#include "printfonts.h"
#include "printtexts.h"
#include "qrsymbol.h"

#include <QBuffer>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace {

constexpr qreal marginMm = 20.0;
constexpr qreal pageWidthMm = 210.0;
constexpr qreal pageHeightMm = 297.0;

} // namespace

QByteArray AcknowledgementRenderer::render(const ReceiptContent &content, QString *error)
{
    if (!PrintFonts::ensureAvailable(error))
        return {};
    if (content.reference().isEmpty()) {
        if (error)
            *error = QStringLiteral("an acknowledgement needs a case number or a local reference");
        return {};
    }
    const QrSymbol qr = content.followUrl.isEmpty() ? QrSymbol() : QrSymbol::encode(content.followUrl, error);
    if (!content.followUrl.isEmpty() && qr.size() == 0)
        return {};

    const QString &lang = content.language;
    const auto t = [&lang](PrintText id) { return PrintTexts::text(id, lang); };
    const QString other = lang == QLatin1String("en") ? QStringLiteral("zh") : QStringLiteral("en");

    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(300);
    writer.setTitle(QStringLiteral("%1 %2").arg(t(PrintText::AcknowledgementTitle), content.reference()));
    writer.setCreator(QStringLiteral("Self-service kiosk"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("the PDF writer did not start a page");
        return {};
    }

    const qreal width = pageWidthMm - 2 * marginMm;
    PageFlow flow(&writer, &painter, marginMm, width, marginMm);
    const QFont hallFont = PrintFonts::font(11);
    const QFont titleFont = PrintFonts::font(22, true);
    const QFont subtitleFont = PrintFonts::font(11);
    const QFont labelFont = PrintFonts::font(10.5, true);
    const QFont valueFont = PrintFonts::font(11);
    const QFont referenceFont = PrintFonts::font(14, true);
    const QFont smallFont = PrintFonts::font(9);
    const qreal labelWidth = 38.0;

    flow.text(content.hallName.in(lang), hallFont, Qt::AlignHCenter);
    flow.gap(4);
    flow.text(t(PrintText::AcknowledgementTitle), titleFont, Qt::AlignHCenter);
    flow.text(PrintTexts::text(PrintText::AcknowledgementTitle, other), subtitleFont, Qt::AlignHCenter);
    flow.gap(6);
    flow.rule(0.5);
    flow.gap(3);

    const auto row = [&](const QString &label, const QString &value, const QFont &font) {
        flow.field(label, value, labelFont, font, labelWidth);
        flow.gap(2.5);
        flow.rule(0.15);
        flow.gap(2.5);
    };
    const bool filed = !content.caseNumber.isEmpty();
    row(filed ? t(PrintText::CaseNumber) : t(PrintText::LocalReference), content.reference(), referenceFont);
    if (!filed)
        row(QString(), t(PrintText::OfflineNote), valueFont);
    row(t(PrintText::Item), content.itemName.in(lang), valueFont);
    if (!content.department.isEmpty())
        row(t(PrintText::Department), content.department.in(lang), valueFont);
    if (filed && !content.localReference.isEmpty())
        row(t(PrintText::LocalReference), content.localReference, valueFont);
    row(t(PrintText::Applicant), content.applicantName.isEmpty() ? t(PrintText::NotKept) : PersonalData::maskName(content.applicantName),
        valueFont);
    if (!content.applicantIdNumber.isEmpty())
        row(t(PrintText::IdNumber), PersonalData::maskIdNumber(content.applicantIdNumber), valueFont);
    if (content.filedAt.isValid())
        row(t(PrintText::FiledAt), PrintTexts::dateTime(content.filedAt, lang), valueFont);
    QStringList materials;
    for (const LocalizedText &material : content.materials)
        materials << QStringLiteral("• ") + material.in(lang);
    row(t(PrintText::Materials), materials.isEmpty() ? t(PrintText::NoMaterials) : materials.join(QLatin1Char('\n')), valueFont);

    flow.gap(3);
    if (!content.nextSteps.isEmpty()) {
        flow.text(t(PrintText::NextSteps), labelFont);
        flow.gap(2);
        int number = 1;
        for (const LocalizedText &step : content.nextSteps) {
            flow.numbered(number++, step.in(lang), valueFont);
            flow.gap(1.5);
        }
    }

    // The foot of the page: QR code on the left, the seal box on the right, the note beneath.
    const qreal footTopMm = pageHeightMm - marginMm - 62.0;
    const qreal dots = writer.logicalDpiY() / 25.4;
    if (qr.size() > 0) {
        PageFlow left(&writer, &painter, marginMm, 45, footTopMm);
        left.qr(qr, 40, Qt::AlignLeft);
        left.text(t(PrintText::ScanToFollow), smallFont, Qt::AlignLeft);
    }
    const QRectF sealBox((pageWidthMm - marginMm - 70) * dots, footTopMm * dots, 70 * dots, 40 * dots);
    painter.setPen(QPen(Qt::black, 0.3 * dots));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(sealBox);
    painter.setFont(smallFont);
    painter.drawText(sealBox.adjusted(2 * dots, 2 * dots, -2 * dots, -2 * dots), Qt::AlignLeft | Qt::AlignTop, t(PrintText::Seal));
    PageFlow foot(&writer, &painter, marginMm, width, pageHeightMm - marginMm - 14.0);
    foot.rule(0.2);
    foot.gap(1.5);
    foot.text(t(PrintText::AcknowledgementNote), smallFont);
    const QDateTime printedAt = content.printedAt.isValid() ? content.printedAt : QDateTime::currentDateTime();
    foot.text(QStringLiteral("%1 %2 · %3 %4").arg(t(PrintText::Terminal), content.terminalId, t(PrintText::PrintedAt),
                                                PrintTexts::dateTime(printedAt, lang)),
              smallFont);
    painter.end();
    buffer.close();
    return pdf;
}
