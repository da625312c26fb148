#include "refplatformprocess.h"
#include "applicationjourney.h"
#include "auditlog.h"
#include "kioskconfig.h"
#include "kioskruntime.h"
#include "outboxkey.h"
#include "platformheartbeat.h"
#include "recentlog.h"
#include "sessionmachine.h"

#include "idcard/sim/idcardsimulator.h"
#include "idcard/sim/simcards.h"
#include "sim/simcontrolclient.h"

#include <QDir>
#include <QDirIterator>
#include <QSignalSpy>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The platform's collect_diagnostics command, through a real heartbeat from the reference
// platform to a real runtime: a bundle appears under the state directory and is audited.
class TestCollectDiagnostics : public QObject
{
    Q_OBJECT

private slots:
    void thePlatformsCommandLeavesABundleInTheStateDirectory()
    {
        QTemporaryDir dir;
        RefPlatformProcess platform;
        QVERIFY2(platform.start({QStringLiteral("--enroll-token"), QStringLiteral("diag-1")}), qPrintable(platform.errorText()));
        const QString state = dir.filePath(QStringLiteral("state"));
        QVERIFY(QDir().mkpath(state));
        QVERIFY(OutboxKey::create(state + QStringLiteral("/outbox.key")).ok());
        const QString configPath = dir.filePath(QStringLiteral("kiosk.ini"));
        QFile file(configPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("[kiosk]\nstate_dir=%1\n[platform]\nurl=%2\ncredentials_file=%1/terminal.json\ntimeout_s=3\n"
                                  "[offline]\nkey_file=%1/outbox.key\n")
                       .arg(state, platform.httpUrl().toString())
                       .toUtf8());
        file.close();
        QProcess enroll;
        enroll.start(qEnvironmentVariable("KIOSKCTL"),
                     {QStringLiteral("--config"), configPath, QStringLiteral("enroll"), QStringLiteral("--token"), QStringLiteral("diag-1")});
        QVERIFY(enroll.waitForFinished(60000));
        QVERIFY2(enroll.exitCode() == 0, enroll.readAllStandardError().constData());

        QList<ConfigError> errors;
        const std::optional<KioskConfig> config = KioskConfig::load(configPath, &errors);
        QVERIFY(config);
        // Logged the way the kiosk process logs.
        QVERIFY(RecentLog::installForKiosk(state));
        QString error;
        std::unique_ptr<KioskRuntime> runtime = KioskRuntime::create(*config, &error);
        QVERIFY2(runtime, qPrintable(error));
        QVERIFY(runtime->heartbeat());

        // A resident files an application: card, form with their phone, submitted to the platform.
        const QString item = QStringLiteral("340100-000-ZZ-0010-01");
        const QString phone = QStringLiteral("13955123456");
        const IdCardHolder resident = *SimCards::card(QStringLiteral("resident"));
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(runtime->session()->advance(SessionState::Identify));
        QString reply;
        QTRY_VERIFY_WITH_TIMEOUT(SimControlClient::send(IdCardSimulator::defaultControlSocketPath(state), QStringLiteral("card present resident"),
                                                        &reply, nullptr, 3000),
                                 30000);
        QTRY_VERIFY_WITH_TIMEOUT(runtime->identity()->isIdentified(), 30000);
        QVERIFY(runtime->journey()->beginApplication(item));
        QVERIFY(runtime->draft()->setValue(QStringLiteral("phone"), phone));
        QVERIFY(runtime->draft()->isComplete());
        (void)runtime->session()->advance(SessionState::Review);
        QSignalSpy finished(runtime->journey(), &ApplicationJourney::submissionFinished);
        QVERIFY(runtime->journey()->submitApplication());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(platform.inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray().size(), 1);

        const QString terminal = platform.inspect(QStringLiteral("terminals")).value(QLatin1String("terminals")).toArray()
                                     .first().toObject().value(QLatin1String("terminal_id")).toString();
        QVERIFY(!terminal.isEmpty());
        // A beat in flight swallows beatNow(), and the command would then come with the next
        // periodic beat: the test sets that period rather than wait for the contract's 60 s.
        runtime->heartbeat()->setInterval(std::chrono::milliseconds(250));
        QVERIFY(platform.post(QStringLiteral("commands"),
                              {{QStringLiteral("name"), QStringLiteral("collect_diagnostics")}, {QStringLiteral("terminal_id"), terminal}})
                    .contains(QLatin1String("id")));
        runtime->heartbeat()->beatNow();
        // The audit line is written once the collecting thread has finished, after the file is
        // complete: waiting for it, not for the file, reads a whole bundle.
        const AuditLog auditLog(AuditLog::pathIn(state));
        QTRY_VERIFY_WITH_TIMEOUT(!auditLog.recent(1).isEmpty() && auditLog.recent(1).first().action == QLatin1String("diag.bundle"), 60000);
        const AuditEntry collected = auditLog.recent(1).first();
        QCOMPARE(collected.actor, QStringLiteral("platform"));
        QCOMPARE(collected.result, QStringLiteral("ok"));
        const QDir folder(state + QStringLiteral("/diagnostics"));
        QCOMPARE(folder.entryList({QStringLiteral("diag-*.tar.gz")}, QDir::Files).size(), 1);

        const QString bundle = folder.filePath(folder.entryList({QStringLiteral("diag-*.tar.gz")}, QDir::Files).first());
        QProcess list;
        list.start(QStringLiteral("tar"), {QStringLiteral("-xzOf"), bundle, QStringLiteral("--wildcards"), QStringLiteral("*/heartbeat.json")});
        QVERIFY(list.waitForFinished(60000));
        const QJsonObject heartbeat = QJsonDocument::fromJson(list.readAllStandardOutput()).object();
        QVERIFY(heartbeat.contains(QStringLiteral("queue")));
        QVERIFY(heartbeat.contains(QStringLiteral("uptime_s"))); // the runtime's own, not one derived by kioskctl
        // Nothing of the resident travels in the bundle, though the journey left its log lines.
        const QString extracted = dir.filePath(QStringLiteral("extracted"));
        QVERIFY(QDir().mkpath(extracted));
        QCOMPARE(QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-xzf"), bundle, QStringLiteral("-C"), extracted}), 0);
        int files = 0;
        QDirIterator it(extracted, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile part(it.next());
            QVERIFY(part.open(QIODevice::ReadOnly));
            const QByteArray bytes = part.readAll();
            ++files;
            QVERIFY2(!bytes.contains(resident.idNumber.toUtf8()), qPrintable(part.fileName()));
            QVERIFY2(!bytes.contains(resident.name.toUtf8()), qPrintable(part.fileName()));
            QVERIFY2(!bytes.contains(phone.toUtf8()), qPrintable(part.fileName()));
            QVERIFY2(!bytes.contains(QByteArray("\xFF\xD8\xFF", 3)), qPrintable(part.fileName()));
            QVERIFY2(!bytes.contains(QByteArray("\x89PNG", 4)), qPrintable(part.fileName()));
        }
        QVERIFY(files >= 9);
        QFile log(QDir(extracted).filePath(QDir(extracted).entryList(QDir::Dirs | QDir::NoDotAndDotDot).first() + QStringLiteral("/logs/kiosk.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray logText = log.readAll();
        QVERIFY(logText.contains("kiosk."));
        QVERIFY(logText.count('\n') > 5);

        runtime.reset();
        RecentLog::uninstall();
    }
};

QTEST_MAIN(TestCollectDiagnostics)
#include "test_collectdiagnostics.moc"
