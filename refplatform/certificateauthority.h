#pragma once

#include <QString>

// A private CA for the demo and the tests, made with OpenSSL: ca.pem (what the kiosk's
// platform/ca_file names), server.pem/server-key.pem for 127.0.0.1 and localhost, and
// client.pem/client-key.pem for mutual TLS. A folder that already holds ca.pem is reused.
namespace CertificateAuthority {

[[nodiscard]] bool ensure(const QString &directory, QString *error);

} // namespace CertificateAuthority
