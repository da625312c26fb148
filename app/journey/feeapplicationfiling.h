#pragma once

#include "outboxdraft.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>

class DocumentDelivery;
class PlatformCall;
class PlatformClient;
class Printer;
struct PlatformResult;

// A fee item's application, filed live and never queued (contract 1.1 "Fees": a fee item needs
// the platform live). Its pages go up first (POST /materials), then the case goes through
// DocumentDelivery, which takes the answer's payment into FeePayment, shows the code and, once
// paid, prints the fiscal receipt. Whatever fails before the platform has the case files nothing
// and charges nothing, and the resident is told so: a page uploaded without a case that names it
// is no application, only something the platform discards.
class FeeApplicationFiling : public QObject
{
    Q_OBJECT

public:
    explicit FeeApplicationFiling(DocumentDelivery *delivery, QObject *parent = nullptr);

    // Files `draft` (its body as ApplicationJourney builds it, with the holder token) under
    // `localRef`; the fiscal receipt goes to `printer`. awaitingPayment() or notFiled() follows,
    // never from inside this call.
    bool file(PlatformClient *platform, Printer *printer, const CaseDraft &draft, const QString &holderToken, const QString &localRef);
    [[nodiscard]] bool isFiling() const { return m_stage != Stage::Idle; }
    // Forgets the pages and the body; a case already with the platform is DocumentDelivery's to
    // wipe (and its open payment to cancel).
    void wipe();

signals:
    // The platform has the case; its payment is open in DocumentDelivery.
    void awaitingPayment(const QString &caseNo);
    // The payment is settled and what follows it done (`ok`), or it failed after the case was filed.
    void settled(bool ok);
    // Nothing was filed, nothing charged: "platform_offline" (away, or not answering in time),
    // "platform_error", or `refused` with the platform's error code.
    void notFiled(const QString &problem, bool refused);

private:
    enum class Stage { Idle, Uploading, Filing, Paying };

    void uploadNext();
    void takeUpload(const PlatformResult &result);
    void fileCase();
    void takeDeliveryStage();
    void takeDeliveryEnd(bool ok);
    void giveUp(const QString &problem, bool refused);
    [[nodiscard]] static QString problemOf(const PlatformResult &result);

    DocumentDelivery *m_delivery;
    Stage m_stage = Stage::Idle;
    QPointer<PlatformClient> m_platform;
    QPointer<Printer> m_printer;
    QPointer<PlatformCall> m_call;
    QString m_itemCode;
    QString m_holderToken;
    QJsonObject m_body;
    QList<MaterialDraft> m_pages;
    QJsonArray m_materialRefs;
};
