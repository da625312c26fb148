#include "receiptprinting.h"

#include "applicationdraft.h"
#include "applicationjourney.h"
#include "applog.h"
#include "catalogue.h"
#include "documentdelivery.h"
#include "postaldelivery.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "printjobname.h"
#include "receiptcontent.h"
#include "receiptrenderer.h"
#include "agentfiling.h"
#include "residentidentity.h"
#include "sessionmachine.h"

#include <QDateTime>

ReceiptPrinting::ReceiptPrinting(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    connect(m_parts.session, &SessionMachine::sessionEnded, this, [this] { m_receiptJob = nullptr; });
}

bool ReceiptPrinting::printReceipt(const QString &language)
{
    using Kind = CaseSubmission::Outcome::Kind;
    Printer *printer = m_parts.devices.receiptPrinter();
    const IdCardHolder *holder = m_parts.identity->holder();
    if (!printer)
        return false;
    // The receipt is for the application just filed or queued, or for an instant item's case.
    const CaseSubmission::Outcome &lastOutcome = m_parts.journey->lastOutcome();
    const CatalogueItem *item = nullptr;
    QString caseNo;
    QString localRef;
    if (m_parts.draft->isActive() && (lastOutcome.kind == Kind::Filed || lastOutcome.kind == Kind::Queued)) {
        item = m_parts.draft->item();
        caseNo = lastOutcome.caseNo;
        localRef = lastOutcome.localRef;
    } else if (!m_parts.delivery->caseNumber().isEmpty()) {
        item = m_parts.catalogue->item(m_parts.delivery->itemCode());
        caseNo = m_parts.delivery->caseNumber();
    }
    const int paidFen = m_parts.delivery->caseNumber() == caseNo ? m_parts.delivery->paidFen() : 0;
    if (!item)
        return false;
    ReceiptContent content = ReceiptContent::forCase(*m_parts.config, item, caseNo, localRef, QDateTime::currentDateTime(), language);
    content.paidFen = paidFen;
    if (m_parts.postal && m_parts.draft->isActive() && item == m_parts.draft->item()) {
        if (const LocalizedText note = m_parts.postal->receiptNote(); !note.zh.isEmpty())
            content.nextSteps.prepend(note);
    }
    // A theme's one receipt lists every case it filed or queued.
    for (const auto &[code, outcome] : m_parts.journey->themeOutcomes()) {
        const CatalogueItem *member = m_parts.catalogue->item(code);
        const QString reference = outcome.caseNo.isEmpty() ? outcome.localRef : outcome.caseNo;
        if (member && !reference.isEmpty())
            content.bundledCases.append({member->name, reference});
    }
    const IdCardHolder *principal = m_parts.agent && m_parts.draft->isActive() ? m_parts.agent->principal() : nullptr;
    if (holder && principal) {
        // Filed for someone else: the application is the principal's, filed by the card holder.
        content.applicantName = principal->name;
        content.applicantIdNumber = principal->idNumber;
        content.agentName = holder->name.isEmpty() ? holder->nameEn : holder->name;
        content.agentIdNumber = holder->idNumber;
    } else if (holder) {
        // The renderer prints both masked; they are passed whole so that it, and only it, masks.
        content.applicantName = holder->name.isEmpty() ? holder->nameEn : holder->name;
        content.applicantIdNumber = holder->idNumber;
    }
    QString why;
    const QByteArray pdf = ReceiptRenderer::render(content, &why);
    if (pdf.isEmpty()) {
        qCWarning(lcSession) << "receipt not rendered:" << why;
        return false;
    }
    follow(printer->print(pdf, PrintJobName::of(PrintJobName::Document::Receipt)));
    return true;
}

void ReceiptPrinting::follow(PrintJob *job)
{
    m_receiptJob = job;
    // The resident is told as soon as the printer stops on their receipt, not after the job timeout.
    connect(job, &PrintJob::stateChanged, this, [this, job](PrintJobState state) {
        if (state == PrintJobState::Stopped && job == m_receiptJob)
            emit receiptPrinted(false, job->detail());
    });
    connect(job, &PrintJob::finished, this, [this, job](PrintJobState) {
        job->deleteLater();
        if (job != m_receiptJob) {
            qCInfo(lcSession) << "a receipt of an earlier session or print finished:" << (job->succeeded() ? "printed" : job->detail());
            return;
        }
        m_receiptJob = nullptr;
        emit receiptPrinted(job->succeeded(), job->detail());
    });
}
