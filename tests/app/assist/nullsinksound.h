#pragma once

#include <QProcess>
#include <QString>

// A PulseAudio server of a call test's own, in a directory the caller owns: one null sink,
// "kiosk_call_sink", is the kiosk's speaker, and its monitor is both where the agent's voice is
// measured and the microphone the kiosk sends. start() points this process's PULSE_SERVER at it,
// so that webrtcbin's pulsesrc and pulsesink find it and no desktop's sound is touched.
class NullSinkSound
{
public:
    NullSinkSound() = default;
    ~NullSinkSound();
    NullSinkSound(const NullSinkSound &) = delete;
    NullSinkSound &operator=(const NullSinkSound &) = delete;

    [[nodiscard]] bool start(const QString &directory, QString *problem);
    void stop();

    // The sink's monitor, as a microphone name for CallMedia::Sources.
    [[nodiscard]] static QString monitor() { return QStringLiteral("kiosk_call_sink.monitor"); }
    // What the speaker plays for a second and a half, as RMS of 16-bit samples; -1 when parec
    // does not start.
    [[nodiscard]] static double speakerLevel();

private:
    QProcess m_server;
};
