#include "admincode.h"
#include "admincodereplaylist.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <openssl/evp.h>
#include <openssl/pem.h>

// The signed admin code: every refusal is produced by a real code, signed, then tampered with,
// expired, aimed elsewhere or shown twice, never by a hand-written verdict.
class TestAdminCode : public QObject
{
    Q_OBJECT

private:
    AdminKeyPair m_key;
    AdminKeyPair m_otherKey;
    QDateTime m_now;
    const QString m_terminal = QStringLiteral("T-340103-0007");

    [[nodiscard]] AdminCodeClaims claims(int issuedOffsetS = -30, int validS = 10 * 60, const QString &terminal = {}) const
    {
        AdminCodeClaims c;
        c.terminal = terminal.isEmpty() ? m_terminal : terminal;
        c.role = QStringLiteral("maintainer");
        c.issued = m_now.addSecs(issuedOffsetS);
        c.expires = c.issued.addSecs(validS);
        return c;
    }

    [[nodiscard]] QString signedWith(const AdminCodeClaims &c, const AdminKeyPair &key) const
    {
        QString error;
        const QString payload = AdminCode::sign(c, key.privatePem, &error);
        if (payload.isEmpty())
            qWarning() << "signing failed:" << error;
        return payload;
    }

    [[nodiscard]] AdminCodeVerdict check(const QString &payload) const
    {
        return AdminCode::verify(payload, {m_key.publicPem}, m_terminal, m_now);
    }

    // A code signed without kioskctl's rules, as a tool that knows only the format would make it.
    static QString signedRaw(const AdminCodeClaims &c, const AdminKeyPair &key)
    {
        const auto options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        const QJsonObject json{{QStringLiteral("terminal"), c.terminal},
                               {QStringLiteral("role"), c.role},
                               {QStringLiteral("issued"), c.issued.toSecsSinceEpoch()},
                               {QStringLiteral("expires"), c.expires.toSecsSinceEpoch()},
                               {QStringLiteral("nonce"), QStringLiteral("0123456789abcdef01234567")},
                               {QStringLiteral("key_id"), AdminCode::keyIdOf(key.publicPem)}};
        const QByteArray signedPart = "KIOSKADM1." + QJsonDocument(json).toJson(QJsonDocument::Compact).toBase64(options);
        BIO *bio = BIO_new_mem_buf(key.privatePem.constData(), int(key.privatePem.size()));
        EVP_PKEY *pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        EVP_MD_CTX *context = EVP_MD_CTX_new();
        QByteArray signature(64, '\0');
        size_t length = size_t(signature.size());
        const bool ok = pkey && EVP_DigestSignInit(context, nullptr, nullptr, nullptr, pkey) == 1
            && EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length,
                              reinterpret_cast<const unsigned char *>(signedPart.constData()), size_t(signedPart.size()))
                == 1;
        EVP_MD_CTX_free(context);
        EVP_PKEY_free(pkey);
        return ok ? QString::fromLatin1(signedPart + '.' + signature.left(qsizetype(length)).toBase64(options)) : QString();
    }

    // The same signature over claims changed after signing, as a forger would try.
    static QString withClaim(const QString &payload, const QString &key, const QJsonValue &value)
    {
        const QStringList parts = payload.split(QLatin1Char('.'));
        const auto options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
        QJsonObject json = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1).toLatin1(), options)).object();
        json.insert(key, value);
        const QByteArray encoded = QJsonDocument(json).toJson(QJsonDocument::Compact).toBase64(options);
        return parts.at(0) + QLatin1Char('.') + QString::fromLatin1(encoded) + QLatin1Char('.') + parts.at(2);
    }

private slots:
    void initTestCase()
    {
        QString error;
        const std::optional<AdminKeyPair> key = AdminCode::generateKeyPair(&error);
        QVERIFY2(key, qPrintable(error));
        m_key = *key;
        const std::optional<AdminKeyPair> other = AdminCode::generateKeyPair(&error);
        QVERIFY2(other, qPrintable(error));
        m_otherKey = *other;
        QVERIFY(m_key.publicPem.startsWith("-----BEGIN PUBLIC KEY-----"));
        QVERIFY(m_key.privatePem.startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    void init()
    {
        m_now = QDateTime(QDate(2026, 11, 23), QTime(13, 0), Qt::UTC);
    }

    void acceptsAGoodCodeForThisTerminalAndReadsItsClaims()
    {
        const QString payload = signedWith(claims(), m_key);
        QVERIFY(payload.startsWith(QLatin1String("KIOSKADM1.")));
        // About 300 characters: a version-13 QR code at error correction M, which a phone screen
        // or a printed card shows comfortably.
        QVERIFY2(payload.size() <= 330, qPrintable(QString::number(payload.size())));
        QVERIFY(AdminCode::isAdminCodePayload(payload));
        const AdminCodeVerdict verdict = check(payload);
        QCOMPARE(AdminCode::errorName(verdict.error), QStringLiteral("ok"));
        QCOMPARE(verdict.claims.role, QStringLiteral("maintainer"));
        QCOMPARE(verdict.claims.terminal, m_terminal);
        QCOMPARE(verdict.claims.keyId, AdminCode::keyIdOf(m_key.publicPem));
        QCOMPARE(verdict.claims.nonce.size(), 24);
        QCOMPARE(verdict.claims.expires, m_now.addSecs(-30 + 600));
    }

    void acceptsACodeForAnyTerminalOfTheSite()
    {
        AdminCodeClaims technician = claims(-30, 300, QStringLiteral("*"));
        technician.role = QStringLiteral("technician");
        const QString payload = signedWith(technician, m_key);
        QVERIFY(AdminCode::verify(payload, {m_key.publicPem}, m_terminal, m_now, false).ok());
        QVERIFY(AdminCode::verify(payload, {m_key.publicPem}, QStringLiteral("340103-HALL-02"), m_now, false).ok());
    }

    void aCodeForAnyTerminalOnlySetsUpANewTerminalForAFewMinutes()
    {
        AdminCodeClaims technician = claims(-30, 300, QStringLiteral("*"));
        technician.role = QStringLiteral("technician");
        const QString payload = signedWith(technician, m_key);
        // Once the terminal is enrolled the site-wide code opens nothing: it would open maintenance.
        const AdminCodeVerdict enrolled = AdminCode::verify(payload, {m_key.publicPem}, m_terminal, m_now, true);
        QCOMPARE(AdminCode::errorName(enrolled.error), QStringLiteral("wildcard_refused"));
        QCOMPARE(AdminCode::errorName(check(payload).error), QStringLiteral("wildcard_refused"));

        // Signing refuses a maintainer's code for any terminal, and one valid for over five minutes.
        QString error;
        QVERIFY(AdminCode::sign(claims(-30, 300, QStringLiteral("*")), m_key.privatePem, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("technician")), qPrintable(error));
        AdminCodeClaims tooLong = technician;
        tooLong.expires = tooLong.issued.addSecs(AdminCode::WildcardMaximumValiditySeconds + 1);
        QVERIFY(AdminCode::sign(tooLong, m_key.privatePem, &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("5 minutes")), qPrintable(error));

        // Signed anyway (by an older kioskctl, or another tool), such codes are refused when used.
        AdminCodeClaims maintainer = claims(-30, 300, QStringLiteral("*"));
        QCOMPARE(AdminCode::errorName(
                     AdminCode::verify(signedRaw(maintainer, m_key), {m_key.publicPem}, m_terminal, m_now, false).error),
                 QStringLiteral("wildcard_refused"));
        QCOMPARE(AdminCode::errorName(
                     AdminCode::verify(signedRaw(tooLong, m_key), {m_key.publicPem}, m_terminal, m_now, false).error),
                 QStringLiteral("wildcard_refused"));
        QVERIFY(AdminCode::verify(signedRaw(technician, m_key), {m_key.publicPem}, m_terminal, m_now, false).ok());
        QCOMPARE(AdminCode::wildcardProblem(claims(-30, 300, QStringLiteral("*")), false).isEmpty(), false);
        AdminCodeClaims tenMinutes = technician;
        tenMinutes.expires = tenMinutes.issued.addSecs(600);
        QVERIFY(!AdminCode::wildcardProblem(tenMinutes, false).isEmpty());
        QVERIFY(AdminCode::wildcardProblem(technician, false).isEmpty());
        QVERIFY(AdminCode::wildcardProblem(claims(), true).isEmpty()); // a named terminal is not a wildcard
    }

    void twoCodesForTheSameClaimsCarryDifferentNonces()
    {
        const AdminCodeVerdict first = check(signedWith(claims(), m_key));
        const AdminCodeVerdict second = check(signedWith(claims(), m_key));
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first.claims.nonce != second.claims.nonce);
    }

    void refusesEachBadCodeWithItsReason_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("a receipt's code") << "receipt" << "not_admin_code";
        QTest::newRow("prefix with garbage") << "garbage" << "malformed";
        QTest::newRow("signature cut off") << "truncated" << "malformed";
        QTest::newRow("padding added") << "padded" << "malformed";
        QTest::newRow("role changed after signing") << "tampered_role" << "bad_signature";
        QTest::newRow("validity stretched after signing") << "tampered_expiry" << "bad_signature";
        QTest::newRow("signature byte flipped") << "flipped" << "bad_signature";
        QTest::newRow("signed by another key") << "other_key" << "unknown_key";
        QTest::newRow("valid for 30 minutes") << "too_long" << "too_long_validity";
        QTest::newRow("for another terminal") << "other_terminal" << "wrong_terminal";
        QTest::newRow("issued ten minutes ahead") << "future" << "not_yet_valid";
        QTest::newRow("expired ten minutes ago") << "expired" << "expired";
        QTest::newRow("expired three minutes ago") << "just_expired" << "expired";
    }

    void refusesEachBadCodeWithItsReason()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        const QString good = signedWith(claims(), m_key);
        QVERIFY(check(good).ok());
        QString payload;
        if (kind == QLatin1String("receipt"))
            payload = QStringLiteral("https://zwfw.example.gov.cn/case/2026112300001");
        else if (kind == QLatin1String("garbage"))
            payload = QStringLiteral("KIOSKADM1.not base64!.x");
        else if (kind == QLatin1String("truncated"))
            payload = good.left(good.lastIndexOf(QLatin1Char('.')));
        else if (kind == QLatin1String("padded"))
            payload = good + QStringLiteral("==");
        else if (kind == QLatin1String("tampered_role"))
            payload = withClaim(good, QStringLiteral("role"), QStringLiteral("technician"));
        else if (kind == QLatin1String("tampered_expiry"))
            payload = withClaim(good, QStringLiteral("expires"), double(m_now.addSecs(14 * 60).toSecsSinceEpoch()));
        else if (kind == QLatin1String("flipped")) {
            payload = good;
            const qsizetype at = payload.lastIndexOf(QLatin1Char('.')) + 5;
            payload[at] = payload.at(at) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        } else if (kind == QLatin1String("other_key"))
            payload = signedWith(claims(), m_otherKey);
        else if (kind == QLatin1String("too_long"))
            payload = signedWith(claims(-30, 30 * 60), m_key);
        else if (kind == QLatin1String("other_terminal"))
            payload = signedWith(claims(-30, 600, QStringLiteral("T-340103-0008")), m_key);
        else if (kind == QLatin1String("future"))
            payload = signedWith(claims(10 * 60), m_key);
        else if (kind == QLatin1String("expired"))
            payload = signedWith(claims(-20 * 60), m_key);
        else if (kind == QLatin1String("just_expired"))
            payload = signedWith(claims(-13 * 60), m_key);
        QVERIFY(!payload.isEmpty());
        QCOMPARE(AdminCode::errorName(check(payload).error), reason);
    }

    void allowsTwoMinutesOfClockSkewEitherWay()
    {
        QVERIFY(check(signedWith(claims(90), m_key)).ok());       // issued 90 s ahead of this clock
        QVERIFY(check(signedWith(claims(-11 * 60), m_key)).ok()); // expired 60 s ago
    }

    void refusesEveryCodeWhenNoKeyIsTrusted()
    {
        const QString payload = signedWith(claims(), m_key);
        QCOMPARE(AdminCode::verify(payload, {}, m_terminal, m_now).error, AdminCodeError::UnknownKey);
    }

    void aTerminalTrustsEveryKeyInItsKeyFile()
    {
        QStringList problems;
        const QByteArray file = m_otherKey.publicPem + "\n# not a key\n" + m_key.publicPem + m_key.privatePem;
        const QList<QByteArray> keys = AdminCode::publicKeysIn(file, &problems);
        QCOMPARE(keys.size(), 2);
        QCOMPARE(problems.size(), 1); // the private key is not a trusted public key
        QVERIFY(AdminCode::verify(signedWith(claims(), m_key), keys, m_terminal, m_now).ok());
        QVERIFY(AdminCode::verify(signedWith(claims(), m_otherKey), keys, m_terminal, m_now).ok());
        QCOMPARE(AdminCode::keyIdOf(m_key.privatePem), AdminCode::keyIdOf(m_key.publicPem));
        QVERIFY(AdminCode::keyIdOf(m_key.publicPem) != AdminCode::keyIdOf(m_otherKey.publicPem));
    }

    void refusesToSignWithSomethingThatIsNotAnEd25519Key()
    {
        QString error;
        QVERIFY(AdminCode::sign(claims(), m_key.publicPem, &error).isEmpty());
        QVERIFY(!error.isEmpty());
        AdminCodeClaims noRole = claims();
        noRole.role = QStringLiteral("root");
        QVERIFY(AdminCode::sign(noRole, m_key.privatePem, &error).isEmpty());
    }

    void refusesANonceSeenAgainEvenAfterARestart()
    {
        QTemporaryDir dir;
        const QString path = AdminCodeReplayList::pathIn(dir.path());
        const AdminCodeVerdict verdict = check(signedWith(claims(), m_key));
        QVERIFY(verdict.ok());
        {
            AdminCodeReplayList list(path);
            QCOMPARE(list.admit(verdict.claims.nonce, verdict.claims.expires, m_now), AdminCodeReplayList::Outcome::Fresh);
            QCOMPARE(list.admit(verdict.claims.nonce, verdict.claims.expires, m_now.addSecs(60)), AdminCodeReplayList::Outcome::Replayed);
        }
        AdminCodeReplayList restarted(path);
        QCOMPARE(restarted.admit(verdict.claims.nonce, verdict.claims.expires, m_now.addSecs(120)), AdminCodeReplayList::Outcome::Replayed);
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 0777), 0600);
    }

    void forgetsNoncesOnceTheirCodesHaveExpired()
    {
        QTemporaryDir dir;
        AdminCodeReplayList list(AdminCodeReplayList::pathIn(dir.path()));
        const QDateTime expires = m_now.addSecs(600);
        QCOMPARE(list.admit(QStringLiteral("00112233445566778899aabb"), expires, m_now), AdminCodeReplayList::Outcome::Fresh);
        const QDateTime later = expires.addSecs(AdminCode::ClockSkewSeconds + 1);
        QCOMPARE(list.admit(QStringLiteral("ffeeddccbbaa998877665544"), later.addSecs(600), later), AdminCodeReplayList::Outcome::Fresh);
        QCOMPARE(list.size(), 1);
    }

    void refusesACodeWhenItsNonceCannotBeRecorded()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        // A state directory that is a file: nothing can be written under it.
        AdminCodeReplayList list(AdminCodeReplayList::pathIn(blocker.fileName()));
        QCOMPARE(list.admit(QStringLiteral("00112233445566778899aabb"), m_now.addSecs(600), m_now), AdminCodeReplayList::Outcome::NotStored);
    }
};

QTEST_GUILESS_MAIN(TestAdminCode)
#include "test_admincode.moc"
