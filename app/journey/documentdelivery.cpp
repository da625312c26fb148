#include "documentdelivery.h"

#include "applog.h"
#include "catalogue.h"
#include "idcard/idcardholder.h"
#include "platformcall.h"
#include "platformclient.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "printjobname.h"

#include <QJsonObject>

DocumentDelivery::DocumentDelivery(QObject *parent)
    : QObject(parent)
{
    connect(&m_payment, &FeePayment::stateChanged, this, &DocumentDelivery::takePaymentState);
}

bool DocumentDelivery::isBusy() const
{
    return m_stage == Stage::Filing || m_stage == Stage::Paying || m_stage == Stage::Fetching || m_stage == Stage::Printing;
}

void DocumentDelivery::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    emit stageChanged(stage);
}

void DocumentDelivery::fail(const QString &problem)
{
    m_problem = problem;
    qCInfo(lcSession) << "document not delivered:" << problem;
    setStage(Stage::Failed);
    emit finished(false);
}

QString DocumentDelivery::problemOf(const PlatformResult &result)
{
    if (result.httpStatus == 0)
        return QStringLiteral("platform_offline");
    return result.isPermanent() ? QStringLiteral("platform_refused") : QStringLiteral("platform_error");
}

void DocumentDelivery::watch(PlatformCall *call, void (DocumentDelivery::*handler)(const PlatformResult &))
{
    m_call = call;
    connect(call, &PlatformCall::finished, this, [this, handler](const PlatformResult &result) {
        m_call = nullptr;
        (this->*handler)(result);
    });
}

bool DocumentDelivery::fileInstantCase(PlatformClient *platform, Printer *printer, const CatalogueItem &item,
                                       const IdCardHolder &holder, const QString &holderToken, const QString &verifiedBy,
                                       const QString &localRef)
{
    if (!platform || holderToken.isEmpty() || isBusy())
        return false;
    wipeSessionData();
    m_platform = platform;
    m_printer = printer;
    m_holderToken = holderToken;
    m_itemCode = item.code;
    m_title = PrintJobName::of(PrintJobName::Document::Certificate);
    const QJsonObject body{
        {QStringLiteral("item_code"), item.code},
        {QStringLiteral("local_ref"), localRef},
        {QStringLiteral("applicant"),
         QJsonObject{{QStringLiteral("name"), holder.name.isEmpty() ? holder.nameEn : holder.name},
                     {QStringLiteral("id_number"), holder.idNumber},
                     {QStringLiteral("verified_by"), verifiedBy}}},
        {QStringLiteral("holder_token"), holderToken},
        {QStringLiteral("form"), QJsonObject{}},
    };
    if (item.fee)
        m_caseRequest = body;
    setStage(Stage::Filing);
    // One key for this one request: a retry by the client after a lost answer cannot file twice.
    watch(platform->submitCase(body, PlatformClient::newIdempotencyKey()), &DocumentDelivery::takeCaseAnswer);
    return true;
}

bool DocumentDelivery::fileFeeCase(PlatformClient *platform, Printer *printer, const QString &itemCode, const QJsonObject &caseBody,
                                   const QString &holderToken)
{
    if (!platform || holderToken.isEmpty() || isBusy())
        return false;
    wipeSessionData();
    m_platform = platform;
    m_printer = printer;
    m_holderToken = holderToken;
    m_itemCode = itemCode;
    // Kept in memory for a new code after an expired one, and wiped with the session.
    m_caseRequest = caseBody;
    setStage(Stage::Filing);
    watch(platform->submitCase(caseBody, PlatformClient::newIdempotencyKey()), &DocumentDelivery::takeCaseAnswer);
    return true;
}

bool DocumentDelivery::renewPayment()
{
    const FeePayment::State state = m_payment.state();
    if (!m_platform || m_caseRequest.isEmpty() || m_stage != Stage::Paying
        || (state != FeePayment::State::Expired && state != FeePayment::State::Cancelled))
        return false;
    m_payment.forget();
    m_caseNumber.clear();
    setStage(Stage::Filing);
    // A new case for a new code: the expired one stays at the platform, unpaid and withdrawn.
    watch(m_platform->submitCase(m_caseRequest, PlatformClient::newIdempotencyKey()), &DocumentDelivery::takeCaseAnswer);
    return true;
}

bool DocumentDelivery::cancelPayment()
{
    return m_stage == Stage::Paying && m_payment.cancel();
}

void DocumentDelivery::takePaymentState(FeePayment::State state)
{
    if (m_stage != Stage::Paying)
        return;
    switch (state) {
    case FeePayment::State::Paid:
        // The case continues as any other: its answer now carries the document.
        m_fiscalReceiptUrl = m_payment.receiptUrl();
        setStage(Stage::Fetching);
        watch(m_platform->caseStatus(m_caseNumber), &DocumentDelivery::takePaidCase);
        break;
    case FeePayment::State::Unknown:
        fail(QStringLiteral("payment_unknown"));
        break;
    case FeePayment::State::Cancelled:
    case FeePayment::State::Expired:
        // The screen offers a new code or leaving; stageChanged tells it to look again.
        emit stageChanged(m_stage);
        break;
    default:
        emit stageChanged(m_stage);
        break;
    }
}

void DocumentDelivery::takePaidCase(const PlatformResult &result)
{
    if (!result.isOk()) {
        fail(problemOf(result));
        return;
    }
    m_caseStatus = result.body.value(QLatin1String("status")).toString();
    const QString documentUrl = result.body.value(QLatin1String("document_url")).toString();
    if (documentUrl.isEmpty()) {
        printFiscalReceipt();
        return;
    }
    fetchAndPrint(documentUrl);
}

void DocumentDelivery::printFiscalReceipt()
{
    const QString url = m_fiscalReceiptUrl;
    m_fiscalReceiptUrl.clear();
    if (url.isEmpty()) {
        setStage(Stage::Done);
        emit finished(true);
        return;
    }
    m_title = PrintJobName::of(PrintJobName::Document::FiscalReceipt);
    fetchAndPrint(url);
}

void DocumentDelivery::takeCaseAnswer(const PlatformResult &result)
{
    if (!result.isOk()) {
        fail(problemOf(result));
        return;
    }
    m_caseNumber = result.body.value(QLatin1String("case_no")).toString();
    m_caseStatus = result.body.value(QLatin1String("status")).toString();
    m_message = LocalizedText::fromJson(result.body.value(QLatin1String("message")).toObject());
    qCInfo(lcSession) << "instant case" << m_caseNumber << m_caseStatus;
    if (m_caseStatus == QLatin1String("awaiting_payment")) {
        setStage(Stage::Paying);
        if (!m_payment.begin(m_platform, result.body.value(QLatin1String("payment")).toObject()))
            fail(QStringLiteral("platform_error"));
        return;
    }
    const QString documentUrl = result.body.value(QLatin1String("document_url")).toString();
    if (documentUrl.isEmpty()) {
        // A query item, or a print item the platform did not approve: the answer is the result.
        setStage(Stage::Done);
        emit finished(true);
        return;
    }
    fetchAndPrint(documentUrl);
}

bool DocumentDelivery::printDocument(PlatformClient *platform, Printer *printer, const QString &documentUrl,
                                     const QString &holderToken, const QString &title, const QString &serviceRef)
{
    if (!platform || holderToken.isEmpty() || documentUrl.isEmpty() || isBusy())
        return false;
    wipeSessionData();
    m_platform = platform;
    m_printer = printer;
    m_holderToken = holderToken;
    m_title = title;
    m_serviceRef = serviceRef;
    fetchAndPrint(documentUrl);
    return true;
}

void DocumentDelivery::fetchAndPrint(const QString &documentUrl)
{
    if (!m_printer || !m_printer->health().isUsable()) {
        fail(QStringLiteral("no_printer"));
        return;
    }
    if (!m_platform) {
        fail(QStringLiteral("platform_offline"));
        return;
    }
    setStage(Stage::Fetching);
    watch(m_platform->fetchDocument(documentUrl, m_holderToken), &DocumentDelivery::takeDocument);
}

void DocumentDelivery::takeDocument(const PlatformResult &result)
{
    if (!result.isOk() || result.content.isEmpty()) {
        fail(result.isOk() ? QStringLiteral("platform_error") : problemOf(result));
        return;
    }
    print(result.content);
}

void DocumentDelivery::print(QByteArray pdf)
{
    if (!m_printer) {
        pdf.fill('\0');
        fail(QStringLiteral("no_printer"));
        return;
    }
    setStage(Stage::Printing);
    m_job = m_printer->print(pdf, m_title);
    // The printer has its copy; the kiosk keeps none.
    pdf.fill('\0');
    PrintJob *job = m_job;
    connect(job, &PrintJob::finished, this, [this, job](PrintJobState) {
        job->deleteLater();
        if (job != m_job)
            return;
        m_job = nullptr;
        if (!job->succeeded()) {
            fail(QStringLiteral("printer:") + (job->detail().isEmpty() ? QStringLiteral("failed") : job->detail()));
            return;
        }
        m_documentPrinted = true;
        // A paid fee's fiscal receipt follows its document out of the same printer.
        if (!m_fiscalReceiptUrl.isEmpty()) {
            printFiscalReceipt();
            return;
        }
        setStage(Stage::Done);
        emit finished(true);
    });
}

void DocumentDelivery::wipeSessionData()
{
    // A payment still open is cancelled at the platform before it is forgotten.
    m_payment.forget();
    m_caseRequest = {};
    m_fiscalReceiptUrl.clear();
    if (m_call)
        m_call->disconnect(this);
    m_call = nullptr;
    // A job already at the printer is the resident's paper: it is left to finish.
    m_job = nullptr;
    m_holderToken.fill(QLatin1Char('\0'));
    m_holderToken.clear();
    m_title.clear();
    m_serviceRef.clear();
    m_itemCode.clear();
    m_caseNumber.clear();
    m_caseStatus.clear();
    m_message = {};
    m_documentPrinted = false;
    m_problem.clear();
    m_stage = Stage::Idle;
}
