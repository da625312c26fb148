#pragma once

#include "documentdelivery.h"
#include "processsingleton.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class KioskRuntime;
class KioskShell;

// What the QML screens see, as the singleton `Services`, of the errands the platform answers at
// once: the consent and face check (verify), an instant item's document being filed and printed
// (delivery), and the resident's cases and e-licences (records). Which screen comes next is the
// shell's business; this only presents and relays taps.
class ServiceDesk : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Services)
    QML_SINGLETON
    Q_PROPERTY(VerifyStage verifyStage READ verifyStage NOTIFY verifyChanged)
    Q_PROPERTY(QString verifyProblem READ verifyProblem NOTIFY verifyChanged)
    Q_PROPERTY(QString faceGuidance READ faceGuidance NOTIFY verifyChanged)
    Q_PROPERTY(bool faceCameraUsable READ faceCameraUsable NOTIFY verifyChanged)
    // Failed comes with deliveryProblem.
    Q_PROPERTY(DocumentDelivery::Stage deliveryStage READ deliveryStage NOTIFY deliveryChanged)
    Q_PROPERTY(QString deliveryProblem READ deliveryProblem NOTIFY deliveryChanged)
    Q_PROPERTY(QString deliveryMessage READ deliveryMessage NOTIFY deliveryChanged)
    Q_PROPERTY(QString deliveryCaseNumber READ deliveryCaseNumber NOTIFY deliveryChanged)
    Q_PROPERTY(CaseStatus deliveryCaseStatus READ deliveryCaseStatus NOTIFY deliveryChanged)
    Q_PROPERTY(bool documentPrinted READ documentPrinted NOTIFY deliveryChanged)
    Q_PROPERTY(RecordsState recordsState READ recordsState NOTIFY recordsChanged)
    Q_PROPERTY(QString recordsProblem READ recordsProblem NOTIFY recordsChanged)
    // Each: caseNo, localRef, item (its name), status (a CaseStatus), statusName (the platform's
    // word, shown for a status this kiosk does not know), history [{at, note}], carrier and
    // trackingNo (a document posted and shipped; empty otherwise).
    Q_PROPERTY(QVariantList cases READ cases NOTIFY recordsChanged)
    // Each: id, type, issued (a date).
    Q_PROPERTY(QVariantList licences READ licences NOTIFY recordsChanged)

public:
    // Consent: nothing yet (the consent screen when a face is needed); Face: the camera runs;
    // Checking: the platform is asked; Refused and Failed come with verifyProblem; Declined: the
    // resident would rather not show their face.
    enum class VerifyStage { Consent, Face, Checking, Verified, Refused, Failed, Declined };
    Q_ENUM(VerifyStage)
    // The resident's cases or e-licences: Idle before an errand asks; Failed comes with recordsProblem.
    enum class RecordsState { Idle, Loading, Ready, Failed };
    Q_ENUM(RecordsState)
    // Where a case stands (contract: accepted, in_review, approved, rejected, needs_materials);
    // QueuedAtKiosk: still in this kiosk's outbox; Other: a status newer than this kiosk.
    enum class CaseStatus { Accepted, InReview, Approved, Rejected, NeedsMaterials, QueuedAtKiosk, AwaitingPayment, Cancelled, Other };
    Q_ENUM(CaseStatus)
    [[nodiscard]] static CaseStatus caseStatusOf(const QString &status);

    ServiceDesk(KioskRuntime *runtime, KioskShell *shell, QObject *parent = nullptr);

    // QML asks for the singleton here; the process creates it before loading QML.
    static ServiceDesk *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    [[nodiscard]] VerifyStage verifyStage() const { return m_verifyStage; }
    [[nodiscard]] QString verifyProblem() const { return m_verifyProblem; }
    [[nodiscard]] QString faceGuidance() const { return m_faceGuidance; }
    [[nodiscard]] bool faceCameraUsable() const;
    [[nodiscard]] DocumentDelivery::Stage deliveryStage() const;
    [[nodiscard]] QString deliveryProblem() const;
    [[nodiscard]] QString deliveryMessage() const;
    [[nodiscard]] QString deliveryCaseNumber() const;
    [[nodiscard]] CaseStatus deliveryCaseStatus() const;
    [[nodiscard]] bool documentPrinted() const;
    [[nodiscard]] RecordsState recordsState() const { return m_recordsState; }
    [[nodiscard]] QString recordsProblem() const;
    [[nodiscard]] QVariantList cases() const;
    [[nodiscard]] QVariantList licences() const;

    // The resident agreed to the face check (again, after a failed match): the camera starts.
    Q_INVOKABLE bool agreeToFaceCheck();
    // The resident would rather not: the camera stops; the screen shows the other ways.
    Q_INVOKABLE void declineFaceCheck();
    // Checks the card alone with the platform (items that need no face).
    Q_INVOKABLE bool checkCard();
    Q_INVOKABLE bool printLicence(const QString &licenceId);

    // The resident's records were asked of the platform (ResidentChoice), or could not be.
    void recordsRequested(bool started);

signals:
    void verifyChanged();
    void deliveryChanged();
    void recordsChanged();

private:
    void setVerifyStage(VerifyStage stage, const QString &problem = {});
    void reset();

    KioskRuntime *m_runtime;
    KioskShell *m_shell;
    VerifyStage m_verifyStage = VerifyStage::Consent;
    QString m_verifyProblem;
    QString m_faceGuidance;
    RecordsState m_recordsState = RecordsState::Idle;
    ProcessSingleton<ServiceDesk> m_singleton{this};
};
