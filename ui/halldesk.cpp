#include "halldesk.h"

#include "kioskruntime.h"
#include "kioskshell.h"

HallDesk::HallDesk(KioskRuntime *runtime, KioskShell *shell, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_shell(shell)
{
    QueueTicketing *tickets = runtime->queueTicketing();
    connect(tickets, &QueueTicketing::changed, this, [this, tickets] {
        emit changed();
        // A ticket is printed once, as soon as it is given; the wipe forgets it.
        if (tickets->stage() == QueueTicketing::Stage::Issued && tickets->ticket().number != m_printedNumber)
            print();
        else if (tickets->stage() == QueueTicketing::Stage::Idle) {
            m_printedNumber.clear();
            setPrint(PrintState::None);
        }
    });
    connect(tickets, &QueueTicketing::ticketPrintFinished, this, [this](bool printed, const QString &detail) {
        setPrint(printed ? PrintState::Printed : PrintState::Failed, printed ? QString() : detail);
    });
    connect(shell, &KioskShell::languageChanged, this, &HallDesk::changed);
}

HallDesk *HallDesk::create(QQmlEngine *, QJSEngine *)
{
    return ProcessSingleton<HallDesk>::forQml();
}

QueueTicketing::Stage HallDesk::stage() const
{
    return m_runtime->queueTicketing()->stage();
}

QString HallDesk::problem() const
{
    return m_runtime->queueTicketing()->problem();
}

QString HallDesk::otherHall() const
{
    return m_runtime->queueTicketing()->otherHall().in(m_shell->language());
}

QVariantList HallDesk::groups() const
{
    QVariantList list;
    for (const QueueTicketing::Group &group : m_runtime->queueTicketing()->groups())
        list.append(QVariantMap{{QStringLiteral("id"), group.id},
                                {QStringLiteral("name"), group.name.in(m_shell->language())},
                                {QStringLiteral("waiting"), group.waiting},
                                {QStringLiteral("estimatedWaitMin"), group.estimatedWaitMin},
                                {QStringLiteral("open"), group.open}});
    return list;
}

QVariantList HallDesk::appointments() const
{
    QVariantList list;
    const QueueTicketing *tickets = m_runtime->queueTicketing();
    for (const QueueTicketing::Appointment &a : tickets->appointments())
        list.append(QVariantMap{{QStringLiteral("id"), a.id},
                                {QStringLiteral("group"), tickets->groupName(a.groupId).in(m_shell->language())},
                                {QStringLiteral("time"), a.slotStart.toLocalTime().toString(QStringLiteral("HH:mm"))},
                                {QStringLiteral("hall"), a.hallName.in(m_shell->language())},
                                {QStringLiteral("inThisHall"), a.inThisHall}});
    return list;
}

QString HallDesk::ticketNumber() const
{
    return m_runtime->queueTicketing()->ticket().number;
}

QString HallDesk::ticketGroup() const
{
    const QueueTicketing *tickets = m_runtime->queueTicketing();
    return tickets->groupName(tickets->ticket().groupId).in(m_shell->language());
}

int HallDesk::peopleAhead() const
{
    return m_runtime->queueTicketing()->ticket().peopleAhead;
}

int HallDesk::estimatedWaitMin() const
{
    return m_runtime->queueTicketing()->ticket().estimatedWaitMin;
}

bool HallDesk::priority() const
{
    return m_runtime->queueTicketing()->ticket().priority;
}

bool HallDesk::appointment() const
{
    return m_runtime->queueTicketing()->ticket().appointment;
}

bool HallDesk::takeTicket(const QString &groupId, bool elderPriority)
{
    m_runtime->session()->touch();
    return m_runtime->queueTicketing()->takeTicket(groupId, elderPriority);
}

bool HallDesk::checkIn(const QString &appointmentId)
{
    m_runtime->session()->touch();
    return m_runtime->queueTicketing()->checkIn(appointmentId);
}

bool HallDesk::reload()
{
    m_runtime->session()->touch();
    return m_runtime->queueTicketing()->loadGroups();
}

bool HallDesk::reprint()
{
    if (m_printState != PrintState::Failed)
        return false;
    print();
    return m_printState == PrintState::Printing;
}

void HallDesk::print()
{
    m_printedNumber = m_runtime->queueTicketing()->ticket().number;
    if (m_runtime->queueTicketing()->printTicket(m_shell->language()))
        setPrint(PrintState::Printing);
    else
        setPrint(PrintState::Failed, QStringLiteral("no_printer"));
}

void HallDesk::setPrint(PrintState state, const QString &problem)
{
    m_printState = state;
    m_printProblem = problem;
    emit printChanged();
}
