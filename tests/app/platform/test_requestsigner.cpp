#include "requestsigner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

// The signer against vectors computed by the openssl command line (data/make-signature-vectors.py),
// so a mistake in the canonical string or the HMAC cannot hide behind the code checking itself.
class TestRequestSigner : public QObject
{
    Q_OBJECT

private slots:
    void signsLikeTheContractVectors_data();
    void signsLikeTheContractVectors();
    void canonicalStringHasFiveLinesAndNoTrailingNewline();
    void rejectsASignatureOverAnotherBody();
    void rejectsASignatureMadeWithTheOtherAlgorithm();
    void writesTimestampsWithAnExplicitOffset();
    void readsBackTheTimestampsItWritesAndRefusesALocalTime();
    void acceptsOnlyHexNoncesOf16To64Characters_data();
    void acceptsOnlyHexNoncesOf16To64Characters();
};

void TestRequestSigner::signsLikeTheContractVectors_data()
{
    QTest::addColumn<QJsonObject>("vector");
    QFile file(QStringLiteral(KIOSK_PLATFORM_TEST_DATA "/signature-vectors.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QJsonArray vectors = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("vectors")).toArray();
    QVERIFY(vectors.size() >= 6);
    int sha = 0;
    int sm3 = 0;
    for (const QJsonValue &v : vectors) {
        const QJsonObject o = v.toObject();
        const QString alg = o.value(QLatin1String("algorithm")).toString();
        (alg == QLatin1String("HMAC-SM3") ? sm3 : sha)++;
        QTest::addRow("%s %s %s", qPrintable(alg), qPrintable(o.value(QLatin1String("method")).toString()),
                      qPrintable(o.value(QLatin1String("path")).toString()))
            << o;
    }
    QVERIFY(sha > 0 && sm3 > 0);
}

void TestRequestSigner::signsLikeTheContractVectors()
{
    QFETCH(QJsonObject, vector);
    const auto alg = RequestSigner::algorithmFromName(vector.value(QLatin1String("algorithm")).toString());
    QVERIFY(alg);
    const QByteArray body = vector.value(QLatin1String("body")).toString().toUtf8();
    const QByteArray hash = RequestSigner::bodyHash(*alg, body);
    QCOMPARE(hash, vector.value(QLatin1String("body_hash")).toString().toLatin1());
    const QByteArray canonical = RequestSigner::canonicalString(
        vector.value(QLatin1String("method")).toString().toLatin1(), vector.value(QLatin1String("path")).toString().toLatin1(),
        vector.value(QLatin1String("timestamp")).toString().toLatin1(), vector.value(QLatin1String("nonce")).toString().toLatin1(),
        hash);
    const QByteArray secret = QByteArray::fromHex(vector.value(QLatin1String("secret_hex")).toString().toLatin1());
    const QByteArray expected = vector.value(QLatin1String("signature")).toString().toLatin1();
    QCOMPARE(RequestSigner::signature(*alg, secret, canonical), expected);
    QVERIFY(RequestSigner::verify(*alg, secret, canonical, expected));
    QVERIFY(RequestSigner::verify(*alg, secret, canonical, expected.toUpper()));
}

void TestRequestSigner::canonicalStringHasFiveLinesAndNoTrailingNewline()
{
    const QByteArray canonical = RequestSigner::canonicalString("GET", "/terminal/v1/catalogue", "2026-11-23T13:05:00+08:00",
                                                                "0123456789abcdef", RequestSigner::bodyHash(SignatureAlgorithm::HmacSha256, {}));
    QCOMPARE(canonical.split('\n').size(), 5);
    QVERIFY(!canonical.endsWith('\n'));
    QVERIFY(canonical.endsWith("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

void TestRequestSigner::rejectsASignatureOverAnotherBody()
{
    const QByteArray secret(32, 'k');
    const auto alg = SignatureAlgorithm::HmacSm3;
    const QByteArray signedOne = RequestSigner::canonicalString("POST", "/cases", "t", "n", RequestSigner::bodyHash(alg, "{\"a\":1}"));
    const QByteArray other = RequestSigner::canonicalString("POST", "/cases", "t", "n", RequestSigner::bodyHash(alg, "{\"a\":2}"));
    QVERIFY(!RequestSigner::verify(alg, secret, other, RequestSigner::signature(alg, secret, signedOne)));
}

void TestRequestSigner::rejectsASignatureMadeWithTheOtherAlgorithm()
{
    const QByteArray secret(32, 'k');
    const QByteArray canonical("GET\n/x\nt\nn\nh");
    const QByteArray sha = RequestSigner::signature(SignatureAlgorithm::HmacSha256, secret, canonical);
    QCOMPARE(sha.size(), 64);
    QVERIFY(!RequestSigner::verify(SignatureAlgorithm::HmacSm3, secret, canonical, sha));
    QVERIFY(!RequestSigner::verify(SignatureAlgorithm::HmacSha256, secret, canonical, QByteArray()));
}

void TestRequestSigner::writesTimestampsWithAnExplicitOffset()
{
    const QDateTime utc(QDate(2026, 11, 23), QTime(5, 5, 0), QTimeZone::utc());
    QCOMPARE(RequestSigner::timestamp(utc), QByteArray("2026-11-23T05:05:00+00:00"));
    QCOMPARE(RequestSigner::timestamp(utc.toOffsetFromUtc(8 * 3600)), QByteArray("2026-11-23T13:05:00+08:00"));
    QCOMPARE(RequestSigner::timestamp(utc.toOffsetFromUtc(-(5 * 3600 + 1800))), QByteArray("2026-11-22T23:35:00-05:30"));
}

void TestRequestSigner::readsBackTheTimestampsItWritesAndRefusesALocalTime()
{
    const QDateTime utc(QDate(2026, 11, 23), QTime(5, 5, 0), QTimeZone::utc());
    QCOMPARE(RequestSigner::parseTimestamp(RequestSigner::timestamp(utc.toOffsetFromUtc(8 * 3600))), utc);
    QCOMPARE(RequestSigner::parseTimestamp("2026-11-23T05:05:00Z"), utc);
    QVERIFY(!RequestSigner::parseTimestamp("2026-11-23T13:05:00").isValid());
    QVERIFY(!RequestSigner::parseTimestamp("Mon, 23 Nov 2026 05:05:00 GMT").isValid());
}

void TestRequestSigner::acceptsOnlyHexNoncesOf16To64Characters_data()
{
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<bool>("valid");
    QTest::newRow("16 hex") << QByteArray("0123456789abcdef") << true;
    QTest::newRow("64 hex") << QByteArray(64, 'F') << true;
    QTest::newRow("15 hex") << QByteArray("0123456789abcde") << false;
    QTest::newRow("65 hex") << QByteArray(65, 'a') << false;
    QTest::newRow("not hex") << QByteArray("0123456789abcdeg") << false;
}

void TestRequestSigner::acceptsOnlyHexNoncesOf16To64Characters()
{
    QFETCH(QByteArray, nonce);
    QFETCH(bool, valid);
    QCOMPARE(RequestSigner::isValidNonce(nonce), valid);
}

QTEST_GUILESS_MAIN(TestRequestSigner)
#include "test_requestsigner.moc"
