#include "device/device.h"
#include "device/deviceregistry.h"
#include "deviceselftests.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "maintenancepin.h"
#include "maintenanceshell.h"
#include "scanner/sim/scannersimulatorhost.h"
#include "runningkiosk.h"
#include "uiprobe.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// Text the kiosk did not write (a hall name staff typed, a catalogue the platform sent, a code a
// scanner read) that begins like HTML is shown as the characters it is: the image it names is never fetched, and
// every text item on the screens stays plain text.
class TestUntrustedText : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_state;
    QTcpServer m_bait;
    std::unique_ptr<RunningKiosk> m_kiosk;
    QQuickWindow *m_window = nullptr;

    // An image tag pointing at the bait server, followed by a name, as a hostile text would be.
    QString markup(const QString &name) const
    {
        return QStringLiteral("<img src=http://127.0.0.1:%1/x.png>%2").arg(m_bait.serverPort()).arg(name);
    }

    QString catalogueNaming(const QString &code, const QString &name) const
    {
        QFile file(QStringLiteral(":/kiosk/catalogue/demo-catalogue.json"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QJsonArray items = root.value(QLatin1String("items")).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject item = items.at(i).toObject();
            if (item.value(QLatin1String("code")).toString() == code) {
                item.insert(QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), name}, {QStringLiteral("en"), name}});
                items.replace(i, item);
            }
        }
        root.insert(QStringLiteral("items"), items);
        const QString path = m_state.filePath(QStringLiteral("catalogue.json"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(root).toJson()) <= 0)
            return {};
        return path;
    }

    // The kiosk on the real QML with `overrides` on the demo configuration and an outbox key.
    void startKiosk(const QHash<QString, QString> &overrides)
    {
        QString error;
        const std::optional<KioskConfig> config = RunningKiosk::configIn(m_state.filePath(QStringLiteral("state")), overrides, &error);
        QVERIFY2(config, qPrintable(error));
        m_kiosk = RunningKiosk::start(*config, &error);
        QVERIFY2(m_kiosk, qPrintable(error));
        m_window = m_kiosk->window();
    }

    // Lets the window render and any image fetch start, then says whether the bait was asked.
    bool baitWasFetched()
    {
        for (int i = 0; i < 20; ++i) {
            (void)m_window->grabWindow();
            QTest::qWait(50);
        }
        return m_bait.hasPendingConnections();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_bait.listen(QHostAddress::LocalHost));
    }

    void cleanup()
    {
        m_window = nullptr;
        m_kiosk.reset();
    }

    void markupInAHallNameAndACatalogueIsShownAsTyped()
    {
        const QString hall = markup(QStringLiteral("李四服务大厅"));
        const QString item = markup(QStringLiteral("李四证明"));
        const QString catalogue = catalogueNaming(QStringLiteral("340100-000-ZZ-0001-01"), item);
        QVERIFY(!catalogue.isEmpty());

        startKiosk({{QStringLiteral("kiosk/hall_name"), hall}, {QStringLiteral("kiosk/catalogue_file"), catalogue}});
        if (QTest::currentTestFailed())
            return;

        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        const QStringList attract = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY2(attract.contains(hall), qPrintable(attract.join(QLatin1Char('|'))));
        QCOMPARE(UiProbe::textsNotPlain(m_window->contentItem()), QStringList());
        QVERIFY2(!baitWasFetched(), "the attract screen fetched the image named in the hall name");

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        const QStringList home = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY2(home.contains(item), qPrintable(home.join(QLatin1Char('|'))));
        QCOMPARE(UiProbe::textsNotPlain(m_window->contentItem()), QStringList());
        QVERIFY2(!baitWasFetched(), "the home screen fetched the image named in an item's name");
    }

    void aScannedCodeIsShownAsScanned()
    {
        const QString pin = QStringLiteral("246810");
        startKiosk({{QStringLiteral("admin/pin_hash"), MaintenancePin::hash(pin)},
                    {QStringLiteral("devices/barcode_scanner"), QStringLiteral("simulated")}});
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        for (int i = 0; i < 5; ++i)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("maintenanceCorner")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("pinPad")));
        for (const QChar digit : pin)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("key_") + digit));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("maintenanceScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("tab_selftest")));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->runtime()->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        // The tab's cards settle as device health arrives: a tap that landed on a neighbour while
        // they moved is tried again until the scan test waits for a code.
        DeviceSelfTests *selfTests = m_kiosk->maintenance()->selfTests();
        QTRY_VERIFY_WITH_TIMEOUT((UiProbe::tapWhenShown(m_window, QStringLiteral("selfTestScan"))
                                  && QTest::qWaitFor([selfTests] { return selfTests->scan() == DeviceSelfTests::Progress::Waiting; }, 1000)),
                                 20000);

        // Staff's self-test shows the code in full: a code that carries markup shows its markup.
        const QString code = QStringLiteral("<b>x</b>") + markup(QStringLiteral("码"));
        ScannerSimulatorHost *scanner = m_kiosk->runtime()->devices()->scannerSimulator();
        QVERIFY(scanner);
        QVERIFY(scanner->execute(QStringLiteral("scan ") + code).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("scanTestResult"))), QStringList{code}, 20000);
        QCOMPARE(UiProbe::textsNotPlain(m_window->contentItem()), QStringList());
        QVERIFY2(!baitWasFetched(), "the self-test fetched the image named in a scanned code");
    }
};

QTEST_MAIN(TestUntrustedText)
#include "test_untrustedtext.moc"
