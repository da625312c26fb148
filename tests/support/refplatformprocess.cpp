#include "refplatformprocess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

RefPlatformProcess::~RefPlatformProcess()
{
    stop();
}

bool RefPlatformProcess::start(const QStringList &arguments, const QString &tlsDirectory)
{
    QStringList args = arguments;
    args << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:0");
    if (!tlsDirectory.isEmpty())
        args << QStringLiteral("--tls-port") << QStringLiteral("0") << QStringLiteral("--make-ca") << tlsDirectory;
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(qEnvironmentVariable("KIOSK_REFPLATFORM"), args);
    if (!m_process.waitForStarted(30000)) {
        m_error = m_process.errorString();
        return false;
    }
    QByteArray output;
    QDeadlineTimer deadline(60000);
    while (!output.contains("ready") && !deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(1000);
        output += m_process.readAllStandardOutput();
    }
    for (const QByteArray &line : output.split('\n')) {
        const QByteArray url = line.mid(line.indexOf(' ') + 1).trimmed();
        if (url.startsWith("http://"))
            m_http = QUrl(QString::fromLatin1(url));
        else if (url.startsWith("https://"))
            m_https = QUrl(QString::fromLatin1(url));
    }
    if (!output.contains("ready") || !m_http.isValid()) {
        m_error = QStringLiteral("the server did not start: ") + QString::fromLocal8Bit(output);
        return false;
    }
    return true;
}

void RefPlatformProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(15000))
        kill();
}

void RefPlatformProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(15000);
}

namespace {

QJsonObject exchange(const QUrl &base, const QString &what, const QByteArray &method, const QByteArray &body)
{
    QNetworkAccessManager network;
    QUrl url = base;
    url.setPath(QStringLiteral("/_inspect/") + what);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setTransferTimeout(30000);
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject result = QJsonDocument::fromJson(reply->readAll()).object();
    delete reply;
    return result;
}

} // namespace

QJsonObject RefPlatformProcess::inspect(const QString &what) const
{
    return exchange(m_http, what, "GET", {});
}

QJsonObject RefPlatformProcess::post(const QString &what, const QJsonObject &body) const
{
    return exchange(m_http, what, "POST", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void RefPlatformProcess::forgetRequests() const
{
    (void)exchange(m_http, QStringLiteral("requests"), "DELETE", {});
}
