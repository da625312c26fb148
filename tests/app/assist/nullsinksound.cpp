#include "nullsinksound.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QThread>

#include <cmath>

NullSinkSound::~NullSinkSound()
{
    stop();
}

bool NullSinkSound::start(const QString &directory, QString *problem)
{
    const QString runtime = QDir(directory).filePath(QStringLiteral("pulse"));
    if (!QDir().mkpath(runtime)) {
        *problem = QStringLiteral("cannot make ") + runtime;
        return false;
    }
    const QString socket = QDir(runtime).filePath(QStringLiteral("native"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), directory);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    m_server.setProcessEnvironment(env);
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    m_server.start(QStringLiteral("pulseaudio"),
                   {QStringLiteral("-n"), QStringLiteral("--daemonize=no"), QStringLiteral("--exit-idle-time=-1"), QStringLiteral("--use-pid-file=no"),
                    QStringLiteral("--disable-shm=yes"), QStringLiteral("-L"), QStringLiteral("module-null-sink sink_name=kiosk_call_sink"),
                    QStringLiteral("-L"), QStringLiteral("module-native-protocol-unix auth-anonymous=1 socket=") + socket});
    if (!m_server.waitForStarted(30000)) {
        *problem = m_server.errorString();
        return false;
    }
    const QDeadlineTimer deadline(30000);
    while (!QFile::exists(socket) && !deadline.hasExpired() && m_server.state() == QProcess::Running) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(30);
    }
    if (!QFile::exists(socket)) {
        *problem = QStringLiteral("pulseaudio made no socket: ") + QString::fromLocal8Bit(m_server.readAll());
        return false;
    }
    qputenv("PULSE_SERVER", "unix:" + socket.toLocal8Bit());
    return true;
}

void NullSinkSound::stop()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    m_server.terminate();
    if (!m_server.waitForFinished(5000)) {
        m_server.kill();
        m_server.waitForFinished(5000);
    }
}

double NullSinkSound::speakerLevel()
{
    QProcess parec;
    parec.start(QStringLiteral("parec"), {QStringLiteral("--device=") + monitor(), QStringLiteral("--raw"), QStringLiteral("--format=s16le"),
                                          QStringLiteral("--channels=1"), QStringLiteral("--rate=16000")});
    if (!parec.waitForStarted(5000))
        return -1;
    // The event loop turns meanwhile: the call's own work goes on while it is listened to.
    const QDeadlineTimer listening(1500);
    while (!listening.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    parec.terminate();
    parec.waitForFinished(5000);
    const QByteArray pcm = parec.readAllStandardOutput();
    const auto *samples = reinterpret_cast<const qint16 *>(pcm.constData());
    const qsizetype count = pcm.size() / 2;
    if (count == 0)
        return 0;
    double sum = 0;
    for (qsizetype i = 0; i < count; ++i)
        sum += double(samples[i]) * samples[i];
    return std::sqrt(sum / double(count));
}
