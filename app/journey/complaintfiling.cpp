#include "complaintfiling.h"

#include "applog.h"
#include "kioskconfig.h"
#include "outboxsender.h"
#include "outboxstore.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "printjobname.h"
#include "receiptrenderer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

// The platform's limit on a complaint's text.
constexpr int kMaximumText = 500;

} // namespace

ComplaintFiling::ComplaintFiling(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    m_parts.session->addWipeable(this);
    m_numberWait.setSingleShot(true);
    m_numberWait.setInterval(numberWaitMs);
    connect(&m_numberWait, &QTimer::timeout, this, &ComplaintFiling::readyForSlip);
    if (m_parts.sender)
        connect(m_parts.sender, &OutboxSender::delivered, this, &ComplaintFiling::takeDelivered);
}

ComplaintFiling::~ComplaintFiling()
{
    m_parts.session->removeWipeable(this);
}

QStringList ComplaintFiling::categories()
{
    return {QStringLiteral("cannot_get_done"), QStringLiteral("service"), QStringLiteral("kiosk_fault"), QStringLiteral("suggestion")};
}

bool ComplaintFiling::isPhoneNumber(const QString &phone)
{
    static const QRegularExpression shape(QStringLiteral("^1[3-9][0-9]{9}$"));
    return shape.match(phone).hasMatch();
}

bool ComplaintFiling::file(const QString &category, const QString &text, const QString &phone, const QString &itemCode,
                           const QString &caseNo)
{
    if (m_stage == Stage::Queued || m_stage == Stage::Delivered)
        return false;
    const QString trimmed = text.trimmed();
    if (!categories().contains(category)) {
        setProblem(QStringLiteral("category_required"));
        return false;
    }
    if (trimmed.isEmpty()) {
        setProblem(QStringLiteral("text_required"));
        return false;
    }
    if (trimmed.size() > kMaximumText) {
        setProblem(QStringLiteral("text_too_long"));
        return false;
    }
    if (!phone.isEmpty() && !isPhoneNumber(phone)) {
        setProblem(QStringLiteral("phone_invalid"));
        return false;
    }
    // Anonymous unless the resident left a phone to be answered on.
    QJsonObject body{{QStringLiteral("category"), category}, {QStringLiteral("text"), trimmed}, {QStringLiteral("anonymous"), phone.isEmpty()}};
    if (!phone.isEmpty())
        body.insert(QStringLiteral("contact_phone"), phone);
    if (!itemCode.isEmpty())
        body.insert(QStringLiteral("item_code"), itemCode);
    if (!caseNo.isEmpty())
        body.insert(QStringLiteral("case_no"), caseNo);
    const OutboxResult<QString> queued =
        m_parts.outbox ? m_parts.outbox->enqueueComplaint({QJsonDocument(body).toJson(QJsonDocument::Compact), itemCode})
                       : OutboxResult<QString>(OutboxError{OutboxErrorCode::InvalidInput, QStringLiteral("no outbox")});
    if (!queued) {
        qCWarning(lcSession) << "complaint not stored:" << outboxErrorCodeName(queued.error().code);
        setProblem(QStringLiteral("not_stored"));
        m_stage = Stage::Failed;
        emit changed();
        return false;
    }
    m_category = category;
    m_localRef = queued.value();
    m_problem.clear();
    m_stage = Stage::Queued;
    qCInfo(lcSession).noquote() << "complaint queued" << m_localRef;
    m_numberWait.start();
    emit changed();
    if (m_parts.sender)
        m_parts.sender->wake();
    return true;
}

void ComplaintFiling::takeDelivered(const QString &localRef, const QString &reference)
{
    if (localRef.isEmpty() || localRef != m_localRef || m_stage != Stage::Queued)
        return;
    m_complaintNo = reference;
    m_stage = Stage::Delivered;
    const bool waiting = m_numberWait.isActive();
    m_numberWait.stop();
    emit changed();
    if (waiting)
        emit readyForSlip();
}

void ComplaintFiling::setProblem(const QString &problem)
{
    m_problem = problem;
    emit changed();
}

bool ComplaintFiling::printSlip(const QString &language)
{
    Printer *printer = m_parts.devices.receiptPrinter();
    if (!printer || m_localRef.isEmpty())
        return false;
    ComplaintSlipContent content;
    content.language = language;
    content.hallName = {m_parts.config->string(QStringLiteral("kiosk/hall_name")), m_parts.config->string(QStringLiteral("kiosk/hall_name_en"))};
    content.terminalId = m_parts.config->string(QStringLiteral("kiosk/site"));
    content.category = m_category;
    content.complaintNo = m_complaintNo;
    content.localRef = m_localRef;
    content.filedAt = QDateTime::currentDateTime();
    QString why;
    const QByteArray pdf = ReceiptRenderer::renderComplaintSlip(content, &why);
    if (pdf.isEmpty()) {
        qCWarning(lcSession) << "complaint slip not rendered:" << why;
        return false;
    }
    PrintJob *job = printer->print(pdf, PrintJobName::of(PrintJobName::Document::ComplaintSlip));
    m_printJob = job;
    connect(job, &PrintJob::stateChanged, this, [this, job](PrintJobState state) {
        if (state == PrintJobState::Stopped && job == m_printJob)
            emit slipPrintFinished(false, job->detail());
    });
    connect(job, &PrintJob::finished, this, [this, job](PrintJobState) {
        job->deleteLater();
        if (job != m_printJob)
            return;
        m_printJob = nullptr;
        emit slipPrintFinished(job->succeeded(), job->detail());
    });
    return true;
}

void ComplaintFiling::setSubject(const QString &itemCode, const QString &caseNo)
{
    m_subjectItem = caseNo.isEmpty() ? QString() : itemCode;
    m_subjectCase = caseNo;
    emit changed();
}

void ComplaintFiling::wipeSessionData()
{
    m_subjectItem.clear();
    m_subjectCase.clear();
    m_numberWait.stop();
    m_stage = Stage::Idle;
    m_problem.clear();
    m_category.clear();
    m_localRef.clear();
    m_complaintNo.clear();
    m_printJob = nullptr;
    emit changed();
}
