#include "kioskconfig.h"
#include "outboxkey.h"
#include "sealedcredentials.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The outbox key and the terminal credentials sealed with systemd-creds. Without a TPM (CI has
// none) they are sealed to the host key, which $SYSTEMD_CREDENTIAL_SECRET points at a file of the
// test's own, so a second file stands for another machine. Sealing to a TPM, and refusing on a
// fresh one, is packaging/image/test-tpm.sh's part (QEMU with swtpm).
class TestSealedCredentials : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_terminal = 0;

    // A state directory of its own, with a fresh outbox key and terminal credentials as plain files.
    KioskConfig provisionedTerminal()
    {
        const QString state = m_dir.filePath(QStringLiteral("state-%1").arg(++m_terminal));
        if (!QDir().mkpath(state))
            qFatal("cannot create %s", qPrintable(state));
        KioskConfig config = KioskConfig::defaults();
        config.set(QStringLiteral("kiosk/state_dir"), state);
        config.set(QStringLiteral("offline/key_file"), state + QStringLiteral("/outbox.key"));
        config.set(QStringLiteral("platform/credentials_file"), state + QStringLiteral("/terminal.json"));
        if (!OutboxKey::create(state + QStringLiteral("/outbox.key")).ok())
            qFatal("cannot create the outbox key");
        QFile credentials(state + QStringLiteral("/terminal.json"));
        if (!credentials.open(QIODevice::WriteOnly) || !credentials.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
            qFatal("cannot write the terminal credentials");
        credentials.write(R"({"terminal_id":"T340103000017","secret":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg=="})");
        return config;
    }

    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Makes the host key of "another machine": systemd-creds creates it on first use.
    void useHostKey(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        qputenv("SYSTEMD_CREDENTIAL_SECRET", QFile::encodeName(path));
        if (!QFile::exists(path)) {
            QProcess creds;
            creds.start(QStringLiteral("systemd-creds"), {QStringLiteral("encrypt"), QStringLiteral("--with-key=host"),
                                                           QStringLiteral("-"), m_dir.filePath(name + QStringLiteral(".probe"))});
            creds.write("probe");
            creds.closeWriteChannel();
            QVERIFY(creds.waitForFinished(60000));
            QCOMPARE(creds.exitCode(), 0);
        }
    }

private slots:
    void init()
    {
        qunsetenv("CREDENTIALS_DIRECTORY");
        useHostKey(QStringLiteral("host-a.secret"));
    }

    void plainSecretsAreSealedOpenOnTheSameMachineAndLeaveNoPlainCopy()
    {
        KioskConfig config = provisionedTerminal();
        const QString keyFile = config.string(QStringLiteral("offline/key_file"));
        const QByteArray key = contents(keyFile);
        const QByteArray terminal = contents(config.string(QStringLiteral("platform/credentials_file")));

        QString error;
        const QStringList done = SealedCredentials::seal(config, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(done.size(), 2);
        QVERIFY(!QFile::exists(keyFile));
        QVERIFY(!QFile::exists(config.string(QStringLiteral("platform/credentials_file"))));
        const QByteArray sealed = contents(SealedCredentials::sealedPath(config, QStringLiteral("outbox.key")));
        QVERIFY(!sealed.isEmpty());
        QVERIFY(!sealed.contains(key.trimmed()));
        QVERIFY(!sealed.contains(key.trimmed().toUpper()));

        QVERIFY(SealedCredentials::unseal(&config).isEmpty());
        QVERIFY(config.string(QStringLiteral("offline/key_file")).startsWith(QStringLiteral("/proc/self/fd/")));
        QCOMPARE(contents(config.string(QStringLiteral("platform/credentials_file"))), terminal);
        const OutboxResult<OutboxKey> opened = OutboxKey::load(config.string(QStringLiteral("offline/key_file")));
        QVERIFY(opened.ok());
        QCOMPARE(opened.value().bytes().toHex() + '\n', key);
    }

    void withoutATpmTheChecklistSaysTheSecretsAreSealedToTheHostKeyOnly()
    {
        KioskConfig config = provisionedTerminal();
        const SealedCredentials::Finding plain = SealedCredentials::assess(config);
        QVERIFY(plain.ok);
        QVERIFY(plain.warning);
        QVERIFY2(plain.detail.contains(QStringLiteral("plain files")), qPrintable(plain.detail));

        QString error;
        QCOMPARE(SealedCredentials::seal(config, &error).size(), 2);
        QVERIFY(SealedCredentials::unseal(&config).isEmpty());
        const SealedCredentials::Finding sealed = SealedCredentials::assess(config);
        QVERIFY(sealed.ok);
        QCOMPARE(sealed.warning, true);
        QVERIFY2(sealed.detail.contains(QStringLiteral("sealed to this disk's host key, not to a TPM")), qPrintable(sealed.detail));
        QVERIFY2(sealed.detail.contains(QStringLiteral("no TPM")), qPrintable(sealed.detail));
    }

    void aSecretSealedOnOneMachineOpensNothingOnAnotherAndIsNamed()
    {
        KioskConfig config = provisionedTerminal();
        const QString keyFile = config.string(QStringLiteral("offline/key_file"));
        QString error;
        QCOMPARE(SealedCredentials::seal(config, &error).size(), 2);

        useHostKey(QStringLiteral("host-b.secret"));
        const QStringList problems = SealedCredentials::unseal(&config);
        QCOMPARE(problems.size(), 2);
        QVERIFY2(problems.first().contains(QStringLiteral("outbox.key")) && problems.first().contains(QStringLiteral("cannot be unsealed")),
                 qPrintable(problems.first()));
        QVERIFY(problems.last().contains(QStringLiteral("terminal.json")));
        // Nothing stands in for the secret: the outbox stays closed, the checklist is red and says which.
        QCOMPARE(config.string(QStringLiteral("offline/key_file")), keyFile);
        QVERIFY(!OutboxKey::load(keyFile).ok());
        const SealedCredentials::Finding finding = SealedCredentials::assess(config);
        QVERIFY(!finding.ok);
        QVERIFY2(finding.detail.contains(QStringLiteral("outbox.key, terminal.json sealed but cannot be unsealed")), qPrintable(finding.detail));
    }

    void theKioskReadsWhatSystemdUnsealedAndNamesWhatItDidNot()
    {
        KioskConfig config = provisionedTerminal();
        QString error;
        QCOMPARE(SealedCredentials::seal(config, &error).size(), 2);

        // kiosk.service delivered the outbox key; terminal.json came as the unit's fallback, "none".
        const QString delivered = m_dir.filePath(QStringLiteral("delivered"));
        QVERIFY(QDir().mkpath(delivered));
        QFile key(delivered + QStringLiteral("/outbox.key"));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray(64, 'a'));
        key.close();
        QFile fallback(delivered + QStringLiteral("/terminal.json"));
        QVERIFY(fallback.open(QIODevice::WriteOnly));
        fallback.write("none");
        fallback.close();
        qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(delivered));

        const QStringList messages = SealedCredentials::useDelivered(&config);
        QCOMPARE(config.string(QStringLiteral("offline/key_file")), delivered + QStringLiteral("/outbox.key"));
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.first().contains(QStringLiteral("terminal.json")) && messages.first().contains(QStringLiteral("cannot decrypt")),
                 qPrintable(messages.first()));
        const SealedCredentials::Finding finding = SealedCredentials::assess(config);
        QVERIFY(!finding.ok);
        QVERIFY2(finding.detail.startsWith(QStringLiteral("terminal.json sealed but cannot be unsealed")), qPrintable(finding.detail));
    }

    void aTerminalEnrolledAgainAfterSealingRunsOnItsNewCredentialsUntilTheyAreSealed()
    {
        KioskConfig config = provisionedTerminal();
        const QString plainCredentials = config.string(QStringLiteral("platform/credentials_file"));
        QString error;
        QCOMPARE(SealedCredentials::seal(config, &error).size(), 2);

        // kiosk.service delivered both secrets, read-only, as it does on every start.
        const QString delivered = m_dir.filePath(QStringLiteral("delivered-again"));
        QVERIFY(QDir().mkpath(delivered));
        for (const QString &name : {QStringLiteral("outbox.key"), QStringLiteral("terminal.json")}) {
            QFile copy(delivered + QLatin1Char('/') + name);
            QVERIFY(copy.open(QIODevice::WriteOnly));
            copy.write(name == QLatin1String("terminal.json") ? QByteArray(R"({"terminal_id":"T340103000017"})") : QByteArray(64, 'a'));
        }
        qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(delivered));
        KioskConfig running = config;
        QVERIFY(SealedCredentials::useDelivered(&running).isEmpty());
        QCOMPARE(running.string(QStringLiteral("platform/credentials_file")), delivered + QStringLiteral("/terminal.json"));
        // The touch screen's enrolment writes where the kiosk may write, not into systemd's copy.
        QCOMPARE(SealedCredentials::plainPath(running, QStringLiteral("platform/credentials_file")), plainCredentials);

        // Enrolled again: the new plain file, written after the sealing, is what the kiosk runs on.
        QTest::qWait(20);
        QFile fresh(plainCredentials);
        QVERIFY(fresh.open(QIODevice::WriteOnly));
        fresh.write(R"({"terminal_id":"T340103000099"})");
        fresh.close();
        KioskConfig restarted = config;
        const QStringList messages = SealedCredentials::useDelivered(&restarted);
        QCOMPARE(restarted.string(QStringLiteral("platform/credentials_file")), plainCredentials);
        QCOMPARE(restarted.string(QStringLiteral("offline/key_file")), delivered + QStringLiteral("/outbox.key"));
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.first().contains(QStringLiteral("kioskctl credentials seal")), qPrintable(messages.first()));
        const SealedCredentials::Finding finding = SealedCredentials::assess(restarted);
        QVERIFY2(finding.ok, qPrintable(finding.detail));
        QVERIFY2(finding.detail.contains(QStringLiteral("terminal.json stored as plain files")), qPrintable(finding.detail));

        // Sealed again by the technician: the new credentials, and no plain copy left.
        qunsetenv("CREDENTIALS_DIRECTORY");
        QCOMPARE(SealedCredentials::seal(config, &error), QStringList{QStringLiteral("sealed terminal.json into %1 (--with-key=host) and removed %2")
                                                                             .arg(SealedCredentials::sealedPath(config, QStringLiteral("terminal.json")),
                                                                                  plainCredentials)});
        QVERIFY(!QFile::exists(plainCredentials));
        KioskConfig unsealed = config;
        QVERIFY(SealedCredentials::unseal(&unsealed).isEmpty());
        QCOMPARE(contents(unsealed.string(QStringLiteral("platform/credentials_file"))), QByteArray(R"({"terminal_id":"T340103000099"})"));
    }

    void sealingDoesNotFollowALinkPlantedInTheStateDirectory()
    {
        KioskConfig config = provisionedTerminal();
        const QString keyFile = config.string(QStringLiteral("offline/key_file"));
        const QString victim = m_dir.filePath(QStringLiteral("victim"));
        QFile file(victim);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("root:x:0:0:root:/root:/bin/bash\n");
        file.close();
        QVERIFY(QFile::remove(keyFile));
        QVERIFY(QFile::link(victim, keyFile));

        QString error;
        QVERIFY(SealedCredentials::seal(config, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("outbox.key")), qPrintable(error));
        QCOMPARE(contents(victim), QByteArray("root:x:0:0:root:/root:/bin/bash\n"));
        QVERIFY(!QFile::exists(SealedCredentials::sealedPath(config, QStringLiteral("outbox.key"))));
    }
};

QTEST_GUILESS_MAIN(TestSealedCredentials)
#include "test_sealedcredentials.moc"
