#include "platformclient.h"

#include "cataloguechoice.h"
#include "kioskconfig.h"

#include <QFile>
#include <QFileInfo>

// The contract: the kiosk trusts only the CA bundle its configuration names, never the system
// store, so an https platform without one is a configuration error and not a quiet fallback.
QString PlatformClientSettings::missingCaReason(const QUrl &url)
{
    return QStringLiteral("platform/ca_file: must name the CA bundle (PEM) that signs %1's certificate; the kiosk "
                          "trusts only that CA, never the system store")
        .arg(url.host());
}

std::optional<PlatformClientSettings> PlatformClientSettings::fromConfig(const KioskConfig &config, QString *error)
{
    auto fail = [&](const QString &reason) -> std::optional<PlatformClientSettings> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    PlatformClientSettings settings;
    settings.baseUrl = QUrl(config.string(QStringLiteral("platform/url")));
    if (!settings.baseUrl.isValid() || settings.baseUrl.host().isEmpty())
        return fail(QStringLiteral("platform/url: not a URL"));
    const QString caFile = config.string(QStringLiteral("platform/ca_file"));
    if (caFile.isEmpty() && settings.baseUrl.scheme() == QLatin1String("https"))
        return fail(missingCaReason(settings.baseUrl));
    if (!caFile.isEmpty()) {
        settings.caCertificates = QSslCertificate::fromPath(caFile, QSsl::Pem);
        if (settings.caCertificates.isEmpty())
            return fail(QStringLiteral("platform/ca_file: no PEM certificate in %1").arg(caFile));
    }
    const QString certFile = config.string(QStringLiteral("platform/client_cert"));
    if (!certFile.isEmpty()) {
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(certFile, QSsl::Pem);
        QFile keyFile(config.string(QStringLiteral("platform/client_key")));
        if (certs.isEmpty())
            return fail(QStringLiteral("platform/client_cert: no PEM certificate in %1").arg(certFile));
        if (!keyFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("platform/client_key: %1").arg(keyFile.errorString()));
        const QByteArray pem = keyFile.readAll();
        settings.clientCertificate = certs.first();
        settings.clientKey = QSslKey(pem, QSsl::Ec);
        if (settings.clientKey.isNull())
            settings.clientKey = QSslKey(pem, QSsl::Rsa);
        if (settings.clientKey.isNull())
            return fail(QStringLiteral("platform/client_key: not an EC or RSA private key in PEM"));
    }
    settings.algorithm = RequestSigner::algorithmFromName(config.string(QStringLiteral("platform/signature_alg")))
                             .value_or(SignatureAlgorithm::HmacSha256);
    settings.timeoutMs = int(config.integer(QStringLiteral("platform/timeout_s")) * 1000);
    const QString credentialsFile = config.string(QStringLiteral("platform/credentials_file"));
    if (QFileInfo::exists(credentialsFile)) {
        QString credentialsError;
        settings.credentials = TerminalCredentials::load(credentialsFile, &credentialsError);
        if (!settings.credentials)
            return fail(credentialsError);
    }
    settings.catalogueCachePath = CatalogueChoice::platformCachePath(config);
    return settings;
}
