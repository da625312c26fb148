#include "maintenancekiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// A kiosk in trouble through the real QML: a damaged outbox file set aside and named to staff until
// removed, a broken catalogue file that leaves the kiosk serving, and the kiosk out of service when
// no resident could identify.
class TestMaintenanceDegraded : public MaintenanceKiosk
{
    Q_OBJECT

private slots:
    void cleanup() { stopKiosk(); }

    void theOutboxTabNamesADamagedFileSetAsideUntilItIsRemoved()
    {
        startKiosk(true, true);
        // What start-up leaves when it finds the outbox damaged: the file moved aside, a fresh one in use.
        const QString setAside = QDir(stateDir()).filePath(QStringLiteral("outbox.db.corrupt-20261123T050000Z"));
        QFile damaged(setAside);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("not a database any more");
        damaged.close();
        makeTheGesture();
        typePin(m_pin);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("maintenanceScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("tab_outbox")));
        QTRY_VERIFY2(shownIn(QStringLiteral("outboxAlert")).contains(QStringLiteral("outbox.db.corrupt-20261123T050000Z")),
                     qPrintable(shownIn(QStringLiteral("outboxAlert"))));
        QVERIFY(shownIn(QStringLiteral("outboxAlert")).startsWith(QStringLiteral("需要处理：")));
        QCOMPARE(m_kiosk->maintenance()->outbox().value(QStringLiteral("health")).toString(), QStringLiteral("warning"));
        QVERIFY(QFile::remove(setAside));
        QCOMPARE(m_kiosk->maintenance()->outbox().value(QStringLiteral("alert")).toString(), QString());
    }

    void aBrokenCatalogueFileKeepsTheKioskServingAndIsShownToStaff()
    {
        // The configured catalogue is an error page a download left behind: the kiosk starts on
        // the platform's catalogue anyway, and staff read which file is wrong on the devices tab.
        const QString broken = QDir::temp().filePath(QStringLiteral("kiosk-test-catalogue-%1.json").arg(QCoreApplication::applicationPid()));
        QFile page(broken);
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write("<html>502 Bad Gateway</html>\n");
        page.close();
        startKiosk(true, true, QStringLiteral("[kiosk]\ncatalogue_file=%1\n").arg(broken));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!m_kiosk->runtime()->catalogue().items().isEmpty());
        makeTheGesture();
        typePin(m_pin);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("maintenanceScreen")));
        QTRY_VERIFY2(shownIn(QStringLiteral("catalogueAlert")).contains(QStringLiteral("[kiosk] catalogue_file: %1").arg(broken)),
                     qPrintable(shownIn(QStringLiteral("catalogueAlert"))));
        QVERIFY(shownIn(QStringLiteral("catalogueAlert")).startsWith(QStringLiteral("需要处理：")));
        UiProbe::screenshot(m_window, QStringLiteral("maintenance-catalogue-alert-zh"));
        QFile::remove(broken);
    }

    void theKioskIsOutOfServiceWhenNoResidentCouldIdentify_data()
    {
        QTest::addColumn<QString>("scanner");
        QTest::addColumn<bool>("outOfService");
        QTest::newRow("reader failed, no scanner") << QStringLiteral("none") << true;
        QTest::newRow("reader failed, scanner works") << QStringLiteral("simulated") << false;
    }

    void theKioskIsOutOfServiceWhenNoResidentCouldIdentify()
    {
        QFETCH(QString, scanner);
        QFETCH(bool, outOfService);
        startKiosk(true, true, QStringLiteral("[devices]\nbarcode_scanner=%1\n").arg(scanner));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->shell()->cardReaderUsable(), 20000);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("outOfServiceScreen")));
        QVERIFY(m_kiosk->shell()->simulate(QStringLiteral("fault unplug")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_kiosk->shell()->cardReaderUsable(), 30000);
        if (outOfService) {
            QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("outOfServiceScreen")));
            QVERIFY(!UiProbe::find(m_window, QStringLiteral("attractScreen")));
            UiProbe::screenshot(m_window, QStringLiteral("maintenance-out-of-service-zh"));
            // Staff still get in to see why.
            makeTheGesture();
        } else {
            QTest::qWait(500);
            QVERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
            QVERIFY(!UiProbe::find(m_window, QStringLiteral("outOfServiceScreen")));
        }
        QVERIFY(m_kiosk->shell()->simulate(QStringLiteral("fault none")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->shell()->cardReaderUsable(), 30000);
        m_kiosk->maintenance()->leave();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
    }
};

QTEST_MAIN(TestMaintenanceDegraded)
#include "test_maintenancedegraded.moc"
