#include "platformclient.h"

#include "platformlog.h"
#include "common/statefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QTimer>
#include <QUuid>

namespace {

constexpr qsizetype maxMaterialBytes = 10 * 1024 * 1024;

QByteArray newNonce()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex();
}

bool isLoopback(const QUrl &url)
{
    if (url.host() == QLatin1String("localhost"))
        return true;
    const QHostAddress address(url.host());
    return !address.isNull() && address.isLoopback();
}

QString endpointName(PlatformEndpoint endpoint)
{
    switch (endpoint) {
    case PlatformEndpoint::Enroll: return QStringLiteral("enroll");
    case PlatformEndpoint::Catalogue: return QStringLiteral("catalogue");
    case PlatformEndpoint::IdentityVerify: return QStringLiteral("identity/verify");
    case PlatformEndpoint::Materials: return QStringLiteral("materials");
    case PlatformEndpoint::SubmitCase: return QStringLiteral("cases");
    case PlatformEndpoint::CaseStatus: return QStringLiteral("case status");
    case PlatformEndpoint::CaseList: return QStringLiteral("case list");
    case PlatformEndpoint::Licenses: return QStringLiteral("licenses");
    case PlatformEndpoint::Document: return QStringLiteral("documents");
    case PlatformEndpoint::Evaluations: return QStringLiteral("evaluations");
    case PlatformEndpoint::Heartbeat: return QStringLiteral("heartbeat");
    case PlatformEndpoint::Screenshots: return QStringLiteral("screenshots");
    case PlatformEndpoint::StaffVerify: return QStringLiteral("staff/verify");
    case PlatformEndpoint::TicketGroups: return QStringLiteral("tickets/groups");
    case PlatformEndpoint::Tickets: return QStringLiteral("tickets");
    case PlatformEndpoint::Appointments: return QStringLiteral("appointments");
    case PlatformEndpoint::Complaints: return QStringLiteral("complaints");
    case PlatformEndpoint::AssistCall: return QStringLiteral("assist/calls");
    case PlatformEndpoint::Payments: return QStringLiteral("payments");
    }
    return {};
}

QString networkCode(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::OperationCanceledError: return QStringLiteral("aborted");
    case QNetworkReply::TimeoutError: return QStringLiteral("timeout");
    case QNetworkReply::SslHandshakeFailedError: return QStringLiteral("tls");
    case QNetworkReply::ConnectionRefusedError: return QStringLiteral("refused");
    default: return QStringLiteral("network");
    }
}

// QNetworkRequest's transfer timeout fires only when no byte moves, so a platform trickling its
// answer would hold a call for ever. Each exchange therefore also has a deadline: the timeout,
// plus the time its body takes to leave over an uplink as slow as this.
constexpr qint64 slowestUplinkBytesPerS = 64 * 1024;

} // namespace

PlatformClient::PlatformClient(const PlatformClientSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<PlatformResult>();
    // A redirect is never part of the contract; following one could leave the trusted host.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    if (!m_settings.catalogueCachePath.isEmpty()) {
        QFile cache(m_settings.catalogueCachePath);
        QFile etag(m_settings.catalogueCachePath + QStringLiteral(".etag"));
        QStringList quiet; // what a newer platform added is logged when the catalogue is offered
        if (cache.open(QIODevice::ReadOnly) && Catalogue::fromJson(cache.peek(1 << 24), nullptr, &quiet)) {
            m_catalogueBytes = cache.readAll();
            if (etag.open(QIODevice::ReadOnly))
                m_catalogueEtag = etag.readAll().trimmed();
        }
    }
}

PlatformClient::~PlatformClient() = default;

QString PlatformClient::connectivityName(Connectivity connectivity)
{
    switch (connectivity) {
    case Connectivity::Online: return QStringLiteral("online");
    case Connectivity::Degraded: return QStringLiteral("degraded");
    case Connectivity::Offline: return QStringLiteral("offline");
    }
    return {};
}

void PlatformClient::setCredentials(const TerminalCredentials &credentials)
{
    m_settings.credentials = credentials;
    emit credentialsChanged();
}

QString PlatformClient::newIdempotencyKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

PlatformCall *PlatformClient::enroll(const QString &token, const QString &serial, const QString &model, const QString &site)
{
    const QJsonObject body{{QStringLiteral("enroll_token"), token},
                           {QStringLiteral("serial"), serial},
                           {QStringLiteral("model"), model},
                           {QStringLiteral("site"), site}};
    return start(PlatformEndpoint::Enroll, "POST", QStringLiteral("/enroll"),
                 QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

PlatformCall *PlatformClient::fetchCatalogue()
{
    PlatformCall *call = start(PlatformEndpoint::Catalogue, "GET", QStringLiteral("/catalogue"));
    if (!m_catalogueEtag.isEmpty() && !m_catalogueBytes.isEmpty())
        call->m_extraHeaders.insert("If-None-Match", m_catalogueEtag);
    return call;
}

std::optional<Catalogue> PlatformClient::cachedCatalogue() const
{
    if (m_catalogueBytes.isEmpty())
        return std::nullopt;
    return Catalogue::fromJson(m_catalogueBytes, nullptr);
}


PlatformCall *PlatformClient::heartbeat(const QJsonObject &report)
{
    return start(PlatformEndpoint::Heartbeat, "POST", QStringLiteral("/heartbeat"),
                 QJsonDocument(report).toJson(QJsonDocument::Compact), "application/json");
}

PlatformCall *PlatformClient::uploadScreenshot(const QByteArray &png, const QString &commandId)
{
    PlatformCall *call = start(PlatformEndpoint::Screenshots, "POST", QStringLiteral("/screenshots"), png, "image/png", newIdempotencyKey());
    call->m_extraHeaders.insert("X-Command-Id", commandId.toUtf8());
    return call;
}

PlatformCall *PlatformClient::start(PlatformEndpoint endpoint, const QByteArray &method, const QString &path,
                                    const QByteArray &body, const QByteArray &contentType, const QString &idempotencyKey,
                                    bool live)
{
    auto *call = new PlatformCall(endpoint, this);
    call->m_method = method;
    call->m_path = path;
    call->m_body = body;
    call->m_contentType = contentType;
    call->m_idempotencyKey = idempotencyKey;
    call->m_signed = endpoint != PlatformEndpoint::Enroll;
    call->m_live = live;
    // Sending from the event loop lets the caller connect to finished() first, even when the
    // call fails before any byte leaves.
    QTimer::singleShot(0, call, [this, call] {
        if (!call->m_finished)
            send(call);
    });
    return call;
}

void PlatformClient::send(PlatformCall *call)
{
    auto failNow = [call](PlatformOutcome outcome, const QString &code, const QString &message) {
        PlatformResult result = PlatformResult::networkFailure(code, message);
        result.outcome = outcome;
        call->finish(result);
    };
    const QUrl &base = m_settings.baseUrl;
    if (base.scheme() != QLatin1String("https") && !(base.scheme() == QLatin1String("http") && isLoopback(base)))
        return failNow(PlatformOutcome::Permanent, QStringLiteral("insecure_url"),
                       QStringLiteral("plain HTTP is allowed only towards loopback"));
    if (call->m_signed && !(m_settings.credentials && m_settings.credentials->isValid()))
        return failNow(PlatformOutcome::Permanent, QStringLiteral("not_enrolled"),
                       QStringLiteral("the terminal has no credentials; run kioskctl enroll"));
    if (call->m_endpoint == PlatformEndpoint::Materials && call->m_body.size() > maxMaterialBytes)
        return failNow(PlatformOutcome::Permanent, QStringLiteral("too_large"), QStringLiteral("a material may be at most 10 MiB"));
    if (base.scheme() == QLatin1String("https") && m_settings.caCertificates.isEmpty())
        return failNow(PlatformOutcome::Permanent, QStringLiteral("no_trusted_ca"),
                       PlatformClientSettings::missingCaReason(base));
    if (call->m_live && m_failFast && m_connectivity == Connectivity::Offline)
        return failNow(PlatformOutcome::Transient, QStringLiteral("offline"), QStringLiteral("the platform is offline"));

    QString basePath = base.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    const QUrl url = QUrl::fromEncoded(base.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
                                           + (basePath + call->m_path).toLatin1(),
                                       QUrl::StrictMode);
    // Signed exactly as Qt writes the request line, so QUrl's normalisation cannot break it.
    const QByteArray pathAndQuery =
        url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment | QUrl::RemoveUserInfo);

    QNetworkRequest request(url);
    request.setTransferTimeout(m_settings.timeoutMs);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setProtocol(QSsl::TlsV1_2OrLater);
        tls.setCaCertificates(m_settings.caCertificates); // replaces the system store entirely
        if (!m_settings.clientCertificate.isNull()) {
            tls.setLocalCertificate(m_settings.clientCertificate);
            tls.setPrivateKey(m_settings.clientKey);
        }
        request.setSslConfiguration(tls);
    }
    if (!call->m_contentType.isEmpty())
        request.setRawHeader("Content-Type", call->m_contentType);
    if (!call->m_idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", call->m_idempotencyKey.toLatin1());
    for (auto it = call->m_extraHeaders.cbegin(); it != call->m_extraHeaders.cend(); ++it)
        request.setRawHeader(it.key(), it.value());
    if (call->m_signed) {
        const QDateTime now = QDateTime::currentDateTime().addMSecs(m_clockOffsetMs);
        const QByteArray timestamp = RequestSigner::timestamp(now);
        const QByteArray nonce = newNonce();
        const QByteArray canonical = RequestSigner::canonicalString(
            call->m_method, pathAndQuery, timestamp, nonce, RequestSigner::bodyHash(m_settings.algorithm, call->m_body));
        request.setRawHeader("X-Terminal-Id", m_settings.credentials->terminalId.toLatin1());
        request.setRawHeader("X-Timestamp", timestamp);
        request.setRawHeader("X-Nonce", nonce);
        request.setRawHeader("X-Signature-Alg", RequestSigner::algorithmName(m_settings.algorithm).toLatin1());
        request.setRawHeader("X-Signature",
                             RequestSigner::signature(m_settings.algorithm, m_settings.credentials->secret, canonical));
    }

    QNetworkReply *reply = call->m_method == "GET" ? m_network->get(request)
                                                    : m_network->sendCustomRequest(request, call->m_method, call->m_body);
    call->m_reply = reply;
    connect(reply, &QNetworkReply::finished, call, [this, call, reply] { handleReply(call, reply); });
    // Aborted by the deadline, the reply finishes as cancelled, which handleReply calls a timeout.
    QTimer::singleShot(m_settings.timeoutMs + call->m_body.size() * 1000 / slowestUplinkBytesPerS, reply, [reply] {
        if (reply->isRunning())
            reply->abort();
    });
}

void PlatformClient::handleReply(PlatformCall *call, QNetworkReply *reply)
{
    reply->deleteLater();
    call->m_reply = nullptr;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    PlatformResult result;
    if (!statusAttribute.isValid() || reply->error() == QNetworkReply::OperationCanceledError
        || reply->error() == QNetworkReply::RemoteHostClosedError || reply->error() == QNetworkReply::TimeoutError
        || reply->error() == QNetworkReply::SslHandshakeFailedError) {
        // No complete HTTP answer: retried like 503, as the contract says.
        result = PlatformResult::networkFailure(networkCode(reply->error()), reply->errorString());
        // The transfer timeout cancels the reply too; only abort() is the caller's own doing.
        if (reply->error() == QNetworkReply::OperationCanceledError && !call->m_aborted)
            result.errorCode = QStringLiteral("timeout");
    } else {
        QHash<QByteArray, QByteArray> headers;
        for (const auto &pair : reply->rawHeaderPairs())
            headers.insert(pair.first.toLower(), pair.second);
        const QByteArray body = reply->readAll();
        bool lengthOk = false;
        const qsizetype announced = headers.value("content-length").toLongLong(&lengthOk);
        if (lengthOk && body.size() < announced)
            result = PlatformResult::networkFailure(QStringLiteral("truncated"), QStringLiteral("the connection closed mid-body"));
        else
            result = PlatformResponse::classify(call->m_endpoint, statusAttribute.toInt(), headers, body);
    }
    if (reply->url().scheme() == QLatin1String("https")) {
        const QSslConfiguration tls = reply->sslConfiguration();
        const QSslCertificate peer = tls.peerCertificate();
        if (!peer.isNull())
            result.tls = QStringLiteral("%1, %2, certificate %3 issued by %4")
                             .arg(tls.sessionCipher().protocolString(), tls.sessionCipher().name(),
                                  peer.subjectInfo(QSslCertificate::CommonName).join(QLatin1Char(' ')),
                                  peer.issuerInfo(QSslCertificate::CommonName).join(QLatin1Char(' ')));
    }

    if (result.errorCode == QLatin1String("replayed") && !call->m_replayRetried) {
        call->m_replayRetried = true;
        qCInfo(lcPlatform) << "nonce replayed by a resend; signing again (request" << result.requestId << ")";
        send(call);
        return;
    }
    if (result.serverTime.isValid())
        noteServerTime(result.serverTime, result.outcome == PlatformOutcome::ClockSkew);
    if (result.outcome == PlatformOutcome::ClockSkew && !call->m_skewRetried) {
        call->m_skewRetried = true;
        qCInfo(lcPlatform) << "clock offset is" << m_clockOffsetMs << "ms after clock_skew"
                           << "(request" << result.requestId << ")";
        send(call);
        return;
    }
    if (result.outcome == PlatformOutcome::Ok) {
        if (call->m_endpoint == PlatformEndpoint::Catalogue) {
            if (result.notModified)
                result.content = m_catalogueBytes;
            else
                storeCatalogue(result.content, result.etag);
        }
    } else if (result.errorCode != QLatin1String("aborted")) {
        qCWarning(lcPlatform).noquote() << endpointName(call->m_endpoint) << "failed:" << result.summary();
    }
    if (result.errorCode != QLatin1String("aborted"))
        noteOutcome(result);
    call->finish(result);
}

void PlatformClient::noteOutcome(const PlatformResult &result)
{
    if (result.httpStatus == 0)
        setConnectivity(Connectivity::Offline);
    else if (result.outcome == PlatformOutcome::Transient && result.httpStatus != 409)
        setConnectivity(Connectivity::Degraded);
    else
        setConnectivity(Connectivity::Online);
}

void PlatformClient::noteServerTime(const QDateTime &serverTime, bool clockSkewAnswer)
{
    const QDateTime receivedAt = QDateTime::currentDateTimeUtc();
    const bool wasFarOff = m_clockSkew.isFarOff();
    m_clockSkew = ClockSkew::fromDateHeader(serverTime, receivedAt);
    if (m_clockSkew.isFarOff() != wasFarOff) {
        if (m_clockSkew.isFarOff())
            qCWarning(lcPlatform).noquote() << "this terminal's clock is" << m_clockSkew.seconds()
                                            << "off the platform's: dates are judged by the platform's time until it is set";
        else
            qCInfo(lcPlatform).noquote() << "this terminal's clock agrees with the platform's again";
        emit clockFarOffChanged(m_clockSkew.isFarOff());
    }
    // A clock_skew answer is exact (details.server_time when a proxy rewrote Date).
    const qint64 offset = clockSkewAnswer ? receivedAt.msecsTo(serverTime) : m_clockSkew.offsetMs;
    if (offset == m_clockOffsetMs || (!clockSkewAnswer && qAbs(offset - m_clockOffsetMs) <= ClockSkewFollowMs))
        return;
    m_clockOffsetMs = offset;
    qCInfo(lcPlatform) << "clock offset corrected to" << m_clockOffsetMs << "ms";
    emit clockOffsetChanged(m_clockOffsetMs);
}

void PlatformClient::setConnectivity(Connectivity connectivity)
{
    if (m_connectivity == connectivity)
        return;
    m_connectivity = connectivity;
    qCInfo(lcPlatform).noquote() << "platform is" << connectivityName(connectivity);
    emit connectivityChanged(connectivity);
}

void PlatformClient::storeCatalogue(const QByteArray &bytes, const QByteArray &etag)
{
    m_catalogueBytes = bytes;
    m_catalogueEtag = etag;
    if (m_settings.catalogueCachePath.isEmpty())
        return;
    QDir().mkpath(QFileInfo(m_settings.catalogueCachePath).absolutePath());
    // kioskctl may run this as root in the kiosk's state directory: links there are replaced, never followed.
    if (!StateFile::replace(m_settings.catalogueCachePath, bytes)
        || !StateFile::replace(m_settings.catalogueCachePath + QStringLiteral(".etag"), etag))
        qCWarning(lcPlatform).noquote() << "cannot keep the catalogue in" << m_settings.catalogueCachePath;
}
