#include "audiochannel.h"

#include "uilog.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QPointer>
#include <QSoundEffect>
#include <QUrl>

namespace {

// Qt Multimedia's sound effect: the recordings and espeak-ng's files are short uncompressed WAV
// files, which it decodes once and plays with little delay. A failure is logged once, without
// the file's name (a speech file's name says nothing, but its text must never reach the log).
class SoundEffectPlayer : public VoicePrompts::Player
{
public:
    explicit SoundEffectPlayer(const QAudioDevice &output)
        : m_effect(output)
    {
        QObject::connect(&m_effect, &QSoundEffect::playingChanged, &m_effect, [this] {
            if (!m_effect.isPlaying() && !m_stopping)
                finished();
        });
        QObject::connect(&m_effect, &QSoundEffect::statusChanged, &m_effect, [this] {
            if (m_effect.status() == QSoundEffect::Error && !m_failureLogged) {
                m_failureLogged = true;
                qCWarning(lcUi) << "a sound could not be played (further failures are not logged)";
            }
        });
    }

    void play(const QString &resource, double volume) override
    {
        stop();
        m_effect.setVolume(static_cast<float>(volume));
        m_effect.setSource(resource.startsWith(QLatin1Char(':')) ? QUrl(QStringLiteral("qrc") + resource) : QUrl::fromLocalFile(resource));
        m_effect.play();
    }

    void stop() override
    {
        m_stopping = true;
        m_effect.stop();
        m_stopping = false;
    }

private:
    QSoundEffect m_effect;
    bool m_stopping = false;
    bool m_failureLogged = false;
};

} // namespace

// One voice's way into the channel. It may outlive the channel (QML's reader goes with the
// engine), so it holds the channel weakly.
class AudioChannel::Speaker : public VoicePrompts::Player
{
public:
    explicit Speaker(AudioChannel *channel)
        : m_channel(channel)
    {
    }
    ~Speaker() override
    {
        if (m_channel)
            m_channel->forget(this);
    }
    void play(const QString &resource, double volume) override
    {
        if (m_channel)
            m_channel->play(this, resource, volume);
    }
    void stop() override
    {
        if (m_channel)
            m_channel->stop(this);
    }
    void playedToEnd() const { finished(); }

private:
    QPointer<AudioChannel> m_channel;
};

AudioChannel::AudioChannel(QObject *parent)
    : QObject(parent)
{
    m_kioskChannel.emplace(this);
    // The output is looked for when a voice first asks for it (openOutput()): a kiosk with the
    // prompts off and nobody in reading mode starts without touching the audio system.
    m_outputWanted = true;
}

void AudioChannel::openOutput()
{
    if (!m_outputWanted)
        return;
    m_outputWanted = false;
    const QAudioDevice output = QMediaDevices::defaultAudioOutput();
    if (output.isNull()) {
        qCWarning(lcUi) << "no audio output: the kiosk stays silent";
        return;
    }
    m_player = playerFor(output);
    m_player->setFinishedHandler([this] { onPlayerFinished(); });
}

bool AudioChannel::hasOutput()
{
    openOutput();
    return m_player != nullptr;
}

AudioChannel::AudioChannel(std::unique_ptr<VoicePrompts::Player> player, QObject *parent)
    : QObject(parent)
    , m_player(std::move(player))
{
    if (m_player)
        m_player->setFinishedHandler([this] { onPlayerFinished(); });
}

AudioChannel::~AudioChannel()
{
    if (m_player && m_owner)
        m_player->stop();
}

std::unique_ptr<VoicePrompts::Player> AudioChannel::playerFor(const QAudioDevice &output)
{
    return std::make_unique<SoundEffectPlayer>(output);
}

std::unique_ptr<VoicePrompts::Player> AudioChannel::speaker()
{
    openOutput();
    if (!m_player)
        return nullptr;
    return std::make_unique<Speaker>(this);
}

void AudioChannel::play(Speaker *from, const QString &resource, double volume)
{
    // Whatever plays is cut first, whoever started it: one sound at a time.
    if (!m_playing.isEmpty())
        m_player->stop();
    m_owner = from;
    m_playing = resource;
    emit started(resource);
    m_player->play(resource, volume);
}

void AudioChannel::stop(Speaker *from)
{
    if (from != m_owner)
        return;
    m_owner = nullptr;
    m_playing.clear();
    m_player->stop();
}

void AudioChannel::forget(Speaker *speaker)
{
    stop(speaker);
}

void AudioChannel::onPlayerFinished()
{
    Speaker *owner = m_owner;
    const QString resource = m_playing;
    m_owner = nullptr;
    m_playing.clear();
    emit finished(resource);
    if (owner)
        owner->playedToEnd();
}
