#include "refplatformprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

// kioskctl's platform commands as a technician runs them, against the reference server over TLS
// with a generated CA: enroll, platform ping, case submit (through the outbox) and case status.
class TestPlatformCtl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void enrolsAndKeepsTheSecretReadableOnlyByItsOwner();
    void pingsThePlatformOverTls();
    void submitsACaseThroughTheOutboxAndPrintsItsNumber();
    void queuesACaseWhileThePlatformIsDown();
    void showsTheProgressOfACase();

private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run kioskctl(const QStringList &args);

    QTemporaryDir m_dir;
    RefPlatformProcess m_server;
    QString m_config;
    QString m_caseNumber;
};

TestPlatformCtl::Run TestPlatformCtl::kioskctl(const QStringList &args)
{
    QProcess process;
    process.start(qEnvironmentVariable("KIOSKCTL"), QStringList{QStringLiteral("--config"), m_config} + args);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestPlatformCtl::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start({QStringLiteral("--enroll-token"), QStringLiteral("tech-1"), QStringLiteral("--progress-s"), QStringLiteral("1")},
                            m_dir.filePath(QStringLiteral("ca"))),
             qPrintable(m_server.errorText()));
    QFile key(m_dir.filePath(QStringLiteral("outbox.key")));
    QVERIFY(key.open(QIODevice::WriteOnly));
    key.write(QByteArray(32, '\x42').toHex());
    key.close();
    QVERIFY(key.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    m_config = m_dir.filePath(QStringLiteral("kiosk.conf"));
    QFile config(m_config);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("[kiosk]\nstate_dir=%1\n[platform]\nurl=%2\nca_file=%3\ncredentials_file=%4\n[offline]\nkey_file=%5\n")
                     .arg(m_dir.filePath(QStringLiteral("state")), m_server.httpsUrl().toString(), m_dir.filePath(QStringLiteral("ca/ca.pem")),
                          m_dir.filePath(QStringLiteral("state/terminal.json")), key.fileName())
                     .toUtf8());
    config.close();
    QFile form(m_dir.filePath(QStringLiteral("form.json")));
    QVERIFY(form.open(QIODevice::WriteOnly));
    form.write(R"({"name": "张三", "id_number": "11010519491231002X", "phone": "13912345678"})");
}

void TestPlatformCtl::enrolsAndKeepsTheSecretReadableOnlyByItsOwner()
{
    const Run run = kioskctl({QStringLiteral("enroll"), QStringLiteral("--url"), m_server.httpsUrl().toString(), QStringLiteral("--token"),
                              QStringLiteral("tech-1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QLatin1String("enrolled   T340103")));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(m_dir.filePath(QStringLiteral("state/terminal.json"))).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    QVERIFY(!run.out.contains(QLatin1String("secret")));

    const Run again = kioskctl({QStringLiteral("enroll"), QStringLiteral("--token"), QStringLiteral("tech-1")});
    QCOMPARE(again.exitCode, 2);
    QVERIFY(again.err.contains(QLatin1String("enrolled already")));
}

void TestPlatformCtl::pingsThePlatformOverTls()
{
    const Run run = kioskctl({QStringLiteral("platform"), QStringLiteral("ping")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(QLatin1String("reachable  yes")));
    QVERIFY(run.out.contains(QLatin1String("tls        TLSv1.")));
    QVERIFY(run.out.contains(QLatin1String("signature  accepted")));
    QVERIFY(run.out.contains(QLatin1String("clock      platform")));
    QVERIFY(run.out.contains(QLatin1String("catalogue  2026-11-20.3")));
}

void TestPlatformCtl::submitsACaseThroughTheOutboxAndPrintsItsNumber()
{
    QFile book(m_dir.filePath(QStringLiteral("book.jpg")));
    QVERIFY(book.open(QIODevice::WriteOnly));
    book.write(QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(2048, 'b'));
    book.close();
    const Run run = kioskctl({QStringLiteral("case"), QStringLiteral("submit"), QStringLiteral("--item"), QStringLiteral("340100-000-ZZ-0007-01"),
                              QStringLiteral("--form"), m_dir.filePath(QStringLiteral("form.json")), QStringLiteral("--material"),
                              QStringLiteral("household_book=") + book.fileName()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("^(\\d{20})$"), QRegularExpression::MultilineOption).match(run.out);
    QVERIFY2(match.hasMatch(), qPrintable(run.out));
    m_caseNumber = match.captured(1);
    const QJsonArray cases = m_server.inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray();
    QCOMPARE(cases.size(), 1);
    QCOMPARE(cases.first().toObject().value(QLatin1String("case_no")).toString(), m_caseNumber);
    QCOMPARE(cases.first().toObject().value(QLatin1String("materials")).toInt(), 1);
    // Nothing personal in what the command printed.
    QVERIFY(!run.out.contains(QLatin1String("11010519491231002X")) && !run.err.contains(QLatin1String("11010519491231002X")));
}

void TestPlatformCtl::queuesACaseWhileThePlatformIsDown()
{
    QVERIFY(!m_server.post(QStringLiteral("faults"), {{QStringLiteral("outage"), true}}).isEmpty());
    const Run run = kioskctl({QStringLiteral("case"), QStringLiteral("submit"), QStringLiteral("--item"), QStringLiteral("340100-000-ZZ-0010-01"),
                              QStringLiteral("--form"), m_dir.filePath(QStringLiteral("form.json"))});
    QVERIFY(!m_server.post(QStringLiteral("faults"), {{QStringLiteral("outage"), false}}).isEmpty());
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.startsWith(QLatin1String("queued T340103")), qPrintable(run.out));
    QCOMPARE(m_server.inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray().size(), 1);
}

void TestPlatformCtl::showsTheProgressOfACase()
{
    QVERIFY(!m_caseNumber.isEmpty());
    const Run run = kioskctl({QStringLiteral("case"), QStringLiteral("status"), m_caseNumber});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(m_caseNumber));
    QVERIFY(run.out.contains(QLatin1String("accepted")));
    const Run missing = kioskctl({QStringLiteral("case"), QStringLiteral("status"), QStringLiteral("34010320261123999999")});
    QCOMPARE(missing.exitCode, 1);
}

QTEST_GUILESS_MAIN(TestPlatformCtl)
#include "test_platformctl.moc"
