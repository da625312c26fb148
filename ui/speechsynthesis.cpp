#include "speechsynthesis.h"

#include "uilog.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace {

QString speechDirectory()
{
    // The runtime directory is memory-backed and private to the kiosk's user; the speech files
    // are spoken once and never need to outlive the process.
    // Without one (a test, a shell) the temporary directory serves, without Qt's warning each time.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return runtime.isEmpty() || !QFileInfo(runtime).isDir() ? QDir::tempPath() : runtime;
}

} // namespace

SpeechSynthesis::SpeechSynthesis(QObject *parent)
    : QObject(parent)
{
}

SpeechSynthesis::~SpeechSynthesis()
{
    stop();
}

QString SpeechSynthesis::voiceFor(const QString &language)
{
    // Plain `cmn` lacks many common characters and reads its pinyin as English ("huan five");
    // with pinyin read as pinyin every character comes out with its tone (docs/voice.md).
    return language == QLatin1String("zh") ? QStringLiteral("cmn-latn-pinyin") : QStringLiteral("en");
}

int SpeechSynthesis::wordsPerMinute(bool slow)
{
    // espeak-ng's own default is 175; an older resident is given a third more time per word.
    return slow ? 120 : 165;
}

void SpeechSynthesis::say(const QString &text, const QString &language, bool slow)
{
    stop();
    const QString voice = voiceFor(language);
    const int rate = wordsPerMinute(slow);
    emit requested(text, voice, rate);

    const QString program = QStandardPaths::findExecutable(QStringLiteral("espeak-ng"));
    if (program.isEmpty()) {
        if (!m_failureLogged)
            qCWarning(lcUi) << "espeak-ng is not installed: text is not spoken in reading mode";
        m_failureLogged = true;
        emit failed(QStringLiteral("espeak-ng is not installed"));
        return;
    }
    m_wav = std::make_unique<QTemporaryFile>(QDir(speechDirectory()).filePath(QStringLiteral("kiosk-speech-XXXXXX.wav")));
    if (!m_wav->open()) {
        emit failed(QStringLiteral("no room for a speech file in ") + speechDirectory());
        m_wav.reset();
        return;
    }
    m_wav->close();

    m_process.reset(new QProcess);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(m_process.get(), &QProcess::finished, this, &SpeechSynthesis::onFinished);
    connect(m_process.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit failed(QStringLiteral("espeak-ng did not start"));
    });
    m_process->start(program, {QStringLiteral("-v"), voice, QStringLiteral("-s"), QString::number(rate), QStringLiteral("-w"),
                               m_wav->fileName(), QStringLiteral("--stdin")});
    m_process->write(text.toUtf8());
    m_process->closeWriteChannel();
}

void SpeechSynthesis::stop()
{
    // The process may be the one whose signal is being handled: it is deleted later, not now.
    if (QProcess *process = m_process.release()) {
        process->disconnect(this);
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(1000);
        }
        process->deleteLater();
    }
    m_wav.reset();
}

void SpeechSynthesis::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (status != QProcess::NormalExit || exitCode != 0 || !m_wav || QFileInfo(m_wav->fileName()).size() <= 44) {
        if (!m_failureLogged)
            qCWarning(lcUi) << "espeak-ng made no speech (exit" << exitCode << "); further failures are not logged";
        m_failureLogged = true;
        emit failed(QStringLiteral("espeak-ng made no speech"));
        return;
    }
    emit ready(m_wav->fileName());
}
