#pragma once

#include "catalogueitemmodel.h"
#include "hallnotice.h"
#include "cataloguesearchmodel.h"
#include "kiosklanguage.h"
#include "processsingleton.h"
#include "residentchoice.h"
#include "sessionmachine.h"
#include "agentfiling.h"
#include "staffpresence.h"
#include "simulatorcontrols.h"
#include "thememodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

class FrameProvider;
class KioskRuntime;
class ApplicationDesk;
class ServiceDesk;

// What the QML screens see of the kiosk, as the singleton `Kiosk`: which screen to show, the
// language, the catalogue models and the session's countdown. It turns taps into calls on the
// runtime; it holds no rule of its own beyond which screen follows which tap.
class KioskShell : public QObject, public SessionWipeable
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Kiosk)
    QML_SINGLETON
    // QML names the states with their enum (Kiosk.ReceiptState.Printed): the three enums share
    // value names such as None.
    Q_CLASSINFO("RegisterEnumClassesUnscoped", "false")
    Q_PROPERTY(Screen screen READ screen NOTIFY screenChanged)
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    Q_PROPERTY(QString hallName READ hallName NOTIFY languageChanged)
    Q_PROPERTY(QString staffHelp READ staffHelp NOTIFY languageChanged)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(HallNotice *notice READ notice CONSTANT)
    Q_PROPERTY(SessionMachine *session READ session CONSTANT)
    // A staff member signed in beside the resident: the bar every screen shows (StaffBar.qml).
    Q_PROPERTY(StaffPresence *staff READ staff CONSTANT)
    Q_PROPERTY(Farewell farewell READ farewell NOTIFY farewellChanged)
    Q_PROPERTY(bool exitAsked READ exitAsked NOTIFY exitAskedChanged)
    Q_PROPERTY(bool platformAway READ platformAway NOTIFY platformChanged)
    Q_PROPERTY(CatalogueItemModel *items READ items CONSTANT)
    Q_PROPERTY(CatalogueItemModel *themeItems READ themeItems CONSTANT)
    Q_PROPERTY(ThemeModel *themes READ themes CONSTANT)
    Q_PROPERTY(CatalogueSearchModel *search READ search CONSTANT)
    Q_PROPERTY(QVariantMap selectedItem READ selectedItem NOTIFY selectionChanged)
    Q_PROPERTY(QVariantMap selectedTheme READ selectedTheme NOTIFY selectionChanged)
    Q_PROPERTY(ResidentChoice::Errand errand READ errand NOTIFY selectionChanged)
    Q_PROPERTY(QString selectedThemeUnavailable READ selectedThemeUnavailable NOTIFY selectionChanged)
    Q_PROPERTY(bool selectedThemeAvailable READ selectedThemeAvailable NOTIFY selectionChanged)
    Q_PROPERTY(QVariantList bundledOutcomes READ bundledOutcomes NOTIFY outcomeChanged)
    Q_PROPERTY(bool identified READ identified NOTIFY identityChanged)
    Q_PROPERTY(QString maskedName READ maskedName NOTIFY identityChanged)
    Q_PROPERTY(QString maskedIdNumber READ maskedIdNumber NOTIFY identityChanged)
    Q_PROPERTY(QString cardType READ cardType NOTIFY identityChanged)
    Q_PROPERTY(QString cardProblem READ cardProblem NOTIFY identityChanged)
    Q_PROPERTY(bool codeBeingChecked READ codeBeingChecked NOTIFY identityChanged)
    Q_PROPERTY(bool staffAttestationOffered READ staffAttestationOffered NOTIFY identityChanged)
    // Filing for someone else (代办): offered after the resident's own card; `agent` says whom for.
    Q_PROPERTY(bool agentOffered READ agentOffered NOTIFY identityChanged)
    Q_PROPERTY(AgentFiling *agent READ agent CONSTANT)
    Q_PROPERTY(bool codeIdentificationAccepted READ codeIdentificationAccepted NOTIFY selectionChanged)
    Q_PROPERTY(bool faceCheckNeeded READ faceCheckNeeded NOTIFY identityChanged)
    Q_PROPERTY(bool cardReaderUsable READ cardReaderUsable NOTIFY devicesChanged)
    Q_PROPERTY(bool receiptPrinterUsable READ receiptPrinterUsable NOTIFY devicesChanged)
    Q_PROPERTY(QString selectedItemUnavailable READ selectedItemUnavailable NOTIFY selectionChanged)
    Q_PROPERTY(bool selectedItemAvailable READ selectedItemAvailable NOTIFY selectionChanged)
    Q_PROPERTY(Outcome outcome READ outcome NOTIFY outcomeChanged)
    Q_PROPERTY(QString caseNumber READ caseNumber NOTIFY outcomeChanged)
    Q_PROPERTY(QString localReference READ localReference NOTIFY outcomeChanged)
    Q_PROPERTY(QString outcomeDetail READ outcomeDetail NOTIFY outcomeChanged)
    Q_PROPERTY(ReceiptState receiptState READ receiptState NOTIFY receiptChanged)
    Q_PROPERTY(QString receiptProblem READ receiptProblem NOTIFY receiptChanged)
    Q_PROPERTY(bool outOfService READ outOfService NOTIFY outOfServiceChanged)
    Q_PROPERTY(bool outOfServiceScreen READ outOfServiceScreen NOTIFY outOfServiceScreenChanged)
    Q_PROPERTY(QVariantList ratingScores READ ratingScores CONSTANT)
    Q_PROPERTY(QStringList ratingTags READ ratingTags CONSTANT)
    Q_PROPERTY(bool elderMode READ elderMode NOTIFY elderModeChanged)
    Q_PROPERTY(bool demoControls READ demoControls CONSTANT)
    Q_PROPERTY(QStringList demoCards READ demoCards CONSTANT)
    Q_PROPERTY(QStringList demoFaults READ demoFaults CONSTANT)

public:
    // The screen QML shows: the session's state, told apart further where one state has several
    // screens (choosing: Home, Guide, Theme; the result of an instant item or an errand).
    // Tickets: the counter groups (取号); Appointments: check-in by card or code (预约签到); Ticket:
    // the ticket either gave; Complaint: 办不成事 / 投诉建议, from home or a refused case's result.
    // PostChoice and PostAddress: 窗口领取 / 免费邮寄 and the postal address, before the review.
    enum class Screen { Attract, Home, Guide, Theme, Identify, Verify, Form, Materials, Review, Submit, Result, Rating, Wipe, Delivery, Progress, Licences,
                        Tickets, Appointments, Ticket, Complaint, Payment, PostChoice, PostAddress };
    Q_ENUM(Screen)
    // What the attract screen's pills offer: the certificates to print (证明打印), the
    // applications (业务申请), the progress errand (办件查询) and the licences errand (电子证照).
    enum class Offer { Print, Apply, Progress, Licences };
    Q_ENUM(Offer)
    // What became of a submission once it has finished (CaseSubmission::Outcome::Kind); None before.
    enum class Outcome { None, Filed, Queued, Refused, NotStored };
    Q_ENUM(Outcome)
    // None: nothing to print; Failed comes with receiptProblem.
    enum class ReceiptState { None, Printing, Printed, Failed };
    Q_ENUM(ReceiptState)
    // After a session that read a card, over the attract screen (SessionFarewell::Step).
    enum class Farewell { None, TakeCard, ThankYou };
    Q_ENUM(Farewell)

    explicit KioskShell(KioskRuntime *runtime, QObject *parent = nullptr);
    ~KioskShell() override;

    // QML asks for the singleton here; the process creates the one shell before loading QML.
    static KioskShell *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    // The live frames of a camera of the shell's runtime ("face_camera"), for CameraPreview.
    [[nodiscard]] static FrameProvider *frameProviderOf(const QString &cameraId);

    [[nodiscard]] Screen screen() const;
    [[nodiscard]] QString language() const { return m_language.current(); }
    [[nodiscard]] QString hallName() const;
    [[nodiscard]] QString staffHelp() const;
    [[nodiscard]] QString version() const;
    // The platform's hall notice for the attract screen.
    [[nodiscard]] HallNotice *notice() const;
    [[nodiscard]] SessionMachine *session() const;
    [[nodiscard]] StaffPresence *staff() const;
    [[nodiscard]] AgentFiling *agent() const;
    [[nodiscard]] Farewell farewell() const;
    // 退出 was pressed with work of the resident's in the application: the screen asks first.
    [[nodiscard]] bool exitAsked() const { return m_choice->exitAsked(); }
    // The platform is known to be away (PlatformClient's connectivity): the home screen says so.
    [[nodiscard]] bool platformAway() const;
    [[nodiscard]] CatalogueItemModel *items() const { return m_items; }
    [[nodiscard]] CatalogueItemModel *themeItems() const { return m_themeItems; }
    [[nodiscard]] ThemeModel *themes() const { return m_themes; }
    [[nodiscard]] CatalogueSearchModel *search() const { return m_search; }
    // The form, materials and document camera (the QML singleton Form).
    [[nodiscard]] ApplicationDesk *applicationDesk() const { return m_form; }
    // Identity checks, errands answered at once, progress and licences (the QML singleton Services).
    [[nodiscard]] ServiceDesk *serviceDesk() const { return m_services; }
    [[nodiscard]] QVariantMap selectedItem() const;
    [[nodiscard]] QVariantMap selectedTheme() const;
    [[nodiscard]] ResidentChoice::Errand errand() const { return m_choice->errand(); }
    // Why the selected theme cannot be done as one journey here now, or empty.
    [[nodiscard]] QString selectedThemeUnavailable() const;
    [[nodiscard]] bool selectedThemeAvailable() const { return selectedThemeUnavailable().isEmpty(); }
    // After a theme's submission: each item's name, outcome and reference.
    [[nodiscard]] QVariantList bundledOutcomes() const;
    [[nodiscard]] bool identified() const;
    [[nodiscard]] QString maskedName() const;
    [[nodiscard]] QString maskedIdNumber() const;
    [[nodiscard]] QString cardType() const;
    // Why the last card or code was not taken: card_expired, card_not_yet_valid, card_unreadable,
    // read_failed (moved too soon); for a code code_not_a_receipt, code_not_for_item,
    // code_platform_offline, or code_ and the platform's reason (code_qr_expired, …); for a typed
    // case number case_number_not_found; empty when there is nothing to say.
    [[nodiscard]] QString cardProblem() const { return m_choice->problem(); }
    // A network-identity or app code shown at identification is with the platform.
    [[nodiscard]] bool codeBeingChecked() const { return m_choice->codeBeingChecked(); }
    // What the resident chose can be done by showing their network-identity or app code.
    [[nodiscard]] bool codeIdentificationAccepted() const;
    // The resident is asked to agree to a face check (ResidentChoice::faceCheckNeeded()).
    [[nodiscard]] bool faceCheckNeeded() const { return m_choice->faceCheckNeeded(); }
    [[nodiscard]] bool cardReaderUsable() const;
    [[nodiscard]] bool receiptPrinterUsable() const;
    // Why the selected item cannot be started here now ("platform_offline", …), or empty.
    [[nodiscard]] QString selectedItemUnavailable() const;
    [[nodiscard]] bool selectedItemAvailable() const { return selectedItemUnavailable().isEmpty(); }
    [[nodiscard]] Outcome outcome() const { return m_outcome; }
    [[nodiscard]] QString caseNumber() const { return m_caseNumber; }
    [[nodiscard]] QString localReference() const { return m_localReference; }
    [[nodiscard]] QString outcomeDetail() const { return m_outcomeDetail; }
    [[nodiscard]] ReceiptState receiptState() const { return m_receiptState; }
    [[nodiscard]] QString receiptProblem() const { return m_receiptProblem; }
    // The platform locked the terminal: no new session starts.
    [[nodiscard]] bool outOfService() const;
    // The out-of-service screen takes the attract screen's place (OutOfService::screenShown()).
    [[nodiscard]] bool outOfServiceScreen() const;
    // The rating's levels, best first, and the tags a low one chooses from (ServiceRating).
    [[nodiscard]] QVariantList ratingScores() const;
    [[nodiscard]] QStringList ratingTags() const;
    Q_INVOKABLE bool ratingNeedsTags(int score) const;
    // 长辈模式: larger type and targets, fewer choices a screen; the next resident starts without.
    [[nodiscard]] bool elderMode() const { return m_elderMode; }
    // The demo panel is offered only in demo mode, when the card reader is the in-process simulator.
    [[nodiscard]] bool demoControls() const;
    [[nodiscard]] QStringList demoCards() const;
    [[nodiscard]] QStringList demoFaults() const;

    // "zh" or "en"; any other value is refused. The screen re-renders in place.
    Q_INVOKABLE bool setLanguage(const QString &language);
    Q_INVOKABLE void toggleLanguage();
    Q_INVOKABLE void toggleElderMode();
    Q_INVOKABLE void start();
    Q_INVOKABLE void showAudience(const QString &audience);
    // A session started from one of the attract screen's offers: home showing only that kind of
    // item, or the errand itself (identification next).
    Q_INVOKABLE bool startWithOffer(KioskShell::Offer offer);
    // Home shows every kind of item again after an offer narrowed it.
    Q_INVOKABLE void showAllKinds();
    Q_INVOKABLE bool openItem(const QString &code) { return m_choice->openItem(code); }
    Q_INVOKABLE bool openTheme(const QString &themeId);
    Q_INVOKABLE void backToHome();
    // The resident chose to go ahead with the selected item: the kiosk asks who they are.
    Q_INVOKABLE bool startSelectedItem();
    // The resident chose one of the kiosk's own errands: identification next.
    Q_INVOKABLE bool startErrand(ResidentChoice::Errand errand) { return m_choice->startErrand(errand); }
    // 预约签到 by card: identification next, then the resident's appointments today.
    Q_INVOKABLE bool identifyForAppointments() { return m_choice->identifyForAppointments(); }
    // The resident chose to do the whole selected theme (一件事一次办): identification next, then
    // one merged form for all its items.
    Q_INVOKABLE bool startTheme() { return m_choice->startTheme(); }
    // After identification: what the errand needs next. An application whose item needs no face
    // goes to the form, prefilled from the card; a face check asks for consent first; documents,
    // queries and records are checked with the platform and then shown.
    Q_INVOKABLE bool continueToForm();
    // The progress errand's case number typed from a receipt (ResidentChoice::queryTypedCaseNumber).
    Q_INVOKABLE bool queryCaseNumber(const QString &typed);
    // A staff member vouches for the resident (AttestationPanel.qml): ResidentChoice::identifyByStaff.
    Q_INVOKABLE bool identifyByStaff(const QString &name, const QString &idNumber, const QString &evidence)
    {
        return m_choice->identifyByStaff(name, idNumber, evidence);
    }
    // What is wrong with a typed number of a card of `cardType` ("wrong_length", …), or empty
    // (TypedIdNumber).
    Q_INVOKABLE QString typedIdNumberProblem(const QString &typed, const QString &cardType = QStringLiteral("resident")) const;
    [[nodiscard]] bool staffAttestationOffered() const { return m_choice->staffAttestationOffered(); }
    // The identified resident files for someone else (ResidentChoice::actForSomeoneElse).
    Q_INVOKABLE bool actForSomeoneElse(const QString &name, const QString &cardType, const QString &idNumber, const QString &relation)
    {
        return m_choice->actForSomeoneElse(name, cardType, idNumber, relation);
    }
    [[nodiscard]] bool agentOffered() const { return m_choice->agentOffered(); }
    Q_INVOKABLE bool submitApplication();
    Q_INVOKABLE bool continueToRating();
    Q_INVOKABLE bool printReceipt();
    // Queues the rating and ends the session; `score` 1..5, tags required for 1 and 2.
    Q_INVOKABLE bool rate(int score, const QStringList &tags);
    Q_INVOKABLE void skipRating();
    // Runs one simulator control command ("card present resident", "fault sam_failure",
    // "scan PAYLOAD", "camera stall document_camera", "camera resume document_camera").
    Q_INVOKABLE QString simulate(const QString &command);
    Q_INVOKABLE void endSession();
    // 退出 on a screen: ends the session, or asks first when that would lose what was entered
    // (ResidentChoice::requestExit()); keepApplication() answers 继续办理.
    Q_INVOKABLE void requestExit() { (void)m_choice->requestExit(); }
    Q_INVOKABLE void keepApplication() { m_choice->keepApplication(); }

    void wipeSessionData() override;

signals:
    void screenChanged();
    void languageChanged();
    void selectionChanged();
    void identityChanged();
    void devicesChanged();
    void outcomeChanged();
    void receiptChanged();
    void outOfServiceChanged();
    void outOfServiceScreenChanged();
    void elderModeChanged();
    void farewellChanged();
    void exitAskedChanged();
    void platformChanged();

private:
    KioskRuntime *m_runtime;
    ServiceDesk *m_services;
    ApplicationDesk *m_form;
    ResidentChoice *m_choice;
    KioskLanguage m_language;
    Outcome m_outcome = Outcome::None;
    QString m_caseNumber;
    QString m_localReference;
    QString m_outcomeDetail;
    bool m_elderMode = false;
    ReceiptState m_receiptState = ReceiptState::None;
    QString m_receiptProblem;
    CatalogueItemModel *m_items;
    CatalogueItemModel *m_themeItems;
    ThemeModel *m_themes;
    CatalogueSearchModel *m_search;
    SimulatorControls m_simulators;
    ProcessSingleton<KioskShell> m_singleton{this};
};
