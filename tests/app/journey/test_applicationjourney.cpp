#include "applicationjourney.h"
#include "journeykiosk.h"
#include "platformheartbeat.h"
#include "platformclient.h"

#include "outboxstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace {

using Kind = CaseSubmission::Outcome::Kind;

// Only the card reader: no camera, printer or scanner is needed to file a form.
const QString ReaderOnly = QStringLiteral("barcode_scanner=none\nface_camera=none\ndocument_camera=none\nreceipt_printer=none\n"
                                          "document_printer=none\n");
const QString Pension = QStringLiteral("340100-000-ZZ-0010-01"); // 退休人员医保待遇核定: a phone number, no papers
const QString Phone = QStringLiteral("13955123456");

// The demo catalogue with no face checks and no papers, so the retirement theme is filed from
// the form alone.
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

} // namespace

// An application from the identified resident to its case, without QML: the platform is away,
// so every case is queued in the outbox.
class TestApplicationJourney : public QObject
{
    Q_OBJECT

private slots:
    void anApplicationIsNotBegunBeforeTheResidentIsIdentified()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderOnly);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(!runtime->journey()->beginApplication(Pension));
        QVERIFY(!runtime->journey()->beginThemeApplication(QStringLiteral("retirement")));
        QVERIFY(!runtime->draft()->isActive());
        QVERIFY(!runtime->journey()->submitApplication());
    }

    void anApplicationQueuedWhileThePlatformIsAwayEndsOnTheResultScreen()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderOnly);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        QVERIFY(kiosk.identify());
        ApplicationJourney *journey = runtime->journey();
        QVERIFY(!journey->beginApplication(QStringLiteral("no-such-item")));
        QVERIFY(journey->beginApplication(Pension));
        QCOMPARE(runtime->session()->state(), SessionState::Form);
        QCOMPARE(journey->themeInProgress(), QString());
        // An incomplete form is not filed.
        QVERIFY(!journey->submitApplication());
        QVERIFY(runtime->draft()->setValue(QStringLiteral("phone"), Phone));
        QVERIFY(runtime->session()->advance(SessionState::Review));
        QSignalSpy finished(journey, &ApplicationJourney::submissionFinished);
        QVERIFY(journey->submitApplication());
        QCOMPARE(runtime->session()->state(), SessionState::Submit);
        // One submission at a time.
        QVERIFY(!journey->submitApplication());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const auto outcome = finished.first().first().value<CaseSubmission::Outcome>();
        QVERIFY(outcome.kind == Kind::Queued);
        QVERIFY(!outcome.localRef.isEmpty());
        QCOMPARE(journey->lastOutcome().localRef, outcome.localRef);
        QCOMPARE(runtime->session()->state(), SessionState::Result);
        QVERIFY(journey->themeOutcomes().isEmpty());
        QVERIFY(runtime->outbox()->find(outcome.localRef).value().has_value());
    }

    void anApplicationIsQueuedAtOnceWhenThePlatformIsKnownToBeAway()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderOnly);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        // The first heartbeat that finds nobody there tells the kiosk the platform is away.
        QVERIFY(runtime->heartbeat());
        runtime->heartbeat()->beatNow();
        QTRY_COMPARE_WITH_TIMEOUT(runtime->platform()->connectivity(), PlatformClient::Connectivity::Offline, 30000);
        QVERIFY(kiosk.identify());
        ApplicationJourney *journey = runtime->journey();
        QVERIFY(journey->beginApplication(Pension));
        QVERIFY(runtime->draft()->setValue(QStringLiteral("phone"), Phone));
        QVERIFY(runtime->session()->advance(SessionState::Review));
        QSignalSpy finished(journey, &ApplicationJourney::submissionFinished);
        QVERIFY(journey->submitApplication());
        QCOMPARE(runtime->session()->state(), SessionState::Submit);
        // Queued at the event loop's next turn: no wait for a platform the kiosk knows is away.
        QCoreApplication::processEvents();
        QCOMPARE(finished.size(), 1);
        const auto outcome = finished.first().first().value<CaseSubmission::Outcome>();
        QVERIFY(outcome.kind == Kind::Queued);
        QCOMPARE(runtime->session()->state(), SessionState::Result);
        QVERIFY(runtime->outbox()->find(outcome.localRef).value().has_value());
    }

    void aThemeFilesItsItemsOneAfterAnother()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderOnly, formsOnly());
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        QVERIFY(kiosk.identify());
        ApplicationJourney *journey = runtime->journey();
        QVERIFY(journey->beginThemeApplication(QStringLiteral("retirement")));
        QCOMPARE(journey->themeInProgress(), QStringLiteral("retirement"));
        QCOMPARE(runtime->draft()->item()->code, QStringLiteral("theme:retirement"));
        QVERIFY(runtime->draft()->setValue(QStringLiteral("phone"), Phone));
        QVERIFY(runtime->draft()->setValue(QStringLiteral("bank_account"), QStringLiteral("6222021234567890123")));
        QString missing;
        QVERIFY2(runtime->draft()->isComplete(&missing), qPrintable(missing));
        QVERIFY(runtime->session()->advance(SessionState::Review));
        QSignalSpy finished(journey, &ApplicationJourney::submissionFinished);
        QVERIFY(journey->submitApplication());
        // The resident hears once, when every item has its outcome.
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QTest::qWait(200);
        QCOMPARE(finished.size(), 1);
        const auto &outcomes = journey->themeOutcomes();
        QCOMPARE(outcomes.size(), 3);
        QCOMPARE(outcomes.at(0).first, QStringLiteral("340100-000-ZZ-0009-01"));
        QCOMPARE(outcomes.at(1).first, Pension);
        QCOMPARE(outcomes.at(2).first, QStringLiteral("340100-000-ZZ-0011-01"));
        QStringList references;
        for (const auto &[code, outcome] : outcomes) {
            QVERIFY(outcome.kind == Kind::Queued);
            QVERIFY(runtime->outbox()->find(outcome.localRef).value().has_value());
            references.append(outcome.localRef);
        }
        references.removeDuplicates();
        QCOMPARE(references.size(), 3);
        QCOMPARE(journey->lastOutcome().localRef, outcomes.first().second.localRef);
        QCOMPARE(runtime->session()->state(), SessionState::Result);

        // The next resident starts with no theme.
        QVERIFY(runtime->session()->end(SessionEnd::Cancelled));
        QCOMPARE(journey->themeInProgress(), QString());
        QVERIFY(journey->themeOutcomes().isEmpty());
    }

    void documentCaptureStartsOnlyOnTheMaterialsScreenAndWithACamera()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, ReaderOnly);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        ApplicationJourney *journey = kiosk.runtime()->journey();
        QVERIFY(!journey->documentCameraUsable());
        QVERIFY(!journey->startDocumentCapture(QStringLiteral("bank_card")));
        QVERIFY(!journey->capturePage());
    }
};

QTEST_MAIN(TestApplicationJourney)
#include "test_applicationjourney.moc"
