#include "admincode.h"
#include "admincodereplaylist.h"
#include "kioskctlrun.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

// kioskctl admin-code keygen, sign and check through the real kioskctl process, as staff use them.
class TestCtlAdminCode : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;
    const QString m_terminal = QStringLiteral("T-340103-0007");

    using Run = KioskctlRun;

    Run kioskctl(const QStringList &args) const { return KioskctlRun::run(m_config, args); }

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QString stateDir() const { return m_dir.filePath(QStringLiteral("state")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(stateDir()));
        m_config = path("kiosk.ini");
        QFile file(m_config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("[kiosk]\nstate_dir=%1\n[platform]\nurl=http://127.0.0.1:1/terminal/v1\ncredentials_file=%1/terminal.json\n"
                                  "[admin]\ncode_keys=%2\n")
                       .arg(stateDir(), path("public.pem"))
                       .toUtf8());
    }

    void keygenKeepsThePrivateKeyFromOthersAndNeverOverwritesIt()
    {
        const Run run = kioskctl({QStringLiteral("admin-code"), QStringLiteral("keygen"), QStringLiteral("--private"), path("private.pem"),
                                  QStringLiteral("--public"), path("public.pem")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        struct stat info {};
        QCOMPARE(::stat(QFile::encodeName(path("private.pem")).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 0777), 0600);
        QFile publicKey(path("public.pem"));
        QVERIFY(publicKey.open(QIODevice::ReadOnly));
        const QByteArray pem = publicKey.readAll();
        QVERIFY(run.out.contains(AdminCode::keyIdOf(pem)));

        const Run again = kioskctl({QStringLiteral("admin-code"), QStringLiteral("keygen"), QStringLiteral("--private"), path("private.pem"),
                                    QStringLiteral("--public"), path("public.pem")});
        QCOMPARE(again.exitCode, 2);
        QVERIFY(publicKey.seek(0));
        QCOMPARE(publicKey.readAll(), pem);
    }

    void aSignedCodeChecksGoodHereAndAsWrongTerminalElsewhere()
    {
        const Run sign = kioskctl({QStringLiteral("admin-code"), QStringLiteral("sign"), QStringLiteral("--key"), path("private.pem"),
                                   QStringLiteral("--terminal"), m_terminal, QStringLiteral("--role"), QStringLiteral("technician"),
                                   QStringLiteral("--valid"), QStringLiteral("5m"), QStringLiteral("--png"), path("code.png")});
        QVERIFY2(sign.exitCode == 0, qPrintable(sign.err));
        const QString payload = sign.out.trimmed();
        QVERIFY(AdminCode::isAdminCodePayload(payload));

        const Run good = kioskctl({QStringLiteral("admin-code"), QStringLiteral("check"), payload, QStringLiteral("--terminal"), m_terminal,
                                   QStringLiteral("--json")});
        QCOMPARE(good.exitCode, 0);
        const QJsonObject answer = good.json().object();
        QCOMPARE(answer.value(QLatin1String("result")).toString(), QStringLiteral("ok"));
        QCOMPARE(answer.value(QLatin1String("role")).toString(), QStringLiteral("technician"));
        const QDateTime issued = QDateTime::fromString(answer.value(QLatin1String("issued")).toString(), Qt::ISODate);
        const QDateTime expires = QDateTime::fromString(answer.value(QLatin1String("expires")).toString(), Qt::ISODate);
        QCOMPARE(issued.secsTo(expires), 5 * 60);

        // Without --terminal the terminal is the configured one (not enrolled: the site code).
        const Run elsewhere = kioskctl({QStringLiteral("admin-code"), QStringLiteral("check"), payload});
        QCOMPARE(elsewhere.exitCode, 1);
        QVERIFY2(elsewhere.out.contains(QLatin1String("wrong_terminal")), qPrintable(elsewhere.out));

        // The PNG holds the same code, as the scanner would read it.
        const Run scanned = kioskctl({QStringLiteral("scan"), QStringLiteral("image"), path("code.png")});
        QVERIFY2(scanned.exitCode == 0, qPrintable(scanned.err));
        QVERIFY(scanned.out.contains(payload));
    }

    void checkSaysReplayedForACodeThisTerminalHasTaken()
    {
        const Run sign = kioskctl({QStringLiteral("admin-code"), QStringLiteral("sign"), QStringLiteral("--key"), path("private.pem"),
                                   QStringLiteral("--terminal"), QStringLiteral("*"), QStringLiteral("--role"), QStringLiteral("technician")});
        QVERIFY2(sign.exitCode == 0, qPrintable(sign.err));
        const QString payload = sign.out.trimmed();
        QCOMPARE(kioskctl({QStringLiteral("admin-code"), QStringLiteral("check"), payload}).exitCode, 0);
        QCOMPARE(kioskctl({QStringLiteral("admin-code"), QStringLiteral("check"), payload}).exitCode, 0); // checking uses nothing up

        QFile keys(path("public.pem"));
        QVERIFY(keys.open(QIODevice::ReadOnly));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const AdminCodeVerdict verdict = AdminCode::verify(payload, {keys.readAll()}, QStringLiteral("any"), now, false);
        QVERIFY(verdict.ok());
        AdminCodeReplayList list(AdminCodeReplayList::pathIn(stateDir()));
        QCOMPARE(list.admit(verdict.claims.nonce, verdict.claims.expires, now), AdminCodeReplayList::Outcome::Fresh);
        const Run replayed = kioskctl({QStringLiteral("admin-code"), QStringLiteral("check"), payload});
        QCOMPARE(replayed.exitCode, 1);
        QVERIFY2(replayed.out.contains(QLatin1String("replayed")), qPrintable(replayed.out));
    }

    void signRefusesACodeForAnyTerminalUnlessAShortTechniciansCode()
    {
        const Run maintainer = kioskctl({QStringLiteral("admin-code"), QStringLiteral("sign"), QStringLiteral("--key"), path("private.pem"),
                                         QStringLiteral("--terminal"), QStringLiteral("*")});
        QCOMPARE(maintainer.exitCode, 2);
        QVERIFY(maintainer.out.isEmpty());
        QVERIFY2(maintainer.err.contains(QLatin1String("technician")), qPrintable(maintainer.err));
        const Run tooLong = kioskctl({QStringLiteral("admin-code"), QStringLiteral("sign"), QStringLiteral("--key"), path("private.pem"),
                                      QStringLiteral("--terminal"), QStringLiteral("*"), QStringLiteral("--role"),
                                      QStringLiteral("technician"), QStringLiteral("--valid"), QStringLiteral("10m")});
        QCOMPARE(tooLong.exitCode, 2);
        QVERIFY2(tooLong.err.contains(QLatin1String("5 minutes")), qPrintable(tooLong.err));
    }

    void signRefusesAValidityOverFifteenMinutes()
    {
        const Run run = kioskctl({QStringLiteral("admin-code"), QStringLiteral("sign"), QStringLiteral("--key"), path("private.pem"),
                                  QStringLiteral("--terminal"), m_terminal, QStringLiteral("--valid"), QStringLiteral("16m")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains(QLatin1String("15m")));
    }
};

QTEST_GUILESS_MAIN(TestCtlAdminCode)
#include "test_ctladmincode.moc"
