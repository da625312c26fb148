#include "voiceprompts.h"

#include "applicationdesk.h"
#include "audiochannel.h"
#include "kioskconfig.h"
#include "kioskshell.h"
#include "servicedesk.h"
#include "sessionmachine.h"
#include "staffpresence.h"
#include "videohelp.h"
#include "uilog.h"

#include <QAudioDevice>
#include <QHash>
#include <QMediaDevices>
#include <QMetaEnum>

#include <chrono>

namespace {

const QString kCardProblemPrefix = QStringLiteral("card_");
const QString kFacePromptPrefix = QStringLiteral("face_");
// How long the camera's advice must hold before it is spoken, and how soon the same advice is
// said again to a resident who has not yet followed it.
constexpr std::chrono::milliseconds kFaceGuidanceSettle{900};
constexpr std::chrono::seconds kFaceAdviceRepeat{8};

// The shell's states are spoken by name: the enum value in lower case, words joined with an
// underscore (Outcome::NotStored: "not_stored"); None is nothing to say.
template <typename E>
QString promptName(E value)
{
    QString name;
    for (const char c : QByteArray(QMetaEnum::fromType<E>().valueToKey(int(value)))) {
        if (QChar::isUpper(c) && !name.isEmpty())
            name += QLatin1Char('_');
        name += QChar::fromLatin1(c).toLower();
    }
    return name == QLatin1String("none") ? QString() : name;
}

} // namespace

VoicePrompts::VoicePrompts(KioskShell *shell, const KioskConfig &config, QObject *parent)
    : QObject(parent)
    , m_shell(shell)
    , m_volume(static_cast<double>(config.integer(QStringLiteral("kiosk/voice_volume"))) / 100.0)
{
    if (!config.boolean(QStringLiteral("kiosk/voice"))) {
        qCInfo(lcUi) << "voice prompts are switched off";
        return;
    }
    // A kiosk without a sound card must work as well as one with: it stays silent and says why once.
    // Through the kiosk's one audio channel where there is one, so that a prompt and reading
    // mode's speech never sound at once (AudioChannel); else on a player of its own.
    if (AudioChannel *channel = AudioChannel::instance()) {
        m_player = channel->speaker();
        if (!m_player) {
            qCWarning(lcUi) << "no audio output: voice prompts stay silent";
            return;
        }
        qCInfo(lcUi) << "voice prompts on the kiosk's audio channel at volume" << m_volume;
        connectToShell();
        return;
    }
    const QAudioDevice output = QMediaDevices::defaultAudioOutput();
    if (output.isNull()) {
        qCWarning(lcUi) << "no audio output: voice prompts stay silent";
        return;
    }
    qCInfo(lcUi) << "voice prompts on" << output.description() << "at volume" << m_volume;
    m_player = AudioChannel::playerFor(output);
    connectToShell();
}

VoicePrompts::VoicePrompts(KioskShell *shell, std::unique_ptr<Player> player, double volume, QObject *parent)
    : QObject(parent)
    , m_shell(shell)
    , m_player(std::move(player))
    , m_volume(volume)
{
    if (m_player)
        connectToShell();
}

VoicePrompts::~VoicePrompts()
{
    if (m_player)
        m_player->stop();
}

QString VoicePrompts::promptForScreen(const QString &screen)
{
    static const QStringList spoken = {
        QStringLiteral("home"),   QStringLiteral("guide"),  QStringLiteral("theme"),     QStringLiteral("identify"),
        QStringLiteral("verify"), QStringLiteral("form"),   QStringLiteral("materials"), QStringLiteral("review"),
        QStringLiteral("submit"), QStringLiteral("result"), QStringLiteral("rating"),
        QStringLiteral("tickets"), QStringLiteral("appointments"), QStringLiteral("ticket"),
        QStringLiteral("complaint"), QStringLiteral("payment"),
        QStringLiteral("post_choice"), QStringLiteral("post_address"),
    };
    return spoken.contains(screen) ? screen : QString();
}

QString VoicePrompts::promptForCardProblem(const QString &problem)
{
    if (problem.isEmpty())
        return {};
    if (problem == QLatin1String("card_expired") || problem == QLatin1String("card_not_yet_valid")
        || problem == QLatin1String("card_unreadable"))
        return problem;
    if (problem == QLatin1String("read_failed"))
        return kCardProblemPrefix + problem;
    // A staff member's check of a resident, or the details of the person an agent files for:
    // neither is the card's fault, and each asks the one who typed to check what they typed.
    if (problem.startsWith(QLatin1String("staff_")))
        return QStringLiteral("staff_problem");
    if (problem.startsWith(QLatin1String("agent_")))
        return QStringLiteral("agent_problem");
    // A network-identity or app code: expired (refresh it), or any other refusal.
    if (problem == QLatin1String("code_qr_expired"))
        return QStringLiteral("code_expired");
    if (problem.startsWith(QLatin1String("code_")))
        return QStringLiteral("code_problem");
    // The reader's other faults ("no_card", "select_failed", …) all ask for the card again.
    return QStringLiteral("card_problem");
}

QString VoicePrompts::promptForOutcome(const QString &outcome, const QString &detail)
{
    // A fee item is filed live or not at all: the general "could not be saved, go to a counter"
    // would say less than the review screen does (nothing filed or charged, submit again later).
    if (outcome == QLatin1String("not_stored") && detail == QLatin1String("fee_needs_platform"))
        return detail;
    static const QStringList known = {QStringLiteral("filed"), QStringLiteral("queued"), QStringLiteral("refused"),
                                      QStringLiteral("not_stored")};
    return known.contains(outcome) ? outcome : QString();
}

QString VoicePrompts::promptForFaceGuidance(const QString &guidance)
{
    static const QHash<QString, QString> prompts = {
        {QStringLiteral("no_face"), QStringLiteral("face_look")},       {QStringLiteral("several_faces"), QStringLiteral("face_alone")},
        {QStringLiteral("move_closer"), QStringLiteral("face_closer")}, {QStringLiteral("move_back"), QStringLiteral("face_back")},
        {QStringLiteral("centre"), QStringLiteral("face_centre")},      {QStringLiteral("too_dark"), QStringLiteral("face_dark")},
        {QStringLiteral("too_bright"), QStringLiteral("face_bright")},  {QStringLiteral("hold_still"), QStringLiteral("face_still")},
        {QStringLiteral("good"), QStringLiteral("face_turn")},
    };
    return prompts.value(guidance);
}

QString VoicePrompts::promptForReceipt(const QString &receiptState)
{
    if (receiptState == QLatin1String("printed") || receiptState == QLatin1String("failed"))
        return QStringLiteral("receipt_") + receiptState;
    return {};
}

QStringList VoicePrompts::allPrompts()
{
    return QStringList{
        QStringLiteral("home"),         QStringLiteral("guide"),          QStringLiteral("theme"),
        QStringLiteral("identify"),     QStringLiteral("identified"),     QStringLiteral("verify"),
        QStringLiteral("face_look"),    QStringLiteral("face_alone"),     QStringLiteral("face_closer"),
        QStringLiteral("face_back"),    QStringLiteral("face_centre"),    QStringLiteral("face_dark"),
        QStringLiteral("face_bright"),  QStringLiteral("face_still"),     QStringLiteral("face_turn"),
        QStringLiteral("form"),         QStringLiteral("materials"),      QStringLiteral("review"),
        QStringLiteral("submit"),       QStringLiteral("result"),         QStringLiteral("rating"),
        QStringLiteral("countdown"),    QStringLiteral("out_of_service"), QStringLiteral("card_expired"),
        QStringLiteral("card_not_yet_valid"), QStringLiteral("card_unreadable"), QStringLiteral("card_read_failed"),
        QStringLiteral("card_problem"), QStringLiteral("code_expired"),   QStringLiteral("code_problem"),
        QStringLiteral("camera_stopped"), QStringLiteral("filed"),        QStringLiteral("queued"),
        QStringLiteral("refused"),      QStringLiteral("not_stored"),     QStringLiteral("fee_needs_platform"),
        QStringLiteral("receipt_printed"),
        QStringLiteral("receipt_failed"), QStringLiteral("goodbye"),
        QStringLiteral("take_card"),    QStringLiteral("staff_present"),  QStringLiteral("staff_problem"),
        QStringLiteral("agent_problem"),  QStringLiteral("tickets"),        QStringLiteral("appointments"),
        QStringLiteral("ticket"),       QStringLiteral("complaint"),      QStringLiteral("payment"),
        QStringLiteral("post_choice"),  QStringLiteral("post_address"),
    } + VideoHelp::voicePrompts();
}

QString VoicePrompts::recording(const QString &prompt, const QString &language, bool slow)
{
    return QStringLiteral(":/voice/%1/%2%3.wav").arg(language, prompt, slow ? QStringLiteral("-slow") : QString());
}

void VoicePrompts::connectToShell()
{
    m_player->setFinishedHandler([this] {
        m_playing = false;
        playNextQueued();
    });
    m_screen = promptName(m_shell->screen());
    connect(m_shell, &KioskShell::screenChanged, this, &VoicePrompts::onScreenChanged);
    connect(m_shell, &KioskShell::identityChanged, this, &VoicePrompts::onIdentityChanged);
    connect(m_shell, &KioskShell::languageChanged, this, &VoicePrompts::repeatForScreen);
    connect(m_shell, &KioskShell::elderModeChanged, this, &VoicePrompts::repeatForScreen);
    connect(m_shell, &KioskShell::outcomeChanged, this, [this] {
        const QString prompt = promptForOutcome(promptName(m_shell->outcome()), m_shell->outcomeDetail());
        if (!prompt.isEmpty())
            speak(prompt);
    });
    connect(m_shell, &KioskShell::receiptChanged, this, [this] {
        const QString prompt = promptForReceipt(promptName(m_shell->receiptState()));
        if (!prompt.isEmpty())
            speak(prompt, Timing::AfterCurrent);
    });
    // The document camera stopping while the resident photographs their papers.
    connect(m_shell->applicationDesk(), &ApplicationDesk::documentCameraChanged, this, [this] {
        const bool usable = m_shell->applicationDesk()->documentCameraUsable();
        if (m_shell->screen() == KioskShell::Screen::Materials && !usable && m_documentCameraUsable)
            speak(QStringLiteral("camera_stopped"));
        m_documentCameraUsable = usable;
    });
    m_faceGuidanceSettled.setSingleShot(true);
    connect(&m_faceGuidanceSettled, &QTimer::timeout, this, &VoicePrompts::speakFaceGuidance);
    connect(m_shell->serviceDesk(), &ServiceDesk::verifyChanged, this, &VoicePrompts::onFaceGuidanceChanged);
    // A staff member signing in beside the resident (帮办): the resident hears that help is there.
    if (StaffPresence *staff = m_shell->staff()) {
        connect(staff, &StaffPresence::presenceChanged, this, [this, staff] {
            if (staff->isPresent() && !m_staffPresent)
                speak(QStringLiteral("staff_present"), Timing::AfterCurrent);
            m_staffPresent = staff->isPresent();
        });
    }
    // Video help (视频帮办): its consent, the resident's place in the queue as it moves, the agent
    // answering and how the call ended, each said once.
    if (VideoHelp *help = ProcessSingleton<VideoHelp>::instance()) {
        const auto sayVideoHelp = [this, help] {
            const QString prompt = help->voicePrompt();
            if (prompt != m_videoHelpPrompt && !prompt.isEmpty())
                speak(prompt);
            m_videoHelpPrompt = prompt;
        };
        connect(help, &VideoHelp::changed, this, sayVideoHelp);
        connect(help, &VideoHelp::queuePositionChanged, this, sayVideoHelp);
    }
    connect(m_shell, &KioskShell::outOfServiceChanged, this, [this] {
        if (m_shell->outOfService())
            speak(QStringLiteral("out_of_service"));
    });
    SessionMachine *session = m_shell->session();
    connect(session, &SessionMachine::idleWarning, this, [this] { speak(QStringLiteral("countdown")); });
    connect(session, &SessionMachine::sessionEnded, this, [this](SessionEnd reason) {
        silence();
        m_identified = false;
        // A card read in the session is asked for whatever ended it: a resident who walked away
        // may still be in earshot. Otherwise a resident who finished or left on purpose is still
        // at the kiosk and hears goodbye; one who walked away hears nothing.
        if (m_shell->farewell() == KioskShell::Farewell::TakeCard)
            play(QStringLiteral("take_card"), m_goodbyeLanguage, m_goodbyeSlow);
        else if (reason == SessionEnd::Completed || reason == SessionEnd::Cancelled)
            play(QStringLiteral("goodbye"), m_goodbyeLanguage, m_goodbyeSlow);
    });
    // The card was lifted (or the request timed out): the thank-you the screen shows is said too.
    connect(m_shell, &KioskShell::farewellChanged, this, [this] {
        if (m_shell->farewell() == KioskShell::Farewell::ThankYou)
            play(QStringLiteral("goodbye"), m_goodbyeLanguage, m_goodbyeSlow);
    });
}

void VoicePrompts::onScreenChanged()
{
    const QString screen = promptName(m_shell->screen());
    if (screen == m_screen)
        return;
    m_screen = screen;
    if (screen == QLatin1String("wipe")) {
        // The wipe puts the language and elder mode back; a goodbye is said in the resident's.
        m_goodbyeLanguage = m_shell->language();
        m_goodbyeSlow = m_shell->elderMode();
    }
    // The result screen's first words are what became of the application, when that is known.
    QString prompt = screen == QLatin1String("result") ? promptForOutcome(promptName(m_shell->outcome()), m_shell->outcomeDetail()) : QString();
    if (prompt.isEmpty())
        prompt = promptForScreen(screen);
    if (prompt.isEmpty()) {
        silence();
        return;
    }
    if (prompt != m_lastPrompt)
        speak(prompt);
}

void VoicePrompts::onIdentityChanged()
{
    const bool identified = m_shell->identified();
    const bool newlyIdentified = identified && !m_identified;
    m_identified = identified;
    if (m_shell->screen() != KioskShell::Screen::Identify)
        return;
    const QString problem = promptForCardProblem(m_shell->cardProblem());
    if (!problem.isEmpty())
        speak(problem);
    else if (newlyIdentified)
        speak(QStringLiteral("identified"));
}

void VoicePrompts::repeatForScreen()
{
    // Switching language or elder mode repeats the step's prompt in the new voice; the wipe also
    // switches both back, and then there is nobody to hear it.
    const QString prompt = promptForScreen(promptName(m_shell->screen()));
    if (prompt.isEmpty())
        return;
    speak(prompt);
}

void VoicePrompts::onFaceGuidanceChanged()
{
    const ServiceDesk *desk = m_shell->serviceDesk();
    const QString guidance = desk->verifyStage() == ServiceDesk::VerifyStage::Face ? desk->faceGuidance() : QString();
    if (guidance == m_faceGuidance)
        return;
    m_faceGuidance = guidance;
    if (guidance.isEmpty()) {
        // The face check is over (or was never started): advice not yet spoken is stale.
        m_faceGuidanceSettled.stop();
        m_queued.removeIf([](const QString &queued) { return queued.startsWith(kFacePromptPrefix); });
        m_lastFacePrompt.clear();
        return;
    }
    m_faceGuidanceSettled.start(kFaceGuidanceSettle);
}

void VoicePrompts::speakFaceGuidance()
{
    const QString prompt = promptForFaceGuidance(m_faceGuidance);
    if (prompt.isEmpty() || m_shell->screen() != KioskShell::Screen::Verify)
        return;
    if (prompt == m_lastFacePrompt && !m_faceRepeatAfter.hasExpired()) {
        m_faceGuidanceSettled.start(std::chrono::milliseconds(m_faceRepeatAfter.remainingTime()));
        return;
    }
    // The step's own prompt is let finish; of the advice, only the newest is worth waiting for.
    m_queued.removeIf([](const QString &queued) { return queued.startsWith(kFacePromptPrefix); });
    m_lastFacePrompt = prompt;
    m_faceRepeatAfter.setRemainingTime(kFaceAdviceRepeat);
    speak(prompt, Timing::AfterCurrent);
    m_faceGuidanceSettled.start(kFaceAdviceRepeat);
}

void VoicePrompts::speak(const QString &prompt, Timing timing)
{
    if (timing == Timing::AfterCurrent && m_playing) {
        m_queued.append(prompt);
        return;
    }
    play(prompt, m_shell->language(), m_shell->elderMode());
}

void VoicePrompts::play(const QString &prompt, const QString &language, bool slow)
{
    m_queued.clear();
    m_lastPrompt = prompt;
    m_playing = true;
    m_player->play(recording(prompt, language, slow), m_volume);
}

void VoicePrompts::silence()
{
    m_faceGuidanceSettled.stop();
    m_faceGuidance.clear();
    m_lastFacePrompt.clear();
    m_queued.clear();
    m_playing = false;
    m_lastPrompt.clear();
    m_player->stop();
}

void VoicePrompts::playNextQueued()
{
    if (m_queued.isEmpty())
        return;
    const QString next = m_queued.takeFirst();
    const QStringList rest = m_queued;
    speak(next);
    m_queued = rest;
}
