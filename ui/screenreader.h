#pragma once

#include "voiceprompts.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTimer>

#include <memory>

class AudioChannel;
class KeypadNavigator;
class KioskShell;
class QQuickItem;
class SpeechSynthesis;

// Reading mode (读屏) for a resident who cannot see the screen: while it is on, every change of
// screen is announced (its recorded prompt where there is one, then its title and the control that
// has the keypad's focus) and every control the focus moves to is read out. Text known only at run
// time is made into speech by SpeechSynthesis; numbers are read as SpokenText says. A new
// announcement cuts off the one before. Nothing spoken is logged.
class ScreenReader : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(KeypadNavigator *navigator READ navigator WRITE setNavigator NOTIFY navigatorChanged)
    // The screen shown now (Main.qml's loaded screen), where its title is found.
    Q_PROPERTY(QQuickItem *screen READ screen WRITE setScreen NOTIFY screenChanged)

public:
    explicit ScreenReader(QObject *parent = nullptr);
    ~ScreenReader() override;

    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] KeypadNavigator *navigator() const { return m_navigator; }
    void setNavigator(KeypadNavigator *navigator);
    [[nodiscard]] QQuickItem *screen() const { return m_screen; }
    void setScreen(QQuickItem *screen);

    // Plays through `player` from now on (tests hand in one that records what would be heard).
    void setPlayer(std::unique_ptr<VoicePrompts::Player> player);
    // Plays through a speaker of `channel`, the one the recorded prompts play through, from now
    // on: a screen's prompt already being played there is followed, not said again. Reading
    // mode switched on finds the kiosk's channel (AudioChannel::instance()) by itself.
    void setChannel(AudioChannel *channel);
    [[nodiscard]] SpeechSynthesis *synthesis() const { return m_synthesis.get(); }

    // What is read for a control: its `spokenText` if it has one, else the texts it shows, in
    // reading order, and whether it is selected.
    [[nodiscard]] static QString describe(const QQuickItem *control, const QString &language);
    // Every text the screen shows, in reading order, controls' included.
    [[nodiscard]] static QStringList textsOf(const QQuickItem *screen);
    // The screen's title: the largest text on it, the first of them if several are as large.
    [[nodiscard]] static QString titleOf(const QQuickItem *screen);

signals:
    void activeChanged();
    void navigatorChanged();
    void screenChanged();
    // A recorded prompt started (":/voice/zh/home.wav"), for the record of what was heard.
    void promptPlayed(const QString &resource);

private:
    void announceScreen();
    void readWholeScreen();
    void announceFocus();
    void announce(const QString &prompt, const QString &text);
    void onSpeechReady(const QString &wavPath);
    void onPlayerFinished();
    void ensurePlayer();
    [[nodiscard]] QString language() const;
    [[nodiscard]] bool slow() const;

    bool m_active = false;
    QPointer<KeypadNavigator> m_navigator;
    QPointer<QQuickItem> m_screen;
    KioskShell *m_shell = nullptr;
    std::unique_ptr<VoicePrompts::Player> m_player;
    std::unique_ptr<SpeechSynthesis> m_synthesis;
    bool m_noPlayerLogged = false;
    bool m_justSwitchedOn = false;
    // A screen's announcement waits for its first control to take the focus, so both are one.
    QTimer m_screenSettle;
    bool m_waitingForPrompt = false;
    QPointer<AudioChannel> m_channel;
    // Waiting for the channel's prompt, started by the recorded prompts, to end.
    bool m_followingPrompt = false;
    QString m_awaitedPrompt;
    QString m_pendingWav;
};
