#include "instanterrands.h"
#include "journeykiosk.h"

#include "outboxstore.h"
#include "residentrecords.h"

#include <QSignalSpy>
#include <QTest>

namespace {

const QString NoDevices = QStringLiteral("id_card_reader=none\nbarcode_scanner=none\nface_camera=none\ndocument_camera=none\n"
                                         "receipt_printer=none\ndocument_printer=none\n");

} // namespace

// The errands answered at once: what they need of the resident, and a receipt's code.
class TestInstantErrands : public QObject
{
    Q_OBJECT

private slots:
    void errandsNeedAVerifiedResident()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        InstantErrands *errands = runtime->errands();
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(!errands->showProgress());
        QVERIFY(!errands->showLicences());
        QVERIFY(!errands->printLicence(QStringLiteral("any")));
        QVERIFY(!errands->deliverInstantItem(QStringLiteral("340100-000-ZZ-0003-01")));
        QVERIFY(!errands->documentPrinterUsable());
        QCOMPARE(runtime->session()->state(), SessionState::ChooseService);
    }

    void aCodeThatIsNoReceiptsIsRefused()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(runtime->session()->advance(SessionState::Identify));
        QVERIFY(!runtime->errands()->queryReceiptCode(QStringLiteral("hello")));
        QVERIFY(!runtime->errands()->queryReceiptCode(QStringLiteral("https://example.org/not-a-case")));
        QCOMPARE(runtime->session()->state(), SessionState::Identify);
    }

    void aReceiptOfACaseStillQueuedHereIsAnsweredFromTheOutbox()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        const OutboxResult<QueuedCase> queued = runtime->outbox()->enqueueCase({QStringLiteral("340100-000-ZZ-0010-01"), "{}", {}});
        QVERIFY(queued);
        const QString reference = queued.value().localRef;
        QVERIFY(ResidentRecords::referenceFromReceiptCode(reference) == reference);

        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(runtime->session()->advance(SessionState::Identify));
        QSignalSpy fetched(runtime->records(), &ResidentRecords::casesFetched);
        QVERIFY(runtime->errands()->queryReceiptCode(reference));
        QCOMPARE(runtime->session()->state(), SessionState::Result);
        QTRY_COMPARE(fetched.size(), 1);
        QCOMPARE(runtime->records()->cases().size(), 1);
        QCOMPARE(runtime->records()->cases().first().itemCode, QStringLiteral("340100-000-ZZ-0010-01"));
    }

    void aCaseNumberTypedFromAReceiptIsQueriedAsItsCodeWouldBe()
    {
        QCOMPARE(ResidentRecords::referenceFromTyped(QStringLiteral(" 34010020261207000001 ")), QStringLiteral("34010020261207000001"));
        QCOMPARE(ResidentRecords::referenceFromTyped(QStringLiteral("340100000001-120000")), QStringLiteral("T340100000001-120000"));
        QCOMPARE(ResidentRecords::referenceFromTyped(QStringLiteral("T340100000001-120000")), QStringLiteral("T340100000001-120000"));
        QVERIFY(ResidentRecords::referenceFromTyped(QStringLiteral("123")).isEmpty());

        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        const OutboxResult<QueuedCase> queued = runtime->outbox()->enqueueCase({QStringLiteral("340100-000-ZZ-0010-01"), "{}", {}});
        QVERIFY(queued);
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(runtime->session()->advance(SessionState::Identify));
        QVERIFY(!runtime->errands()->queryTypedReference(QStringLiteral("123")));
        QCOMPARE(runtime->session()->state(), SessionState::Identify);
        // The keypad has no T: the digits and the dash of this kiosk's reference are enough.
        QSignalSpy fetched(runtime->records(), &ResidentRecords::casesFetched);
        QVERIFY(runtime->errands()->queryTypedReference(queued.value().localRef.mid(1)));
        QCOMPARE(runtime->session()->state(), SessionState::Result);
        QTRY_COMPARE(fetched.size(), 1);
        QCOMPARE(runtime->records()->cases().first().localRef, queued.value().localRef);
    }

    void aReferenceThisKioskNeverQueuedIsNoReceipt()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::Away, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        KioskRuntime *runtime = kiosk.runtime();
        const OutboxResult<QueuedCase> queued = runtime->outbox()->enqueueCase({QStringLiteral("340100-000-ZZ-0010-01"), "{}", {}});
        QVERIFY(queued);
        // The same shape, another number.
        QString other = queued.value().localRef;
        other.replace(other.size() - 1, 1, other.endsWith(QLatin1Char('9')) ? QStringLiteral("8") : QStringLiteral("9"));
        QVERIFY(runtime->session()->advance(SessionState::ChooseService));
        QVERIFY(runtime->session()->advance(SessionState::Identify));
        QVERIFY(!runtime->errands()->queryReceiptCode(other));
        QCOMPARE(runtime->session()->state(), SessionState::Identify);
    }
};

QTEST_MAIN(TestInstantErrands)
#include "test_instanterrands.moc"
