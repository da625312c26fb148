#pragma once

#include "catalogue.h"
#include "sessionmachine.h"

#include <QObject>
#include <QString>

#include <optional>

class KioskRuntime;

// What the resident came for, and where each step of it leads: an item or a theme opened on the
// home screen, or one of the kiosk's own errands (progress, licences); identification by card or
// code for it; and, once the resident is known and verified, the form, the documents or the
// records. It keeps why the last card or code was not taken, for the screen to say.
class ResidentChoice : public QObject, public SessionWipeable
{
    Q_OBJECT

public:
    // What the resident came for when it is not a catalogue item: their cases' progress (办件查询),
    // their e-licences (电子证照), a queue ticket (取号), an appointment's check-in (预约签到) or a
    // complaint (办不成事 / 投诉建议).
    enum class Errand { None, Progress, Licences, Tickets, Appointments, Complaint };
    Q_ENUM(Errand)
    // What the kiosk did as the resident went on: nothing (not now, or not for this choice), a
    // journey started, or a card check the screens start and follow (ServiceDesk).
    enum class Step { Refused, Started, CardCheck };
    Q_ENUM(Step)

    explicit ResidentChoice(KioskRuntime *runtime, QObject *parent = nullptr);
    ~ResidentChoice() override;

    // The item chosen, or the merged item while a whole theme is being done; null for an errand.
    [[nodiscard]] const CatalogueItem *item() const;
    // The item opened on the home screen (not the theme's merged one), or empty.
    [[nodiscard]] QString itemCode() const { return m_itemCode; }
    // The theme opened on the home screen, or empty.
    [[nodiscard]] QString themeId() const { return m_themeId; }
    [[nodiscard]] Errand errand() const { return m_errand; }
    // The resident chose to do the whole theme (一件事一次办), not one of its items.
    [[nodiscard]] bool doingTheme() const { return m_themeItem.has_value(); }
    // Why the last card or code was not taken: card_expired, card_not_yet_valid, card_unreadable,
    // read_failed (moved too soon); for a code code_not_a_receipt, code_not_for_item,
    // code_platform_offline, or code_ and the platform's reason (code_qr_expired, …); for a typed
    // case number case_number_not_found; empty when there is nothing to say.
    [[nodiscard]] QString problem() const { return m_problem; }
    // Why a code cannot identify the resident for what they chose ("code_not_for_item"), or empty.
    [[nodiscard]] QString codeRefusal() const;
    // A network-identity or app code shown at identification is with the platform.
    [[nodiscard]] bool codeBeingChecked() const;
    // What the resident chose needs a face check once they are identified: an item whose
    // catalogue entry says face_required, or their e-licences unless shown the app's code.
    [[nodiscard]] bool faceCheckNeeded() const;

    // A staff member signed in beside the resident may vouch for who they are (staff_attested):
    // the chosen item allows it in its catalogue `auth`, needs no face check, and the resident is
    // not identified yet.
    [[nodiscard]] bool staffAttestationOffered() const;
    // The staff member vouches for the resident `name` with citizen number `idNumber`, known by
    // `evidence`. False, with the problem "staff_attestation_not_offered" or
    // "staff_id_number_<problem>" (TypedIdNumber), when nothing was sent; the platform's answer
    // follows as for a code, its refusals as "staff_" and the reason.
    bool identifyByStaff(const QString &name, const QString &idNumber, const QString &evidence);

    // After the resident's own card, for an item whose catalogue entry allows an agent: they may
    // file it for someone else (代办).
    [[nodiscard]] bool agentOffered() const;
    // The identified resident files for the principal (AgentFiling::actFor). False, with the
    // problem "agent_not_offered" or "agent_" and AgentFiling's reason, when not taken.
    bool actForSomeoneElse(const QString &name, const QString &cardType, const QString &idNumber, const QString &relation);

    bool openItem(const QString &code);
    bool openTheme(const QString &themeId);
    // One step back: from identification or later to the choice (an errand or theme journey is
    // dropped); from an item to its theme or home; from a theme home.
    void back();

    // The resident goes ahead with the opened item: identification next. A query the platform
    // does not answer at once is the kiosk's progress errand.
    bool startSelectedItem();
    // Tickets, appointments and complaints start on their own screen, with nobody identified yet;
    // a complaint also from a refused case's result, about that case.
    bool startErrand(Errand errand);
    // The appointments errand goes on with the resident's card: identification next.
    bool identifyForAppointments();
    // The whole opened theme, as one merged form: identification next.
    bool startTheme();
    // After identification: an application without a face check goes to the form; a face check
    // waits for consent (Started); a resident known by code was verified already and goes on;
    // anyone else's card is checked with the platform (CardCheck).
    Step continueAfterIdentification();
    // The progress errand asks for a case number typed from a receipt instead of a card: the
    // case's progress at once, as the receipt's code gives it, or the problem
    // "case_number_not_found".
    bool queryTypedCaseNumber(const QString &typed);

    // The resident pressed 退出. With work of theirs in an application not yet submitted (a value
    // typed, a page captured) they are asked first: exitAsked() becomes true and nothing ends.
    // Otherwise the session ends at once; returns whether it did. The idle countdown never asks.
    bool requestExit();
    // The resident answered 继续办理: the question goes, the application stays as it was.
    void keepApplication();
    [[nodiscard]] bool exitAsked() const { return m_exitAsked; }
    // Leaving now would throw away what the resident entered.
    [[nodiscard]] bool leavingLosesInput() const;

    void wipeSessionData() override;

signals:
    void selectionChanged();
    void problemChanged();
    // The resident's records (progress or licences) were asked of the platform, or could not be.
    void recordsRequested(bool started);
    void exitAskedChanged();

private:
    void setProblem(const QString &problem);
    void setExitAsked(bool asked);
    // Once verified: the form, the document, or the records the resident came for.
    void proceedAfterVerification();
    void takeScannedCode(const QString &text);
    void takeCodeAtHome(const QString &text);
    void followQueueTicketing();

    KioskRuntime *m_runtime;
    Errand m_errand = Errand::None;
    Errand m_errandBeforeComplaint = Errand::None; // the screen a complaint's back returns to
    std::optional<CatalogueItem> m_themeItem;
    QString m_itemCode;
    QString m_themeId;
    QString m_problem;
    bool m_exitAsked = false;
    bool m_attesting = false; // the identification being checked is a staff member's word
};
