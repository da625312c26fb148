#include "complaintdesk.h"

#include "kioskruntime.h"
#include "kioskshell.h"
#include "residentchoice.h"

ComplaintDesk::ComplaintDesk(KioskRuntime *runtime, KioskShell *shell, ResidentChoice *choice, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_shell(shell)
    , m_choice(choice)
{
    ComplaintFiling *filing = runtime->complaints();
    connect(filing, &ComplaintFiling::changed, this, [this, filing] {
        if (filing->stage() == ComplaintFiling::Stage::Idle)
            setPrint(PrintState::None);
        emit changed();
    });
    connect(filing, &ComplaintFiling::readyForSlip, this, &ComplaintDesk::print);
    connect(filing, &ComplaintFiling::slipPrintFinished, this,
            [this](bool printed, const QString &) { setPrint(printed ? PrintState::Printed : PrintState::Failed); });
    connect(shell, &KioskShell::languageChanged, this, &ComplaintDesk::changed);
    connect(choice, &ResidentChoice::selectionChanged, this, &ComplaintDesk::changed);
}

ComplaintDesk *ComplaintDesk::create(QQmlEngine *, QJSEngine *)
{
    return ProcessSingleton<ComplaintDesk>::forQml();
}

ComplaintFiling::Stage ComplaintDesk::stage() const
{
    return m_runtime->complaints()->stage();
}

QString ComplaintDesk::problem() const
{
    return m_runtime->complaints()->problem();
}

QVariantList ComplaintDesk::categories() const
{
    // The screen's words for the contract's codes; the platform gets the codes.
    const bool english = m_shell->language() == QLatin1String("en");
    const QHash<QString, std::pair<QString, QString>> names = {
        {QStringLiteral("cannot_get_done"), {QStringLiteral("办不成事"), QStringLiteral("Could not get it done")}},
        {QStringLiteral("service"), {QStringLiteral("服务态度与效率"), QStringLiteral("Service and waiting")}},
        {QStringLiteral("kiosk_fault"), {QStringLiteral("自助机故障"), QStringLiteral("Kiosk fault")}},
        {QStringLiteral("suggestion"), {QStringLiteral("意见建议"), QStringLiteral("Suggestion")}},
    };
    QVariantList list;
    for (const QString &id : ComplaintFiling::categories()) {
        const auto &[zh, en] = names.value(id);
        list.append(QVariantMap{{QStringLiteral("id"), id}, {QStringLiteral("name"), english ? en : zh}});
    }
    return list;
}

QString ComplaintDesk::complaintNo() const
{
    return m_runtime->complaints()->complaintNo();
}

QString ComplaintDesk::localRef() const
{
    return m_runtime->complaints()->localRef();
}

bool ComplaintDesk::aboutCase() const
{
    return m_runtime->session()->state() == SessionState::Result && !m_choice->itemCode().isEmpty();
}

bool ComplaintDesk::file(const QString &category, const QString &text, const QString &phone)
{
    m_runtime->session()->touch();
    return m_runtime->complaints()->file(category, text, phone, aboutCase() ? m_choice->itemCode() : QString(),
                                         aboutCase() ? m_shell->caseNumber() : QString());
}

bool ComplaintDesk::reprint()
{
    if (m_printState != PrintState::Failed)
        return false;
    print();
    return m_printState == PrintState::Printing;
}

void ComplaintDesk::print()
{
    setPrint(m_runtime->complaints()->printSlip(m_shell->language()) ? PrintState::Printing : PrintState::Failed);
}

void ComplaintDesk::setPrint(PrintState state)
{
    m_printState = state;
    emit printChanged();
}
