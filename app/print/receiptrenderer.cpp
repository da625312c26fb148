#include "receiptrenderer.h"

#include "common/personaldata.h"
#include "pageflow.h"
#include "printfonts.h"
#include "printtexts.h"
#include "qrsymbol.h"

#include <QBuffer>
#include <QHash>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <functional>

namespace {

constexpr int resolution = 300;
constexpr qreal qrSizeMm = 34.0;

using Layout = std::function<void(PageFlow &)>;

// Lays the page out once to learn its length, then again to paint it on a page of that length.
QByteArray renderStrip(const QString &title, const Layout &layout, QString *error)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(resolution);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Self-service kiosk"));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);

    const qreal width = ReceiptRenderer::paperWidthMm - 2 * ReceiptRenderer::marginMm;
    PageFlow measure(&writer, nullptr, ReceiptRenderer::marginMm, width, ReceiptRenderer::marginMm);
    layout(measure);
    const qreal lengthMm = measure.yMm() + ReceiptRenderer::marginMm + 6.0; // room for the cutter
    writer.setPageSize(QPageSize(QSizeF(ReceiptRenderer::paperWidthMm, lengthMm), QPageSize::Millimeter,
                                 QStringLiteral("Receipt 80mm"), QPageSize::ExactMatch));
    writer.setPageOrientation(QPageLayout::Portrait);

    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("the PDF writer did not start a page");
        return {};
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    PageFlow paint(&writer, &painter, ReceiptRenderer::marginMm, width, ReceiptRenderer::marginMm);
    layout(paint);
    painter.end();
    buffer.close();
    return pdf;
}

} // namespace

QByteArray ReceiptRenderer::render(const ReceiptContent &content, QString *error)
{
    if (!PrintFonts::ensureAvailable(error))
        return {};
    if (content.reference().isEmpty()) {
        if (error)
            *error = QStringLiteral("a receipt needs a case number or a local reference");
        return {};
    }
    QString qrError;
    const QrSymbol qr = content.followUrl.isEmpty() ? QrSymbol() : QrSymbol::encode(content.followUrl, &qrError);
    if (!content.followUrl.isEmpty() && qr.size() == 0) {
        if (error)
            *error = qrError;
        return {};
    }

    const QString &lang = content.language;
    const auto t = [&lang](PrintText id) { return PrintTexts::text(id, lang); };
    const QFont titleFont = PrintFonts::font(15, true);
    const QFont smallFont = PrintFonts::font(7.5);
    const QFont labelFont = PrintFonts::font(8.5);
    const QFont valueFont = PrintFonts::font(9.5);
    const QFont referenceFont = PrintFonts::font(13, true);
    const qreal labelWidth = lang == QLatin1String("en") ? 20.0 : 16.0;
    const QDateTime printedAt = content.printedAt.isValid() ? content.printedAt : QDateTime::currentDateTime();
    const bool filed = !content.caseNumber.isEmpty();

    const Layout layout = [&](PageFlow &flow) {
        flow.text(content.hallName.in(lang), smallFont, Qt::AlignHCenter);
        flow.gap(1.5);
        flow.text(t(PrintText::ReceiptTitle), titleFont, Qt::AlignHCenter);
        flow.gap(2);
        flow.rule();
        flow.gap(2);
        flow.text(filed ? t(PrintText::CaseNumber) : t(PrintText::LocalReference), labelFont, Qt::AlignHCenter);
        flow.text(content.reference(), referenceFont, Qt::AlignHCenter);
        if (!filed) {
            flow.gap(0.5);
            flow.text(t(PrintText::OfflineNote), smallFont, Qt::AlignHCenter);
        }
        flow.gap(2);
        flow.field(t(PrintText::Item), content.itemName.in(lang), labelFont, valueFont, labelWidth);
        flow.gap(1);
        if (!content.department.isEmpty()) {
            flow.field(t(PrintText::Department), content.department.in(lang), labelFont, valueFont, labelWidth);
            flow.gap(1);
        }
        if (filed && !content.localReference.isEmpty()) {
            flow.field(t(PrintText::LocalReference), content.localReference, labelFont, valueFont, labelWidth);
            flow.gap(1);
        }
        // A theme's cases, one item and its number each: long names get a line of their own.
        for (const ReceiptContent::BundledCase &bundled : content.bundledCases) {
            flow.text(bundled.itemName.in(lang), labelFont);
            flow.text(bundled.reference, valueFont);
            flow.gap(1);
        }
        const QString applicant = content.applicantName.isEmpty() ? t(PrintText::NotKept) : PersonalData::maskName(content.applicantName);
        flow.field(t(PrintText::Applicant), applicant, labelFont, valueFont, labelWidth);
        flow.gap(1);
        if (!content.applicantIdNumber.isEmpty()) {
            flow.field(t(PrintText::IdNumber), PersonalData::maskIdNumber(content.applicantIdNumber), labelFont, valueFont, labelWidth);
            flow.gap(1);
        }
        // Filed by someone for the applicant: both are named, both masked.
        if (!content.agentName.isEmpty()) {
            flow.field(t(PrintText::Agent), PersonalData::maskName(content.agentName), labelFont, valueFont, labelWidth);
            flow.gap(1);
            flow.field(t(PrintText::IdNumber), PersonalData::maskIdNumber(content.agentIdNumber), labelFont, valueFont, labelWidth);
            flow.gap(1);
        }
        if (content.paidFen > 0) {
            flow.field(t(PrintText::FeePaid), QStringLiteral("¥%1.%2").arg(content.paidFen / 100).arg(content.paidFen % 100, 2, 10, QLatin1Char('0')),
                       labelFont, valueFont, labelWidth);
            flow.gap(1);
        }
        if (content.filedAt.isValid()) {
            flow.field(t(PrintText::FiledAt), PrintTexts::dateTime(content.filedAt, lang), labelFont, valueFont, labelWidth);
            flow.gap(1);
        }
        flow.gap(1);
        flow.rule(0.2);
        flow.gap(2);
        if (!content.nextSteps.isEmpty()) {
            flow.text(t(PrintText::NextSteps), labelFont);
            flow.gap(1);
            int number = 1;
            for (const LocalizedText &step : content.nextSteps) {
                flow.numbered(number++, step.in(lang), smallFont);
                flow.gap(0.8);
            }
            flow.gap(1.5);
        }
        if (qr.size() > 0) {
            flow.qr(qr, qrSizeMm);
            flow.text(t(PrintText::ScanToFollow), smallFont, Qt::AlignHCenter);
            flow.gap(2);
        }
        flow.rule(0.2);
        flow.gap(1.5);
        flow.text(QStringLiteral("%1 %2 · %3 %4").arg(t(PrintText::Terminal), content.terminalId, t(PrintText::PrintedAt),
                                                    PrintTexts::dateTime(printedAt, lang)),
                  smallFont, Qt::AlignHCenter);
        flow.text(t(PrintText::KeepReceipt), smallFont, Qt::AlignHCenter);
    };
    return renderStrip(QStringLiteral("%1 %2").arg(t(PrintText::ReceiptTitle), content.reference()), layout, error);
}

QByteArray ReceiptRenderer::renderTestPage(const TestPageContent &content, QString *error)
{
    if (!PrintFonts::ensureAvailable(error))
        return {};
    const QDateTime printedAt = content.printedAt.isValid() ? content.printedAt : QDateTime::currentDateTime();
    const QrSymbol qr = QrSymbol::encode(QStringLiteral("kiosk:%1@%2").arg(content.terminalId, printedAt.toUTC().toString(Qt::ISODate)));
    const QFont titleFont = PrintFonts::font(14, true);
    const QFont labelFont = PrintFonts::font(8.5);
    const QFont valueFont = PrintFonts::font(9);
    const Layout layout = [&](PageFlow &flow) {
        flow.text(PrintTexts::text(PrintText::TestPageTitle, QStringLiteral("zh")) + QStringLiteral(" / ")
                      + PrintTexts::text(PrintText::TestPageTitle, QStringLiteral("en")),
                  titleFont, Qt::AlignHCenter);
        flow.gap(2);
        flow.rule();
        flow.gap(2);
        flow.text(content.hallName.zh, valueFont);
        if (!content.hallName.en.isEmpty())
            flow.text(content.hallName.en, labelFont);
        flow.gap(1.5);
        flow.field(QStringLiteral("终端 Kiosk"), content.terminalId, labelFont, valueFont, 22);
        flow.field(QStringLiteral("打印机 Printer"), content.printerName, labelFont, valueFont, 22);
        flow.field(QStringLiteral("软件 Software"), content.softwareVersion, labelFont, valueFont, 22);
        flow.field(QStringLiteral("时间 Time"), printedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t")), labelFont,
                   valueFont, 22);
        flow.gap(2);
        flow.text(PrintTexts::text(PrintText::FontSample, QStringLiteral("zh")), labelFont);
        flow.gap(2);
        flow.qr(qr, 24);
        flow.gap(2);
        flow.rule();
    };
    return renderStrip(QStringLiteral("Printer test page %1").arg(content.terminalId), layout, error);
}

QByteArray ReceiptRenderer::renderTicket(const TicketContent &content, QString *error)
{
    if (!PrintFonts::ensureAvailable(error))
        return {};
    if (content.ticketNumber.isEmpty()) {
        if (error)
            *error = QStringLiteral("a ticket needs its number");
        return {};
    }
    const QString &lang = content.language;
    const auto t = [&lang](PrintText id) { return PrintTexts::text(id, lang); };
    const QFont smallFont = PrintFonts::font(7.5);
    const QFont labelFont = PrintFonts::font(8.5);
    const QFont valueFont = PrintFonts::font(10);
    const QFont titleFont = PrintFonts::font(13, true);
    const QFont numberFont = PrintFonts::font(36, true);
    const qreal labelWidth = lang == QLatin1String("en") ? 26.0 : 18.0;
    const QDateTime issuedAt = content.issuedAt.isValid() ? content.issuedAt : QDateTime::currentDateTime();
    const Layout layout = [&](PageFlow &flow) {
        flow.text(content.hallName.in(lang), smallFont, Qt::AlignHCenter);
        flow.gap(1.5);
        flow.text(content.appointment ? t(PrintText::Appointment) : t(PrintText::TicketTitle), titleFont, Qt::AlignHCenter);
        flow.gap(2);
        flow.rule();
        flow.gap(2);
        flow.text(content.ticketNumber, numberFont, Qt::AlignHCenter);
        flow.gap(2);
        flow.field(t(PrintText::CounterGroup), content.groupName.in(lang), labelFont, valueFont, labelWidth);
        flow.gap(1);
        if (content.priority) {
            flow.text(t(PrintText::PriorityQueue), valueFont, Qt::AlignHCenter);
            flow.gap(1);
        }
        flow.field(t(PrintText::PeopleAhead), QString::number(content.peopleAhead), labelFont, valueFont, labelWidth);
        flow.gap(1);
        flow.field(t(PrintText::EstimatedWait), QStringLiteral("%1 %2").arg(content.estimatedWaitMin).arg(t(PrintText::Minutes)), labelFont,
                   valueFont, labelWidth);
        flow.gap(1);
        flow.field(t(PrintText::PrintedAt), PrintTexts::dateTime(issuedAt, lang), labelFont, valueFont, labelWidth);
        flow.gap(2);
        flow.rule(0.2);
        flow.gap(1.5);
        flow.text(t(PrintText::WatchTheScreen), smallFont, Qt::AlignHCenter);
        flow.text(QStringLiteral("%1 %2").arg(t(PrintText::Terminal), content.terminalId), smallFont, Qt::AlignHCenter);
    };
    return renderStrip(QStringLiteral("%1 %2").arg(t(PrintText::TicketTitle), content.ticketNumber), layout, error);
}

QByteArray ReceiptRenderer::renderComplaintSlip(const ComplaintSlipContent &content, QString *error)
{
    if (!PrintFonts::ensureAvailable(error))
        return {};
    if (content.complaintNo.isEmpty() && content.localRef.isEmpty()) {
        if (error)
            *error = QStringLiteral("a complaint's slip needs its number or reference");
        return {};
    }
    const QString &lang = content.language;
    const auto t = [&lang](PrintText id) { return PrintTexts::text(id, lang); };
    static const QHash<QString, PrintText> categories = {
        {QStringLiteral("cannot_get_done"), PrintText::CannotGetDone},
        {QStringLiteral("service"), PrintText::ServiceComplaint},
        {QStringLiteral("kiosk_fault"), PrintText::KioskFault},
        {QStringLiteral("suggestion"), PrintText::Suggestion},
    };
    const QFont smallFont = PrintFonts::font(7.5);
    const QFont labelFont = PrintFonts::font(8.5);
    const QFont valueFont = PrintFonts::font(10);
    const QFont titleFont = PrintFonts::font(13, true);
    const QFont numberFont = PrintFonts::font(12, true);
    const qreal labelWidth = lang == QLatin1String("en") ? 26.0 : 18.0;
    const bool queued = content.complaintNo.isEmpty();
    const QDateTime filedAt = content.filedAt.isValid() ? content.filedAt : QDateTime::currentDateTime();
    const Layout layout = [&](PageFlow &flow) {
        flow.text(content.hallName.in(lang), smallFont, Qt::AlignHCenter);
        flow.gap(1.5);
        flow.text(t(PrintText::ComplaintTitle), titleFont, Qt::AlignHCenter);
        flow.gap(2);
        flow.rule();
        flow.gap(2);
        flow.text(queued ? t(PrintText::ComplaintLocalRef) : t(PrintText::ComplaintNumber), labelFont, Qt::AlignHCenter);
        flow.text(queued ? content.localRef : content.complaintNo, numberFont, Qt::AlignHCenter);
        flow.gap(2);
        if (categories.contains(content.category)) {
            flow.field(t(PrintText::ComplaintCategory), t(categories.value(content.category)), labelFont, valueFont, labelWidth);
            flow.gap(1);
        }
        flow.field(t(PrintText::PrintedAt), PrintTexts::dateTime(filedAt, lang), labelFont, valueFont, labelWidth);
        flow.gap(2);
        flow.rule(0.2);
        flow.gap(1.5);
        flow.text(queued ? t(PrintText::ComplaintQueuedNote) : t(PrintText::ComplaintReplyNote), smallFont, Qt::AlignHCenter);
        flow.text(QStringLiteral("%1 %2").arg(t(PrintText::Terminal), content.terminalId), smallFont, Qt::AlignHCenter);
    };
    return renderStrip(t(PrintText::ComplaintTitle), layout, error);
}
