#pragma once

#include <QString>

// Whether the kiosk's sound works before a call promises it: a microphone that records, and a
// sound server that plays the agent's voice. Both ask PulseAudio through GStreamer, whose
// headers stay in the .cpp.
class SoundCheck
{
public:
    // Whether a PulseAudio source of this name records; the probe the call makes before it
    // promises the resident's voice.
    [[nodiscard]] static bool microphoneWorks(const QString &source);
    // Whether PulseAudio takes sound to play, where the agent's voice goes.
    [[nodiscard]] static bool speakerWorks();
};
