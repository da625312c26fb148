#include "outboxfixture.h"
#include "outboxkey.h"
#include "outboxstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace OutboxFixture;

// `kioskctl outbox` as staff use it: what it shows, what it changes, and that no output ever
// carries the resident's data.
class TestOutboxCtl : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_config;
    QueuedCase m_case;
    QueuedCase m_parked;

    struct Run {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    Run kioskctl(const QStringList &args, const QByteArray &input = {})
    {
        QProcess process;
        process.start(qEnvironmentVariable("KIOSKCTL"),
                      QStringList{QStringLiteral("--config"), m_config, QStringLiteral("outbox")} + args
                          + QStringList{QStringLiteral("--state-dir"), m_dir->path()});
        if (!process.waitForStarted(30000))
            return {};
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    static void verifyNoPersonalData(const QByteArray &text)
    {
        QVERIFY(!text.contains(residentName.toUtf8()));
        QVERIFY(!text.contains(residentIdNumber.toLatin1()));
        QVERIFY(!text.contains("13912345678"));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QProcess example;
        example.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("config"), QStringLiteral("example")});
        QVERIFY(example.waitForFinished(60000));
        m_config = m_dir->filePath(QStringLiteral("kiosk.ini"));
        QFile config(m_config);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(example.readAllStandardOutput());
        config.close();

        auto store = OutboxStore::open(options(m_dir->path(), createKeyFile(m_dir->path()))).value();
        m_case = store->enqueueCase(caseDraft(2)).value();
        m_parked = store->enqueueCase(caseDraft(0)).value();
        QVERIFY(store->park(m_parked.localRef, QStringLiteral("test")).ok());
    }

    void statusShowsDepthAndParkedEntries()
    {
        const Run run = kioskctl({QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        const QJsonObject status = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(status.value(QStringLiteral("pending")).toInt(), 3);
        QCOMPARE(status.value(QStringLiteral("waiting")).toInt(), 1);
        QCOMPARE(status.value(QStringLiteral("parked")).toInt(), 1);
        const Run text = kioskctl({QStringLiteral("status")});
        QVERIFY(text.out.contains("parked:     1"));
    }

    void listAndShowCarryReferencesButNoPersonalData()
    {
        const Run list = kioskctl({QStringLiteral("list")});
        QCOMPARE(list.code, 0);
        QVERIFY(list.out.contains(m_case.localRef.toLatin1()));
        QVERIFY(list.out.contains(m_case.materialRefs.first().toLatin1()));
        verifyNoPersonalData(list.out);

        const Run parked = kioskctl({QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("parked"), QStringLiteral("--json")});
        const QJsonArray entries = QJsonDocument::fromJson(parked.out).array();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().toObject().value(QStringLiteral("local_ref")).toString(), m_parked.localRef);
        QCOMPARE(entries.first().toObject().value(QStringLiteral("last_error")).toString(), QStringLiteral("parked_by_staff"));

        const Run show = kioskctl({QStringLiteral("show"), m_case.localRef});
        QCOMPARE(show.code, 0);
        QVERIFY(show.out.contains(m_case.idempotencyKey.toLatin1()));
        verifyNoPersonalData(show.out);
        QCOMPARE(kioskctl({QStringLiteral("show"), QStringLiteral("T0-000404")}).code, 1);

        const Run exported = kioskctl({QStringLiteral("export")});
        QCOMPARE(exported.code, 0);
        QCOMPARE(QJsonDocument::fromJson(exported.out).object().value(QStringLiteral("entries")).toArray().size(), 4);
        verifyNoPersonalData(exported.out);
    }

    void retryAndParkChangeTheEntry()
    {
        QCOMPARE(kioskctl({QStringLiteral("retry"), m_parked.localRef}).code, 0);
        QCOMPARE(kioskctl({QStringLiteral("show"), m_parked.localRef, QStringLiteral("--json")}).out.contains("\"pending\""), true);
        QCOMPARE(kioskctl({QStringLiteral("park"), m_case.localRef}).code, 0);
        QCOMPARE(kioskctl({QStringLiteral("park"), m_case.localRef}).code, 1);
        QVERIFY(readAll(m_dir->filePath(QStringLiteral("outbox-audit.log"))).contains("park by=kioskctl:"));
    }

    void discardAsksFirstAndIsAudited()
    {
        const Run declined = kioskctl({QStringLiteral("discard"), m_case.localRef}, "n\n");
        QCOMPARE(declined.code, 1);
        QVERIFY(declined.err.contains("[y/N]"));
        QVERIFY(kioskctl({QStringLiteral("show"), m_case.localRef}).code == 0);

        const Run noAnswer = kioskctl({QStringLiteral("discard"), m_case.localRef});
        QCOMPARE(noAnswer.code, 1);

        const Run accepted = kioskctl({QStringLiteral("discard"), m_case.localRef}, "y\n");
        QCOMPARE(accepted.code, 0);
        QCOMPARE(kioskctl({QStringLiteral("show"), m_case.localRef}).code, 1);
        const QByteArray audit = readAll(m_dir->filePath(QStringLiteral("outbox-audit.log")));
        QVERIFY(audit.contains("discard by=kioskctl:"));
        QVERIFY(audit.contains(m_case.materialRefs.last().toLatin1()));

        QCOMPARE(kioskctl({QStringLiteral("discard"), m_parked.localRef, QStringLiteral("--yes")}).code, 0);
        QCOMPARE(kioskctl({QStringLiteral("status"), QStringLiteral("--json")}).out.contains("\"pending\": 0"), true);
    }

    void initKeyCreatesAPrivateKeyOnceAndNeverReplacesIt()
    {
        const QString keyFile = m_dir->filePath(QStringLiteral("provisioned.key"));
        const QString config = m_dir->filePath(QStringLiteral("provisioning.ini"));
        QFile file(config);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[offline]\nkey_file=" + keyFile.toUtf8() + "\n");
        file.close();
        const auto initKey = [&] {
            QProcess process;
            process.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("--config"), config, QStringLiteral("outbox"), QStringLiteral("init-key")});
            process.waitForFinished(60000);
            return process.exitCode();
        };

        QCOMPARE(initKey(), 0);
        QCOMPARE(QFileInfo(keyFile).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(OutboxKey::load(keyFile).ok());
        QFile first(keyFile);
        QVERIFY(first.open(QIODevice::ReadOnly));
        const QByteArray before = first.readAll();

        QCOMPARE(initKey(), 2);
        QFile second(keyFile);
        QVERIFY(second.open(QIODevice::ReadOnly));
        QCOMPARE(second.readAll(), before);
    }

    void refusesBadUsage()
    {
        QCOMPARE(kioskctl({QStringLiteral("frobnicate")}).code, 2);
        QCOMPARE(kioskctl({QStringLiteral("show")}).code, 2);
        QCOMPARE(kioskctl({QStringLiteral("list"), QStringLiteral("--state"), QStringLiteral("lost")}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestOutboxCtl)
#include "test_outboxctl.moc"
