#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

class KioskConfig;
class KioskShell;

// Speaks a short fixed prompt for every step a resident reaches and for what happens to them
// there, in the shell's language and, in elder mode, more slowly. The prompts are recordings built
// into the kiosk (assets/voice), so nothing a resident entered or carries is ever spoken.
class VoicePrompts : public QObject
{
    Q_OBJECT

public:
    // Plays one recording. The kiosk's player is Qt Multimedia's; tests record what would be heard.
    class Player
    {
    public:
        virtual ~Player() = default;
        // Starts `resource` (a ":/voice/…" path) at `volume` 0..1, cutting off whatever played.
        virtual void play(const QString &resource, double volume) = 0;
        virtual void stop() = 0;
        // Called once a recording has played to its end (not when it was stopped).
        void setFinishedHandler(std::function<void()> handler) { m_finished = std::move(handler); }

    protected:
        void finished() const
        {
            if (m_finished)
                m_finished();
        }

    private:
        std::function<void()> m_finished;
    };

    // As the configuration says (kiosk/voice, kiosk/voice_volume), on the default audio output.
    // Without an audio output the kiosk runs silent and says so once in the log.
    VoicePrompts(KioskShell *shell, const KioskConfig &config, QObject *parent = nullptr);
    // With the given player, for tests; `volume` 0..1.
    VoicePrompts(KioskShell *shell, std::unique_ptr<Player> player, double volume, QObject *parent = nullptr);
    ~VoicePrompts() override;

    // The prompt for a screen of KioskShell::screen() ("identify"), or empty for one that is
    // silent: the attract screen speaks to nobody, and the wipe passes too fast to hear.
    [[nodiscard]] static QString promptForScreen(const QString &screen);
    // The prompt for a card the reader did not take (KioskShell::cardProblem()).
    [[nodiscard]] static QString promptForCardProblem(const QString &problem);
    // The prompt for a submission's outcome ("filed", "queued", …) and its detail, as
    // KioskShell::outcome() and outcomeDetail() name them, or empty for none: a fee item the
    // platform could not take has its own words (nothing filed, nothing charged).
    [[nodiscard]] static QString promptForOutcome(const QString &outcome, const QString &detail = {});
    // The prompt for the face camera's guidance during a face check ("move_closer"), or empty.
    [[nodiscard]] static QString promptForFaceGuidance(const QString &guidance);
    // The prompt for a receipt that has come out ("printed") or not ("failed"), or empty.
    [[nodiscard]] static QString promptForReceipt(const QString &receiptState);
    // Every prompt the kiosk can speak, for checking that each one has its recordings.
    [[nodiscard]] static QStringList allPrompts();
    // Where a prompt's recording is: ":/voice/zh/identify.wav", or "identify-slow.wav" for elder mode.
    [[nodiscard]] static QString recording(const QString &prompt, const QString &language, bool slow);

    // Whether prompts are played at all: off by configuration or for want of an audio output.
    [[nodiscard]] bool isActive() const { return m_player != nullptr; }

private:
    enum class Timing { Now, AfterCurrent };

    void connectToShell();
    void onScreenChanged();
    void onIdentityChanged();
    void repeatForScreen();
    void onFaceGuidanceChanged();
    void speakFaceGuidance();
    void speak(const QString &prompt, Timing timing = Timing::Now);
    void play(const QString &prompt, const QString &language, bool slow);
    void silence();
    void playNextQueued();

    KioskShell *m_shell;
    std::unique_ptr<Player> m_player;
    double m_volume = 1.0;
    QString m_screen;
    QString m_lastPrompt;
    QStringList m_queued;
    bool m_playing = false;
    bool m_identified = false;
    QString m_goodbyeLanguage = QStringLiteral("zh");
    bool m_goodbyeSlow = false;
    bool m_documentCameraUsable = true;
    bool m_staffPresent = false;
    QString m_videoHelpPrompt; // the last said of video help, so a repeated state is not said again
    // Face guidance is spoken once it has held for a moment, so that a resident shifting about
    // does not hear a stream of half-sentences, and the same advice is repeated only after a while.
    QTimer m_faceGuidanceSettled;
    QString m_faceGuidance;
    QString m_lastFacePrompt;
    QDeadlineTimer m_faceRepeatAfter;
};
