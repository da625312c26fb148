#include "browseragent.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>

BrowserAgent::BrowserAgent(QObject *parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &BrowserAgent::readSteps);
}

BrowserAgent::~BrowserAgent()
{
    // A script still waiting for its bye quits its browser when asked; one that does not is killed.
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

bool BrowserAgent::start(const QUrl &platform, const Options &options)
{
    QUrl desk = platform;
    desk.setPath(QStringLiteral("/desk/"));
    if (!options.screenshotDir.isEmpty() && !QDir().mkpath(options.screenshotDir)) {
        m_error = QStringLiteral("cannot make ") + options.screenshotDir;
        return false;
    }
    QStringList arguments{QStringLiteral(KIOSK_DESK_AGENT), desk.toString(),
                          QString::fromUtf8(QJsonDocument(options.points).toJson(QJsonDocument::Compact)), options.screenshotDir,
                          options.expected};
    if (!options.shotPrefix.isEmpty())
        arguments.append(options.shotPrefix);
    m_process.start(QStringLiteral("/usr/bin/python3"), arguments);
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("the desk agent did not start: ") + m_process.errorString();
        return false;
    }
    // Chromium's first start on a loaded machine takes a while.
    if (!waitFor(QStringLiteral("on_duty"), 60000)) {
        m_error = QStringLiteral("the desk page never came on duty: ") + errorOutput();
        return false;
    }
    if (!step(QStringLiteral("on_duty")).value(QLatin1String("ok")).toBool()) {
        m_error = QStringLiteral("the desk page's socket did not open: ") + errorOutput();
        return false;
    }
    return true;
}

QJsonObject BrowserAgent::mediaStats() const
{
    return step(QStringLiteral("media")).value(QLatin1String("stats")).toObject();
}

QJsonArray BrowserAgent::screenSamples() const
{
    return step(QStringLiteral("screen")).value(QLatin1String("samples")).toArray();
}

QString BrowserAgent::byeReason() const
{
    return step(QStringLiteral("bye")).value(QLatin1String("reason")).toString();
}

bool BrowserAgent::waitFor(const QString &name, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!reached(name) && !deadline.hasExpired()) {
        if (m_process.state() == QProcess::NotRunning) {
            readSteps();
            break;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        m_process.waitForReadyRead(20);
        readSteps();
    }
    return reached(name);
}

QString BrowserAgent::errorOutput()
{
    m_errorOutput.append(m_process.readAllStandardError());
    return QString::fromLocal8Bit(m_errorOutput.right(4000));
}

void BrowserAgent::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
}

void BrowserAgent::readSteps()
{
    while (m_process.canReadLine()) {
        const QJsonObject step = QJsonDocument::fromJson(m_process.readLine()).object();
        qInfo("desk: %s", QJsonDocument(step).toJson(QJsonDocument::Compact).constData());
        m_steps.insert(step.value(QLatin1String("step")).toString(), step);
    }
}
