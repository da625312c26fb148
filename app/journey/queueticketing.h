#pragma once

#include "journeydevices.h"
#include "localizedtext.h"
#include "sessionmachine.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class IdentityVerification;
class KioskConfig;
class PlatformCall;
class PlatformClient;
class PrintJob;
struct PlatformResult;

// 取号 and 预约签到 (contract 1.1 "Queue tickets and appointments"): the hall's counter groups with
// the people waiting, a ticket taken for one of them (in the elder priority queue when asked), the
// verified resident's appointments today, an appointment checked in by its id or by the code of
// the provincial app (APPT:…), and the ticket printed on the receipt printer. Everything needs
// the platform live; each refusal is kept as problem() for the screen to say.
class QueueTicketing : public QObject, public SessionWipeable
{
    Q_OBJECT

public:
    // Loading: the platform is asked (groups, appointments, a ticket); Choosing: the groups or
    // appointments are there to choose from; Issued: a ticket was given; Failed comes with problem().
    enum class Stage { Idle, Loading, Choosing, Issued, Failed };
    Q_ENUM(Stage)

    struct Group {
        QString id;
        LocalizedText name;
        int waiting = 0;
        int estimatedWaitMin = 0;
        bool open = false;
    };
    struct Appointment {
        QString id;
        QString groupId;
        QDateTime slotStart;
        LocalizedText hallName;
        bool inThisHall = true;
    };
    struct Ticket {
        QString number;
        QString groupId;
        int peopleAhead = 0;
        int estimatedWaitMin = 0;
        bool priority = false;
        bool appointment = false;
        QDateTime issuedAt;
    };

    struct Parts {
        const KioskConfig *config = nullptr;
        SessionMachine *session = nullptr;
        IdentityVerification *verification = nullptr;
        PlatformClient *platform = nullptr;
        JourneyDevices devices;
    };

    explicit QueueTicketing(const Parts &parts, QObject *parent = nullptr);
    ~QueueTicketing() override;

    [[nodiscard]] Stage stage() const { return m_stage; }
    // platform_offline, group_closed, other_hall (hallName() says which), not_today,
    // already_checked_in, no_appointment_today, appointment_unknown, code_not_an_appointment,
    // failed; empty when there is nothing to say.
    [[nodiscard]] QString problem() const { return m_problem; }
    // The hall an appointment of another hall is for.
    [[nodiscard]] LocalizedText otherHall() const { return m_otherHall; }
    [[nodiscard]] const QList<Group> &groups() const { return m_groups; }
    [[nodiscard]] const QList<Appointment> &appointments() const { return m_appointments; }
    [[nodiscard]] const Ticket &ticket() const { return m_ticket; }
    [[nodiscard]] LocalizedText groupName(const QString &groupId) const;
    // The rating's service_ref for the ticket just given ("ticket:A017"), or empty.
    [[nodiscard]] QString serviceRef() const;

    // GET /tickets/groups.
    bool loadGroups();
    // POST /tickets for an open group, in the elder priority queue when `elderPriority`; the
    // verified resident's holder token goes with it when there is one.
    bool takeTicket(const QString &groupId, bool elderPriority);
    // The verified resident's appointments today (no_appointment_today when there are none).
    bool loadAppointments();
    // Checks in one of them, or one named by an app code "APPT:<id>" (no identification needed).
    bool checkIn(const QString &appointmentId);
    bool checkInCode(const QString &text);
    [[nodiscard]] static bool isAppointmentCode(const QString &text);
    // The ticket on the receipt printer in `language`; ticketPrinted() follows.
    bool printTicket(const QString &language);
    [[nodiscard]] bool ticketPrinted() const { return m_printed; }

    void wipeSessionData() override;

signals:
    void changed();
    // The ticket came out of the printer, or not with the printer's reason.
    void ticketPrintFinished(bool printed, const QString &detail);

private:
    bool fetchGroups(bool thenChoose);
    void setStage(Stage stage, const QString &problem = {});
    void fail(const PlatformResult &result);
    void takeIssued(const PlatformResult &result, bool priority, bool appointment);
    bool follow(PlatformCall *call, std::function<void(const PlatformResult &)> done);

    Parts m_parts;
    Stage m_stage = Stage::Idle;
    QString m_problem;
    LocalizedText m_otherHall;
    QList<Group> m_groups;
    QList<Appointment> m_appointments;
    Ticket m_ticket;
    bool m_printed = false;
    // Answers that arrive after the session ended belong to nobody.
    quint64 m_generation = 0;
    QPointer<PrintJob> m_printJob;
};
