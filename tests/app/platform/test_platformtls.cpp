#include "enrolledplatformsuite.h"
#include "kioskconfig.h"
#include "platformwait.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

// TLS towards reference platforms with CAs of their own: the configured CA trusted and no other,
// none at all refused with the configuration key named, and a client certificate for mutual TLS.
class TestPlatformTls : public EnrolledPlatformSuite
{
    Q_OBJECT

private slots:
    void initTestCase() { startAndEnrol(); }
    void init() { clearFaults(); }

    void talksTlsToAServerSignedByTheConfiguredCa();
    void rejectsAServerCertificateFromAnotherCa();
    void trustsNoCaButTheConfiguredOne();
    void presentsAClientCertificateForMutualTls();
};

void TestPlatformTls::talksTlsToAServerSignedByTheConfiguredCa()
{
    QTemporaryDir dir;
    RefPlatformProcess server;
    QVERIFY2(server.start({QStringLiteral("--enroll-token"), QStringLiteral("t")}, dir.filePath(QStringLiteral("ca"))), qPrintable(server.errorText()));
    QVERIFY(server.httpsUrl().isValid());
    PlatformClientSettings s = settings(server.httpsUrl());
    s.credentials.reset();
    s.caCertificates = QSslCertificate::fromPath(dir.filePath(QStringLiteral("ca/ca.pem")));
    QCOMPARE(s.caCertificates.size(), 1);
    PlatformClient client(s);
    const PlatformResult enrolled = waitFor(client.enroll(QStringLiteral("t"), {}, {}, QStringLiteral("340103-HALL-01")));
    QVERIFY2(enrolled.isOk(), qPrintable(enrolled.summary()));
    QVERIFY2(enrolled.tls.contains(QLatin1String("TLSv1.")), qPrintable(enrolled.tls));
    client.setCredentials({enrolled.body.value(QLatin1String("terminal_id")).toString(),
                           QByteArray::fromBase64(enrolled.body.value(QLatin1String("secret")).toString().toLatin1()), {}, {}});
    QVERIFY(waitFor(client.fetchCatalogue()).isOk());
}

void TestPlatformTls::rejectsAServerCertificateFromAnotherCa()
{
    QTemporaryDir dir;
    RefPlatformProcess server;
    RefPlatformProcess other;
    QVERIFY2(server.start({}, dir.filePath(QStringLiteral("ca"))), qPrintable(server.errorText()));
    QVERIFY2(other.start({}, dir.filePath(QStringLiteral("other-ca"))), qPrintable(other.errorText()));
    PlatformClientSettings s = settings(server.httpsUrl());
    s.caCertificates = QSslCertificate::fromPath(dir.filePath(QStringLiteral("other-ca/ca.pem")));
    QCOMPARE(s.caCertificates.size(), 1);
    PlatformClient client(s);
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Transient);
    QCOMPARE(r.httpStatus, 0);
    QCOMPARE(r.errorCode, QStringLiteral("tls"));
    QCOMPARE(client.connectivity(), PlatformClient::Connectivity::Offline);
    QCOMPARE(server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray().size(), 0);
}

void TestPlatformTls::trustsNoCaButTheConfiguredOne()
{
    QTemporaryDir dir;
    RefPlatformProcess server;
    QVERIFY2(server.start({}, dir.filePath(QStringLiteral("ca"))), qPrintable(server.errorText()));
    PlatformClientSettings s = settings(server.httpsUrl());
    s.caCertificates.clear();
    PlatformClient client(s);
    const PlatformResult r = waitFor(client.heartbeat({}));
    QCOMPARE(r.outcome, PlatformOutcome::Permanent);
    QCOMPARE(r.errorCode, QStringLiteral("no_trusted_ca"));
    QVERIFY(r.message.contains(QLatin1String("platform/ca_file")));
    QCOMPARE(server.inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray().size(), 0);

    // From the configuration: an https platform without ca_file is refused, naming the key.
    KioskConfig config = KioskConfig::defaults();
    config.set(QStringLiteral("platform/url"), server.httpsUrl().toString());
    config.set(QStringLiteral("platform/ca_file"), QString());
    QString error;
    QVERIFY(!PlatformClientSettings::fromConfig(config, &error));
    QVERIFY2(error.startsWith(QLatin1String("platform/ca_file: ")), qPrintable(error));
    QVERIFY(error.contains(QLatin1String("never the system store")));
    config.set(QStringLiteral("platform/ca_file"), dir.filePath(QStringLiteral("ca/ca.pem")));
    QVERIFY2(PlatformClientSettings::fromConfig(config, &error), qPrintable(error));
}

void TestPlatformTls::presentsAClientCertificateForMutualTls()
{
    QTemporaryDir dir;
    const QString ca = dir.filePath(QStringLiteral("ca"));
    RefPlatformProcess server;
    QVERIFY2(server.start({QStringLiteral("--client-ca"), ca + QStringLiteral("/ca.pem"), QStringLiteral("--enroll-token"), QStringLiteral("a"),
                           QStringLiteral("--enroll-token"), QStringLiteral("b")}, ca),
             qPrintable(server.errorText()));
    PlatformClientSettings s = settings(server.httpsUrl());
    s.credentials.reset();
    s.caCertificates = QSslCertificate::fromPath(ca + QStringLiteral("/ca.pem"));
    {
        PlatformClient anonymous(s);
        const PlatformResult refused = waitFor(anonymous.enroll(QStringLiteral("a"), {}, {}, QStringLiteral("340103-HALL-01")));
        QCOMPARE(refused.outcome, PlatformOutcome::Transient);
        QCOMPARE(refused.httpStatus, 0);
    }
    s.clientCertificate = QSslCertificate::fromPath(ca + QStringLiteral("/client.pem")).value(0);
    QFile key(ca + QStringLiteral("/client-key.pem"));
    QVERIFY(key.open(QIODevice::ReadOnly));
    s.clientKey = QSslKey(key.readAll(), QSsl::Ec);
    QVERIFY(!s.clientKey.isNull());
    PlatformClient client(s);
    const PlatformResult enrolled = waitFor(client.enroll(QStringLiteral("b"), {}, {}, QStringLiteral("340103-HALL-01")));
    QVERIFY2(enrolled.isOk(), qPrintable(enrolled.summary()));
}

QTEST_GUILESS_MAIN(TestPlatformTls)
#include "test_platformtls.moc"
