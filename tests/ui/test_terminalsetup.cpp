#include "maintenancekiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// First-boot provisioning: a technician sets up a new terminal on screen, against the reference
// platform and a real IPP printer, until its checklist is green; and kioskctl's headless checklist
// failing on a terminal that is not enrolled.
class TestTerminalSetup : public MaintenanceKiosk
{
    Q_OBJECT

private slots:
    void cleanup() { stopKiosk(); }

    void aTechnicianSetsUpANewTerminalUntilTheChecklistIsGreen()
    {
        startKiosk(false, false);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("technicianSetupButton")));
        UiProbe::screenshot(m_window, QStringLiteral("provisioning-attract-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("technicianSetupButton")));
        QTRY_VERIFY(shownIn(QStringLiteral("pinPad")).contains(QStringLiteral("设置维护 PIN")));

        // A weak PIN is refused, then a good one typed twice is kept in the configuration's overlay
        // under the state directory: the unit makes /etc read-only to the kiosk.
        typePin(QStringLiteral("123456"));
        typePin(QStringLiteral("123456"));
        QTRY_VERIFY2(shownIn(QStringLiteral("pinPad")).contains(QStringLiteral("PIN 太简单")), qPrintable(shownIn(QStringLiteral("pinPad"))));
        typePin(m_pin);
        typePin(m_pin);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("provisioningScreen")));
        const QString overlay = KioskConfig::overlayPathIn(stateDir());
        {
            const QSettings saved(overlay, QSettings::IniFormat);
            QVERIFY(MaintenancePin::matches(m_pin, saved.value(QStringLiteral("admin/pin_hash")).toString()));
            const QSettings file(m_configPath, QSettings::IniFormat);
            QCOMPARE(file.value(QStringLiteral("platform/timeout_s")).toInt(), 3); // the file is as it was
            QVERIFY(file.value(QStringLiteral("admin/pin_hash")).toString().isEmpty());
        }

        QVERIFY(!m_kiosk->maintenance()->checklistGreen());

        // The hall's names are typed on the kiosk's own keyboard: pinyin for Chinese, letters for English.
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        QVERIFY(tapOnPage(QStringLiteral("hallNameZh")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        waitForFrame();
        eraseKeys(m_kiosk->maintenance()->hallName().size());
        typeKeys(QStringLiteral("hefei"));
        choose(QStringLiteral("合肥"));
        typeKeys(QStringLiteral("zhengwu"));
        QTRY_VERIFY2(shownIn(QStringLiteral("hallNameZh")).contains(QStringLiteral("合肥zhengwu")), qPrintable(shownIn(QStringLiteral("hallNameZh"))));
        UiProbe::screenshot(m_window, QStringLiteral("provisioning-keyboard-zh"));
        choose(QStringLiteral("政务"));
        typeKeys(QStringLiteral("dating"));
        choose(QStringLiteral("大厅"));
        QTRY_VERIFY(shownIn(QStringLiteral("hallNameZh")).contains(QStringLiteral("合肥政务大厅")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_done")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        QVERIFY(tapOnPage(QStringLiteral("hallNameEn")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        waitForFrame();
        eraseKeys(m_kiosk->maintenance()->hallNameEn().size());
        typeKeys(QStringLiteral("hefei"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_space")));
        typeKeys(QStringLiteral("hall"));
        QTRY_VERIFY(shownIn(QStringLiteral("hallNameEn")).contains(QStringLiteral("hefei hall")));
        UiProbe::screenshot(m_window, QStringLiteral("provisioning-keyboard-en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_done")));
        QVERIFY(tapOnPage(QStringLiteral("saveHall")));
        QTRY_COMPARE(m_kiosk->maintenance()->hallName(), QStringLiteral("合肥政务大厅"));
        QCOMPARE(m_kiosk->maintenance()->hallNameEn(), QStringLiteral("hefei hall"));
        {
            const QSettings saved(overlay, QSettings::IniFormat);
            QCOMPARE(saved.value(QStringLiteral("kiosk/hall_name")).toString(), QStringLiteral("合肥政务大厅"));
            QVERIFY(!QSettings(m_configPath, QSettings::IniFormat).contains(QStringLiteral("kiosk/hall_name")));
        }

        // The enrolment token, letters and digits, on the same keys.
        QVERIFY(tapOnPage(QStringLiteral("enrolToken")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        waitForFrame();
        // The token field opens on letters; each switch of layout lays the keys out again by the next frame.
        const auto switchTo = [this](const char *key) {
            QVERIFY(UiProbe::tap(m_window, QString::fromLatin1(key)));
            waitForFrame();
        };
        typeKeys(QStringLiteral("hall"));
        switchTo("kbd_digits");
        typeKeys(QStringLiteral("-"));
        switchTo("kbd_digits"); // back to letters, which is pinyin
        switchTo("kbd_layout"); // 英文
        typeKeys(QStringLiteral("setup"));
        switchTo("kbd_digits");
        typeKeys(QStringLiteral("-7"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_done")));
        QTRY_COMPARE(UiProbe::find(m_window, QStringLiteral("enrolToken"))->property("text").toString(), m_token);
        QVERIFY(tapOnPage(QStringLiteral("enrolButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->maintenance()->enrolled(), 30000);
        QVERIFY(!terminalId().isEmpty());
        // Enrolled on the screen, the terminal reports to the platform at once, without a restart.
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->runtime()->heartbeat(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_platform->inspect(QStringLiteral("heartbeats")).value(QLatin1String("heartbeats")).toArray().isEmpty(), 60000);

        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->runtime()->receipts()->receiptPrinterUsable(), 30000);
        QVERIFY(tapOnPage(QStringLiteral("provisioningPrint")));
        QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->maintenance()->selfTests()->print(), DeviceSelfTests::Progress::Done, 60000);
        QVERIFY(tapOnPage(QStringLiteral("recheck")));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->maintenance()->platformCheck().value(QStringLiteral("enrolled")).toBool(), 30000);
        const auto redItems = [this] {
            QStringList red;
            const ChecklistModel *model = m_kiosk->maintenance()->checklist();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (!model->data(model->index(row), ChecklistModel::OkRole).toBool())
                    red << model->data(model->index(row), ChecklistModel::ItemIdRole).toString() + QStringLiteral(": ")
                               + model->data(model->index(row), ChecklistModel::DetailRole).toString();
            }
            return red.join(QLatin1Char('\n'));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(m_kiosk->maintenance()->checklistGreen(), qPrintable(redItems()), 60000);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("putIntoService"))->isEnabled());
        QVERIFY(scrollIntoView(QStringLiteral("putIntoService")));
        UiProbe::screenshot(m_window, QStringLiteral("provisioning-checklist-zh"));

        // The same checklist, headless.
        QProcess checklist;
        checklist.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("--config"), m_configPath, QStringLiteral("checklist")});
        QVERIFY(checklist.waitForFinished(120000));
        const QString listed = QString::fromUtf8(checklist.readAllStandardOutput());
        QVERIFY2(checklist.exitCode() == 0, qPrintable(listed + QString::fromUtf8(checklist.readAllStandardError())));
        QVERIFY2(listed.contains(QStringLiteral("all green")), qPrintable(listed));

        QVERIFY(tapOnPage(QStringLiteral("putIntoService")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("provisioningScreen")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("technicianSetupButton")));
        QVERIFY(auditActions().contains(QStringLiteral("maintenance provisioning.enrol ok")));
        QVERIFY(auditActions().contains(QStringLiteral("maintenance provisioning.in-service ok")));
    }

    void theHeadlessChecklistFailsOnAnUnenrolledTerminal()
    {
        startKiosk(false, true);
        QProcess checklist;
        checklist.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("--config"), m_configPath, QStringLiteral("checklist"), QStringLiteral("--json")});
        QVERIFY(checklist.waitForFinished(120000));
        QCOMPARE(checklist.exitCode(), 1);
        const QJsonObject answer = QJsonDocument::fromJson(checklist.readAllStandardOutput()).object();
        QCOMPARE(answer.value(QLatin1String("green")).toBool(), false);
        bool sawEnrolled = false;
        for (const QJsonValue &item : answer.value(QLatin1String("items")).toArray()) {
            if (item.toObject().value(QLatin1String("id")).toString() == QLatin1String("enrolled")) {
                sawEnrolled = true;
                QCOMPARE(item.toObject().value(QLatin1String("ok")).toBool(), false);
            }
            if (item.toObject().value(QLatin1String("id")).toString() == QLatin1String("pin_set"))
                QCOMPARE(item.toObject().value(QLatin1String("ok")).toBool(), true);
        }
        QVERIFY(sawEnrolled);
    }
};

QTEST_MAIN(TestTerminalSetup)
#include "test_terminalsetup.moc"
