#include "common/personaldata.h"
#include "kioskctlrun.h"
#include "refplatformprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

// kioskctl's platform commands as a technician runs them, against the reference server over TLS
// with a generated CA: enroll, platform ping, case submit (through the outbox) and case status.
class TestPlatformCtl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void enrolsAndKeepsTheSecretReadableOnlyByItsOwner();
    void pingsThePlatformOverTls();
    void theChecklistIsRedWhileTheClockIsFarFromThePlatforms();
    void submitsACaseThroughTheOutboxAndPrintsItsNumber();
    void queuesACaseWhileThePlatformIsDown();
    void showsTheProgressOfACase();
    void filesACaseInTheNameOnTheIdCardGiven();
    void refusesAnHttpsPlatformWithoutItsCa();
    void enrolmentWritesThePlatformsUrlAndCaIntoTheConfigurationTheKioskReads();
    void aCaThatIsNoCertificateIsRefusedBeforeTheTokenIsSpentAndNothingIsWritten();
    void benchOutboxPrintsEnqueueAndDrainFigures();
    void benchPlatformPrintsThroughputAndLatency();

private:
    using Run = KioskctlRun;
    Run kioskctl(const QStringList &args) const { return KioskctlRun::run(m_config, args); }

    QTemporaryDir m_dir;
    RefPlatformProcess m_server;
    QString m_config;
    QString m_caseNumber;
};

void TestPlatformCtl::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start({QStringLiteral("--enroll-token"), QStringLiteral("tech-1"), QStringLiteral("--enroll-token"),
                             QStringLiteral("tech-2"), QStringLiteral("--progress-s"), QStringLiteral("1")},
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

void TestPlatformCtl::theChecklistIsRedWhileTheClockIsFarFromThePlatforms()
{
    const auto clockItem = [this] {
        const Run run = kioskctl({QStringLiteral("checklist"), QStringLiteral("--json")});
        for (const QJsonValue &item : run.json().object().value(QStringLiteral("items")).toArray()) {
            if (item.toObject().value(QStringLiteral("id")).toString() == QLatin1String("clock"))
                return item.toObject();
        }
        return QJsonObject();
    };
    // The platform's clock an hour ahead: the signature still goes through (the client corrects
    // its offset), but the terminal's own clock is an hour wrong, which staff must be told.
    QVERIFY(!m_server.post(QStringLiteral("faults"), {{QStringLiteral("clock_offset_s"), 3600}}).isEmpty());
    const QJsonObject off = clockItem();
    QVERIFY2(!off.isEmpty(), "the checklist has a clock item");
    QCOMPARE(off.value(QStringLiteral("ok")).toBool(), false);
    QVERIFY2(off.value(QStringLiteral("detail")).toString().contains(QLatin1String("+3600 s")) ||
                 off.value(QStringLiteral("detail")).toString().contains(QLatin1String("+3599 s")),
             qPrintable(off.value(QStringLiteral("detail")).toString()));
    // kioskctl status says it too.
    const Run status = kioskctl({QStringLiteral("status"), QStringLiteral("--json")});
    const QJsonObject platform = status.json().object().value(QStringLiteral("platform")).toObject();
    QCOMPARE(platform.value(QStringLiteral("clock")).toString(), QStringLiteral("far off"));
    QVERIFY2(qAbs(platform.value(QStringLiteral("clock_skew_s")).toInteger() - 3600) <= 2, qPrintable(status.out));
    const Run statusText = kioskctl({QStringLiteral("status")});
    QVERIFY2(statusText.out.contains(QLatin1String("far off, set this terminal's time")), qPrintable(statusText.out));

    QVERIFY(!m_server.post(QStringLiteral("faults"), {{QStringLiteral("clock_offset_s"), 0}}).isEmpty());
    const QJsonObject right = clockItem();
    QCOMPARE(right.value(QStringLiteral("ok")).toBool(), true);
    const Run statusRight = kioskctl({QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(statusRight.json().object().value(QStringLiteral("platform")).toObject().value(QStringLiteral("clock")).toString(), QStringLiteral("ok"));
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

void TestPlatformCtl::filesACaseInTheNameOnTheIdCardGiven()
{
    // The card read by the terminal names the applicant, whatever the form file says.
    const QString cardName = QStringLiteral("李四");
    const QString cardNumber = QStringLiteral("340104199001011239");
    QFile card(m_dir.filePath(QStringLiteral("card.json")));
    QVERIFY(card.open(QIODevice::WriteOnly));
    card.write(QJsonDocument(QJsonObject{{QStringLiteral("name"), cardName}, {QStringLiteral("id_number"), cardNumber}}).toJson());
    card.close();
    const Run run = kioskctl({QStringLiteral("case"), QStringLiteral("submit"), QStringLiteral("--item"), QStringLiteral("340100-000-ZZ-0010-01"),
                              QStringLiteral("--form"), m_dir.filePath(QStringLiteral("form.json")), QStringLiteral("--id-card"), card.fileName()});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    const QString caseNumber = run.out.trimmed();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{20}$")).match(caseNumber).hasMatch(), qPrintable(run.out));
    QJsonObject filed;
    for (const QJsonValue &c : m_server.inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray()) {
        if (c.toObject().value(QLatin1String("case_no")).toString() == caseNumber)
            filed = c.toObject();
    }
    // The reference platform keeps the applicant masked, as it logs it.
    QCOMPARE(filed.value(QLatin1String("applicant")).toString(),
             PersonalData::maskName(cardName) + QLatin1Char(' ') + PersonalData::maskIdNumber(cardNumber));
    QVERIFY(!run.out.contains(cardNumber) && !run.err.contains(cardNumber));

    const Run missing = kioskctl({QStringLiteral("case"), QStringLiteral("submit"), QStringLiteral("--item"), QStringLiteral("340100-000-ZZ-0010-01"),
                                  QStringLiteral("--form"), m_dir.filePath(QStringLiteral("form.json")), QStringLiteral("--id-card"),
                                  m_dir.filePath(QStringLiteral("no-such-card.json"))});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains(QLatin1String("no-such-card.json")));
}

void TestPlatformCtl::refusesAnHttpsPlatformWithoutItsCa()
{
    const QString config = m_dir.filePath(QStringLiteral("no-ca.ini"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("[platform]\nurl=%1\n").arg(m_server.httpsUrl().toString()).toUtf8());
    file.close();
    QProcess check;
    check.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("config"), QStringLiteral("check"), config});
    QVERIFY(check.waitForFinished(60000));
    QCOMPARE(check.exitCode(), 1);
    QVERIFY2(check.readAllStandardError().contains("[platform] ca_file: must name the CA bundle"), "config check names the key");
}

void TestPlatformCtl::benchOutboxPrintsEnqueueAndDrainFigures()
{
    const Run run = kioskctl({QStringLiteral("bench"), QStringLiteral("outbox"), QStringLiteral("--cases"), QStringLiteral("2"),
                              QStringLiteral("--to-platform")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(QRegularExpression(QStringLiteral("latency p50 [0-9.]+ ms, p99 [0-9.]+ ms")).match(run.out).hasMatch(), qPrintable(run.out));
    QVERIFY2(QRegularExpression(QStringLiteral("outbox drain \\(in-process receiver\\): 6 entries \\(2 cases\\) in [0-9.]+ s"))
                 .match(run.out).hasMatch(),
             qPrintable(run.out));
    QVERIFY2(QRegularExpression(QStringLiteral("outbox drain \\(platform https://[^)]+\\): 2 of 2 cases delivered with their 4 materials "
                                               "\\(2\\.0 MiB\\), 0 entries parked, in [0-9.]+ s: [0-9.]+ cases/s, [0-9.]+ MiB/s"))
                 .match(run.out).hasMatch(),
             qPrintable(run.out));
}

void TestPlatformCtl::benchPlatformPrintsThroughputAndLatency()
{
    const Run run = kioskctl({QStringLiteral("bench"), QStringLiteral("platform"), QStringLiteral("--count"), QStringLiteral("6"),
                              QStringLiteral("--concurrency"), QStringLiteral("2")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY(run.out.contains(QLatin1String("platform bench: 6 signed POST /cases (HMAC-SHA256, plain HTTP, loopback, concurrency 2)")));
    QVERIFY(run.out.contains(QLatin1String("failures    0")));
    QVERIFY2(QRegularExpression(QStringLiteral("throughput  [0-9.]+ requests/s")).match(run.out).hasMatch(), qPrintable(run.out));
    QVERIFY2(QRegularExpression(QStringLiteral("latency ms  p50 [0-9.]+  p90 [0-9.]+  p99 [0-9.]+  max [0-9.]+")).match(run.out).hasMatch(),
             qPrintable(run.out));
}

// A terminal's configuration as the package installs it, before enrolment: the platform's URL
// and CA are not known yet (demo mode only so that the not-yet-real URL may be plain http).
static QString writeUnenrolledConfig(const QString &dir, const QString &keyFile)
{
    QDir().mkpath(dir + QStringLiteral("/etc"));
    const QString path = dir + QStringLiteral("/etc/kiosk.ini");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QStringLiteral("# The technician's comment stays.\n[kiosk]\nmode=demo\nstate_dir=%1/state\n[platform]\n"
                              "url=http://127.0.0.1:9/terminal/v1\ncredentials_file=%1/state/terminal.json\n[offline]\nkey_file=%2\n")
                   .arg(dir, keyFile)
                   .toUtf8());
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
    return path;
}

void TestPlatformCtl::enrolmentWritesThePlatformsUrlAndCaIntoTheConfigurationTheKioskReads()
{
    const QString dir = m_dir.filePath(QStringLiteral("fresh"));
    const QString config = writeUnenrolledConfig(dir, m_dir.filePath(QStringLiteral("outbox.key")));
    QVERIFY(!config.isEmpty());
    const QString url = m_server.httpsUrl().toString();
    const QString ca = m_dir.filePath(QStringLiteral("ca/ca.pem"));
    // The state directory belongs to the kiosk's user; run as root, enrol gives it the secret.
    const QString state = dir + QStringLiteral("/state");
    QVERIFY(QDir().mkpath(state));
    const uid_t stateOwner = ::geteuid() == 0 ? 65534 : ::geteuid();
    QCOMPARE(::chown(QFile::encodeName(state).constData(), stateOwner, stateOwner == 65534 ? 65534 : ::getegid()), 0);
    const Run run = KioskctlRun::run(config, {QStringLiteral("enroll"), QStringLiteral("--url"), url, QStringLiteral("--ca"), ca,
                                              QStringLiteral("--token"), QStringLiteral("tech-2")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    struct stat secret {};
    QCOMPARE(::stat(QFile::encodeName(state + QStringLiteral("/terminal.json")).constData(), &secret), 0);
    QCOMPARE(secret.st_uid, stateOwner);
    QCOMPARE(int(secret.st_mode & 0777), 0600);

    // The CA lies beside the configuration, readable by the kiosk's user, byte for byte.
    const QString copied = dir + QStringLiteral("/etc/platform-ca.pem");
    QFile original(ca);
    QFile copy(copied);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), original.readAll());
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(copied).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0644);
    // The file names both; everything else in it is as it was, its mode too.
    QFile written(config);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(written.readAll());
    QVERIFY2(text.contains(QStringLiteral("url=%1\n").arg(url)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("ca_file=%1\n").arg(copied)), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("127.0.0.1:9")), qPrintable(text));
    QVERIFY(text.startsWith(QLatin1String("# The technician's comment stays.")));
    QVERIFY(text.contains(QLatin1String("mode=demo")));
    QCOMPARE(::stat(QFile::encodeName(config).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0640);
    QVERIFY2(run.out.contains(QStringLiteral("set platform/url = %1 in %2").arg(url, config)), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("set platform/ca_file = %1").arg(copied)), qPrintable(run.out));

    // Whatever reads the file now reaches the platform over TLS with no other switch.
    const Run ping = KioskctlRun::run(config, {QStringLiteral("platform"), QStringLiteral("ping")});
    QVERIFY2(ping.exitCode == 0, qPrintable(ping.out + ping.err));
    QVERIFY(ping.out.contains(QLatin1String("signature  accepted")));
    QProcess check;
    check.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("config"), QStringLiteral("check"), config});
    QVERIFY(check.waitForFinished(60000));
    QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
}

void TestPlatformCtl::aCaThatIsNoCertificateIsRefusedBeforeTheTokenIsSpentAndNothingIsWritten()
{
    const QString dir = m_dir.filePath(QStringLiteral("bad-ca"));
    const QString config = writeUnenrolledConfig(dir, m_dir.filePath(QStringLiteral("outbox.key")));
    QVERIFY(!config.isEmpty());
    QFile before(config);
    QVERIFY(before.open(QIODevice::ReadOnly));
    const QByteArray original = before.readAll();
    before.close();
    const QString notACa = dir + QStringLiteral("/not-a-ca.pem");
    QFile junk(notACa);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("this is no certificate\n");
    junk.close();
    // A token the platform has never issued would be refused too: the refusal must come first,
    // from the CA, with the platform not asked.
    const Run run = KioskctlRun::run(config, {QStringLiteral("enroll"), QStringLiteral("--url"), m_server.httpsUrl().toString(),
                                              QStringLiteral("--ca"), notACa, QStringLiteral("--token"), QStringLiteral("never-issued")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("platform/ca_file: no PEM certificate in %1").arg(notACa)), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/etc/platform-ca.pem")));
    QVERIFY(!QFileInfo::exists(dir + QStringLiteral("/state/terminal.json")));
    QFile after(config);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), original);
}

QTEST_GUILESS_MAIN(TestPlatformCtl)
#include "test_platformctl.moc"
