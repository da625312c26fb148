#include "maintenancekiosk.h"

#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// Getting into maintenance through the real QML: the hidden gesture and the PIN with its lockout
// and audited self-tests, signed admin codes and the reasons stale ones are refused, a technician's
// code opening setup, a kiosk without a PIN saying how to set one, a PIN set by kioskctl while the
// kiosk runs, and the demo's PIN as the documents name it.
class TestMaintenanceEntry : public MaintenanceKiosk
{
    Q_OBJECT

private slots:
    void cleanup() { stopKiosk(); }

    void maintenanceOpensBehindThePinLocksOutAndAuditsEverySelfTest()
    {
        startKiosk(true, true);
        QVERIFY(RecentLog::installForKiosk(stateDir())); // as the kiosk process does
        QVERIFY(!terminalId().isEmpty());
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("technicianSetupButton"))); // enrolled: no setup offered

        makeTheGesture();
        QVERIFY2(shownIn(QStringLiteral("pinPad")).contains(QStringLiteral("请输入维护 PIN")), qPrintable(shownIn(QStringLiteral("pinPad"))));
        UiProbe::screenshot(m_window, QStringLiteral("maintenance-pin-zh"));

        for (int attempt = 1; attempt <= 4; ++attempt) {
            typePin(QStringLiteral("111222"));
            QTRY_VERIFY2(shownIn(QStringLiteral("pinPad")).contains(QStringLiteral("PIN 不正确，还可尝试 %1 次").arg(5 - attempt)),
                         qPrintable(shownIn(QStringLiteral("pinPad"))));
        }
        UiProbe::screenshot(m_window, QStringLiteral("maintenance-pin-refused-zh"));
        typePin(QStringLiteral("111222"));
        QTRY_VERIFY2(shownIn(QStringLiteral("pinPad")).contains(QStringLiteral("尝试次数过多，已锁定至")), qPrintable(shownIn(QStringLiteral("pinPad"))));
        UiProbe::screenshot(m_window, QStringLiteral("maintenance-locked-zh"));

        // Locked, even the right PIN is not checked.
        typePin(m_pin);
        QTest::qWait(200);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("maintenanceScreen")));
        QVERIFY(shownIn(QStringLiteral("pinPad")).contains(QStringLiteral("尝试次数过多，已锁定至")));

        // Five minutes and a second later the lock has run out.
        m_now = m_now.addSecs(5 * 60 + 1);
        typePin(m_pin);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("maintenanceScreen")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("device_receipt_printer")));
        UiProbe::screenshot(m_window, QStringLiteral("maintenance-devices-zh"));

        // The test print comes out of the (simulated, real IPP) receipt printer with the terminal id.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("tab_selftest")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("selfTestPrint")));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->runtime()->receipts()->receiptPrinterUsable(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("selfTestPrint")));
        QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->maintenance()->selfTests()->print(), DeviceSelfTests::Progress::Done, 60000);
        QTRY_VERIFY(shownIn(QStringLiteral("printTestResult")).contains(QStringLiteral("已打印")));
        const QString page = printedText();
        QVERIFY2(page.contains(terminalId()), qPrintable(page));

        // The card test shows the masked holder only.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("selfTestCard")));
        QTRY_VERIFY(shownIn(QStringLiteral("cardTestResult")).contains(QStringLiteral("等待中")));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->shell()->cardReaderUsable(), 20000);
        QVERIFY(m_kiosk->shell()->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        QTRY_VERIFY_WITH_TIMEOUT(shownIn(QStringLiteral("cardTestResult")).contains(PersonalData::maskIdNumber(card.idNumber)), 20000);
        const QString everything = UiProbe::visibleTexts(m_window->contentItem()).join(QLatin1Char('|'));
        QVERIFY(everything.contains(PersonalData::maskName(card.name)));
        QVERIFY(!everything.contains(card.idNumber));
        QVERIFY(!everything.contains(card.name));
        // The resident session was never started by the card: the kiosk stays in attract behind.
        QCOMPARE(m_kiosk->runtime()->session()->state(), SessionState::Attract);
        // The document camera's brightness and focus figures come from its live frame.
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->runtime()->journey()->documentCameraUsable(), 30000);
        QVERIFY(tapOnPage(QStringLiteral("measureCamera")));
        QTRY_COMPARE(m_kiosk->maintenance()->selfTests()->camera(), DeviceSelfTests::Progress::Done);
        QVERIFY(scrollIntoView(QStringLiteral("selfTestCard")));
        UiProbe::screenshot(m_window, QStringLiteral("maintenance-selftest-zh"));
        QVERIFY(m_kiosk->shell()->setLanguage(QStringLiteral("en")));
        QTRY_VERIFY(shownIn(QStringLiteral("maintenanceScreen")).contains(QStringLiteral("Printed")));
        UiProbe::screenshot(m_window, QStringLiteral("maintenance-selftest-en"));
        QVERIFY(m_kiosk->shell()->setLanguage(QStringLiteral("zh")));

        // Paper: the test page counts against the roll until staff say they refilled it.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("tab_paper")));
        QTRY_VERIFY2(shownIn(QStringLiteral("maintenanceScreen")).contains(QStringLiteral("换纸后已打印 1 张")), qPrintable(shownIn(QStringLiteral("maintenanceScreen"))));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("refilled_receipt_printer")));
        QTRY_VERIFY(shownIn(QStringLiteral("maintenanceScreen")).contains(QStringLiteral("换纸后已打印 0 张")));

        // The platform answers and accepts this terminal's signature.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("tab_platform")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("checkPlatform")));
        QTRY_VERIFY2_WITH_TIMEOUT(shownIn(QStringLiteral("maintenanceScreen")).contains(QStringLiteral("平台可达（HTTP")),
                                  qPrintable(shownIn(QStringLiteral("maintenanceScreen"))), 30000);
        QVERIFY(m_kiosk->maintenance()->platformCheck().value(QStringLiteral("signatureOk")).toBool());
        QVERIFY(shownIn(QStringLiteral("maintenanceScreen")).contains(QStringLiteral("已注册")));
        UiProbe::screenshot(m_window, QStringLiteral("maintenance-platform-zh"));

        // The recent log has the card test's line, masked.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("tab_log")));
        QTRY_VERIFY2(shownIn(QStringLiteral("maintenanceScreen")).contains(PersonalData::maskIdNumber(card.idNumber)),
                     qPrintable(shownIn(QStringLiteral("maintenanceScreen"))));
        QVERIFY(!shownIn(QStringLiteral("maintenanceScreen")).contains(card.idNumber));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("tab_audit")));
        QTRY_VERIFY(shownIn(QStringLiteral("maintenanceScreen")).contains(QStringLiteral("selftest.card")));
        UiProbe::screenshot(m_window, QStringLiteral("maintenance-audit-zh"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("maintenanceLeave")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("maintenanceScreen")));

        const QStringList actions = auditActions();
        QCOMPARE(actions.count(QStringLiteral("maintenance maintenance.pin refused")), 4);
        QCOMPARE(actions.count(QStringLiteral("maintenance maintenance.pin locked-out")), 2);
        QVERIFY2(actions.contains(QStringLiteral("maintenance maintenance.pin ok")), qPrintable(actions.join(QLatin1Char('\n'))));
        QVERIFY(actions.contains(QStringLiteral("maintenance selftest.print ok")));
        QVERIFY(actions.contains(QStringLiteral("maintenance selftest.card ok")));
        QVERIFY(actions.contains(QStringLiteral("maintenance maintenance.leave ok")));
        QVERIFY(actions.contains(QStringLiteral("maintenance paper.refilled ok")));
        QVERIFY(actions.contains(QStringLiteral("maintenance platform.check ok")));
        QFile auditFile(AuditLog::pathIn(stateDir()));
        QVERIFY(auditFile.open(QIODevice::ReadOnly));
        const QByteArray auditBytes = auditFile.readAll();
        QVERIFY(!auditBytes.contains(card.idNumber.toUtf8()));
        QVERIFY(!auditBytes.contains(card.name.toUtf8()));
        QVERIFY(!auditBytes.contains(m_pin.toUtf8()));
    }

    void aSignedAdminCodeOpensMaintenanceOnceAndStaleCodesAreRefusedWithTheReason()
    {
        startKiosk(true, true);
        QString error;
        const std::optional<AdminKeyPair> key = AdminCode::generateKeyPair(&error);
        QVERIFY2(key, qPrintable(error));
        const std::optional<AdminKeyPair> stranger = AdminCode::generateKeyPair(&error);
        QVERIFY2(stranger, qPrintable(error));
        QFile keys(adminKeysFile());
        QVERIFY(keys.open(QIODevice::WriteOnly));
        keys.write(key->publicPem);
        keys.close();
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->runtime()->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);

        // An expired code, shown on the attract screen: a short line says why, nothing else moves.
        QVERIFY(scan(adminCode(*key, terminalId(), -20 * 60)));
        QTRY_VERIFY2(shownIn(QStringLiteral("adminCodeNotice")).contains(QStringLiteral("管理码未被接受：已过期")),
                     qPrintable(shownIn(QStringLiteral("adminCodeNotice"))));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("maintenanceScreen")));
        UiProbe::screenshot(m_window, QStringLiteral("admin-code-expired-zh"));

        // Signed by a key this terminal does not trust.
        QVERIFY(scan(adminCode(*stranger, terminalId())));
        QTRY_VERIFY(shownIn(QStringLiteral("adminCodeNotice")).contains(QStringLiteral("签发密钥不受本机信任")));

        // A resident has started; the good code ends their session through its wipe and opens maintenance.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(m_kiosk->runtime()->session()->state() != SessionState::Attract);
        const QString good = adminCode(*key, terminalId());
        QVERIFY(scan(good));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("maintenanceScreen")));
        QCOMPARE(m_kiosk->runtime()->session()->state(), SessionState::Attract);
        QVERIFY(shownIn(QStringLiteral("maintenanceScreen")).contains(QStringLiteral("经管理码进入 · 维护人员")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("adminCodeNotice")));
        UiProbe::screenshot(m_window, QStringLiteral("admin-code-maintenance-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("tab_audit")));
        QTRY_VERIFY(shownIn(QStringLiteral("maintenanceScreen")).contains(QStringLiteral("maintenance.admin-code")));
        UiProbe::screenshot(m_window, QStringLiteral("admin-code-audit-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("maintenanceLeave")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));

        // The same code again, even after a restart of the kiosk, is refused as used.
        m_window = nullptr;
        m_kiosk.reset();
        m_kiosk = RunningKiosk::startFromFile(m_configPath, &error);
        QVERIFY2(m_kiosk, qPrintable(error));
        m_window = m_kiosk->window();
        m_kiosk->maintenance()->setClock([this] { return m_now; });
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->runtime()->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QVERIFY(scan(good));
        QTRY_VERIFY2(shownIn(QStringLiteral("adminCodeNotice")).contains(QStringLiteral("已使用过，请重新签发")),
                     qPrintable(shownIn(QStringLiteral("adminCodeNotice"))));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("maintenanceScreen")));
        UiProbe::screenshot(m_window, QStringLiteral("admin-code-replayed-zh"));
        QVERIFY(m_kiosk->shell()->setLanguage(QStringLiteral("en")));
        QTRY_VERIFY(shownIn(QStringLiteral("adminCodeNotice")).contains(QStringLiteral("Admin code not accepted: it was used already")));
        UiProbe::screenshot(m_window, QStringLiteral("admin-code-replayed-en"));
        QVERIFY(m_kiosk->shell()->setLanguage(QStringLiteral("zh")));
        // The line goes by itself.
        QTRY_VERIFY_WITH_TIMEOUT(!UiProbe::find(m_window, QStringLiteral("adminCodeNotice")), 20000);

        const QStringList actions = auditActions();
        QCOMPARE(actions.count(QStringLiteral("maintenance maintenance.admin-code ok")), 1);
        QCOMPARE(actions.count(QStringLiteral("maintenance maintenance.admin-code refused")), 3);
        const QList<AuditEntry> entries = AuditLog(AuditLog::pathIn(stateDir())).recent(50);
        QStringList details;
        for (const AuditEntry &entry : entries) {
            if (entry.action == QLatin1String("maintenance.admin-code"))
                details << entry.result + QLatin1Char(' ') + entry.detail;
        }
        const QString keyId = AdminCode::keyIdOf(key->publicPem);
        QVERIFY2(details.contains(QStringLiteral("refused replayed key %1 role maintainer nonce ").arg(keyId)
                                  + AdminCode::verify(good, {key->publicPem}, terminalId(), m_now).claims.nonce),
                 qPrintable(details.join(QLatin1Char('\n'))));
        QVERIFY(details.filter(QStringLiteral("refused expired key ")).size() == 1);
        QVERIFY(details.filter(QStringLiteral("refused unknown_key key ")).size() == 1);
        QFile auditFile(AuditLog::pathIn(stateDir()));
        QVERIFY(auditFile.open(QIODevice::ReadOnly));
        QVERIFY(!auditFile.readAll().contains(good.section(QLatin1Char('.'), 2).toLatin1())); // never the code itself
    }

    void aTechniciansCodeForTheSiteOpensSetupFromThePinPadOfANewTerminal()
    {
        startKiosk(false, false);
        QString error;
        const std::optional<AdminKeyPair> key = AdminCode::generateKeyPair(&error);
        QVERIFY2(key, qPrintable(error));
        QFile keys(adminKeysFile());
        QVERIFY(keys.open(QIODevice::WriteOnly));
        keys.write(key->publicPem);
        keys.close();
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->runtime()->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QVERIFY(UiProbe::tapWhenShown(m_window, QStringLiteral("technicianSetupButton")));
        QTRY_VERIFY(shownIn(QStringLiteral("pinPad")).contains(QStringLiteral("设置维护 PIN")));

        // Not enrolled, the terminal answers to its site code.
        QVERIFY(scan(adminCode(*key, m_kiosk->maintenance()->site(), -10, QStringLiteral("technician"))));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("provisioningScreen")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("pinPad")));
        QCOMPARE(m_kiosk->maintenance()->adminCodeRole(), MaintenanceShell::AdminCodeRole::Technician);
        QVERIFY(auditActions().contains(QStringLiteral("maintenance maintenance.admin-code ok")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("provisioningLeave")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QCOMPARE(m_kiosk->maintenance()->adminCodeRole(), MaintenanceShell::AdminCodeRole::NoAdminCode);
    }

    void withoutAPinMaintenanceSaysHowToSetOne()
    {
        startKiosk(true, false);
        makeTheGesture();
        QTRY_VERIFY(shownIn(QStringLiteral("pinPad")).contains(QStringLiteral("kioskctl maintenance set-pin")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("keypadDone"))->isEnabled());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("pinCancel")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("pinPad")));
    }

    // Item 16: `kioskctl maintenance set-pin` while the kiosk runs takes effect at the next PIN
    // entry, without a restart: first on a kiosk without a PIN, then replacing the PIN.
    void aPinSetWithKioskctlWhileTheKioskRunsOpensMaintenance()
    {
        startKiosk(true, false);
        const auto setPin = [this](const QString &pin) {
            QProcess set;
            set.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("--config"), m_configPath, QStringLiteral("maintenance"), QStringLiteral("set-pin")});
            set.write(pin.toUtf8() + "\n");
            set.closeWriteChannel();
            return set.waitForFinished(60000) && set.exitCode() == 0;
        };
        QVERIFY(setPin(m_pin));
        makeTheGesture();
        QVERIFY(!shownIn(QStringLiteral("pinPad")).contains(QStringLiteral("kioskctl maintenance set-pin")));
        typePin(m_pin);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("maintenanceScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("maintenanceLeave")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));

        const QString replaced = QStringLiteral("739164");
        QVERIFY(setPin(replaced));
        makeTheGesture();
        typePin(m_pin);
        QTRY_VERIFY2(shownIn(QStringLiteral("pinPad")).contains(QStringLiteral("PIN 不正确，还可尝试 4 次")), qPrintable(shownIn(QStringLiteral("pinPad"))));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("maintenanceScreen")));
        typePin(replaced);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("maintenanceScreen")));
    }

    // The demo sets a PIN of its own, and says it; the documents name the same one.
    void theDemoPinIsTheOneTheDocumentsName()
    {
        const QString source = qEnvironmentVariable("KIOSK_SOURCE_DIR");
        const auto read = [&source](const QString &path) {
            QFile file(source + QLatin1Char('/') + path);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        };
        const QString demo = read(QStringLiteral("packaging/demo.sh"));
        static const QRegularExpression pinLine(QStringLiteral("\\bdemo_pin=(\\d{6,})"));
        const QRegularExpressionMatch match = pinLine.match(demo);
        QVERIFY2(match.hasMatch(), "packaging/demo.sh sets demo_pin=…");
        const QString pin = match.captured(1);
        QVERIFY2(MaintenancePin::weaknessOf(pin).isEmpty(), qPrintable(pin));
        QVERIFY2(demo.contains(QStringLiteral("maintenance set-pin")), "demo.sh sets the PIN through kioskctl");
        QVERIFY2(read(QStringLiteral("README.md")).contains(pin), "README.md names the demo PIN");
        QVERIFY2(read(QStringLiteral("docs/maintenance.md")).contains(pin), "docs/maintenance.md names the demo PIN");
    }
};

QTEST_MAIN(TestMaintenanceEntry)
#include "test_maintenanceentry.moc"
