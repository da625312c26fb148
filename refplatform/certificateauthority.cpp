#include "certificateauthority.h"

#include <QDir>
#include <QFile>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

Key newKey()
{
    return Key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool ok = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return ok;
}

Cert newCertificate(EVP_PKEY *key, const char *commonName, X509 *issuer, EVP_PKEY *issuerKey, bool isCa,
                    const char *usage, const char *subjectAltName)
{
    Cert cert(X509_new(), &X509_free);
    unsigned char serial[16];
    RAND_bytes(serial, sizeof serial);
    serial[0] &= 0x7f;
    BIGNUM *number = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert.get()));
    BN_free(number);
    X509_set_version(cert.get(), 2);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * 825);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("Kiosk reference platform"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
    bool ok = addExtension(cert.get(), signer, NID_basic_constraints, isCa ? "critical,CA:TRUE" : "critical,CA:FALSE")
        && addExtension(cert.get(), signer, NID_key_usage, isCa ? "critical,keyCertSign,cRLSign" : "critical,digitalSignature,keyAgreement")
        && addExtension(cert.get(), signer, NID_subject_key_identifier, "hash")
        && (isCa || addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid:always"));
    if (ok && usage)
        ok = addExtension(cert.get(), signer, NID_ext_key_usage, usage);
    if (ok && subjectAltName)
        ok = addExtension(cert.get(), signer, NID_subject_alt_name, subjectAltName);
    if (!ok || X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return Cert(nullptr, &X509_free);
    return cert;
}

bool writePem(const QString &path, X509 *cert, EVP_PKEY *key)
{
    BIO *bio = BIO_new(BIO_s_mem());
    const bool ok = cert ? PEM_write_bio_X509(bio, cert) == 1
                         : PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    const QByteArray pem(data, int(length));
    BIO_free(bio);
    QFile file(path);
    if (!ok || !file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    if (!cert)
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return file.write(pem) == pem.size();
}

} // namespace

namespace CertificateAuthority {

bool ensure(const QString &directory, QString *error)
{
    const QDir dir(directory);
    if (QFile::exists(dir.filePath(QStringLiteral("ca.pem"))) && QFile::exists(dir.filePath(QStringLiteral("server.pem"))))
        return true;
    if (!QDir().mkpath(directory)) {
        *error = QStringLiteral("cannot create %1").arg(directory);
        return false;
    }
    Key caKey = newKey();
    Key serverKey = newKey();
    Key clientKey = newKey();
    if (!caKey || !serverKey || !clientKey) {
        *error = QStringLiteral("OpenSSL could not make P-256 keys");
        return false;
    }
    Cert ca = newCertificate(caKey.get(), "Kiosk reference platform CA", nullptr, nullptr, true, nullptr, nullptr);
    if (!ca) {
        *error = QStringLiteral("OpenSSL could not make the CA certificate");
        return false;
    }
    Cert server = newCertificate(serverKey.get(), "localhost", ca.get(), caKey.get(), false, "serverAuth",
                                 "DNS:localhost,IP:127.0.0.1,IP:::1");
    Cert client = newCertificate(clientKey.get(), "kiosk terminal", ca.get(), caKey.get(), false, "clientAuth", nullptr);
    if (!server || !client) {
        *error = QStringLiteral("OpenSSL could not sign the server or client certificate");
        return false;
    }
    const bool ok = writePem(dir.filePath(QStringLiteral("ca-key.pem")), nullptr, caKey.get())
        && writePem(dir.filePath(QStringLiteral("server-key.pem")), nullptr, serverKey.get())
        && writePem(dir.filePath(QStringLiteral("server.pem")), server.get(), nullptr)
        && writePem(dir.filePath(QStringLiteral("client-key.pem")), nullptr, clientKey.get())
        && writePem(dir.filePath(QStringLiteral("client.pem")), client.get(), nullptr)
        && writePem(dir.filePath(QStringLiteral("ca.pem")), ca.get(), nullptr);
    if (!ok)
        *error = QStringLiteral("cannot write the PEM files in %1").arg(directory);
    return ok;
}

} // namespace CertificateAuthority
