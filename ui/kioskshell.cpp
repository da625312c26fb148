#include "kioskshell.h"

#include "admincode.h"
#include "applicationdesk.h"
#include "cameraframes.h"
#include "catalogueitemmodel.h"
#include "kioskruntime.h"
#include "applicationjourney.h"
#include "codeidentification.h"
#include "instanterrands.h"
#include "itemavailability.h"
#include "outofservice.h"
#include "receiptprinting.h"
#include "residentidentification.h"
#include "servicerating.h"
#include "terminalsupervision.h"
#include "platformclient.h"
#include "servicedesk.h"
#include "themeapplication.h"
#include "thememodel.h"
#include "common/personaldata.h"
#include "uilog.h"

#include <QCoreApplication>

namespace {

QVariantList localizedList(const QList<MaterialSpec> &materials, const QString &language)
{
    QVariantList out;
    for (const MaterialSpec &m : materials)
        out.append(QVariantMap{{QStringLiteral("name"), m.name.in(language)}, {QStringLiteral("required"), m.required}});
    return out;
}

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

// The errand as CodeIdentification names it.
QString errandName(KioskShell::Errand errand)
{
    switch (errand) {
    case KioskShell::Errand::Progress: return QStringLiteral("progress");
    case KioskShell::Errand::Licences: return QStringLiteral("licences");
    case KioskShell::Errand::None: break;
    }
    return {};
}

} // namespace

KioskShell::KioskShell(KioskRuntime *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_services(nullptr)
    , m_form(nullptr)
    , m_language(QStringLiteral("zh"))
    , m_items(new CatalogueItemModel(&runtime->catalogue(), this))
    , m_themeItems(new CatalogueItemModel(&runtime->catalogue(), this))
    , m_themes(new ThemeModel(&runtime->catalogue(), this))
    , m_search(new CatalogueSearchModel(runtime, this))
    , m_simulators(runtime->devices())
{
    if (!m_english.load(QStringLiteral(":/i18n/kiosk_en.qm")))
        qCWarning(lcUi) << "the English translation is missing from this build";
    runtime->session()->addWipeable(this);
    connect(runtime->session(), &SessionMachine::stateChanged, this, &KioskShell::screenChanged);
    connect(runtime->identity(), &ResidentIdentity::changed, this, [this] {
        m_cardProblem = ResidentIdentity::refusalName(m_runtime->identity()->lastRefusal());
        emit identityChanged();
    });
    connect(runtime->identification(), &ResidentIdentification::cardReadFailed, this, [this](const QString &detail) {
        m_cardProblem = detail;
        emit identityChanged();
    });
    connect(runtime->journey(), &ApplicationJourney::submissionFinished, this, [this](const CaseSubmission::Outcome &outcome) {
        m_outcome = outcomeOf(outcome.kind);
        m_caseNumber = outcome.caseNo;
        m_localReference = outcome.localRef;
        m_outcomeDetail = outcome.detail;
        emit outcomeChanged();
        if (outcome.kind == CaseSubmission::Outcome::Kind::Filed || outcome.kind == CaseSubmission::Outcome::Kind::Queued)
            printReceipt();
    });
    connect(runtime->supervision(), &TerminalSupervision::lockedChanged, this, &KioskShell::outOfServiceChanged);
    connect(runtime->outOfService(), &OutOfService::changed, this, &KioskShell::outOfServiceScreenChanged);
    m_services = new ServiceDesk(runtime, this, this);
    m_form = new ApplicationDesk(runtime, this, this);
    connect(runtime->identification(), &ResidentIdentification::verificationFinished, this, [this](bool verified, const QString &problem) {
        if (m_runtime->session()->state() == SessionState::Identify) {
            // The answer about a code shown at identification: who it is, or why not.
            // For a progress query, a code the platform does not know was not the receipt's either.
            m_cardProblem = verified ? QString()
                            : (m_errand == Errand::Progress && problem == QLatin1String("card_invalid"))
                                ? QStringLiteral("code_not_a_receipt")
                                : QStringLiteral("code_") + problem;
            emit identityChanged();
            return;
        }
        if (verified)
            proceedAfterVerification();
    });
    connect(runtime->verification(), &IdentityVerification::started, this, &KioskShell::identityChanged);
    connect(runtime->identification(), &ResidentIdentification::codeScanned, this, &KioskShell::takeScannedCode);
    connect(runtime->delivery(), &DocumentDelivery::finished, this, [this] {
        // An instant item's case is what the receipt and the rating are about.
        if (m_runtime->delivery()->caseNumber().isEmpty() || m_errand != Errand::None)
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
    if (runtime->platform())
        connect(runtime->platform(), &PlatformClient::connectivityChanged, this, &KioskShell::selectionChanged);
    setLanguage(runtime->config().string(QStringLiteral("kiosk/language")));
}

KioskShell::~KioskShell()
{
    m_runtime->session()->removeWipeable(this);
    QCoreApplication::removeTranslator(&m_english);
}

KioskShell *KioskShell::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(jsEngine)
    KioskShell *shell = ProcessSingleton<KioskShell>::forQml();
    shell->m_engine = qmlEngine;
    return shell;
}

FrameProvider *KioskShell::frameProviderOf(const QString &cameraId)
{
    const KioskShell *shell = ProcessSingleton<KioskShell>::instance();
    return shell ? CameraFrames::providerOf(shell->m_runtime->devices(), cameraId) : nullptr;
}

KioskShell::Screen KioskShell::screen() const
{
    switch (m_runtime->session()->state()) {
    case SessionState::Attract: return Screen::Attract;
    case SessionState::ChooseService:
        if (!m_selectedItem.isEmpty())
            return Screen::Guide;
        return m_selectedTheme.isEmpty() ? Screen::Home : Screen::Theme;
    case SessionState::Identify: return Screen::Identify;
    case SessionState::Verify: return Screen::Verify;
    case SessionState::Form: return Screen::Form;
    case SessionState::Materials: return Screen::Materials;
    case SessionState::Review: return Screen::Review;
    case SessionState::Submit: return Screen::Submit;
    case SessionState::Result: {
        if (m_errand != Errand::None)
            return m_errand == Errand::Progress ? Screen::Progress : Screen::Licences;
        const CatalogueItem *item = selectedCatalogueItem();
        return (item && item->kind != ItemKind::Apply) ? Screen::Delivery : Screen::Result;
    }
    case SessionState::Rating: return Screen::Rating;
    case SessionState::Wipe: return Screen::Wipe;
    }
    return Screen::Attract;
}

QString KioskShell::inLanguage(const QString &key) const
{
    // The hall writes its own words in Chinese, and may give them in English too (key_en).
    const KioskConfig &config = m_runtime->config();
    const QString english = config.string(key + QStringLiteral("_en"));
    return (m_language == QLatin1String("en") && !english.isEmpty()) ? english : config.string(key);
}

QString KioskShell::hallName() const
{
    return inLanguage(QStringLiteral("kiosk/hall_name"));
}

QString KioskShell::staffHelp() const
{
    return inLanguage(QStringLiteral("kiosk/staff_help"));
}

QString KioskShell::version() const
{
    return QStringLiteral(KIOSK_VERSION);
}

SessionMachine *KioskShell::session() const
{
    return m_runtime->session();
}

QVariantMap KioskShell::selectedItem() const
{
    const CatalogueItem *item = selectedCatalogueItem();
    if (!item)
        return {};
    return {
        {QStringLiteral("code"), item->code},
        {QStringLiteral("name"), item->name.in(m_language)},
        {QStringLiteral("department"), item->department.in(m_language)},
        {QStringLiteral("kind"), Catalogue::kindName(item->kind)},
        {QStringLiteral("instant"), item->instant},
        {QStringLiteral("offlineOk"), item->offlineOk},
        {QStringLiteral("faceRequired"), item->faceRequired},
        {QStringLiteral("guide"), item->guide.in(m_language)},
        {QStringLiteral("materials"), localizedList(item->materials, m_language)},
    };
}

QVariantMap KioskShell::selectedTheme() const
{
    const CatalogueTheme *theme = m_runtime->catalogue().theme(m_selectedTheme);
    if (!theme)
        return {};
    return {{QStringLiteral("id"), theme->id}, {QStringLiteral("name"), theme->name.in(m_language)}};
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
    return m_simulators.available();
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
    if (m_themeItem)
        return m_runtime->availability()->themeUnavailableReason(m_selectedTheme);
    const CatalogueItem *item = m_runtime->catalogue().item(m_selectedItem);
    return item ? m_runtime->availability()->unavailableReason(*item) : QString();
}

QString KioskShell::selectedThemeUnavailable() const
{
    return m_selectedTheme.isEmpty() ? QString() : m_runtime->availability()->themeUnavailableReason(m_selectedTheme);
}

QVariantList KioskShell::bundledOutcomes() const
{
    QVariantList list;
    for (const auto &[code, outcome] : m_runtime->journey()->themeOutcomes()) {
        const CatalogueItem *item = m_runtime->catalogue().item(code);
        list.append(QVariantMap{{QStringLiteral("item"), item ? item->name.in(m_language) : code},
                                {QStringLiteral("outcome"), QVariant::fromValue(int(outcomeOf(outcome.kind)))},
                                {QStringLiteral("reference"), outcome.caseNo.isEmpty() ? outcome.localRef : outcome.caseNo}});
    }
    return list;
}

bool KioskShell::startTheme()
{
    std::optional<CatalogueItem> merged = ThemeApplication::mergedItem(m_runtime->catalogue(), m_selectedTheme);
    if (!merged || !m_runtime->availability()->themeUnavailableReason(m_selectedTheme).isEmpty())
        return false;
    if (!m_runtime->session()->advance(SessionState::Identify))
        return false;
    m_themeItem = std::move(merged);
    m_selectedItem.clear();
    m_cardProblem.clear();
    emit selectionChanged();
    emit identityChanged();
    emit screenChanged();
    return true;
}

const CatalogueItem *KioskShell::selectedCatalogueItem() const
{
    if (m_themeItem)
        return &*m_themeItem;
    return m_runtime->catalogue().item(m_selectedItem);
}

bool KioskShell::startErrand(Errand errand)
{
    if (errand == Errand::None)
        return false;
    if (!m_runtime->session()->advance(SessionState::Identify))
        return false;
    m_errand = errand;
    m_selectedItem.clear();
    m_cardProblem.clear();
    emit selectionChanged();
    emit identityChanged();
    emit screenChanged();
    return true;
}

bool KioskShell::continueToForm()
{
    if (!m_runtime->identity()->isIdentified())
        return false;
    const CatalogueItem *item = selectedCatalogueItem();
    if (m_errand == Errand::None && !item)
        return false;
    // An application without a face check goes straight on: the card was read by the SAM, and
    // the case is verified by the platform when it arrives (it may be queued offline).
    if (m_themeItem && !m_themeItem->faceRequired)
        return m_runtime->journey()->beginThemeApplication(m_selectedTheme);
    if (item && item->kind == ItemKind::Apply && !item->faceRequired)
        return m_runtime->journey()->beginApplication(m_selectedItem);
    if (!m_runtime->session()->advance(SessionState::Verify))
        return false;
    // A face check waits on the consent screen; an identity shown by code was checked by the
    // platform already; everything else is a card check at once.
    if (item && item->faceRequired)
        return true;
    if (m_runtime->verification()->isVerified()) {
        proceedAfterVerification();
        return true;
    }
    return m_services->checkCard();
}

void KioskShell::proceedAfterVerification()
{
    if (m_runtime->session()->state() != SessionState::Verify)
        return;
    if (m_errand == Errand::Progress) {
        m_services->showProgress();
        return;
    }
    if (m_errand == Errand::Licences) {
        m_services->showLicences();
        return;
    }
    if (m_themeItem) {
        (void)m_runtime->journey()->beginThemeApplication(m_selectedTheme);
        return;
    }
    const CatalogueItem *item = selectedCatalogueItem();
    if (!item)
        return;
    if (item->kind == ItemKind::Apply)
        (void)m_runtime->journey()->beginApplication(item->code);
    else
        (void)m_runtime->errands()->deliverInstantItem(item->code);
}

void KioskShell::takeScannedCode(const QString &text)
{
    // Staff's admin codes are maintenance's (MaintenanceShell); they say nothing of a resident.
    if (AdminCode::isAdminCodePayload(text) || m_runtime->identity()->isIdentified() || codeBeingChecked())
        return;
    // For a progress query a receipt's code answers at once; any other code is taken as the
    // resident's network-identity or app code, which the platform resolves to who they are.
    if (m_errand == Errand::Progress) {
        bool receipt = false;
        m_services->queryReceiptCode(text, &receipt);
        if (receipt) {
            m_cardProblem.clear();
            emit identityChanged();
            return;
        }
    }
    m_cardProblem = codeIdentificationRefusal();
    if (m_cardProblem.isEmpty() && !m_runtime->identification()->identifyByCode(text))
        m_cardProblem = QStringLiteral("code_platform_offline");
    emit identityChanged();
}

QString KioskShell::codeIdentificationRefusal() const
{
    return CodeIdentification::refusal(m_runtime->catalogue(), errandName(m_errand), m_themeItem ? m_selectedTheme : QString(), m_selectedItem);
}

bool KioskShell::codeBeingChecked() const
{
    return m_runtime->session()->state() == SessionState::Identify
           && m_runtime->verification()->state() == IdentityVerification::State::Verifying;
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
    const bool started = m_runtime->receipts()->printReceipt(m_language);
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
    if (!rating->submitForEach(score, tags, ServiceRating::casesRated(m_runtime->journey()->themeOutcomes(), m_caseNumber, m_localReference)))
        return false;
    return m_runtime->session()->end(SessionEnd::Completed);
}

void KioskShell::skipRating()
{
    (void)m_runtime->session()->end(SessionEnd::Completed);
}

bool KioskShell::startSelectedItem()
{
    // A query item the platform does not decide at once is the progress query (办件查询): the
    // kiosk's own errand, by card or by a receipt's code.
    const CatalogueItem *item = selectedCatalogueItem();
    if (item && item->kind == ItemKind::Query && !item->instant)
        return startErrand(Errand::Progress);
    if (m_selectedItem.isEmpty() || !m_runtime->session()->advance(SessionState::Identify))
        return false;
    m_cardProblem.clear();
    emit identityChanged();
    return true;
}

bool KioskShell::setLanguage(const QString &language)
{
    if (language != QLatin1String("zh") && language != QLatin1String("en"))
        return false;
    if (language == m_language)
        return true;
    QCoreApplication::removeTranslator(&m_english);
    if (language == QLatin1String("en"))
        QCoreApplication::installTranslator(&m_english);
    m_language = language;
    m_items->setLanguage(language);
    m_themeItems->setLanguage(language);
    m_themes->setLanguage(language);
    m_search->setLanguage(language);
    if (m_engine)
        m_engine->retranslate();
    qCInfo(lcUi) << "language" << language;
    emit languageChanged();
    emit selectionChanged();
    return true;
}

void KioskShell::toggleLanguage()
{
    setLanguage(m_language == QLatin1String("zh") ? QStringLiteral("en") : QStringLiteral("zh"));
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

bool KioskShell::openItem(const QString &code)
{
    if (!m_runtime->catalogue().item(code))
        return false;
    m_selectedItem = code;
    emit selectionChanged();
    emit screenChanged();
    return true;
}

bool KioskShell::openTheme(const QString &themeId)
{
    if (!m_runtime->catalogue().theme(themeId))
        return false;
    m_selectedItem.clear();
    m_selectedTheme = themeId;
    m_themeItems->setThemeId(themeId);
    emit selectionChanged();
    emit screenChanged();
    return true;
}

void KioskShell::backToHome()
{
    // From identification, back leads to the item's guide; from an item opened inside a theme,
    // to the theme; from the theme, home.
    if (m_runtime->session()->state() != SessionState::ChooseService) {
        m_runtime->identification()->stopFaceCheck();
        (void)m_runtime->session()->advance(SessionState::ChooseService);
        if (m_errand != Errand::None || m_themeItem) {
            m_errand = Errand::None;
            m_themeItem.reset();
            emit selectionChanged();
        }
        emit screenChanged();
        return;
    }
    if (!m_selectedItem.isEmpty())
        m_selectedItem.clear();
    else
        m_selectedTheme.clear();
    emit selectionChanged();
    emit screenChanged();
}

void KioskShell::endSession()
{
    (void)m_runtime->session()->end(SessionEnd::Cancelled);
}

void KioskShell::wipeSessionData()
{
    // The next resident starts afresh: default language, personal services, nothing selected.
    m_selectedItem.clear();
    m_selectedTheme.clear();
    m_errand = Errand::None;
    m_themeItem.reset();
    m_cardProblem.clear();
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
    setLanguage(m_runtime->config().string(QStringLiteral("kiosk/language")));
    emit selectionChanged();
    emit outcomeChanged();
    emit screenChanged();
}
