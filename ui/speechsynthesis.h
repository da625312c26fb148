#pragma once

#include <QObject>
#include <QProcess>
#include <QString>

#include <memory>

class QTemporaryFile;

// Speech for text only known at run time (service names, case and ticket numbers), made by the
// espeak-ng program into a WAV file in the runtime directory. One utterance at a time: a new one
// stops the one being made, and each file is removed once the next one starts or this goes away.
// The text goes to espeak-ng on its standard input, never on its command line, and is never logged.
class SpeechSynthesis : public QObject
{
    Q_OBJECT

public:
    explicit SpeechSynthesis(QObject *parent = nullptr);
    ~SpeechSynthesis() override;

    // Starts making `text` with the voice for `language` ("zh": Mandarin, "en": English), slower
    // when `slow` (elder mode). ready() follows with the file, or failed().
    void say(const QString &text, const QString &language, bool slow);
    // Stops the utterance being made and removes its file.
    void stop();

    // The espeak-ng voice and words per minute used for a language and pace.
    [[nodiscard]] static QString voiceFor(const QString &language);
    [[nodiscard]] static int wordsPerMinute(bool slow);

signals:
    // Every text handed to the engine, in order, as it was handed: what a resident will hear.
    void requested(const QString &text, const QString &voice, int wordsPerMinute);
    // The WAV file of the last text asked for; valid until the next say() or stop().
    void ready(const QString &wavPath);
    // espeak-ng is missing or did not make the file; the reason carries no spoken text.
    void failed(const QString &reason);

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryFile> m_wav;
    bool m_failureLogged = false;
};
