#include "admincode.h"
#include "admincodeentry.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// Whether a scanned admin code lets staff in at this terminal now: keys, code and replay list.
class TestAdminCodeEntry : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    AdminKeyPair m_key;
    QString m_keysPath;
    const QString m_terminal = QStringLiteral("T-340103-0007");
    const QDateTime m_now = QDateTime(QDate(2026, 11, 23), QTime(13, 0), Qt::UTC);

    [[nodiscard]] QString code(const QString &role = QStringLiteral("maintainer"), int issuedOffsetS = -30) const
    {
        AdminCodeClaims claims;
        claims.terminal = m_terminal;
        claims.role = role;
        claims.issued = m_now.addSecs(issuedOffsetS);
        claims.expires = claims.issued.addSecs(10 * 60);
        QString error;
        const QString payload = AdminCode::sign(claims, m_key.privatePem, &error);
        if (payload.isEmpty())
            qWarning() << "signing failed:" << error;
        return payload;
    }

    [[nodiscard]] AdminCodeEntry entry() const { return AdminCodeEntry(m_keysPath, m_dir.filePath(QStringLiteral("state"))); }

private slots:
    void initTestCase()
    {
        QString error;
        const std::optional<AdminKeyPair> key = AdminCode::generateKeyPair(&error);
        QVERIFY2(key, qPrintable(error));
        m_key = *key;
        m_keysPath = m_dir.filePath(QStringLiteral("admin-code-keys.pem"));
        QFile keys(m_keysPath);
        QVERIFY(keys.open(QIODevice::WriteOnly));
        keys.write(m_key.publicPem);
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("state"))));
    }

    void aGoodCodeLetsItsRoleInOnceAndIsThenReplayed()
    {
        const QString payload = code(QStringLiteral("technician"));
        const AdminCodeEntry::Outcome first = entry().admit(payload, m_terminal, m_now);
        QVERIFY(first.admitted());
        QCOMPARE(first.problem, AdminCodeEntry::Problem::None);
        QCOMPARE(first.role, QStringLiteral("technician"));
        QVERIFY2(first.who.startsWith(QStringLiteral("key %1 role technician nonce ").arg(AdminCode::keyIdOf(m_key.publicPem))),
                 qPrintable(first.who));
        QVERIFY(!first.who.contains(payload));

        const AdminCodeEntry::Outcome again = entry().admit(payload, m_terminal, m_now.addSecs(5));
        QVERIFY(!again.admitted());
        QCOMPARE(again.problem, AdminCodeEntry::Problem::Replayed);
        QCOMPARE(again.problemName, QStringLiteral("replayed"));
        QCOMPARE(again.who, first.who);
        QVERIFY(again.role.isEmpty());
    }

    void aCodeRefusedByItsCheckSaysWhy()
    {
        const AdminCodeEntry::Outcome expired = entry().admit(code(QStringLiteral("maintainer"), -20 * 60), m_terminal, m_now);
        QCOMPARE(expired.problem, AdminCodeEntry::Problem::Expired);
        QCOMPARE(expired.problemName, QStringLiteral("expired"));
        const AdminCodeEntry::Outcome elsewhere = entry().admit(code(), QStringLiteral("T-340103-0008"), m_now);
        QCOMPARE(elsewhere.problem, AdminCodeEntry::Problem::WrongTerminal);
        const AdminCodeEntry::Outcome garbled = entry().admit(QStringLiteral("KIOSKADM1.not-a-code"), m_terminal, m_now);
        QCOMPARE(garbled.problem, AdminCodeEntry::Problem::Unreadable);
        QCOMPARE(garbled.problemName, QStringLiteral("malformed"));
        QVERIFY(garbled.who.isEmpty());
    }

    void withoutATrustedKeyEveryCodeIsRefusedAsDisabled()
    {
        const AdminCodeEntry::Outcome unset = AdminCodeEntry({}, m_dir.path()).admit(code(), m_terminal, m_now);
        QCOMPARE(unset.problem, AdminCodeEntry::Problem::Disabled);
        QCOMPARE(unset.problemName, QStringLiteral("disabled"));
        QCOMPARE(unset.who, QStringLiteral("admin/code_keys is empty"));
        const QString missing = m_dir.filePath(QStringLiteral("missing.pem"));
        const AdminCodeEntry::Outcome unread = AdminCodeEntry(missing, m_dir.path()).admit(code(), m_terminal, m_now);
        QCOMPARE(unread.problem, AdminCodeEntry::Problem::Disabled);
        QCOMPARE(unread.who, QStringLiteral("no Ed25519 public key in ") + missing);
    }

    void aReplayListThatCannotBeWrittenRefusesTheCode()
    {
        // The state directory is a file: the replay list cannot be kept, so the code is not taken.
        const QString notADirectory = m_dir.filePath(QStringLiteral("state-file"));
        QFile blocker(notADirectory);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const AdminCodeEntry::Outcome outcome = AdminCodeEntry(m_keysPath, notADirectory).admit(code(), m_terminal, m_now);
        QCOMPARE(outcome.problem, AdminCodeEntry::Problem::NotStored);
        QCOMPARE(outcome.problemName, QStringLiteral("not_stored"));
    }
};

QTEST_GUILESS_MAIN(TestAdminCodeEntry)
#include "test_admincodeentry.moc"
