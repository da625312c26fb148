#include "instanterrands.h"

#include "catalogue.h"
#include "documentdelivery.h"
#include "identityverification.h"
#include "itemavailability.h"
#include "outboxstore.h"
#include "platformclient.h"
#include "printjobname.h"
#include "residentidentity.h"
#include "residentrecords.h"
#include "sessionmachine.h"

#include <QDateTime>

InstantErrands::InstantErrands(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
}

QString InstantErrands::instantLocalReference() const
{
    // Instant errands are not queued, so they have no outbox reference; this one is unique to the
    // terminal and the moment, and shaped like the outbox's so receipts and staff read it alike.
    const PlatformClient *platform = m_parts.platform;
    const QString terminal = (platform && platform->settings().credentials) ? platform->settings().credentials->terminalId
                                                                            : QStringLiteral("T000000000000");
    return QStringLiteral("%1-%2").arg(terminal, QDateTime::currentDateTime().toString(QStringLiteral("hhmmss")));
}

bool InstantErrands::deliverInstantItem(const QString &itemCode)
{
    const CatalogueItem *item = m_parts.catalogue->item(itemCode);
    const IdCardHolder *holder = m_parts.identity->holder();
    const IdentityVerification *verification = m_parts.verification;
    if (!item || item->kind == ItemKind::Apply || !holder || !verification->isVerified()
        || !m_parts.availability->unavailableReason(*item).isEmpty())
        return false;
    if (item->faceRequired && !verification->faceChecked())
        return false;
    if (!m_parts.session->advance(SessionState::Result))
        return false;
    return m_parts.delivery->fileInstantCase(m_parts.platform, m_parts.devices.documentPrinter(), *item, *holder, verification->holderToken(),
                                             verification->verifiedBy(), instantLocalReference());
}

bool InstantErrands::showProgress()
{
    if (!m_parts.verification->isVerified() || !m_parts.session->advance(SessionState::Result))
        return false;
    return m_parts.records->fetchCases(m_parts.platform, m_parts.verification->holderToken());
}

bool InstantErrands::licencesNeedAFace() const
{
    return m_parts.identity->method() != ResidentIdentity::Method::Code;
}

bool InstantErrands::licenceHolderProven() const
{
    const IdentityVerification *verification = m_parts.verification;
    return verification->isVerified() && (!licencesNeedAFace() || verification->faceChecked());
}

bool InstantErrands::showLicences()
{
    if (!licenceHolderProven() || !m_parts.session->advance(SessionState::Result))
        return false;
    return m_parts.records->fetchLicences(m_parts.platform, m_parts.verification->holderToken());
}

bool InstantErrands::printLicence(const QString &licenceId)
{
    const LicenceEntry *licence = m_parts.records->licence(licenceId);
    if (!licence || m_parts.session->state() != SessionState::Result || !licenceHolderProven())
        return false;
    m_parts.session->touch();
    return m_parts.delivery->printDocument(m_parts.platform, m_parts.devices.documentPrinter(), licence->documentUrl,
                                           m_parts.verification->holderToken(), PrintJobName::of(PrintJobName::Document::Licence),
                                           QStringLiteral("licence:") + licence->id);
}

bool InstantErrands::queryReceiptCode(const QString &text)
{
    return queryReference(ResidentRecords::referenceFromReceiptCode(text));
}

bool InstantErrands::queryTypedReference(const QString &typed)
{
    return queryReference(ResidentRecords::referenceFromTyped(typed));
}

bool InstantErrands::queryReference(const QString &reference)
{
    if (reference.isEmpty())
        return false;
    QString caseNumber = ResidentRecords::isCaseNumber(reference) ? reference : QString();
    QString queuedItem;
    if (!ResidentRecords::isCaseNumber(reference)) {
        // A receipt of a case that was queued here: the outbox knows its number once it is sent.
        if (!m_parts.outbox)
            return false;
        const OutboxResult<std::optional<OutboxEntry>> found = m_parts.outbox->find(reference);
        if (!found || !found.value())
            return false;
        caseNumber = found.value()->resultRef;
        queuedItem = found.value()->itemCode;
    }
    SessionMachine *session = m_parts.session;
    if (session->state() != SessionState::Result && !session->advance(SessionState::Result))
        return false;
    if (caseNumber.isEmpty()) {
        m_parts.records->answerQueuedHere(reference, queuedItem);
        return true;
    }
    return m_parts.records->fetchCase(m_parts.platform, caseNumber);
}
