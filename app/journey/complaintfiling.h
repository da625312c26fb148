#pragma once

#include "journeydevices.h"
#include "sessionmachine.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

class KioskConfig;
class OutboxSender;
class OutboxStore;
class PrintJob;

// 办不成事 / 投诉建议 (contract 1.1 "Complaints"): a category, the resident's text, optionally the
// item or case it is about and a phone for the reply; anonymous unless a phone is given. It is
// queued in the outbox like an evaluation, so it is never lost when the platform is away, and
// the slip names the platform's 12345 number once the outbox has delivered it, or the local
// reference when the platform did not answer in time.
class ComplaintFiling : public QObject, public SessionWipeable
{
    Q_OBJECT

public:
    // Queued: in the outbox, not yet delivered; Delivered: the platform gave its number; Failed
    // comes with problem().
    enum class Stage { Idle, Queued, Delivered, Failed };
    Q_ENUM(Stage)

    struct Parts {
        const KioskConfig *config = nullptr;
        SessionMachine *session = nullptr;
        OutboxStore *outbox = nullptr;
        OutboxSender *sender = nullptr;
        JourneyDevices devices;
    };

    explicit ComplaintFiling(const Parts &parts, QObject *parent = nullptr);
    ~ComplaintFiling() override;

    // The contract's categories, in the order the screen offers them.
    [[nodiscard]] static QStringList categories();
    // A mainland mobile number, as the platform takes it.
    [[nodiscard]] static bool isPhoneNumber(const QString &phone);
    // How long the slip waits for the platform's number before it is printed with the local reference.
    static constexpr int numberWaitMs = 6000;

    [[nodiscard]] Stage stage() const { return m_stage; }
    // category_required, text_required, text_too_long, phone_invalid, not_stored; or empty.
    [[nodiscard]] QString problem() const { return m_problem; }
    [[nodiscard]] QString category() const { return m_category; }
    [[nodiscard]] QString localRef() const { return m_localRef; }
    [[nodiscard]] QString complaintNo() const { return m_complaintNo; }

    // The case a complaint is about when the resident started it from that case on the progress
    // screen (a refused one); it goes with the complaint unless file() names another. Wiped with
    // the session, and cleared by an empty `caseNo`.
    void setSubject(const QString &itemCode, const QString &caseNo);
    [[nodiscard]] QString subjectCase() const { return m_subjectCase; }
    [[nodiscard]] QString subjectItem() const { return m_subjectItem; }

    // Queues the complaint; about `itemCode` / `caseNo` when they are not empty.
    bool file(const QString &category, const QString &text, const QString &phone, const QString &itemCode, const QString &caseNo);
    // The slip on the receipt printer in `language`; slipPrintFinished() follows.
    bool printSlip(const QString &language);

    void wipeSessionData() override;

signals:
    void changed();
    // The number came, or the wait for it ended: the slip can be printed.
    void readyForSlip();
    void slipPrintFinished(bool printed, const QString &detail);

private:
    void takeDelivered(const QString &localRef, const QString &reference);
    void setProblem(const QString &problem);

    Parts m_parts;
    Stage m_stage = Stage::Idle;
    QString m_problem;
    QString m_category;
    QString m_localRef;
    QString m_complaintNo;
    QString m_subjectItem;
    QString m_subjectCase;
    QTimer m_numberWait;
    QPointer<PrintJob> m_printJob;
};
