#include "feeapplicationfiling.h"

#include "applog.h"
#include "documentdelivery.h"
#include "outboxplatformtransport.h"
#include "platformcall.h"
#include "platformclient.h"
#include "printer/printer.h"

#include <QDateTime>
#include <QJsonDocument>

FeeApplicationFiling::FeeApplicationFiling(DocumentDelivery *delivery, QObject *parent)
    : QObject(parent)
    , m_delivery(delivery)
{
    connect(m_delivery, &DocumentDelivery::stageChanged, this, &FeeApplicationFiling::takeDeliveryStage);
    connect(m_delivery, &DocumentDelivery::finished, this, &FeeApplicationFiling::takeDeliveryEnd);
}

QString FeeApplicationFiling::problemOf(const PlatformResult &result)
{
    if (result.httpStatus == 0)
        return QStringLiteral("platform_offline");
    return result.isPermanent() ? result.errorCode : QStringLiteral("platform_error");
}

bool FeeApplicationFiling::file(PlatformClient *platform, Printer *printer, const CaseDraft &draft, const QString &holderToken,
                                const QString &localRef)
{
    if (isFiling() || !m_delivery || m_delivery->isBusy())
        return false;
    const QJsonDocument body = QJsonDocument::fromJson(draft.body);
    if (!body.isObject())
        return false;
    wipe();
    m_platform = platform;
    m_printer = printer;
    m_itemCode = draft.itemCode;
    m_holderToken = holderToken;
    // The body goes now, not later: the expiry the outbox keeps beside the token stays here.
    m_body = OutboxPlatformTransport::caseBodyToSend(body.object(), QDateTime::currentDateTimeUtc());
    m_body.insert(QStringLiteral("local_ref"), localRef);
    m_pages = draft.materials;
    m_stage = Stage::Uploading;
    qCInfo(lcSession) << "fee application for" << m_itemCode << "filed live with" << m_pages.size() << "materials";
    // Without the platform, or without the token that fetches the fiscal receipt, nothing can be
    // paid: the resident hears so at once. The answer comes from the event loop, as every other
    // does, so that the journey has moved the session on before it hears it.
    if (!platform || holderToken.isEmpty() || platform->connectivity() == PlatformClient::Connectivity::Offline) {
        QMetaObject::invokeMethod(this, [this] { giveUp(QStringLiteral("platform_offline"), false); }, Qt::QueuedConnection);
        return true;
    }
    uploadNext();
    return true;
}

void FeeApplicationFiling::uploadNext()
{
    if (m_pages.isEmpty()) {
        fileCase();
        return;
    }
    const MaterialDraft &page = m_pages.first();
    m_call = m_platform->uploadMaterial(page.materialId, page.content, page.contentType.toLatin1(), PlatformClient::newIdempotencyKey());
    connect(m_call, &PlatformCall::finished, this, &FeeApplicationFiling::takeUpload);
}

void FeeApplicationFiling::takeUpload(const PlatformResult &result)
{
    m_call = nullptr;
    if (m_stage != Stage::Uploading)
        return;
    const QString ref = result.body.value(QLatin1String("material_ref")).toString();
    if (!result.isOk() || ref.isEmpty()) {
        giveUp(result.isOk() ? QStringLiteral("platform_error") : problemOf(result), result.isPermanent());
        return;
    }
    m_materialRefs.append(ref);
    // The page is at the platform; the kiosk's copy goes.
    m_pages.first().content.fill('\0');
    m_pages.removeFirst();
    uploadNext();
}

void FeeApplicationFiling::fileCase()
{
    m_body.insert(QStringLiteral("materials"), m_materialRefs);
    m_stage = Stage::Filing;
    if (!m_platform || !m_delivery->fileFeeCase(m_platform, m_printer, m_itemCode, m_body, m_holderToken))
        QMetaObject::invokeMethod(this, [this] { giveUp(QStringLiteral("platform_offline"), false); }, Qt::QueuedConnection);
    // DocumentDelivery keeps the body for a new code; this copy is no longer needed.
    m_body = {};
}

void FeeApplicationFiling::takeDeliveryStage()
{
    if (m_stage == Stage::Filing && m_delivery->stage() == DocumentDelivery::Stage::Paying) {
        m_stage = Stage::Paying;
        emit awaitingPayment(m_delivery->caseNumber());
    }
}

void FeeApplicationFiling::takeDeliveryEnd(bool ok)
{
    if (m_stage == Stage::Filing) {
        if (!ok) {
            const QString problem = m_delivery->problem();
            giveUp(problem, problem == QLatin1String("platform_refused"));
            return;
        }
        // The platform filed it without a payment to wait for (a variable fee it set at nothing).
        m_stage = Stage::Paying;
        emit awaitingPayment(m_delivery->caseNumber());
    }
    if (m_stage != Stage::Paying)
        return;
    m_stage = Stage::Idle;
    emit settled(ok);
}

void FeeApplicationFiling::giveUp(const QString &problem, bool refused)
{
    if (m_stage == Stage::Idle)
        return;
    qCInfo(lcSession) << "fee application for" << m_itemCode << "not filed:" << problem;
    wipe();
    emit notFiled(problem, refused);
}

void FeeApplicationFiling::wipe()
{
    if (m_call)
        m_call->disconnect(this);
    m_call = nullptr;
    for (MaterialDraft &page : m_pages)
        page.content.fill('\0');
    m_pages.clear();
    m_materialRefs = {};
    m_body = {};
    m_holderToken.fill(QLatin1Char('\0'));
    m_holderToken.clear();
    m_itemCode.clear();
    m_stage = Stage::Idle;
}
