#include "kioskshell.h"

#include "applicationdesk.h"
#include "applicationjourney.h"
#include "cameraframes.h"
#include "capturedpageimages.h"
#include "halldesk.h"
#include "paymentdesk.h"
#include "complaintdesk.h"
#include "postaldelivery.h"
#include "postaldesk.h"
#include "catalogueitemmodel.h"
#include "itemavailability.h"
#include "agentfiling.h"
#include "kioskruntime.h"
#include "typedidnumber.h"
#include "outofservice.h"
#include "platformclient.h"
#include "queueticketing.h"
#include "receiptprinting.h"
#include "residentchoice.h"
#include "residentidentification.h"
#include "selectionvalues.h"
#include "servicedesk.h"
#include "servicerating.h"
#include "sessionfarewell.h"
#include "remotecare.h"
#include "terminalsupervision.h"
#include "thememodel.h"
#include "uilog.h"
#include "videohelp.h"

namespace {

KioskShell::Outcome outcomeOf(CaseSubmission::Outcome::Kind kind)
{
    switch (kind) {
    case CaseSubmission::Outcome::Kind::Filed: return KioskShell::Outcome::Filed;
    case CaseSubmission::Outcome::Kind::Queued: return KioskShell::Outcome::Queued;
    case CaseSubmission::Outcome::Kind::Refused: return KioskShell::Outcome::Refused;
    case CaseSubmission::Outcome::Kind::NotStored: return KioskShell::Outcome::NotStored;
    }
    return KioskShell::Outcome::None;
}

} // namespace

KioskShell::KioskShell(KioskRuntime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_services(nullptr)
    , m_form(nullptr)
    , m_choice(nullptr)
    , m_language(runtime->config())
    , m_items(new CatalogueItemModel(&runtime->catalogue(), this))
    , m_themeItems(new CatalogueItemModel(&runtime->catalogue(), this))
    , m_themes(new ThemeModel(&runtime->catalogue(), this))
    , m_search(new CatalogueSearchModel(runtime, this))
    , m_simulators(runtime->devices())
{
    runtime->session()->addWipeable(this);
    connect(runtime->session(), &SessionMachine::stateChanged, this, &KioskShell::screenChanged);
    connect(runtime->journey(), &ApplicationJourney::submissionFinished, this, [this](const CaseSubmission::Outcome &outcome) {
        m_outcome = outcomeOf(outcome.kind);
        m_caseNumber = outcome.caseNo;
        m_localReference = outcome.localRef;
        m_outcomeDetail = outcome.detail;
        emit outcomeChanged();
        if (outcome.kind == CaseSubmission::Outcome::Kind::Filed || outcome.kind == CaseSubmission::Outcome::Kind::Queued)
            printReceipt();
    });
    connect(runtime->farewell(), &SessionFarewell::stepChanged, this, &KioskShell::farewellChanged);
    connect(runtime->supervision(), &TerminalSupervision::lockedChanged, this, &KioskShell::outOfServiceChanged);
    connect(runtime->outOfService(), &OutOfService::changed, this, &KioskShell::outOfServiceScreenChanged);
    m_services = new ServiceDesk(runtime, this, this);
    new HallDesk(runtime, this, this);
    new PaymentDesk(runtime, this, this);
    m_form = new ApplicationDesk(runtime, this, this);
    // After the desks: the verify screen hears of a verification before the journey goes on.
    m_choice = new ResidentChoice(runtime, this);
    new ComplaintDesk(runtime, this, m_choice, this);
    new PostalDesk(runtime, this);
    connect(runtime->postal(), &PostalDelivery::changed, this, &KioskShell::screenChanged);
    connect(m_choice, &ResidentChoice::selectionChanged, this, [this] {
        emit selectionChanged();
        emit screenChanged();
    });
    // The choice hears of every change of identity and says why a card or code was not taken:
    // the screens hear of both at once.
    connect(m_choice, &ResidentChoice::problemChanged, this, &KioskShell::identityChanged);
    connect(m_choice, &ResidentChoice::exitAskedChanged, this, &KioskShell::exitAskedChanged);
    connect(m_choice, &ResidentChoice::recordsRequested, m_services, &ServiceDesk::recordsRequested);
    // A ticket given turns the appointments screen into the ticket's.
    connect(runtime->queueTicketing(), &QueueTicketing::changed, this, &KioskShell::screenChanged);
    connect(runtime->verification(), &IdentityVerification::started, this, &KioskShell::identityChanged);
    // Staff signing in or out changes what the identification screen offers.
    connect(runtime->staff(), &StaffPresence::presenceChanged, this, &KioskShell::identityChanged);
    connect(runtime->delivery(), &DocumentDelivery::finished, this, [this] {
        // An instant item's case is what the receipt and the rating are about; an application's
        // (one with a fee) is told by the journey.
        const CatalogueItem *item = m_choice->item();
        if (m_runtime->delivery()->caseNumber().isEmpty() || m_choice->errand() != ResidentChoice::Errand::None
            || (item && item->kind == ItemKind::Apply))
            return;
        m_caseNumber = m_runtime->delivery()->caseNumber();
        emit outcomeChanged();
        printReceipt();
    });
    connect(runtime->supervision(), &TerminalSupervision::catalogueChanged, this, [this] {
        m_items->reload();
        m_themeItems->reload();
        m_themes->reload();
        emit selectionChanged();
    });
    connect(runtime->receipts(), &ReceiptPrinting::receiptPrinted, this, [this](bool printed, const QString &detail) {
        m_receiptState = printed ? ReceiptState::Printed : ReceiptState::Failed;
        m_receiptProblem = printed ? QString() : detail;
        emit receiptChanged();
    });
    connect(runtime, &KioskRuntime::deviceHealthChanged, this, &KioskShell::devicesChanged);
    // Whether the chosen service can be started follows the platform and the devices: a guide
    // open when either changes offers or withholds "start" at once.
    connect(this, &KioskShell::devicesChanged, this, &KioskShell::selectionChanged);
    if (runtime->platform()) {
        connect(runtime->platform(), &PlatformClient::connectivityChanged, this, &KioskShell::selectionChanged);
        connect(runtime->platform(), &PlatformClient::connectivityChanged, this, &KioskShell::platformChanged);
    }
    setLanguage(runtime->config().string(QStringLiteral("kiosk/language")));
}

KioskShell::~KioskShell()
{
    m_runtime->session()->removeWipeable(this);
}

KioskShell *KioskShell::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(jsEngine)
    KioskShell *shell = ProcessSingleton<KioskShell>::forQml();
    shell->m_language.setEngine(qmlEngine);
    // The engine owns the provider; the draft it reads outlives the engine with the runtime.
    qmlEngine->addImageProvider(QStringLiteral("pages"), new CapturedPageImages(shell->m_runtime->draft()));
    return shell;
}

FrameProvider *KioskShell::frameProviderOf(const QString &cameraId)
{
    if (cameraId == QLatin1String("assist_agent"))
        return VideoHelp::agentVideo(); // the agent of a video help call, not a device
    const KioskShell *shell = ProcessSingleton<KioskShell>::instance();
    return shell ? CameraFrames::providerOf(shell->m_runtime->devices(), cameraId) : nullptr;
}

KioskShell::Farewell KioskShell::farewell() const
{
    switch (m_runtime->farewell()->step()) {
    case SessionFarewell::Step::None: return Farewell::None;
    case SessionFarewell::Step::TakeCard: return Farewell::TakeCard;
    case SessionFarewell::Step::ThankYou: return Farewell::ThankYou;
    }
    return Farewell::None;
}

KioskShell::Screen KioskShell::screen() const
{
    switch (m_runtime->session()->state()) {
    case SessionState::Attract: return Screen::Attract;
    case SessionState::ChooseService:
        if (m_choice->errand() == ResidentChoice::Errand::Complaint)
            return Screen::Complaint;
        if (m_choice->errand() == ResidentChoice::Errand::Tickets || m_choice->errand() == ResidentChoice::Errand::Appointments)
            return m_choice->errand() == ResidentChoice::Errand::Tickets ? Screen::Tickets : Screen::Appointments;
        if (!m_choice->itemCode().isEmpty())
            return Screen::Guide;
        return m_choice->themeId().isEmpty() ? Screen::Home : Screen::Theme;
    case SessionState::Identify: return Screen::Identify;
    case SessionState::Verify: return Screen::Verify;
    case SessionState::Form: return Screen::Form;
    case SessionState::Materials: return Screen::Materials;
    case SessionState::Review:
        switch (m_runtime->postal()->stage()) {
        case PostalDelivery::Stage::Choosing: return Screen::PostChoice;
        case PostalDelivery::Stage::Address: return Screen::PostAddress;
        case PostalDelivery::Stage::Closed: break;
        }
        return Screen::Review;
    case SessionState::Submit: return Screen::Submit;
    case SessionState::Result: {
        if (m_choice->errand() == ResidentChoice::Errand::Complaint)
            return Screen::Complaint;
        if (m_choice->errand() == ResidentChoice::Errand::Tickets || m_choice->errand() == ResidentChoice::Errand::Appointments)
            return m_runtime->queueTicketing()->stage() == QueueTicketing::Stage::Issued ? Screen::Ticket : Screen::Appointments;
        if (m_choice->errand() != ResidentChoice::Errand::None)
            return m_choice->errand() == ResidentChoice::Errand::Progress ? Screen::Progress : Screen::Licences;
        const CatalogueItem *item = m_choice->item();
        if (item && item->kind != ItemKind::Apply)
            return m_runtime->delivery()->stage() == DocumentDelivery::Stage::Paying ? Screen::Payment : Screen::Delivery;
        // An application with a fee is paid (and its fiscal receipt printed) before its result;
        // what failed once its case was filed is told as for an instant item's.
        const DocumentDelivery *delivery = m_runtime->delivery();
        if (item && item->fee && delivery->itemCode() == item->code) {
            if (delivery->isBusy())
                return Screen::Payment;
            if (delivery->stage() == DocumentDelivery::Stage::Failed && !delivery->caseNumber().isEmpty())
                return Screen::Delivery;
        }
        return Screen::Result;
    }
    case SessionState::Rating: return Screen::Rating;
    case SessionState::Wipe: return Screen::Wipe;
    }
    return Screen::Attract;
}

QString KioskShell::hallName() const
{
    return m_language.hallText(QStringLiteral("kiosk/hall_name"));
}

QString KioskShell::staffHelp() const
{
    return m_language.hallText(QStringLiteral("kiosk/staff_help"));
}

QString KioskShell::version() const
{
    return QStringLiteral(KIOSK_VERSION);
}

HallNotice *KioskShell::notice() const
{
    return m_runtime->supervision()->remoteCare()->notice();
}

SessionMachine *KioskShell::session() const
{
    return m_runtime->session();
}

StaffPresence *KioskShell::staff() const
{
    return m_runtime->staff();
}

AgentFiling *KioskShell::agent() const
{
    return m_runtime->agent();
}

QVariantMap KioskShell::selectedItem() const
{
    const CatalogueItem *item = m_choice->item();
    return item ? SelectionValues::item(*item, language()) : QVariantMap();
}

QVariantMap KioskShell::selectedTheme() const
{
    const CatalogueTheme *theme = m_runtime->catalogue().theme(m_choice->themeId());
    return theme ? SelectionValues::theme(*theme, language()) : QVariantMap();
}

bool KioskShell::codeIdentificationAccepted() const
{
    return m_choice->codeRefusal().isEmpty();
}

bool KioskShell::identified() const
{
    return m_runtime->identity()->isIdentified();
}

QString KioskShell::maskedName() const
{
    return m_runtime->identity()->maskedName();
}

QString KioskShell::maskedIdNumber() const
{
    return m_runtime->identity()->maskedIdNumber();
}

QString KioskShell::cardType() const
{
    // A resident a staff member vouched for showed neither card nor code: the screen says whose
    // word it is.
    if (m_runtime->identity()->isIdentified() && m_runtime->verification()->verifiedBy() == QLatin1String("staff_attested"))
        return QStringLiteral("staff_attested");
    return m_runtime->identity()->cardType();
}

bool KioskShell::cardReaderUsable() const
{
    return m_runtime->identification()->cardReaderUsable();
}

bool KioskShell::receiptPrinterUsable() const
{
    return m_runtime->receipts()->receiptPrinterUsable();
}

bool KioskShell::demoControls() const
{
    return m_simulators.available() && m_runtime->config().mode() == KioskMode::Demo;
}

QStringList KioskShell::demoCards() const
{
    return m_simulators.cards();
}

QStringList KioskShell::demoFaults() const
{
    return m_simulators.faults();
}

QString KioskShell::simulate(const QString &command)
{
    return m_simulators.execute(command);
}

QString KioskShell::selectedItemUnavailable() const
{
    if (m_choice->doingTheme())
        return m_runtime->availability()->themeUnavailableReason(m_choice->themeId());
    const CatalogueItem *item = m_runtime->catalogue().item(m_choice->itemCode());
    return item ? m_runtime->availability()->unavailableReason(*item) : QString();
}

QString KioskShell::selectedThemeUnavailable() const
{
    const QString theme = m_choice->themeId();
    return theme.isEmpty() ? QString() : m_runtime->availability()->themeUnavailableReason(theme);
}

QVariantList KioskShell::bundledOutcomes() const
{
    QVariantList list;
    for (const auto &[code, outcome] : m_runtime->journey()->themeOutcomes()) {
        const CatalogueItem *item = m_runtime->catalogue().item(code);
        list.append(QVariantMap{{QStringLiteral("item"), item ? item->name.in(language()) : code},
                                {QStringLiteral("outcome"), QVariant::fromValue(int(outcomeOf(outcome.kind)))},
                                {QStringLiteral("reference"), outcome.caseNo.isEmpty() ? outcome.localRef : outcome.caseNo}});
    }
    return list;
}

bool KioskShell::continueToForm()
{
    switch (m_choice->continueAfterIdentification()) {
    case ResidentChoice::Step::Refused: return false;
    case ResidentChoice::Step::Started: return true;
    case ResidentChoice::Step::CardCheck: return m_services->checkCard();
    }
    return false;
}

QString KioskShell::typedIdNumberProblem(const QString &typed, const QString &cardType) const
{
    const IdCardHolder::CardType type = IdCardHolder::typeFromName(cardType).value_or(IdCardHolder::CardType::Resident);
    return TypedIdNumber::problemName(TypedIdNumber::check(type, typed));
}

bool KioskShell::queryCaseNumber(const QString &typed)
{
    return m_choice->queryTypedCaseNumber(typed);
}

bool KioskShell::submitApplication()
{
    m_outcome = Outcome::None;
    m_caseNumber.clear();
    m_localReference.clear();
    m_outcomeDetail.clear();
    emit outcomeChanged();
    return m_runtime->journey()->submitApplication();
}

bool KioskShell::outOfService() const
{
    return m_runtime->outOfService()->isLocked();
}

bool KioskShell::outOfServiceScreen() const
{
    return m_runtime->outOfService()->screenShown();
}

QVariantList KioskShell::ratingScores() const
{
    QVariantList scores;
    for (const int score : ServiceRating::scores())
        scores.append(score);
    return scores;
}

QStringList KioskShell::ratingTags() const
{
    return ServiceRating::problemTags();
}

bool KioskShell::ratingNeedsTags(int score) const
{
    return ServiceRating::needsTags(score);
}

bool KioskShell::printReceipt()
{
    const bool started = m_runtime->receipts()->printReceipt(language());
    m_receiptState = started ? ReceiptState::Printing : ReceiptState::Failed;
    m_receiptProblem = started ? QString() : QStringLiteral("printer_unavailable");
    emit receiptChanged();
    return started;
}

bool KioskShell::continueToRating()
{
    return m_runtime->session()->advance(SessionState::Rating);
}

bool KioskShell::rate(int score, const QStringList &tags)
{
    // A theme's rating is about each of its cases.
    ServiceRating *rating = m_runtime->rating();
    // A ticket or a printed licence files no case: the rating names it (contract 1.1, service_ref).
    QString serviceRef = m_runtime->queueTicketing()->serviceRef();
    if (serviceRef.isEmpty() && m_choice->errand() == ResidentChoice::Errand::Licences)
        serviceRef = m_runtime->delivery()->serviceRef();
    const QList<ServiceRating::RatedCase> rated = serviceRef.isEmpty()
        ? ServiceRating::casesRated(m_runtime->journey()->themeOutcomes(), m_caseNumber, m_localReference)
        : QList<ServiceRating::RatedCase>{{{}, {}, serviceRef}};
    if (!rating->submitForEach(score, tags, rated))
        return false;
    return m_runtime->session()->end(SessionEnd::Completed);
}

void KioskShell::skipRating()
{
    (void)m_runtime->session()->end(SessionEnd::Completed);
}

bool KioskShell::startSelectedItem()
{
    return m_choice->startSelectedItem();
}

bool KioskShell::setLanguage(const QString &language)
{
    const bool changed = language != m_language.current();
    if (!m_language.set(language))
        return false;
    if (!changed)
        return true;
    m_items->setLanguage(language);
    m_themeItems->setLanguage(language);
    m_themes->setLanguage(language);
    m_search->setLanguage(language);
    emit languageChanged();
    emit selectionChanged();
    return true;
}

void KioskShell::toggleLanguage()
{
    setLanguage(language() == QLatin1String("zh") ? QStringLiteral("en") : QStringLiteral("zh"));
}

void KioskShell::toggleElderMode()
{
    m_elderMode = !m_elderMode;
    qCInfo(lcUi) << "elder mode" << m_elderMode;
    emit elderModeChanged();
}

void KioskShell::start()
{
    if (m_runtime->session()->state() == SessionState::Attract && !m_runtime->outOfService()->refusesNewSession())
        (void)m_runtime->session()->advance(SessionState::ChooseService);
}

void KioskShell::showAudience(const QString &audience)
{
    m_items->setAudience(audience);
}

bool KioskShell::startWithOffer(Offer offer)
{
    start();
    if (m_runtime->session()->state() != SessionState::ChooseService)
        return false;
    switch (offer) {
    case Offer::Print:
        m_items->setKind(Catalogue::kindName(ItemKind::Print));
        return true;
    case Offer::Apply:
        m_items->setKind(Catalogue::kindName(ItemKind::Apply));
        return true;
    case Offer::Progress: return startErrand(ResidentChoice::Errand::Progress);
    case Offer::Licences: return startErrand(ResidentChoice::Errand::Licences);
    }
    return false;
}

void KioskShell::showAllKinds()
{
    m_items->setKind(QString());
}

bool KioskShell::openTheme(const QString &themeId)
{
    if (!m_choice->openTheme(themeId))
        return false;
    m_themeItems->setThemeId(themeId);
    return true;
}

void KioskShell::backToHome()
{
    // From identification, back leads to the item's guide; from an item opened inside a theme,
    // to the theme; from the theme, home.
    m_choice->back();
    emit screenChanged();
}

void KioskShell::endSession()
{
    (void)m_runtime->session()->end(SessionEnd::Cancelled);
}

bool KioskShell::platformAway() const
{
    return m_runtime->platform() && m_runtime->platform()->connectivity() == PlatformClient::Connectivity::Offline;
}

void KioskShell::wipeSessionData()
{
    // The next resident starts afresh: default language, personal services, nothing selected
    // (ResidentChoice forgets the choice).
    m_outcome = Outcome::None;
    m_caseNumber.clear();
    m_localReference.clear();
    m_outcomeDetail.clear();
    m_receiptState = ReceiptState::None;
    m_receiptProblem.clear();
    emit receiptChanged();
    if (m_elderMode) {
        m_elderMode = false;
        emit elderModeChanged();
    }
    m_themeItems->setThemeId(QString());
    m_items->setAudience(QStringLiteral("person"));
    m_items->setKind(QString());
    setLanguage(m_runtime->config().string(QStringLiteral("kiosk/language")));
    emit selectionChanged();
    emit outcomeChanged();
    emit screenChanged();
}
