#include "journeykiosk.h"
#include "outofservice.h"
#include "terminalsupervision.h"

#include "device/deviceregistry.h"
#include "idcard/idcardreader.h"
#include "idcard/sim/idcardsimulatorhost.h"

#include <QSignalSpy>
#include <QTest>

namespace {

const QString NoDevices = QStringLiteral("id_card_reader=none\nbarcode_scanner=none\nface_camera=none\ndocument_camera=none\n"
                                         "receipt_printer=none\ndocument_printer=none\n");

QString onlyTheReaderAnd(const QString &scanner)
{
    return QStringLiteral("barcode_scanner=%1\nface_camera=none\ndocument_camera=none\nreceipt_printer=none\ndocument_printer=none\n").arg(scanner);
}

} // namespace

// 本机暂停使用: the one rule of when the kiosk is out of service, and when residents see it.
class TestOutOfService : public QObject
{
    Q_OBJECT

private slots:
    void aLockCommandArrivingMidSessionTakesEffectAfterTheResident()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        OutOfService *outOfService = runtime->outOfService();
        QSignalSpy changed(outOfService, &OutOfService::changed);
        QVERIFY(!outOfService->applies());
        QVERIFY(!outOfService->screenShown());

        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        runtime->supervision()->carryOut(QStringLiteral("lock"));
        QVERIFY(outOfService->isLocked());
        QVERIFY(outOfService->applies());
        // The resident at the screen goes on with what they started.
        QVERIFY(!outOfService->screenShown());
        QCOMPARE(runtime->session()->state(), SessionState::ChooseService);

        const qsizetype before = changed.size();
        QVERIFY(runtime->session()->end(SessionEnd::Cancelled));
        QVERIFY(outOfService->screenShown());
        QVERIFY(outOfService->refusesNewSession());
        QVERIFY(changed.size() > before);

        runtime->supervision()->carryOut(QStringLiteral("unlock"));
        QVERIFY(!outOfService->screenShown());
        QVERIFY(!outOfService->refusesNewSession());
    }

    void aKioskWhoseCardReaderFailsWithNoScannerIsOutOfService()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, onlyTheReaderAnd(QStringLiteral("none")));
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        OutOfService *outOfService = runtime->outOfService();
        const IdCardReader *reader = runtime->devices()->idCardReader();
        QVERIFY(reader);
        QTRY_VERIFY_WITH_TIMEOUT(reader->health().isUsable(), 20000);
        QVERIFY(!outOfService->devicesFailed());
        QSignalSpy changed(outOfService, &OutOfService::changed);

        QVERIFY(runtime->devices()->idCardSimulator()->execute(QStringLiteral("fault unplug")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(outOfService->devicesFailed(), 30000);
        QVERIFY2(outOfService->devicesReason().startsWith(QLatin1String("id_card_reader: ")), qPrintable(outOfService->devicesReason()));
        QVERIFY(outOfService->screenShown());
        QVERIFY(!changed.isEmpty());
        // Failed devices show the screen; only the platform's lock refuses a session outright.
        QVERIFY(!outOfService->isLocked());
        QVERIFY(!outOfService->refusesNewSession());

        QVERIFY(runtime->devices()->idCardSimulator()->execute(QStringLiteral("fault none")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(!outOfService->devicesFailed(), 30000);
        QVERIFY(!outOfService->screenShown());
    }

    void aWorkingScannerKeepsTheKioskInService()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, onlyTheReaderAnd(QStringLiteral("simulated")));
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        const IdCardReader *reader = runtime->devices()->idCardReader();
        QVERIFY(reader);
        QTRY_VERIFY_WITH_TIMEOUT(reader->health().isUsable(), 20000);
        QVERIFY(runtime->devices()->idCardSimulator()->execute(QStringLiteral("fault unplug")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(reader->health().level == HealthLevel::Error, 30000);
        QVERIFY(!runtime->outOfService()->devicesFailed());
        QVERIFY(!runtime->outOfService()->screenShown());
    }

    void aKioskWithoutACardReaderIsNotOutOfServiceForIt()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        QCOMPARE(kiosk.runtime()->outOfService()->devicesReason(), QString());
    }
};

QTEST_MAIN(TestOutOfService)
#include "test_outofservice.moc"
