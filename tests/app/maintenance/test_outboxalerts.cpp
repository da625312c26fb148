#include "refplatformprocess.h"
#include "itemavailability.h"
#include "kioskconfig.h"
#include "kioskctlrun.h"
#include "kioskruntime.h"
#include "outboxkey.h"
#include "outboxstore.h"
#include "platformheartbeat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

// What staff hear when the outbox cannot be trusted, beyond a log line: a damaged file the kiosk
// set aside at start, and a key that does not open the queue. Both reach `kioskctl status` (text
// and JSON) and the heartbeat the platform receives; a wrong key also keeps residents from
// starting an application that would have to be queued.
class TestOutboxAlerts : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aDamagedOutboxSetAsideIsReportedUntilStaffRemoveIt();
    void aWrongKeyRefusesQueueingAndIsReportedEverywhere();

private:
    using Run = KioskctlRun;
    [[nodiscard]] Run kioskctl(const QStringList &args) const { return KioskctlRun::run(m_config, args); }
    [[nodiscard]] QJsonObject statusOutbox() const;
    // The outbox device of the last heartbeat the platform received from the runtime.
    [[nodiscard]] QJsonObject heartbeatOutbox() const;
    [[nodiscard]] std::unique_ptr<KioskRuntime> startKiosk(const QString &keyFile);
    // A case queued with the terminal's key before the kiosk starts, as a resident left it.
    [[nodiscard]] bool queueOneCase() const;
    [[nodiscard]] QString stateDir() const { return m_dir->filePath(QStringLiteral("state")); }
    [[nodiscard]] QString keyFile() const { return m_dir->filePath(QStringLiteral("state/outbox.key")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RefPlatformProcess> m_platform;
    QString m_config;
};

void TestOutboxAlerts::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_platform = std::make_unique<RefPlatformProcess>();
    QVERIFY2(m_platform->start({QStringLiteral("--enroll-token"), QStringLiteral("alerts-1")}), qPrintable(m_platform->errorText()));
    QVERIFY(QDir().mkpath(stateDir()));
    QVERIFY(OutboxKey::create(keyFile()).ok());
}

void TestOutboxAlerts::cleanup()
{
    m_platform.reset();
    m_dir.reset();
}

QJsonObject TestOutboxAlerts::statusOutbox() const
{
    const Run run = kioskctl({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--no-platform")});
    return run.json().object().value(QStringLiteral("outbox")).toObject();
}

QJsonObject TestOutboxAlerts::heartbeatOutbox() const
{
    const QJsonArray beats = m_platform->inspect(QStringLiteral("heartbeats")).value(QLatin1String("heartbeats")).toArray();
    if (beats.isEmpty())
        return {};
    const QJsonObject report = QJsonDocument::fromJson(beats.last().toObject().value(QLatin1String("report")).toString().toUtf8()).object();
    for (const QJsonValue &device : report.value(QLatin1String("devices")).toArray()) {
        if (device.toObject().value(QLatin1String("class")).toString() == QLatin1String("outbox"))
            return device.toObject();
    }
    return {};
}

bool TestOutboxAlerts::queueOneCase() const
{
    OutboxOptions options;
    options.stateDir = stateDir();
    options.keyFile = keyFile();
    OutboxResult<std::unique_ptr<OutboxStore>> store = OutboxStore::open(options);
    return store && store.value()->enqueueCase({QStringLiteral("340100-000-ZZ-0010-01"), "{}", {}}).ok();
}

std::unique_ptr<KioskRuntime> TestOutboxAlerts::startKiosk(const QString &key)
{
    m_config = m_dir->filePath(QStringLiteral("kiosk.ini"));
    QFile file(m_config);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QStringLiteral("[kiosk]\nstate_dir=%1\n[platform]\nurl=%2\ncredentials_file=%1/terminal.json\ntimeout_s=5\n"
                              "[offline]\nkey_file=%3\n[devices]\nid_card_reader=none\nbarcode_scanner=none\nface_camera=none\n"
                              "document_camera=none\nreceipt_printer=none\ndocument_printer=none\n")
                   .arg(stateDir(), m_platform->httpUrl().toString(), key)
                   .toUtf8());
    file.close();
    if (!QFileInfo::exists(stateDir() + QStringLiteral("/terminal.json"))) {
        const Run enrolled = kioskctl({QStringLiteral("enroll"), QStringLiteral("--token"), QStringLiteral("alerts-1")});
        if (enrolled.exitCode != 0)
            return {};
    }
    QList<ConfigError> errors;
    const std::optional<KioskConfig> config = KioskConfig::load(m_config, &errors);
    if (!config)
        return {};
    QString error;
    return KioskRuntime::create(*config, &error);
}

void TestOutboxAlerts::aDamagedOutboxSetAsideIsReportedUntilStaffRemoveIt()
{
    QVERIFY(queueOneCase());
    {
        QFile damaged(QDir(stateDir()).filePath(QStringLiteral("outbox.db")));
        QVERIFY(damaged.open(QIODevice::ReadWrite));
        damaged.write(QByteArray(100, '\x5a'));
    }
    std::unique_ptr<KioskRuntime> runtime = startKiosk(keyFile());
    QVERIFY(runtime);
    QVERIFY(runtime->outbox()); // a fresh outbox took its place: residents are served
    const QStringList setAside = OutboxStore::damagedFilesSetAside(stateDir());
    QCOMPARE(setAside.size(), 1);
    const QString name = QFileInfo(setAside.first()).fileName();

    QCOMPARE(runtime->outboxCondition().health, QStringLiteral("warning"));
    QVERIFY(runtime->outboxCondition().message.contains(name));
    QTRY_COMPARE_WITH_TIMEOUT(heartbeatOutbox().value(QLatin1String("detail")).toString(), QStringLiteral("corrupt_file_set_aside"), 60000);
    QCOMPARE(heartbeatOutbox().value(QLatin1String("health")).toString(), QStringLiteral("warning"));

    const QJsonObject status = statusOutbox();
    QCOMPARE(status.value(QLatin1String("available")).toBool(), true);
    QCOMPARE(status.value(QLatin1String("health")).toString(), QStringLiteral("warning"));
    QCOMPARE(status.value(QLatin1String("detail")).toString(), QStringLiteral("corrupt_file_set_aside"));
    QCOMPARE(status.value(QLatin1String("set_aside")).toArray().size(), 1);
    const Run text = kioskctl({QStringLiteral("status"), QStringLiteral("--no-platform")});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains(QLatin1String("warning (corrupt_file_set_aside)")) && text.out.contains(name), qPrintable(text.out));

    // Staff checked the cases with the platform and removed the file: the alert is over.
    QVERIFY(QFile::remove(setAside.first()));
    QCOMPARE(statusOutbox().value(QLatin1String("health")).toString(), QStringLiteral("ok"));
    QVERIFY(runtime->outboxCondition().isOk());
    runtime->heartbeat()->beatNow();
    QTRY_COMPARE_WITH_TIMEOUT(heartbeatOutbox().value(QLatin1String("health")).toString(), QStringLiteral("ok"), 60000);
}

void TestOutboxAlerts::aWrongKeyRefusesQueueingAndIsReportedEverywhere()
{
    QVERIFY(queueOneCase());
    // The terminal was provisioned again, with a new key, but the queue is the old key's.
    const QString otherKey = m_dir->filePath(QStringLiteral("state/new.key"));
    QVERIFY(OutboxKey::create(otherKey).ok());
    std::unique_ptr<KioskRuntime> runtime = startKiosk(otherKey);
    QVERIFY(runtime);
    QVERIFY(!runtime->outbox());
    const CatalogueItem *queueable = runtime->catalogue().item(QStringLiteral("340100-000-ZZ-0010-01"));
    QVERIFY(queueable);
    QCOMPARE(runtime->availability()->unavailableReason(*queueable), QStringLiteral("outbox_unavailable"));
    QCOMPARE(runtime->outboxCondition().health, QStringLiteral("error"));
    QCOMPARE(runtime->outboxCondition().detail, QStringLiteral("key_mismatch"));
    QVERIFY(runtime->outboxCondition().message.contains(otherKey));

    QVERIFY(runtime->heartbeat());
    QTRY_COMPARE_WITH_TIMEOUT(heartbeatOutbox().value(QLatin1String("detail")).toString(), QStringLiteral("key_mismatch"), 60000);
    QCOMPARE(heartbeatOutbox().value(QLatin1String("health")).toString(), QStringLiteral("error"));

    const QJsonObject status = statusOutbox();
    QCOMPARE(status.value(QLatin1String("health")).toString(), QStringLiteral("error"));
    QCOMPARE(status.value(QLatin1String("detail")).toString(), QStringLiteral("key_mismatch"));
    QVERIFY(status.value(QLatin1String("message")).toString().contains(otherKey));
    QCOMPARE(status.value(QLatin1String("pending")).toInt(), 1); // the queue is there, untouched
    const Run text = kioskctl({QStringLiteral("status"), QStringLiteral("--no-platform")});
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains(QLatin1String("error (key_mismatch)")), qPrintable(text.out));
}

QTEST_MAIN(TestOutboxAlerts)
#include "test_outboxalerts.moc"
