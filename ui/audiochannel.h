#pragma once

#include "processsingleton.h"
#include "voiceprompts.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QAudioDevice;

// The kiosk's one voice. The recorded prompts (VoicePrompts) and reading mode's speech
// (ScreenReader) each had a player of their own, and two players talk over each other: a screen's
// prompt under the reading of the screen before. Both now play through this channel's single
// player, each through a speaker() of its own: whatever a speaker starts cuts whatever was
// playing, whoever had started it, so a new screen cuts what was being said and nothing ever
// sounds at once; a speaker's stop() stops only its own sound, and only the speaker that started
// a sound hears that it played to its end.
class AudioChannel : public QObject
{
    Q_OBJECT

public:
    // On the default audio output, as the kiosk's channel (instance()); without an output the
    // channel is silent and hasOutput() is false.
    explicit AudioChannel(QObject *parent = nullptr);
    // Through `player` (tests hand in one that records what would be heard); not instance().
    explicit AudioChannel(std::unique_ptr<VoicePrompts::Player> player, QObject *parent = nullptr);
    ~AudioChannel() override;

    // The kiosk process's channel, or null where none was built.
    [[nodiscard]] static AudioChannel *instance() { return ProcessSingleton<AudioChannel>::instance(); }
    // Qt Multimedia's player on `output`, for recordings (":/voice/…") and speech files alike.
    [[nodiscard]] static std::unique_ptr<VoicePrompts::Player> playerFor(const QAudioDevice &output);

    [[nodiscard]] bool hasOutput();
    // A way into the channel for one voice; null when the channel has no output.
    [[nodiscard]] std::unique_ptr<VoicePrompts::Player> speaker();
    // What is playing now, empty when the channel is silent.
    [[nodiscard]] const QString &playing() const { return m_playing; }

signals:
    // A recording or a speech file started; what a resident hears, in order.
    void started(const QString &resource);
    // What was playing played to its end (it was not cut).
    void finished(const QString &resource);

private:
    class Speaker;

    void play(Speaker *from, const QString &resource, double volume);
    void stop(Speaker *from);
    void forget(Speaker *speaker);
    void onPlayerFinished();
    void openOutput();

    std::unique_ptr<VoicePrompts::Player> m_player;
    std::optional<ProcessSingleton<AudioChannel>> m_kioskChannel;
    bool m_outputWanted = false;
    Speaker *m_owner = nullptr;
    QString m_playing;
};
