#include "complaintdesk.h"

#include "kioskruntime.h"
#include "kioskshell.h"
#include "residentchoice.h"
#include "residentrecords.h"

#include <algorithm>

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
    connect(choice, &ResidentChoice::selectionChanged, this, [this, choice, filing] {
        // Back from the complaint to the progress screen: the next one is about no case unless
        // the resident chooses one again.
        if (choice->errand() != ResidentChoice::Errand::Complaint && !filing->subjectCase().isEmpty())
            filing->setSubject({}, {});
        emit changed();
    });
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
    if (!m_runtime->complaints()->subjectCase().isEmpty())
        return true;
    return m_runtime->session()->state() == SessionState::Result && !m_choice->itemCode().isEmpty();
}

QString ComplaintDesk::caseNo() const
{
    const QString subject = m_runtime->complaints()->subjectCase();
    if (!subject.isEmpty())
        return subject;
    return aboutCase() ? m_shell->caseNumber() : QString();
}

bool ComplaintDesk::startAboutCase(const QString &caseNo)
{
    // Only a case the progress screen shows: the number comes from the platform, not from QML.
    const QList<CaseProgress> &cases = m_runtime->records()->cases();
    const auto found = std::find_if(cases.cbegin(), cases.cend(),
                                    [&caseNo](const CaseProgress &c) { return !caseNo.isEmpty() && c.caseNo == caseNo; });
    if (found == cases.cend() || m_choice->errand() != ResidentChoice::Errand::Progress)
        return false;
    m_runtime->complaints()->setSubject(found->itemCode, found->caseNo);
    if (m_choice->startErrand(ResidentChoice::Errand::Complaint))
        return true;
    m_runtime->complaints()->setSubject({}, {});
    return false;
}

bool ComplaintDesk::file(const QString &category, const QString &text, const QString &phone)
{
    m_runtime->session()->touch();
    ComplaintFiling *filing = m_runtime->complaints();
    if (!filing->subjectCase().isEmpty())
        return filing->file(category, text, phone, filing->subjectItem(), filing->subjectCase());
    return filing->file(category, text, phone, aboutCase() ? m_choice->itemCode() : QString(),
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
