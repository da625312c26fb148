#pragma once

#include "localizedtext.h"
#include "sessionmachine.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

class PlatformCall;
class PlatformClient;
struct PlatformResult;

// One step of a case's history at the platform (办件进度).
struct ProgressStep {
    QDateTime at;
    QString status; // accepted, in_review, approved, rejected, needs_materials
    LocalizedText note;
};

struct CaseProgress {
    QString caseNo;
    QString localRef; // this kiosk's reference, for a case still waiting in its outbox
    QString itemCode;
    QString status;
    QList<ProgressStep> history; // oldest first
    // Posted to the resident (contract 1.1 "Delivery by post"): the carrier and tracking number
    // once the platform has shipped the document; empty before and for a document collected.
    QString carrier;
    QString trackingNo;
};

// One of the resident's e-licences (电子证照).
struct LicenceEntry {
    QString id;
    LocalizedText type;
    QDateTime issued;
    QString documentUrl;
};

// What the platform holds for the resident at the kiosk: their cases with progress (by holder
// token, or one case by the number on a receipt) and their e-licences. Parsing is pure and
// refuses shapes the contract does not promise; the lists are forgotten at the wipe.
class ResidentRecords : public QObject, public SessionWipeable
{
    Q_OBJECT

public:
    explicit ResidentRecords(QObject *parent = nullptr);

    // GET /cases?holder_token=… ; casesFetched() follows.
    bool fetchCases(PlatformClient *platform, const QString &holderToken);
    // GET /cases/{case_no}, for a case number read from a receipt's QR code; casesFetched() follows.
    bool fetchCase(PlatformClient *platform, const QString &caseNumber);
    // The receipt of a case still in this kiosk's outbox: the answer is that it waits here
    // (status "queued_at_kiosk"); casesFetched() follows from the event loop.
    void answerQueuedHere(const QString &localRef, const QString &itemCode);
    // GET /licenses?holder_token=… ; licencesFetched() follows.
    bool fetchLicences(PlatformClient *platform, const QString &holderToken);

    [[nodiscard]] const QList<CaseProgress> &cases() const { return m_cases; }
    [[nodiscard]] const QList<LicenceEntry> &licences() const { return m_licences; }
    [[nodiscard]] const LicenceEntry *licence(const QString &id) const;
    // Why the last fetch gave nothing: "platform_offline", "not_found", "platform_error".
    [[nodiscard]] QString problem() const { return m_problem; }

    // The contract's case object; nothing when a required member is missing.
    [[nodiscard]] static std::optional<CaseProgress> parseCase(const QJsonObject &object);
    [[nodiscard]] static std::optional<QList<LicenceEntry>> parseLicences(const QJsonObject &body);
    // The reference a receipt's QR code carries (a 20-digit case number, or this kiosk's local
    // reference "T…-…" for a case that was queued): the whole text when it is one, or the last
    // path segment or `case_no` query item of a follow-up URL. Empty when there is none.
    [[nodiscard]] static QString referenceFromReceiptCode(const QString &text);
    // The reference a resident typed on the keypad: a case number, or this kiosk's local reference
    // with or without its leading T (the keypad has none). Empty when it is neither.
    [[nodiscard]] static QString referenceFromTyped(const QString &typed);
    [[nodiscard]] static bool isCaseNumber(const QString &text);
    [[nodiscard]] static bool isLocalReference(const QString &text);

    void wipeSessionData() override;

signals:
    void casesFetched(bool ok);
    void licencesFetched(bool ok);

private:
    void track(PlatformCall *call, void (ResidentRecords::*handler)(const PlatformResult &));
    void takeCaseList(const PlatformResult &result);
    void takeOneCase(const PlatformResult &result);
    void takeLicences(const PlatformResult &result);
    void setProblemFrom(const PlatformResult &result);

    QList<CaseProgress> m_cases;
    QList<LicenceEntry> m_licences;
    QString m_problem;
    QPointer<PlatformCall> m_call;
};
