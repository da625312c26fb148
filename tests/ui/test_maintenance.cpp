#include "refplatformprocess.h"
#include "admincode.h"
#include "applicationjourney.h"
#include "auditlog.h"
#include "common/personaldata.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "maintenancepin.h"
#include "maintenanceshell.h"
#include "outboxkey.h"
#include "printer/sim/printersimulator.h"
#include "receiptprinting.h"
#include "recentlog.h"
#include "scanner/sim/scannersimulatorhost.h"
#include "device/deviceregistry.h"
#include "runningkiosk.h"
#include "uiprobe.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// Maintenance mode and first-boot provisioning through the real QML, the real drivers against
// their simulators (a real IPP printer among them) and the reference platform: the hidden
// gesture, the PIN with its lockout, the self-tests, the audit trail, and a new terminal set up
// on screen until its checklist is green.
class TestMaintenance : public QObject
{
    Q_OBJECT

private:
    const QString m_pin = QStringLiteral("480372");
    const QString m_token = QStringLiteral("hall-setup-7");
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RefPlatformProcess> m_platform;
    std::unique_ptr<RunningKiosk> m_kiosk;
    QQuickWindow *m_window = nullptr;
    QString m_configPath;
    QDateTime m_now;

    QString stateDir() const { return m_dir->filePath(QStringLiteral("state")); }
    // Every terminal here names this file under admin/code_keys; tests that scan admin codes write it.
    QString adminKeysFile() const { return m_dir->filePath(QStringLiteral("admin-keys.pem")); }

    bool waitFor(const QString &name, int timeoutMs = 20000)
    {
        QElapsedTimer clock;
        clock.start();
        while (!UiProbe::find(m_window, name) && clock.elapsed() < timeoutMs)
            QTest::qWait(20);
        return UiProbe::find(m_window, name);
    }

    QString shownIn(const QString &name) const
    {
        return UiProbe::visibleTexts(UiProbe::find(m_window, name)).join(QLatin1Char('|'));
    }

    // Swipes the screen's scrolling page until the named item is in the middle, as a person would.
    bool scrollIntoView(const QString &name)
    {
        QQuickItem *item = UiProbe::find(m_window, name);
        if (!item)
            return false;
        for (QQuickItem *page = item->parentItem(); page; page = page->parentItem()) {
            if (!page->inherits("QQuickFlickable"))
                continue;
            QQuickItem *content = page->property("contentItem").value<QQuickItem *>();
            const qreal top = item->mapToItem(content, QPointF(0, 0)).y();
            const qreal bottom = qMax<qreal>(0, page->property("contentHeight").toReal() - page->height());
            page->setProperty("contentY", qBound<qreal>(0, top - page->height() / 2, bottom));
            return true;
        }
        return true;
    }

    bool tapOnPage(const QString &name)
    {
        return scrollIntoView(name) && UiProbe::tap(m_window, name);
    }

    void typePin(const QString &pin)
    {
        for (const QChar digit : pin)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("key_") + digit));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
    }

    void makeTheGesture()
    {
        for (int i = 0; i < 5; ++i)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("maintenanceCorner")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("pinPad")));
    }

    // A terminal with the reference platform, the outbox key and, when asked, enrolment and a PIN.
    void startKiosk(bool enrolled, bool withPin, const QString &moreConfig = {})
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_platform = std::make_unique<RefPlatformProcess>();
        QVERIFY2(m_platform->start({QStringLiteral("--enroll-token"), m_token}), qPrintable(m_platform->errorText()));
        QDir().mkpath(stateDir());
        QVERIFY(OutboxKey::create(QDir(stateDir()).filePath(QStringLiteral("outbox.key"))).ok());
        m_configPath = m_dir->filePath(QStringLiteral("kiosk.ini"));
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("; written by test_maintenance\n[kiosk]\nmode=demo\nstate_dir=%1\n[platform]\nurl=%2\ncredentials_file=%1/terminal.json\ntimeout_s=3\n"
                                  "[offline]\nkey_file=%1/outbox.key\n[admin]\npin_hash=%3\ncode_keys=%4\n")
                       .arg(stateDir(), m_platform->httpUrl().toString(), withPin ? MaintenancePin::hash(m_pin) : QString(), adminKeysFile())
                       .toUtf8());
        file.write(moreConfig.toUtf8());
        file.close();
        if (enrolled) {
            QProcess enroll;
            enroll.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("--config"), m_configPath, QStringLiteral("enroll"),
                                                            QStringLiteral("--token"), m_token});
            QVERIFY(enroll.waitForFinished(60000));
            QVERIFY2(enroll.exitCode() == 0, enroll.readAllStandardError().constData());
        }
        QString error;
        m_kiosk = RunningKiosk::startFromFile(m_configPath, &error);
        QVERIFY2(m_kiosk, qPrintable(error));
        m_window = m_kiosk->window();
        m_now = QDateTime::currentDateTimeUtc();
        m_kiosk->maintenance()->setClock([this] { return m_now; });
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
    }

    QString terminalId() const
    {
        QFile file(QDir(stateDir()).filePath(QStringLiteral("terminal.json")));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("terminal_id")).toString();
    }

    QString printedText()
    {
        const QString spool = PrinterSimulator::defaultSpoolDirectory(stateDir(), QStringLiteral("receipt_printer"));
        const QStringList printed = QDir(spool).entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Time);
        if (printed.isEmpty())
            return {};
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {QDir(spool).filePath(printed.first()), QStringLiteral("-")});
        pdftotext.waitForFinished(30000);
        return QString::fromUtf8(pdftotext.readAllStandardOutput());
    }

    QStringList auditActions() const
    {
        QStringList out;
        for (const AuditEntry &entry : AuditLog(AuditLog::pathIn(stateDir())).recent(200))
            out.prepend(QStringLiteral("%1 %2 %3").arg(entry.actor, entry.action, entry.result));
        return out;
    }

    // A code signed now (by the shell's clock) for this terminal, valid for ten minutes unless told.
    QString adminCode(const AdminKeyPair &key, const QString &terminal, int issuedOffsetS = -10, const QString &role = QStringLiteral("maintainer"))
    {
        AdminCodeClaims claims;
        claims.terminal = terminal;
        claims.role = role;
        claims.issued = QDateTime::fromSecsSinceEpoch(m_now.toSecsSinceEpoch() + issuedOffsetS, Qt::UTC);
        claims.expires = claims.issued.addSecs(10 * 60);
        QString error;
        const QString payload = AdminCode::sign(claims, key.privatePem, &error);
        if (payload.isEmpty())
            qWarning() << "cannot sign:" << error;
        return payload;
    }

    void typeKeys(const QString &keys)
    {
        for (const QChar key : keys)
            QVERIFY2(UiProbe::tap(m_window, QStringLiteral("kbd_") + key), qPrintable(QString(key)));
    }

    void eraseKeys(qsizetype count)
    {
        for (qsizetype i = 0; i < count; ++i)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_back")));
    }

    // The candidate bar's key that shows `word`, or an empty name.
    QString candidateShowing(const QString &word) const
    {
        for (int i = 0; i < 8; ++i) {
            const QQuickItem *key = UiProbe::find(m_window, QStringLiteral("candidate_%1").arg(i));
            if (key && key->property("label").toString() == word)
                return key->objectName();
        }
        return {};
    }

    // Keys the bar rebuilt after a letter are laid out by the next frame; a tap before it lands
    // where another candidate used to be.
    void waitForFrame()
    {
        QSignalSpy frames(m_window, &QQuickWindow::frameSwapped);
        m_window->update();
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
    }

    // Waits for the candidate bar to offer `word`, then taps it and waits for the spelling to go.
    void choose(const QString &word)
    {
        QTRY_VERIFY2_WITH_TIMEOUT(!candidateShowing(word).isEmpty(), qPrintable(word), 20000);
        waitForFrame();
        QVERIFY(UiProbe::tap(m_window, candidateShowing(word)));
        waitForFrame();
    }

    bool scan(const QString &text)
    {
        ScannerSimulatorHost *scanner = m_kiosk->runtime()->devices()->scannerSimulator();
        return scanner && scanner->execute(QStringLiteral("scan ") + text).startsWith(QLatin1String("ok"));
    }

private slots:
    void cleanup()
    {
        RecentLog::uninstall();
        m_window = nullptr;
        m_kiosk.reset();
        m_platform.reset();
        m_dir.reset();
    }

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

    void withoutAPinMaintenanceSaysHowToSetOne()
    {
        startKiosk(true, false);
        makeTheGesture();
        QTRY_VERIFY(shownIn(QStringLiteral("pinPad")).contains(QStringLiteral("kioskctl maintenance set-pin")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("keypadDone"))->isEnabled());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("pinCancel")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("pinPad")));
    }

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

QTEST_MAIN(TestMaintenance)
#include "test_maintenance.moc"
