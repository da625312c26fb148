#pragma once

#include "voiceprompts.h"

#include <QStringList>

// What a resident would have heard: every recording started, in order, and each stop.
class RecordingPlayer : public VoicePrompts::Player
{
public:
    explicit RecordingPlayer(QStringList *heard)
        : m_heard(heard)
    {
    }
    void play(const QString &resource, double volume) override
    {
        m_heard->append(resource);
        m_volume = volume;
    }
    void stop() override { m_heard->append(QStringLiteral("(stop)")); }
    // The recording that started last has played to its end.
    void finishPlaying() const { finished(); }
    double m_volume = 0;

private:
    QStringList *m_heard;
};
