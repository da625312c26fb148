#pragma once

#include "processsingleton.h"
#include "queueticketing.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class KioskRuntime;
class KioskShell;

// What the QML screens see, as the singleton `Hall`, of the hall's counters (QueueTicketing): the
// counter groups to take a ticket for (取号), the resident's appointments today (预约签到), the
// ticket given and whether it came out of the receipt printer. It prints the ticket as soon as
// it is given, in the resident's language; it only presents and relays taps.
class HallDesk : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Hall)
    QML_SINGLETON
    Q_PROPERTY(QueueTicketing::Stage stage READ stage NOTIFY changed)
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    // The other hall an appointment is for, in the resident's language (problem other_hall).
    Q_PROPERTY(QString otherHall READ otherHall NOTIFY changed)
    // Each: id, name, waiting, estimatedWaitMin, open.
    Q_PROPERTY(QVariantList groups READ groups NOTIFY changed)
    // Each: id, group (its counters' name), time ("10:30"), hall (its name), inThisHall.
    Q_PROPERTY(QVariantList appointments READ appointments NOTIFY changed)
    Q_PROPERTY(QString ticketNumber READ ticketNumber NOTIFY changed)
    Q_PROPERTY(QString ticketGroup READ ticketGroup NOTIFY changed)
    Q_PROPERTY(int peopleAhead READ peopleAhead NOTIFY changed)
    Q_PROPERTY(int estimatedWaitMin READ estimatedWaitMin NOTIFY changed)
    Q_PROPERTY(bool priority READ priority NOTIFY changed)
    Q_PROPERTY(bool appointment READ appointment NOTIFY changed)
    Q_PROPERTY(PrintState printState READ printState NOTIFY printChanged)
    Q_PROPERTY(QString printProblem READ printProblem NOTIFY printChanged)

public:
    // The ticket on the receipt printer: None before a ticket; Failed comes with printProblem.
    enum class PrintState { None, Printing, Printed, Failed };
    Q_ENUM(PrintState)

    HallDesk(KioskRuntime *runtime, KioskShell *shell, QObject *parent = nullptr);

    // QML asks for the singleton here; the shell creates it before QML is loaded.
    static HallDesk *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    [[nodiscard]] QueueTicketing::Stage stage() const;
    [[nodiscard]] QString problem() const;
    [[nodiscard]] QString otherHall() const;
    [[nodiscard]] QVariantList groups() const;
    [[nodiscard]] QVariantList appointments() const;
    [[nodiscard]] QString ticketNumber() const;
    [[nodiscard]] QString ticketGroup() const;
    [[nodiscard]] int peopleAhead() const;
    [[nodiscard]] int estimatedWaitMin() const;
    [[nodiscard]] bool priority() const;
    [[nodiscard]] bool appointment() const;
    [[nodiscard]] PrintState printState() const { return m_printState; }
    [[nodiscard]] QString printProblem() const { return m_printProblem; }

    // A ticket for an open group; in elder mode the screen asks first whether for the priority queue.
    Q_INVOKABLE bool takeTicket(const QString &groupId, bool elderPriority);
    Q_INVOKABLE bool checkIn(const QString &appointmentId);
    // The groups again (after the platform was away, or to see the queues now).
    Q_INVOKABLE bool reload();
    // The ticket again, after the printer failed.
    Q_INVOKABLE bool reprint();

signals:
    void changed();
    void printChanged();

private:
    void print();
    void setPrint(PrintState state, const QString &problem = {});

    KioskRuntime *m_runtime;
    KioskShell *m_shell;
    PrintState m_printState = PrintState::None;
    QString m_printProblem;
    QString m_printedNumber;
    ProcessSingleton<HallDesk> m_singleton{this};
};
