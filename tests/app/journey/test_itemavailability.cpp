#include "itemavailability.h"
#include "journeykiosk.h"

#include <QJsonArray>
#include <QTest>

namespace {

const QString NoDevices = QStringLiteral("id_card_reader=none\nbarcode_scanner=none\nface_camera=none\ndocument_camera=none\n"
                                         "receipt_printer=none\ndocument_printer=none\n");

QString reasonFor(const KioskRuntime *runtime, const char *code)
{
    const CatalogueItem *item = runtime->catalogue().item(QLatin1String(code));
    return item ? runtime->availability()->unavailableReason(*item) : QStringLiteral("no such item");
}

} // namespace

// Whether a resident can start an item or a theme here now, before they type anything.
class TestItemAvailability : public QObject
{
    Q_OBJECT

private slots:
    void withoutAPlatformNothingCanBeFiledOrFetched()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        const KioskRuntime *runtime = kiosk.runtime();
        // An outbox with nobody to send it to takes no application.
        QVERIFY(runtime->outbox());
        QCOMPARE(reasonFor(runtime, "340100-000-ZZ-0010-01"), QStringLiteral("outbox_unavailable"));
        // Documents and queries are answered by the platform there and then.
        QCOMPARE(reasonFor(runtime, "340100-000-ZZ-0003-01"), QStringLiteral("platform_offline"));
        QCOMPARE(reasonFor(runtime, "340100-000-ZZ-0019-01"), QStringLiteral("platform_offline"));
    }

    void anApplicationThatMayBeQueuedNeedsOnlyTheOutbox()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::NotEnrolled, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        QCOMPARE(reasonFor(kiosk.runtime(), "340100-000-ZZ-0010-01"), QString());
    }

    void anItemNeedsThePeripheralsItUses()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::NotEnrolled, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        // Pages of a material are photographed on the document camera.
        QCOMPARE(reasonFor(kiosk.runtime(), "340100-000-ZZ-0002-01"), QStringLiteral("document_camera_unavailable"));
    }

    void aPrintItemNeedsTheDocumentPrinter()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::NotEnrolled, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        // Connectivity is optimistic until a call fails; the printer is missing for certain.
        QCOMPARE(reasonFor(kiosk.runtime(), "340100-000-ZZ-0003-01"), QStringLiteral("document_printer_unavailable"));
    }

    void aThemeGivesTheFirstOfItsItemsReasons()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::None, NoDevices);
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        const ItemAvailability *availability = kiosk.runtime()->availability();
        QCOMPARE(availability->themeUnavailableReason(QStringLiteral("retirement")), QStringLiteral("outbox_unavailable"));
        QCOMPARE(availability->themeUnavailableReason(QStringLiteral("no_such_theme")), QStringLiteral("not_a_theme"));
    }

    void aThemeWhoseItemsCanAllBeQueuedCanBeStarted()
    {
        JourneyKiosk kiosk(JourneyKiosk::Platform::NotEnrolled, NoDevices, JourneyKiosk::demoCatalogueWith([](QJsonObject &root) {
            // Retiring without the face check and the bank card's photograph.
            QJsonArray items = root.value(QLatin1String("items")).toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                QJsonObject item = items.at(i).toObject();
                item.insert(QStringLiteral("face_required"), false);
                item.insert(QStringLiteral("materials"), QJsonArray());
                items.replace(i, item);
            }
            root.insert(QStringLiteral("items"), items);
        }));
        QVERIFY2(kiosk.isRunning(), qPrintable(kiosk.error()));
        const ItemAvailability *availability = kiosk.runtime()->availability();
        QCOMPARE(availability->themeUnavailableReason(QStringLiteral("retirement")), QString());
        QVERIFY(!availability->localFaceCheckAvailable());
    }
};

QTEST_MAIN(TestItemAvailability)
#include "test_itemavailability.moc"
