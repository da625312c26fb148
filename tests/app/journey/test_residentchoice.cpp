#include "journeykiosk.h"
#include "residentchoice.h"
#include "instanterrands.h"

#include "device/deviceregistry.h"
#include "outboxstore.h"
#include "residentrecords.h"
#include "idcard/idcardreader.h"
#include "idcard/sim/idcardsimulatorhost.h"
#include "scanner/barcodescanner.h"
#include "scanner/sim/scannersimulatorhost.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString PensionRegistration = QStringLiteral("340100-000-ZZ-0002-01"); // apply, no face
const QString PensionBenefits = QStringLiteral("340100-000-ZZ-0010-01"); // apply, no face, no papers
const QString RetirementApplication = QStringLiteral("340100-000-ZZ-0009-01"); // apply, face
const QString CriminalRecordCertificate = QStringLiteral("340100-000-ZZ-0012-01"); // card only
const QString ProgressQuery = QStringLiteral("340100-000-ZZ-0014-01"); // query, not instant
const QString ReaderAndScanner = QStringLiteral("barcode_scanner=simulated\nface_camera=none\ndocument_camera=none\nreceipt_printer=none\n"
                                                "document_printer=none\n");

// The demo catalogue with no face checks and no papers, so a theme can be done from the form alone.
QByteArray formsOnly()
{
    return JourneyKiosk::demoCatalogueWith([](QJsonObject &root) {
        QJsonArray items = root.value(QLatin1String("items")).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject item = items.at(i).toObject();
            item.insert(QStringLiteral("face_required"), false);
            item.insert(QStringLiteral("materials"), QJsonArray());
            items.replace(i, item);
        }
        root.insert(QStringLiteral("items"), items);
    });
}

bool layCard(KioskRuntime *runtime)
{
    const IdCardReader *reader = runtime->devices()->idCardReader();
    if (!QTest::qWaitFor([reader] { return reader->health().isUsable(); }, 20000))
        return false;
    if (!runtime->devices()->idCardSimulator()->execute(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")))
        return false;
    return QTest::qWaitFor([runtime] { return runtime->identity()->isIdentified(); }, 20000);
}

bool scan(KioskRuntime *runtime, const QString &payload)
{
    const BarcodeScanner *scanner = runtime->devices()->barcodeScanner();
    return QTest::qWaitFor([scanner] { return scanner->health().isUsable(); }, 20000)
           && runtime->devices()->scannerSimulator()->execute(QStringLiteral("scan ") + payload).startsWith(QLatin1String("ok"));
}

} // namespace

// What the resident came for and where each of its steps leads, without QML.
class TestResidentChoice : public QObject
{
    Q_OBJECT

private slots:
    void anErrandAsksWhoTheResidentIsAndForgetsTheOpenedItem()
    {
        JourneyKiosk kiosk;
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        ResidentChoice choice(runtime);
        QVERIFY(!choice.startErrand(ResidentChoice::Errand::Progress)); // not from the attract screen
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(choice.openItem(PensionRegistration));
        QVERIFY(!choice.startErrand(ResidentChoice::Errand::None));
        QVERIFY(choice.startErrand(ResidentChoice::Errand::Licences));
        QCOMPARE(runtime->session()->state(), SessionState::Identify);
        QCOMPARE(choice.errand(), ResidentChoice::Errand::Licences);
        QVERIFY(choice.itemCode().isEmpty());
        QCOMPARE(choice.item(), nullptr);
    }

    void aQueryThePlatformDoesNotAnswerAtOnceIsTheProgressErrand()
    {
        JourneyKiosk kiosk;
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        ResidentChoice choice(kiosk.runtime());
        QVERIFY(kiosk.runtime()->session()->advance(SessionState::ChooseService));
        QVERIFY(!choice.openItem(QStringLiteral("no-such-item")));
        QVERIFY(!choice.startSelectedItem()); // nothing opened
        QVERIFY(choice.openItem(ProgressQuery));
        QVERIFY(choice.startSelectedItem());
        QCOMPARE(choice.errand(), ResidentChoice::Errand::Progress);
    }

    void anApplicationWithoutAFaceGoesFromTheCardToTheForm()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderAndScanner);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        ResidentChoice choice(runtime);
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(choice.openItem(PensionBenefits));
        QCOMPARE(choice.continueAfterIdentification(), ResidentChoice::Step::Refused); // nobody known yet
        QVERIFY(choice.startSelectedItem());
        QVERIFY(layCard(runtime));
        QCOMPARE(choice.continueAfterIdentification(), ResidentChoice::Step::Started);
        QCOMPARE(runtime->session()->state(), SessionState::Form);
    }

    void leavingAsksFirstOnlyWhenItWouldLoseWhatTheResidentEntered()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderAndScanner);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        ResidentChoice choice(runtime);
        QSignalSpy asked(&choice, &ResidentChoice::exitAskedChanged);
        const auto reachForm = [&] {
            QVERIFY(runtime->session()->advance(SessionState::ChooseService));
            QVERIFY(choice.openItem(PensionBenefits));
            QVERIFY(choice.startSelectedItem());
            QVERIFY(layCard(runtime));
            QCOMPARE(choice.continueAfterIdentification(), ResidentChoice::Step::Started);
            QCOMPARE(runtime->session()->state(), SessionState::Form);
        };

        // Only the card's values in the form: nothing of the resident's to lose, so it ends at once.
        reachForm();
        QVERIFY(!choice.leavingLosesInput());
        QVERIFY(choice.requestExit());
        QCOMPARE(runtime->session()->state(), SessionState::Attract);
        QVERIFY(!choice.exitAsked());
        QVERIFY(asked.isEmpty());

        // A typed value: the resident is asked, and the application stays until they answer.
        QVERIFY(runtime->devices()->idCardSimulator()->execute(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QTest::qWait(2000); // long enough for the reader's polling to see the field empty
        reachForm();
        QVERIFY(runtime->draft()->setValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
        QVERIFY(choice.leavingLosesInput());
        QVERIFY(!choice.requestExit());
        QVERIFY(choice.exitAsked());
        QCOMPARE(runtime->session()->state(), SessionState::Form);
        QCOMPARE(runtime->draft()->value(QStringLiteral("phone")), QStringLiteral("13955123456"));
        choice.keepApplication();
        QVERIFY(!choice.exitAsked());
        QCOMPARE(runtime->session()->state(), SessionState::Form);

        // The idle countdown does not ask: it wipes, and the question goes with the session.
        QVERIFY(!choice.requestExit());
        QVERIFY(choice.exitAsked());
        QVERIFY(runtime->session()->end(SessionEnd::TimedOut));
        QVERIFY(!choice.exitAsked());
        QVERIFY(!runtime->draft()->holdsResidentInput());
    }

    void anItemWithAFaceWaitsForConsent()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, ReaderAndScanner);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        ResidentChoice choice(runtime);
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(choice.openItem(RetirementApplication));
        QVERIFY(choice.startSelectedItem());
        QVERIFY(layCard(runtime));
        QCOMPARE(choice.continueAfterIdentification(), ResidentChoice::Step::Started);
        QCOMPARE(runtime->session()->state(), SessionState::Verify);
    }

    void anErrandByCardWaitsForTheCardCheck()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, ReaderAndScanner);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        ResidentChoice choice(runtime);
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(choice.startErrand(ResidentChoice::Errand::Progress));
        QVERIFY(layCard(runtime));
        QCOMPARE(choice.continueAfterIdentification(), ResidentChoice::Step::CardCheck);
        QCOMPARE(runtime->session()->state(), SessionState::Verify);
    }

    void licencesAfterACardAloneWaitForAFaceCheckNotACardCheck()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, ReaderAndScanner);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        ResidentChoice choice(runtime);
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(choice.startErrand(ResidentChoice::Errand::Licences));
        QVERIFY(layCard(runtime));
        // A card alone, found or left on the reader, proves nobody: the consent screen asks for a face.
        QCOMPARE(choice.continueAfterIdentification(), ResidentChoice::Step::Started);
        QCOMPARE(runtime->session()->state(), SessionState::Verify);
        QVERIFY(!runtime->verification()->isVerified());
        QVERIFY(!runtime->errands()->showLicences());
        QCOMPARE(runtime->session()->state(), SessionState::Verify);
    }

    void backLeadsFromIdentificationToTheChoiceThenFromTheItemToItsThemeThenHome()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderAndScanner, formsOnly());
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        ResidentChoice choice(runtime);
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(!choice.startTheme()); // none opened
        QVERIFY(choice.openTheme(QStringLiteral("retirement")));
        QVERIFY(choice.startTheme());
        QVERIFY(choice.doingTheme());
        QVERIFY(choice.item() != nullptr); // the theme's items merged into one form
        QVERIFY(choice.itemCode().isEmpty());
        choice.back();
        QCOMPARE(runtime->session()->state(), SessionState::ChooseService);
        QVERIFY(!choice.doingTheme());
        QCOMPARE(choice.themeId(), QStringLiteral("retirement"));
        QVERIFY(choice.openItem(RetirementApplication));
        choice.back();
        QVERIFY(choice.itemCode().isEmpty());
        QCOMPARE(choice.themeId(), QStringLiteral("retirement"));
        choice.back();
        QVERIFY(choice.themeId().isEmpty());
    }

    void aCodeIsRefusedForACardOnlyItemAndWithoutAPlatform()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, ReaderAndScanner);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        ResidentChoice choice(runtime);
        QSignalSpy problems(&choice, &ResidentChoice::problemChanged);
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(choice.openItem(CriminalRecordCertificate));
        QCOMPARE(choice.codeRefusal(), QStringLiteral("code_not_for_item"));
        QVERIFY(choice.startSelectedItem());
        problems.clear();
        QVERIFY(scan(runtime, QStringLiteral("netid-code")));
        QTRY_VERIFY_WITH_TIMEOUT(!problems.isEmpty(), 20000);
        QCOMPARE(choice.problem(), QStringLiteral("code_not_for_item"));

        choice.back();
        choice.back();
        QVERIFY(choice.openItem(PensionRegistration));
        QVERIFY(choice.codeRefusal().isEmpty());
        QVERIFY(choice.startSelectedItem());
        QVERIFY(choice.problem().isEmpty()); // starting afresh forgets the last problem
        problems.clear();
        QVERIFY(scan(runtime, QStringLiteral("netid-code")));
        QTRY_VERIFY_WITH_TIMEOUT(!problems.isEmpty(), 20000);
        QCOMPARE(choice.problem(), QStringLiteral("code_platform_offline"));
        QVERIFY(!runtime->identity()->isIdentified());
    }

    void aReceiptsCodeShownOnTheHomeScreenOpensItsProgress()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderAndScanner);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        const OutboxResult<QueuedCase> queued = runtime->outbox()->enqueueCase({PensionBenefits, "{}", {}});
        QVERIFY(queued);
        ResidentChoice choice(runtime);
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        // An app code on the home screen says nothing yet: the resident has not chosen.
        QVERIFY(scan(runtime, QStringLiteral("netid-code")));
        QTest::qWait(500);
        QCOMPARE(runtime->session()->state(), SessionState::ChooseService);
        QCOMPARE(choice.errand(), ResidentChoice::Errand::None);

        QSignalSpy fetched(runtime->records(), &ResidentRecords::casesFetched);
        QVERIFY(scan(runtime, queued.value().localRef));
        QTRY_COMPARE_WITH_TIMEOUT(runtime->session()->state(), SessionState::Result, 20000);
        QCOMPARE(choice.errand(), ResidentChoice::Errand::Progress);
        QTRY_COMPARE(fetched.size(), 1);
        QCOMPARE(runtime->records()->cases().size(), 1);
        QCOMPARE(runtime->records()->cases().first().itemCode, PensionBenefits);
        QVERIFY(!runtime->identity()->isIdentified());
    }

    void theSessionsEndForgetsTheChoice()
    {
        JourneyKiosk kiosk;
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        ResidentChoice choice(runtime);
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(choice.openTheme(QStringLiteral("birth")));
        QVERIFY(choice.startErrand(ResidentChoice::Errand::Progress));
        QVERIFY(runtime->session()->end(SessionEnd::Cancelled));
        QTRY_COMPARE(runtime->session()->state(), SessionState::Attract);
        QCOMPARE(choice.errand(), ResidentChoice::Errand::None);
        QVERIFY(choice.themeId().isEmpty());
        QVERIFY(choice.problem().isEmpty());
    }
};

QTEST_MAIN(TestResidentChoice)
#include "test_residentchoice.moc"
