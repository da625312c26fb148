#include "journeykiosk.h"
#include "terminalsupervision.h"
#include "platformcall.h"
#include "platformheartbeat.h"

#include "auditlog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString NoDevices = QStringLiteral("id_card_reader=none\nbarcode_scanner=none\nface_camera=none\ndocument_camera=none\n"
                                         "receipt_printer=none\ndocument_printer=none\n");

// The demo catalogue under another version, as the platform would send a fresher one.
Catalogue anotherCatalogue(const QString &version)
{
    QFile file(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    root.insert(QStringLiteral("version"), version);
    QString error;
    return Catalogue::fromJson(QJsonDocument(root).toJson(), &error).value_or(Catalogue());
}

} // namespace

// The platform's hold on the terminal, without QML: its commands, the diagnostics bundle, the
// catalogue swapped only between residents, and the heartbeat's report.
class TestTerminalSupervision : public QObject
{
    Q_OBJECT

private slots:
    void aLockCommandHoldsUntilUnlock()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        TerminalSupervision *supervision = kiosk.runtime()->supervision();
        QSignalSpy locked(supervision, &TerminalSupervision::lockedChanged);
        QVERIFY(!supervision->isLocked());
        supervision->carryOut(QStringLiteral("lock"));
        QVERIFY(supervision->isLocked());
        // A second lock is no news.
        supervision->carryOut(QStringLiteral("lock"));
        QCOMPARE(locked.size(), 1);
        supervision->carryOut(QStringLiteral("unlock"));
        QVERIFY(!supervision->isLocked());
        QCOMPARE(locked.size(), 2);
        QCOMPARE(locked.last().first().toBool(), false);
    }

    void aCommandThisBuildDoesNotKnowChangesNothing()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        TerminalSupervision *supervision = kiosk.runtime()->supervision();
        QSignalSpy locked(supervision, &TerminalSupervision::lockedChanged);
        QSignalSpy catalogue(supervision, &TerminalSupervision::catalogueChanged);
        supervision->carryOut(QStringLiteral("self_destruct"));
        QVERIFY(!supervision->isLocked());
        QVERIFY(!supervision->collectingDiagnostics());
        QCOMPARE(locked.size(), 0);
        QCOMPARE(catalogue.size(), 0);
    }

    void aDiagnosticsCommandWhileOneRunsIsNotDoubled()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        TerminalSupervision *supervision = kiosk.runtime()->supervision();
        QSignalSpy collected(supervision, &TerminalSupervision::diagnosticsCollected);
        supervision->carryOut(QStringLiteral("collect_diagnostics"));
        QVERIFY(supervision->collectingDiagnostics());
        supervision->carryOut(QStringLiteral("collect_diagnostics"));
        QTRY_COMPARE_WITH_TIMEOUT(collected.size(), 1, 60000);
        QVERIFY2(!collected.first().first().toString().isEmpty(), qPrintable(collected.first().at(1).toString()));
        QVERIFY(!supervision->collectingDiagnostics());
        QTest::qWait(500);
        QCOMPARE(collected.size(), 1);
        const QDir folder(kiosk.stateDir() + QStringLiteral("/diagnostics"));
        QCOMPARE(folder.entryList({QStringLiteral("diag-*.tar.gz")}, QDir::Files).size(), 1);
        int audited = 0;
        for (const AuditEntry &entry : AuditLog(AuditLog::pathIn(kiosk.stateDir())).recent(50))
            audited += entry.action == QLatin1String("diag.bundle") ? 1 : 0;
        QCOMPARE(audited, 1);

        // Once it is done, the next command collects another.
        supervision->carryOut(QStringLiteral("collect_diagnostics"));
        QTRY_COMPARE_WITH_TIMEOUT(collected.size(), 2, 60000);
    }

    void theCatalogueIsNotSwappedMidJourney()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        const QString before = runtime->catalogue().version();
        const Catalogue fresh = anotherCatalogue(QStringLiteral("2099-01-01.1"));
        QCOMPARE(fresh.version(), QStringLiteral("2099-01-01.1"));
        QSignalSpy changed(runtime->supervision(), &TerminalSupervision::catalogueChanged);

        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        runtime->supervision()->offer(fresh);
        QCOMPARE(runtime->catalogue().version(), before);
        QCOMPARE(changed.size(), 0);

        QVERIFY(runtime->session()->end(SessionEnd::Cancelled));
        QCOMPARE(runtime->catalogue().version(), QStringLiteral("2099-01-01.1"));
        QCOMPARE(changed.size(), 1);
    }

    void aCatalogueOfferedBetweenResidentsIsTakenAtOnce()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        QSignalSpy changed(runtime->supervision(), &TerminalSupervision::catalogueChanged);
        runtime->supervision()->offer(anotherCatalogue(QStringLiteral("2099-01-02.1")));
        QCOMPARE(runtime->catalogue().version(), QStringLiteral("2099-01-02.1"));
        QCOMPARE(changed.size(), 1);
        // Ending the next session adopts nothing more.
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(runtime->session()->end(SessionEnd::Cancelled));
        QCOMPARE(changed.size(), 1);
    }

    void theHeartbeatReportTellsVersionQueueDevicesAndTheOutbox()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        const QJsonObject report = kiosk.runtime()->supervision()->heartbeatReport();
        QCOMPARE(report.value(QLatin1String("version")).toString(), QStringLiteral(KIOSK_VERSION));
        QCOMPARE(report.value(QLatin1String("queue")).toObject().value(QLatin1String("pending")).toInt(), 0);
        QVERIFY(report.contains(QLatin1String("uptime_s")));
        QVERIFY(report.value(QLatin1String("disk_free_mb")).toInteger() > 0);
        QStringList classes;
        for (const QJsonValue &device : report.value(QLatin1String("devices")).toArray())
            classes.append(device.toObject().value(QLatin1String("class")).toString());
        QVERIFY2(classes.contains(QStringLiteral("outbox")), qPrintable(classes.join(QLatin1Char(','))));
    }

    void theHeartbeatReportTellsTheClockAsTheOutboxIs()
    {
        // Enrolled, but no reply yet: the platform hears the clock is not measured, rather than
        // nothing; once replies come, ClockSkew::heartbeatDevice says how far off it is.
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        QJsonObject clock;
        for (const QJsonValue &device : kiosk.runtime()->supervision()->heartbeatReport().value(QLatin1String("devices")).toArray()) {
            if (device.toObject().value(QLatin1String("class")).toString() == QLatin1String("clock"))
                clock = device.toObject();
        }
        QCOMPARE(clock.value(QLatin1String("id")).toString(), QStringLiteral("clock"));
        QCOMPARE(clock.value(QLatin1String("health")).toString(), QStringLiteral("unknown"));
        QCOMPARE(clock.value(QLatin1String("detail")).toString(), QStringLiteral("not measured"));
    }

    void aTerminalNotEnrolledDoesNotBeat()
    {
        JourneyKiosk unconfigured(JourneyKiosk::Platform::None, NoDevices);
        QVERIFY2(unconfigured.isRunning(), qPrintable(unconfigured.error()));
        QVERIFY(!unconfigured.runtime()->heartbeat());
        JourneyKiosk notEnrolled(JourneyKiosk::Platform::NotEnrolled, NoDevices);
        QVERIFY2(notEnrolled.isRunning(), qPrintable(notEnrolled.error()));
        QVERIFY(notEnrolled.runtime()->platform());
        QVERIFY(!notEnrolled.runtime()->heartbeat());
        QVERIFY(!notEnrolled.runtime()->supervision()->heartbeat());
    }

    void anEnrolledTerminalBeatsEvenWhileThePlatformIsAway()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        QVERIFY(kiosk.runtime()->heartbeat());
        QCOMPARE(kiosk.runtime()->supervision()->heartbeat(), kiosk.runtime()->heartbeat());
    }

    // Every command is answered, the unknown ones too, and an answer the platform did not get
    // (the beat failed) goes with the next beat instead of being lost.
    void everyCommandIsAcknowledgedAndKeptUntilABeatGetsThrough()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        TerminalSupervision *supervision = kiosk.runtime()->supervision();
        PlatformHeartbeat *heartbeat = kiosk.runtime()->heartbeat();
        QVERIFY(heartbeat);
        QSignalSpy beaten(heartbeat, &PlatformHeartbeat::beaten);
        QTRY_VERIFY_WITH_TIMEOUT(beaten.size() >= 1, 20000); // the first beat, at start, is over
        supervision->carryOut(QStringLiteral("C1"), QStringLiteral("lock"), {});
        supervision->carryOut(QStringLiteral("C2"), QStringLiteral("self_destruct"), {});
        supervision->carryOut(QStringLiteral("C3"), QStringLiteral("update"), {{QStringLiteral("version"), QStringLiteral("9.9")}});
        QCOMPARE(heartbeat->pendingAcks(), 3);
        const qsizetype before = beaten.size();
        heartbeat->beatNow();
        QTRY_VERIFY_WITH_TIMEOUT(beaten.size() > before, 20000);
        QVERIFY(!beaten.last().first().value<PlatformResult>().isOk());
        QCOMPARE(heartbeat->pendingAcks(), 3);
        // A command carried out by hand has no id and nobody to answer.
        supervision->carryOut(QStringLiteral("unlock"));
        QCOMPARE(heartbeat->pendingAcks(), 3);
    }
};

QTEST_MAIN(TestTerminalSupervision)
#include "test_terminalsupervision.moc"
