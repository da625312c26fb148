#include "auditlog.h"
#include "common/personaldata.h"
#include "enrolledkiosk.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
#include "staffpresence.h"
#include "recordingplayer.h"
#include "uiprobe.h"
#include "voiceprompts.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QRegularExpression>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// A hall's staff member (帮办员) beside a resident, through the real QML, the real scanner driver
// against its simulator and the reference platform: they show their work app's code at any
// moment of the session, every screen says they are present until the session ends, the case
// filed says who assisted, and the audit log records both without anything of the resident.
class TestStaffAssist : public QObject
{
    Q_OBJECT

private:
    const QString m_staffId = QStringLiteral("S340103000071");
    const QString m_item = QStringLiteral("340100-000-ZZ-0010-01"); // no materials, no face, phone typed
    const QString m_phone = QStringLiteral("13955123456");
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    // The code the staff member's work app shows, made `ageS` seconds ago, as the platform's
    // demo command prints it.
    static QString staffCode(const QString &staffId, int ageS = 0)
    {
        QProcess print;
        print.start(qEnvironmentVariable("KIOSK_REFPLATFORM"),
                    {QStringLiteral("--print-staff-code"), staffId, QStringLiteral("--staff-code-age"), QString::number(ageS)});
        if (!print.waitForFinished(30000) || print.exitCode() != 0)
            return {};
        return QString::fromUtf8(print.readAllStandardOutput()).trimmed();
    }

    QString barText() const
    {
        QQuickItem *text = UiProbe::find(m_window, QStringLiteral("staffBarText"));
        return text && UiProbe::find(m_window, QStringLiteral("staffBar")) ? text->property("text").toString() : QString();
    }

    bool barShown() const
    {
        QQuickItem *bar = UiProbe::find(m_window, QStringLiteral("staffBar"));
        return bar && bar->isVisible();
    }

    QJsonArray platformTable(const QString &name) const { return m_enrolled->platform()->inspect(name).value(name).toArray(); }

    QString stateDir() const { return m_enrolled->directory()->filePath(QStringLiteral("state")); }

    void scan(const QString &code) { QVERIFY(m_shell->simulate(QStringLiteral("scan ") + code).startsWith(QLatin1String("ok"))); }

    void openTheItem()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(m_item));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("startButton")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
    }

    void signInAsStaff()
    {
        const QString code = staffCode(m_staffId);
        QVERIFY2(code.startsWith(QLatin1String(StaffPresence::CodePrefix)), qPrintable(code));
        scan(code);
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->staff()->isPresent(), 20000);
        QTRY_VERIFY(barShown());
        QCOMPARE(barText(), QStringLiteral("工作人员 王* 正在协助您办理"));
    }

    void fillTheFormAndSubmit(bool staffPresent)
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(UiProbe::tapWhenShown(m_window, QStringLiteral("continueButton"), 20000));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        QCOMPARE(barShown(), staffPresent);
        if (staffPresent)
            UiProbe::screenshot(m_window, QStringLiteral("staff-present-form-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_phone")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        for (const QChar digit : m_phone)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("key_") + digit));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 30000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);
    }

    // The candidate bar's key that shows `word`, or an empty name.
    QString candidateShowing(const QString &word) const
    {
        for (int i = 0; i < 8; ++i) {
            const QString name = QStringLiteral("candidate_%1").arg(i);
            const QQuickItem *key = UiProbe::find(m_window, name);
            if (key && key->property("label").toString() == word)
                return name;
        }
        return {};
    }

    // Spells each character of `name` in pinyin on the panel's keyboard and picks it.
    void typeName(const QList<std::pair<QString, QString>> &spelled)
    {
        for (const auto &[pinyin, character] : spelled) {
            for (const QChar letter : pinyin)
                QVERIFY2(tapSettled(QStringLiteral("kbd_") + letter), qPrintable(QString(letter)));
            QTRY_VERIFY2(!candidateShowing(character).isEmpty(), qPrintable(character));
            QVERIFY(tapSettled(candidateShowing(character)));
        }
    }

    void typeNumber(const QString &number)
    {
        QVERIFY(tapSettled(QStringLiteral("personNumberField")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        for (int i = 0; i < 20; ++i)
            (void)tapSettled(QStringLiteral("key_back"));
        for (const QChar digit : number)
            QVERIFY2(tapSettled(QStringLiteral("key_") + digit), qPrintable(QString(digit)));
        UiProbe::screenshot(m_window, QStringLiteral("staff-attestation-keypad-zh"));
        QVERIFY(tapSettled(QStringLiteral("keypadDone")));
    }

    // Taps `name` once the window has drawn a frame: a panel that has just changed (a keyboard
    // shown, candidates offered) lays itself out before its next frame, and a tap before that
    // would land where its keys used to be.
    bool tapSettled(const QString &name)
    {
        QSignalSpy frames(m_window, &QQuickWindow::frameSwapped);
        m_window->update();
        if (!QTest::qWaitFor([&] { return frames.count() > 0; }, 10000))
            return false;
        return UiProbe::tap(m_window, name);
    }

    bool shown(const QString &name) const
    {
        QQuickItem *item = UiProbe::find(m_window, name);
        return item && item->isVisible();
    }

private slots:
    void init()
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        QVERIFY2(m_enrolled->start(QStringLiteral("staff-1")), qPrintable(m_enrolled->errorText()));
        m_kiosk = m_enrolled->kiosk();
        m_runtime = m_kiosk->runtime();
        m_shell = m_kiosk->shell();
        m_window = m_kiosk->window();
        QVERIFY(m_runtime->staff());
    }

    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }

    void aStaffMemberSignsInMidSessionAndTheCaseSaysWhoAssisted()
    {
        // What the resident hears, through the kiosk's own prompts.
        QStringList heard;
        auto recorder = std::make_unique<RecordingPlayer>(&heard);
        RecordingPlayer *player = recorder.get();
        VoicePrompts voice(m_shell, std::move(recorder), 1.0);
        openTheItem();
        QVERIFY(!barShown());
        QVERIFY(!heard.contains(QStringLiteral(":/voice/zh/staff_present.wav")));
        signInAsStaff();
        // Said once the step's own prompt has played to its end.
        QVERIFY(!heard.contains(QStringLiteral(":/voice/zh/staff_present.wav")));
        player->finishPlaying();
        QTRY_VERIFY2(heard.contains(QStringLiteral(":/voice/zh/staff_present.wav")), qPrintable(heard.join(QLatin1Char(' '))));
        // The staff code was not taken for the resident's app code: nothing to say about it, and
        // the platform was never asked whose identity it is.
        QCOMPARE(m_shell->cardProblem(), QString());
        QVERIFY(platformTable(QStringLiteral("verifications")).isEmpty());
        UiProbe::screenshot(m_window, QStringLiteral("staff-present-identify-zh"));
        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        QTRY_COMPARE(barText(), QStringLiteral("Staff member Wang is helping you"));
        UiProbe::screenshot(m_window, QStringLiteral("staff-present-identify-en"));
        m_shell->toggleElderMode();
        UiProbe::screenshot(m_window, QStringLiteral("staff-present-identify-en-elder"));
        m_shell->toggleElderMode();
        QVERIFY(m_shell->setLanguage(QStringLiteral("zh")));

        fillTheFormAndSubmit(true);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(barShown());
        UiProbe::screenshot(m_window, QStringLiteral("staff-present-result-zh"));

        const QJsonArray assistance = platformTable(QStringLiteral("assistance"));
        QCOMPARE(assistance.size(), 1);
        QCOMPARE(assistance.first().toObject().value(QLatin1String("case_no")).toString(), m_shell->caseNumber());
        QCOMPARE(assistance.first().toObject().value(QLatin1String("assisted_by")).toString(), m_staffId);
        QCOMPARE(assistance.first().toObject().value(QLatin1String("verified_by")).toString(), QStringLiteral("idcard"));
        const QJsonArray signIns = platformTable(QStringLiteral("staff_signins"));
        QCOMPARE(signIns.size(), 1);
        QCOMPARE(signIns.first().toObject().value(QLatin1String("result")).toString(), QStringLiteral("ok"));

        // The wipe ends the staff member's presence with the session.
        m_shell->endSession();
        QTRY_VERIFY(!m_runtime->staff()->isPresent());
        QCOMPARE(m_runtime->staff()->staffToken(), QString());
        m_shell->start();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(!barShown());

        // The audit log has who signed in and which item they helped with, and nothing of the
        // resident: no name, no number, no phone.
        QStringList actions;
        for (const AuditEntry &entry : AuditLog(AuditLog::pathIn(stateDir())).recent(50)) {
            if (entry.actor == QStringLiteral("staff:") + m_staffId)
                actions.prepend(entry.action + QLatin1Char(' ') + entry.detail);
        }
        QCOMPARE(actions, (QStringList{QStringLiteral("staff.sign_in "), QStringLiteral("staff.assisted_case ") + m_item,
                                       QStringLiteral("staff.sign_out session_ended")}));
        QFile audit(AuditLog::pathIn(stateDir()));
        QVERIFY(audit.open(QIODevice::ReadOnly));
        const QByteArray log = audit.readAll();
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        QVERIFY(!log.contains(card.idNumber.toUtf8()));
        QVERIFY(!log.contains(card.name.toUtf8()));
        QVERIFY(!log.contains(m_phone.toUtf8()));
        QVERIFY(!log.contains(PersonalData::maskIdNumber(card.idNumber).toUtf8()));
    }

    void aCaseFiledWithoutStaffSaysNobodyAssisted()
    {
        openTheItem();
        fillTheFormAndSubmit(false);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!barShown());
        QVERIFY(platformTable(QStringLiteral("assistance")).isEmpty());
        QCOMPARE(platformTable(QStringLiteral("cases")).size(), 1);
    }

    void aRefusedStaffCodeSignsNobodyInAndSaysWhy()
    {
        openTheItem();
        // Made ten minutes ago: the work app has shown a new one since.
        scan(staffCode(m_staffId, 600));
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->staff()->problem(), QStringLiteral("staff_code_expired"), 20000);
        QVERIFY(!m_runtime->staff()->isPresent());
        QTRY_COMPARE(barText(), QStringLiteral("工作人员码已过期，请刷新后重新出示"));
        UiProbe::screenshot(m_window, QStringLiteral("staff-code-expired-zh"));

        // A code in the directory's shape that its key did not sign.
        scan(QLatin1String(StaffPresence::CodePrefix) + m_staffId + QStringLiteral(".1765000000.0000000000000000"));
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->staff()->problem(), QStringLiteral("staff_unknown"), 20000);
        QVERIFY(!m_runtime->staff()->isPresent());
        QTRY_COMPARE(barText(), QStringLiteral("工作人员码无法识别"));

        // Neither was taken as the resident's code, and a staff member may still sign in after.
        QCOMPARE(m_shell->cardProblem(), QString());
        signInAsStaff();
        QCOMPARE(m_runtime->staff()->problem(), QString());

        QStringList results;
        for (const AuditEntry &entry : AuditLog(AuditLog::pathIn(stateDir())).recent(50)) {
            if (entry.action == QLatin1String("staff.sign_in"))
                results.prepend(entry.result + QLatin1Char(' ') + entry.detail);
        }
        QCOMPARE(results, (QStringList{QStringLiteral("refused staff_code_expired"), QStringLiteral("refused staff_unknown"),
                                       QStringLiteral("ok ")}));
    }

    void aStaffCodeOnTheAttractScreenSignsNobodyIn()
    {
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("startArea")));
        m_enrolled->platform()->forgetRequests();
        scan(staffCode(m_staffId));
        // Give the scan time to arrive; nothing may follow it.
        QTest::qWait(1500);
        QVERIFY(!m_runtime->staff()->isPresent());
        QVERIFY(!m_runtime->staff()->isChecking());
        QVERIFY(!barShown());
        const QJsonArray requests = m_enrolled->platform()->inspect(QStringLiteral("requests")).value(QLatin1String("requests")).toArray();
        for (const QJsonValue &request : requests)
            QVERIFY2(!request.toObject().value(QLatin1String("path")).toString().contains(QLatin1String("/staff/")), "a staff code was checked with no session");
    }

    void aStaffMemberVouchesForAResidentWithoutACardAndFilesTheCase()
    {
        const QString number = QStringLiteral("340104195001010019");
        const QString name = QStringLiteral("张三");
        openTheItem();
        QVERIFY(!shown(QStringLiteral("staffAttestButton")));
        signInAsStaff();
        QTRY_VERIFY(shown(QStringLiteral("staffAttestButton")));
        QVERIFY(tapSettled(QStringLiteral("staffAttestButton")));
        QTRY_VERIFY(shown(QStringLiteral("attestationPanel")));

        QVERIFY(tapSettled(QStringLiteral("personNameField")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        typeName({{QStringLiteral("zhang"), QStringLiteral("张")}, {QStringLiteral("san"), QStringLiteral("三")}});
        QVERIFY(tapSettled(QStringLiteral("kbd_done")));
        // A number whose check character is wrong is caught at the kiosk, before the platform.
        typeNumber(QStringLiteral("340104195001010010"));
        QVERIFY(tapSettled(QStringLiteral("personChoice_household_register")));
        QTRY_VERIFY(shown(QStringLiteral("personNumberProblem")));
        QCOMPARE(UiProbe::find(m_window, QStringLiteral("personNumberProblem"))->property("text").toString(),
                 QStringLiteral("证件号码校验位不对，请核对"));
        QVERIFY(shown(QStringLiteral("personConfirm")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("personConfirm"))->isEnabled());
        typeNumber(number);
        QTRY_VERIFY(!shown(QStringLiteral("personNumberProblem")));
        QTRY_VERIFY(shown(QStringLiteral("personConfirm")) && UiProbe::find(m_window, QStringLiteral("personConfirm"))->isEnabled());
        UiProbe::screenshot(m_window, QStringLiteral("staff-attestation-zh"));
        QVERIFY(tapSettled(QStringLiteral("personConfirm")));

        QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 20000);
        QCOMPARE(m_runtime->verification()->verifiedBy(), QStringLiteral("staff_attested"));
        QVERIFY(!shown(QStringLiteral("attestationPanel")));
        QCOMPARE(UiProbe::find(m_window, QStringLiteral("holderName"))->property("text").toString(), PersonalData::maskName(name));
        // Whose word it is, not a card or an app code.
        QVERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("identifyScreen"))).contains(QStringLiteral("工作人员核验")));
        UiProbe::screenshot(m_window, QStringLiteral("staff-attested-identified-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("continueButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_phone")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        for (const QChar digit : m_phone)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("key_") + digit));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 30000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);

        const QJsonArray assistance = platformTable(QStringLiteral("assistance"));
        QCOMPARE(assistance.size(), 1);
        QCOMPARE(assistance.first().toObject().value(QLatin1String("verified_by")).toString(), QStringLiteral("staff_attested"));
        QCOMPARE(assistance.first().toObject().value(QLatin1String("assisted_by")).toString(), m_staffId);
        const QJsonArray verifications = platformTable(QStringLiteral("verifications"));
        QCOMPARE(verifications.size(), 1);
        QCOMPARE(verifications.first().toObject().value(QLatin1String("method")).toString(), QStringLiteral("staff_attested"));
        const QJsonArray cases = platformTable(QStringLiteral("cases"));
        QCOMPARE(cases.size(), 1);
        QVERIFY(cases.first().toObject().value(QLatin1String("applicant")).toString().contains(PersonalData::maskIdNumber(number)));

        // Nothing of the person staff vouched for is left once the session ends.
        m_shell->endSession();
        QTRY_VERIFY(!m_runtime->staff()->isPresent());
        QVERIFY(!m_runtime->identity()->isIdentified());
        QVERIFY(!m_runtime->verification()->codeHolder());
        QDirIterator files(stateDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(number.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(name.toUtf8()), qPrintable(file.fileName()));
        }
    }

    void anItemThatDoesNotAllowItOffersNoStaffAttestation()
    {
        // 无犯罪记录证明: a card and a face check, nothing else (auth ["idcard"]).
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0012-01")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("startButton")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        signInAsStaff();
        QVERIFY(!m_shell->staffAttestationOffered());
        QVERIFY(!shown(QStringLiteral("staffAttestButton")));
        // Asked all the same, the kiosk refuses and says so; the platform hears nothing of it.
        QVERIFY(!m_shell->identifyByStaff(QStringLiteral("张三"), QStringLiteral("340104195001010019"), QStringLiteral("known_person")));
        QCOMPARE(m_shell->cardProblem(), QStringLiteral("staff_attestation_not_offered"));
        QTRY_VERIFY(shown(QStringLiteral("cardProblem")));
        QVERIFY(platformTable(QStringLiteral("verifications")).isEmpty());
        QVERIFY(!m_shell->identified());
    }
};

QTEST_MAIN(TestStaffAssist)
#include "test_staffassist.moc"
