#include "journeykiosk.h"
#include "residentidentification.h"

#include "device/deviceregistry.h"
#include "idcard/idcardreader.h"
#include "idcard/sim/idcardsimulatorhost.h"
#include "scanner/barcodescanner.h"
#include "scanner/sim/scannersimulatorhost.h"

#include <QSignalSpy>
#include <QTest>

namespace {

const QString ReaderAndScanner = QStringLiteral("barcode_scanner=simulated\nface_camera=none\ndocument_camera=none\nreceipt_printer=none\n"
                                                "document_printer=none\n");

} // namespace

// Who the resident is: a card or a code counts only while the kiosk asks for one.
class TestResidentIdentification : public QObject
{
    Q_OBJECT

private slots:
    void aCardPresentedOutsideIdentificationIsNotTaken()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, ReaderAndScanner);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        const IdCardReader *reader = runtime->devices()->idCardReader();
        QTRY_VERIFY_WITH_TIMEOUT(reader->health().isUsable(), 20000);
        QSignalSpy read(reader, &IdCardReader::cardRead);
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(runtime->devices()->idCardSimulator()->execute(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(!read.isEmpty(), 20000);
        QVERIFY(!runtime->identity()->isIdentified());
        QVERIFY(runtime->devices()->idCardSimulator()->execute(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
    }

    void aCardLaidOnTheReaderWhileAskedForIdentifiesTheResident()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, ReaderAndScanner);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        QVERIFY(kiosk.identify());
        QVERIFY(kiosk.runtime()->identity()->method() == ResidentIdentity::Method::Card);
        // The session ends and the identity with it.
        QVERIFY(kiosk.runtime()->session()->end(SessionEnd::Cancelled));
        QVERIFY(!kiosk.runtime()->identity()->isIdentified());
    }

    void aCodeCountsOnlyWhileTheKioskAsksWhoTheResidentIs()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, ReaderAndScanner);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        const BarcodeScanner *scanner = runtime->devices()->barcodeScanner();
        QVERIFY(scanner);
        QTRY_VERIFY_WITH_TIMEOUT(scanner->health().isUsable(), 20000);
        QSignalSpy scannedByScanner(scanner, &BarcodeScanner::codeScanned);
        QSignalSpy scanned(runtime->identification(), &ResidentIdentification::codeScanned);
        QSignalSpy shownAtHome(runtime->identification(), &ResidentIdentification::codeShownAtHome);
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(runtime->devices()->scannerSimulator()->execute(QStringLiteral("scan early-code")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scannedByScanner.size(), 1, 20000);
        QCOMPARE(scanned.size(), 0);
        // On the home screen it may be a receipt's code (ResidentChoice), never an identity.
        QCOMPARE(shownAtHome.size(), 1);

        QVERIFY(runtime->session()->advance(SessionState::Identify));
        QVERIFY(runtime->devices()->scannerSimulator()->execute(QStringLiteral("scan netid-code")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(scanned.size(), 1, 20000);
        QCOMPARE(scanned.first().first().toString(), QStringLiteral("netid-code"));
    }

    void identificationByCodeNeedsThePlatform()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, ReaderAndScanner);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        // Not while the kiosk does not ask, and not without a platform to say whose it is.
        QVERIFY(!runtime->identification()->identifyByCode(QStringLiteral("netid-code")));
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(runtime->session()->advance(SessionState::Identify));
        QVERIFY(!runtime->identification()->identifyByCode(QStringLiteral("netid-code")));
        QVERIFY(!runtime->identity()->isIdentified());
    }

    void verificationNeedsAnIdentifiedResidentAndSomeoneToAsk()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, ReaderAndScanner);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        ResidentIdentification *identification = runtime->identification();
        QVERIFY(!identification->verifyResident(false));
        QVERIFY(kiosk.identify());
        // No platform and no local matcher: neither the card nor the face can be checked.
        QVERIFY(!identification->localFaceCheckAvailable());
        QVERIFY(!identification->faceCameraUsable());
        QVERIFY(!identification->verifyResident(false));
        QVERIFY(!identification->verifyResident(true));
        QCOMPARE(runtime->session()->state(), SessionState::Identify);
    }
};

QTEST_MAIN(TestResidentIdentification)
#include "test_residentidentification.moc"
