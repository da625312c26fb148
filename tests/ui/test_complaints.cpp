#include "complaintdesk.h"
#include "complaintfiling.h"
#include "enrolledkiosk.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "outboxstore.h"
#include "platformclient.h"
#include "refplatformprocess.h"
#include "residentsteps.h"
#include "runningkiosk.h"
#include "uiprobe.h"

#include <QJsonArray>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// 办不成事 / 投诉建议 through the real QML, the pinyin keyboard, the outbox and the reference
// platform over HTTPS, with the slip on the receipt printer behind IPP: a complaint queued while
// the platform is away and delivered once it is back, one filed live with a phone for the reply,
// the mistakes the screen says, and the way in from the help panel.
class TestComplaints : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ResidentSteps> m_steps;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    // The complaints' slips the receipt printer printed, oldest first.
    QStringList spooledSlips() const { return m_steps->spooledTexts(QStringLiteral("receipt_printer"), QStringLiteral("*-kiosk-complaint.pdf")); }
    ComplaintDesk *desk() const { return m_shell->findChild<ComplaintDesk *>(); }

    void waitForFrame()
    {
        QSignalSpy frames(m_window, &QQuickWindow::frameSwapped);
        m_window->update();
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
    }

    void typeKeys(const QString &keys)
    {
        for (const QChar key : keys)
            QVERIFY2(UiProbe::tap(m_window, QStringLiteral("kbd_") + key), qPrintable(QString(key)));
    }

    QString candidateShowing(const QString &word) const
    {
        for (int i = 0; i < 8; ++i) {
            const QQuickItem *key = UiProbe::find(m_window, QStringLiteral("candidate_%1").arg(i));
            if (key && key->property("label").toString() == word)
                return key->objectName();
        }
        return {};
    }

    void choose(const QString &word)
    {
        QTRY_VERIFY2_WITH_TIMEOUT(!candidateShowing(word).isEmpty(), qPrintable(word), 20000);
        waitForFrame();
        QVERIFY(UiProbe::tap(m_window, candidateShowing(word)));
        waitForFrame();
    }

    void openComplaintFromHome()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("complaintErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("complaintScreen")));
    }

    // The text typed on the kiosk's own pinyin keyboard: 政务大厅排队.
    void typeTheComplaint()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("complaintTextField")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        waitForFrame();
        typeKeys(QStringLiteral("zhengwu"));
        choose(QStringLiteral("政务"));
        typeKeys(QStringLiteral("dating"));
        choose(QStringLiteral("大厅"));
        typeKeys(QStringLiteral("paidui"));
        choose(QStringLiteral("排队"));
        QTRY_VERIFY2(m_steps->shownText(QStringLiteral("complaintText")).startsWith(QStringLiteral("政务大厅排队")),
                     qPrintable(m_steps->shownText(QStringLiteral("complaintText"))));
    }

    void finishTyping()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_done")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
    }

private slots:
    void init()
    {
        m_steps = std::make_unique<ResidentSteps>();
        m_steps->start(QStringLiteral("hall-1"), {}, {{QStringLiteral("platform/timeout_s"), QStringLiteral("5")}});
        QVERIFY(m_steps->started());
        m_kiosk = m_steps->kiosk();
        m_runtime = m_steps->runtime();
        m_shell = m_steps->shell();
        m_window = m_steps->window();
        QVERIFY(desk());
    }

    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_steps.reset();
    }

    void aComplaintQueuedOfflineIsDeliveredLater()
    {
        QVERIFY(m_steps->enrolled()->platform()->post(QStringLiteral("faults"), {{QStringLiteral("outage"), true}}).value(QLatin1String("outage")).toBool());
        openComplaintFromHome();
        UiProbe::screenshot(m_window, QStringLiteral("complaint-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("category_cannot_get_done")));
        typeTheComplaint();
        UiProbe::screenshot(m_window, QStringLiteral("complaint-typing-zh"));
        finishTyping();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitComplaintButton")));

        // Queued with its local reference, and the slip says so once the platform did not answer.
        QTRY_COMPARE_WITH_TIMEOUT(desk()->stage(), ComplaintFiling::Stage::Queued, 10000);
        const QString localRef = desk()->localRef();
        QVERIFY2(localRef.endsWith(QLatin1String("-C")), qPrintable(localRef));
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("complaintState")).contains(localRef));
        QTRY_COMPARE_WITH_TIMEOUT(desk()->printState(), ComplaintDesk::PrintState::Printed, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(spooledSlips().size(), 1, 30000);
        const QString slip = spooledSlips().first();
        for (const QString &expected : {QStringLiteral("投诉建议受理单"), QStringLiteral("登记号"), localRef, QStringLiteral("办不成事")})
            QVERIFY2(slip.contains(expected), qPrintable(expected + QStringLiteral(" not in ") + slip));
        // The slip carries neither what was typed nor a phone.
        QVERIFY2(!slip.contains(QStringLiteral("排队")), qPrintable(slip));
        UiProbe::screenshot(m_window, QStringLiteral("complaint-queued-zh"));
        QCOMPARE(m_steps->table(QStringLiteral("complaints")).size(), 0);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("complaintDoneButton")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QCOMPARE(desk()->localRef(), QString());

        // The platform back: the outbox delivers it, anonymous, as it was typed.
        QVERIFY(!m_steps->enrolled()->platform()->post(QStringLiteral("faults"), {{QStringLiteral("outage"), false}}).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_steps->table(QStringLiteral("complaints")).size(), 1, 120000);
        const QJsonObject complaint = m_steps->table(QStringLiteral("complaints")).first().toObject();
        QCOMPARE(complaint.value(QLatin1String("category")).toString(), QStringLiteral("cannot_get_done"));
        QVERIFY2(complaint.value(QLatin1String("text")).toString().startsWith(QStringLiteral("政务大厅排队")),
                 qPrintable(complaint.value(QLatin1String("text")).toString()));
        QCOMPARE(complaint.value(QLatin1String("anonymous")).toInt(), 1);
        QCOMPARE(complaint.value(QLatin1String("contact_phone")).toString(), QString());
        QVERIFY(complaint.value(QLatin1String("complaint_no")).toString().startsWith(QLatin1String("12345-")));
        // Delivered, the outbox keeps only its tombstone: nothing of what was typed.
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->outbox()->stats().value().pending == 0, 30000);
        m_steps->verifyNothingOfTheResidentIsStored({QStringLiteral("政务大厅排队"), QStringLiteral("13912345678")});
    }

    void aComplaintFiledLiveGivesItsNumberOnTheSlip()
    {
        openComplaintFromHome();
        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        UiProbe::screenshot(m_window, QStringLiteral("complaint-en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("category_service")));
        typeTheComplaint();
        finishTyping();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("complaintPhoneField")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        waitForFrame();
        typeKeys(QStringLiteral("13912345678"));
        finishTyping();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitComplaintButton")));
        QTRY_COMPARE_WITH_TIMEOUT(desk()->stage(), ComplaintFiling::Stage::Delivered, 30000);
        const QString number = desk()->complaintNo();
        QVERIFY2(number.startsWith(QLatin1String("12345-")), qPrintable(number));
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("complaintState")).contains(number));
        QTRY_COMPARE_WITH_TIMEOUT(desk()->printState(), ComplaintDesk::PrintState::Printed, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(spooledSlips().size(), 1, 30000);
        const QString slip = spooledSlips().first();
        for (const QString &expected : {QStringLiteral("Complaint or suggestion"), QStringLiteral("Complaint no."), number,
                                        QStringLiteral("Service and waiting")})
            QVERIFY2(slip.contains(expected), qPrintable(expected + QStringLiteral(" not in ") + slip));
        QVERIFY2(!slip.contains(QStringLiteral("13912345678")), qPrintable(slip));
        UiProbe::screenshot(m_window, QStringLiteral("complaint-delivered-en"));
        // A phone left for the answer: not anonymous.
        const QJsonObject complaint = m_steps->table(QStringLiteral("complaints")).first().toObject();
        QCOMPARE(complaint.value(QLatin1String("complaint_no")).toString(), number);
        QCOMPARE(complaint.value(QLatin1String("contact_phone")).toString(), QStringLiteral("13912345678"));
        QCOMPARE(complaint.value(QLatin1String("anonymous")).toInt(), 0);
        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        m_steps->verifyNothingOfTheResidentIsStored({QStringLiteral("政务大厅排队"), QStringLiteral("13912345678")});
    }

    void aComplaintWithoutCategoryOrWithABadPhoneSaysSo()
    {
        openComplaintFromHome();
        m_shell->toggleElderMode();
        QVERIFY(m_shell->elderMode());
        UiProbe::screenshot(m_window, QStringLiteral("complaint-elder"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitComplaintButton")));
        QTRY_COMPARE(m_steps->shownText(QStringLiteral("complaintState")), QStringLiteral("请先选择类别。"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("category_kiosk_fault")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitComplaintButton")));
        QTRY_COMPARE(m_steps->shownText(QStringLiteral("complaintState")), QStringLiteral("请写下您遇到的问题或建议。"));
        typeTheComplaint();
        finishTyping();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("complaintPhoneField")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        waitForFrame();
        typeKeys(QStringLiteral("12345"));
        finishTyping();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitComplaintButton")));
        QTRY_COMPARE(m_steps->shownText(QStringLiteral("complaintState")), QStringLiteral("手机号应为11位数字，或者不填。"));
        UiProbe::screenshot(m_window, QStringLiteral("complaint-problem-elder"));
        // Nothing was queued for any of them.
        QCOMPARE(desk()->stage(), ComplaintFiling::Stage::Idle);
        QCOMPARE(m_runtime->outbox()->stats().value().pending, 0);
    }

    void theHelpPanelOffersAComplaint()
    {
        m_steps->openHome();
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("helpButton")));
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("helpComplaintButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("complaintScreen")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("helpPanel")));
        // Back leads home again.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("backButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
    }
};

QTEST_MAIN(TestComplaints)
#include "test_complaints.moc"
