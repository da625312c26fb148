#include "journeykiosk.h"
#include "sessionmachine.h"
#include "terminalmetrics.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace {

const QString NoDevices = QStringLiteral("id_card_reader=none\nbarcode_scanner=none\nface_camera=none\ndocument_camera=none\n"
                                         "receipt_printer=none\ndocument_printer=none\n");

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

// The running kiosk's metrics file for node-exporter: written as the kiosk starts and at every
// interval, with what only the running kiosk knows (its residents' sessions, its platform client).
class TestTerminalMetrics : public QObject
{
    Q_OBJECT

private slots:
    void theKioskWritesItsFiguresAsItStarts()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        const QString text = readAll(kiosk.stateDir() + QStringLiteral("/kiosk.prom"));
        QVERIFY2(text.contains(QLatin1String("kiosk_info{version=\"" KIOSK_VERSION "\",")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("terminal=\"T340100000001\"")));
        QVERIFY(text.contains(QLatin1String("kiosk_outbox_pending_entries 0")));
        QVERIFY(text.contains(QLatin1String("kiosk_sessions_finished_total 0")));
        QVERIFY(text.contains(QLatin1String("kiosk_device_health{device=\"outbox\",class=\"outbox\",health=\"ok\"} 1")));
        QVERIFY(text.contains(QLatin1String("kiosk_platform_connectivity{state=")));
        // Nothing but the file itself is left beside it.
        QCOMPARE(QDir(kiosk.stateDir()).entryList({QStringLiteral("kiosk.prom*")}, QDir::Files), QStringList{QStringLiteral("kiosk.prom")});
    }

    void aSessionCancelledCountsAsAbandoned()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        SessionMachine *session = kiosk.runtime()->session();
        QVERIFY(session->advance(SessionState::ChooseService));
        QVERIFY(session->end(SessionEnd::Cancelled));
        QVERIFY(kiosk.runtime()->metrics()->writeNow());
        const QString text = readAll(kiosk.stateDir() + QStringLiteral("/kiosk.prom"));
        QVERIFY2(text.contains(QLatin1String("kiosk_sessions_abandoned_total 1")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("kiosk_sessions_finished_total 0")));
    }

    void theCollectedFiguresNameTheTerminalAndItsClient()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        const FleetMetrics metrics = kiosk.runtime()->metrics()->collect();
        QCOMPARE(metrics.terminalId, QStringLiteral("T340100000001"));
        QVERIFY(metrics.connectivity.has_value());
        QCOMPARE(metrics.sessionsAbandoned.value_or(-1), 0);
    }
};

QTEST_MAIN(TestTerminalMetrics)
#include "test_terminalmetrics.moc"
