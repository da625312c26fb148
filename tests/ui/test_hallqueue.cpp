#include "device/deviceregistry.h"
#include "enrolledkiosk.h"
#include "halldesk.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "platformclient.h"
#include "queueticketing.h"
#include "refplatformprocess.h"
#include "residentsteps.h"
#include "runningkiosk.h"
#include "uiprobe.h"

#include <QJsonArray>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// 取号 and 预约签到 through the real QML, the reference platform's hall counters over HTTPS, the
// simulated card reader and scanner and the receipt printer behind IPP: a ticket taken, printed
// and rated with its service_ref; a closed group; the elder priority queue; an appointment checked
// in by card and by the app's code; another hall's appointment; and the platform away.
class TestHallQueue : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ResidentSteps> m_steps;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    // The tickets the receipt printer printed, oldest first.
    QStringList spooledTickets() const { return m_steps->spooledTexts(QStringLiteral("receipt_printer"), QStringLiteral("*-kiosk-ticket.pdf")); }
    HallDesk *hall() const { return m_shell->findChild<HallDesk *>(); }

    void openTickets()
    {
        m_steps->openHome();
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("ticketsErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ticketsScreen")));
        QTRY_COMPARE_WITH_TIMEOUT(hall()->stage(), QueueTicketing::Stage::Choosing, 30000);
    }

    // The scanner reads `payload` as a resident's phone shows it.
    void scan(const QString &payload)
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("scan ") + payload).startsWith(QLatin1String("ok")));
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
        QVERIFY(hall());
    }

    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_steps.reset();
    }

    void aTicketIsTakenPrintedAndRatedWithItsServiceRef()
    {
        openTickets();
        const QVariantList groups = hall()->groups();
        QCOMPARE(groups.size(), 4);
        QCOMPARE(groups.first().toMap().value(QStringLiteral("name")).toString(), QStringLiteral("社保窗口"));
        QCOMPARE(groups.first().toMap().value(QStringLiteral("waiting")).toInt(), 5);
        QCOMPARE(groups.first().toMap().value(QStringLiteral("estimatedWaitMin")).toInt(), 15);
        QTRY_VERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("ticketsScreen"))).contains(QStringLiteral("等候 5 人 · 约 15 分钟")));
        UiProbe::screenshot(m_window, QStringLiteral("tickets-zh"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("takeTicket_social")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("ticketScreen")), 30000);
        QCOMPARE(m_steps->shownText(QStringLiteral("ticketNumber")), QStringLiteral("A018"));
        QCOMPARE(m_steps->shownText(QStringLiteral("ticketGroup")), QStringLiteral("社保窗口"));
        QCOMPARE(m_steps->shownText(QStringLiteral("ticketWait")), QStringLiteral("前面还有 5 人，预计等候 15 分钟"));
        QCOMPARE(m_runtime->session()->state(), SessionState::Result);

        // The platform gave it once, to nobody known, in the ordinary queue.
        const QJsonArray tickets = m_steps->table(QStringLiteral("tickets"));
        QCOMPARE(tickets.size(), 1);
        const QJsonObject ticket = tickets.first().toObject();
        QCOMPARE(ticket.value(QLatin1String("ticket_no")).toString(), QStringLiteral("A018"));
        QCOMPARE(ticket.value(QLatin1String("group_id")).toString(), QStringLiteral("social"));
        QCOMPARE(ticket.value(QLatin1String("priority")).toString(), QString());
        QCOMPARE(ticket.value(QLatin1String("holder_known")).toInt(), 0);

        // The paper ticket: hall, counters, number, people ahead, time.
        QTRY_COMPARE_WITH_TIMEOUT(hall()->printState(), HallDesk::PrintState::Printed, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(spooledTickets().size(), 1, 30000);
        const QString paper = spooledTickets().first();
        for (const QString &expected : {QStringLiteral("排队号"), QStringLiteral("A018"), QStringLiteral("社保窗口"), QStringLiteral("前面等候"),
                                        QStringLiteral("预计等候"), QStringLiteral("打印时间")})
            QVERIFY2(paper.contains(expected), qPrintable(expected + QStringLiteral(" not in ") + paper));
        QVERIFY2(paper.contains(m_runtime->config().string(QStringLiteral("kiosk/hall_name"))), qPrintable(paper));
        QVERIFY2(paper.contains(QStringLiteral("15 分钟")), qPrintable(paper));
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("ticketPrintState")).contains(QStringLiteral("已打印")));
        UiProbe::screenshot(m_window, QStringLiteral("ticket-zh"));

        // The queue grew by one for the next resident.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QVERIFY(m_shell->rate(5, {}));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QTRY_COMPARE_WITH_TIMEOUT(m_steps->table(QStringLiteral("evaluations")).size(), 1, 30000);
        const QJsonObject rating = m_steps->table(QStringLiteral("evaluations")).first().toObject();
        QCOMPARE(rating.value(QLatin1String("service_ref")).toString(), QStringLiteral("ticket:A018"));
        QCOMPARE(rating.value(QLatin1String("case_no")).toString(), QString());
        QCOMPARE(rating.value(QLatin1String("score")).toInt(), 5);
        QCOMPARE(hall()->ticketNumber(), QString());

        openTickets();
        QCOMPARE(hall()->groups().first().toMap().value(QStringLiteral("waiting")).toInt(), 6);
        m_steps->verifyNothingOfTheResidentIsStored();
    }

    void aClosedGroupGivesNoTicketAndSaysSo()
    {
        openTickets();
        QQuickItem *closed = UiProbe::find(m_window, QStringLiteral("takeTicket_exit_entry"));
        QVERIFY(closed);
        QVERIFY(!closed->isEnabled());
        QVERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("ticketsScreen"))).contains(QStringLiteral("暂停办理")));
        // Asked all the same (the queue closed while the screen was open), the platform refuses.
        QVERIFY(hall()->takeTicket(QStringLiteral("exit_entry"), false));
        QTRY_COMPARE_WITH_TIMEOUT(hall()->stage(), QueueTicketing::Stage::Failed, 30000);
        QCOMPARE(hall()->problem(), QStringLiteral("group_closed"));
        QTRY_COMPARE(m_steps->shownText(QStringLiteral("ticketsState")), QStringLiteral("这类窗口现在不办理业务，请选择其他窗口，或到咨询台询问。"));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("ticketsScreen")));
        QCOMPARE(m_steps->table(QStringLiteral("tickets")).size(), 0);
        QCOMPARE(hall()->printState(), HallDesk::PrintState::None);
    }

    void anElderIsAskedForThePriorityQueue()
    {
        m_steps->openHome();
        m_shell->toggleElderMode();
        QVERIFY(m_shell->elderMode());
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("ticketsErrand")));
        QTRY_COMPARE_WITH_TIMEOUT(hall()->stage(), QueueTicketing::Stage::Choosing, 30000);
        UiProbe::screenshot(m_window, QStringLiteral("tickets-elder"));
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("takeTicket_household")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("priorityQuestion")));
        // Nothing is taken before the elder answers.
        QCOMPARE(m_steps->table(QStringLiteral("tickets")).size(), 0);
        UiProbe::screenshot(m_window, QStringLiteral("tickets-priority-elder"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("priorityYesButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("ticketScreen")), 30000);
        const QJsonObject ticket = m_steps->table(QStringLiteral("tickets")).first().toObject();
        QCOMPARE(ticket.value(QLatin1String("priority")).toString(), QStringLiteral("elder"));
        QCOMPARE(ticket.value(QLatin1String("group_id")).toString(), QStringLiteral("household"));
        // The priority queue has nobody ahead; the ordinary one had two.
        QCOMPARE(hall()->peopleAhead(), 0);
        QVERIFY(hall()->priority());
        QVERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("ticketScreen"))).contains(QStringLiteral("老年人优先窗口")));
        QTRY_COMPARE_WITH_TIMEOUT(hall()->printState(), HallDesk::PrintState::Printed, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(spooledTickets().size(), 1, 30000);
        QVERIFY2(spooledTickets().first().contains(QStringLiteral("优先窗口")), qPrintable(spooledTickets().first()));
        UiProbe::screenshot(m_window, QStringLiteral("ticket-elder"));
    }

    void theTicketIsShownAndPrintedInEnglish()
    {
        m_steps->openHome();
        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("ticketsErrand")));
        QTRY_COMPARE_WITH_TIMEOUT(hall()->stage(), QueueTicketing::Stage::Choosing, 30000);
        QTRY_VERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("ticketsScreen"))).contains(QStringLiteral("Tax counters")));
        UiProbe::screenshot(m_window, QStringLiteral("tickets-en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("takeTicket_tax")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("ticketScreen")), 30000);
        QCOMPARE(m_steps->shownText(QStringLiteral("ticketGroup")), QStringLiteral("Tax counters"));
        QCOMPARE(m_steps->shownText(QStringLiteral("ticketWait")), QStringLiteral("8 people ahead of you, about 32 minutes"));
        QTRY_COMPARE_WITH_TIMEOUT(spooledTickets().size(), 1, 60000);
        const QString paper = spooledTickets().first();
        QVERIFY2(paper.contains(QStringLiteral("Queue ticket")) && paper.contains(QStringLiteral("Tax counters"))
                     && paper.contains(QStringLiteral("People ahead")) && paper.contains(QStringLiteral("C021")),
                 qPrintable(paper));
        QTRY_COMPARE(hall()->printState(), HallDesk::PrintState::Printed);
        UiProbe::screenshot(m_window, QStringLiteral("ticket-en"));
    }

    void ticketsNeedThePlatformLive()
    {
        m_steps->openHome();
        QVERIFY(m_steps->enrolled()->platform()->post(QStringLiteral("faults"), {{QStringLiteral("outage"), true}}).value(QLatin1String("outage")).toBool());
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("ticketsErrand")));
        QTRY_COMPARE_WITH_TIMEOUT(hall()->stage(), QueueTicketing::Stage::Failed, 30000);
        QCOMPARE(hall()->problem(), QStringLiteral("platform_offline"));
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("ticketsState")).contains(QStringLiteral("连不上")));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("reloadGroupsButton")));
        UiProbe::screenshot(m_window, QStringLiteral("tickets-offline-zh"));
        // Once the kiosk sees the platform back, the queues are offered again.
        m_shell->endSession();
        QVERIFY(!m_steps->enrolled()->platform()->post(QStringLiteral("faults"), {{QStringLiteral("outage"), false}}).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->platform()->connectivity(), PlatformClient::Connectivity::Online, 90000);
        openTickets();
        QCOMPARE(hall()->groups().size(), 4);
        QCOMPARE(m_steps->table(QStringLiteral("tickets")).size(), 0);
    }

    void anAppointmentIsCheckedInByTheAppsCode()
    {
        m_steps->openHome();
        // Shown on the home screen, the code opens the check-in at once.
        scan(QStringLiteral("APPT:AP340103000001"));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("ticketScreen")), 30000);
        QVERIFY(hall()->appointment());
        QCOMPARE(m_steps->shownText(QStringLiteral("ticketGroup")), QStringLiteral("户籍窗口"));
        const QJsonArray tickets = m_steps->table(QStringLiteral("tickets"));
        QCOMPARE(tickets.size(), 1);
        QCOMPARE(tickets.first().toObject().value(QLatin1String("appointment_id")).toString(), QStringLiteral("AP340103000001"));
        const QJsonArray appointments = m_steps->table(QStringLiteral("appointments"));
        QCOMPARE(appointments.first().toObject().value(QLatin1String("checked_in")).toString(), hall()->ticketNumber());
        QTRY_COMPARE_WITH_TIMEOUT(spooledTickets().size(), 1, 60000);
        QVERIFY2(spooledTickets().first().contains(QStringLiteral("预约签到")), qPrintable(spooledTickets().first()));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        m_shell->skipRating();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);

        // The same code again: checked in already, and it says so.
        m_steps->openHome();
        scan(QStringLiteral("APPT:AP340103000001"));
        QTRY_COMPARE_WITH_TIMEOUT(hall()->problem(), QStringLiteral("already_checked_in"), 30000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("appointmentsScreen")));
        QTRY_COMPARE(m_steps->shownText(QStringLiteral("appointmentsState")), QStringLiteral("这个预约已经签到过了，请留意叫号。"));
        QCOMPARE(m_steps->table(QStringLiteral("tickets")).size(), 1);
    }

    void anAppointmentInAnotherHallOrUnknownSaysSo()
    {
        m_steps->openHome();
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("appointmentsErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("appointmentsScreen")));
        UiProbe::screenshot(m_window, QStringLiteral("appointments-zh"));
        scan(QStringLiteral("APPT:AP340111000002"));
        QTRY_COMPARE_WITH_TIMEOUT(hall()->problem(), QStringLiteral("other_hall"), 30000);
        QTRY_COMPARE(m_steps->shownText(QStringLiteral("appointmentsState")), QStringLiteral("这个预约不在本大厅，请到包河区政务服务中心签到。"));
        UiProbe::screenshot(m_window, QStringLiteral("appointments-other-hall-zh"));
        scan(QStringLiteral("APPT:AP000000000009"));
        QTRY_COMPARE_WITH_TIMEOUT(hall()->problem(), QStringLiteral("appointment_unknown"), 30000);
        QCOMPARE(m_steps->table(QStringLiteral("tickets")).size(), 0);
    }

    void anAppointmentIsCheckedInByCard()
    {
        m_steps->openHome();
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("appointmentsErrand")));
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("appointmentByCardButton")));
        m_steps->presentCard();
        QTRY_COMPARE_WITH_TIMEOUT(hall()->stage(), QueueTicketing::Stage::Choosing, 30000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("appointmentsScreen")));
        // Today's two: this hall's, to check in; another hall's, named.
        const QVariantList appointments = hall()->appointments();
        QCOMPARE(appointments.size(), 2);
        QVERIFY(appointments.at(0).toMap().value(QStringLiteral("inThisHall")).toBool());
        QVERIFY(!appointments.at(1).toMap().value(QStringLiteral("inThisHall")).toBool());
        QTRY_VERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("appointmentsScreen")))
                        .contains(QStringLiteral("不在本大厅：请到包河区政务服务中心签到")));
        // Only this hall's can be checked in here (find() sees shown items only).
        QVERIFY(UiProbe::find(m_window, QStringLiteral("checkIn_AP340103000001")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("checkIn_AP340111000002")));
        UiProbe::screenshot(m_window, QStringLiteral("appointments-list-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("checkIn_AP340103000001")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("ticketScreen")), 30000);
        QCOMPARE(m_steps->table(QStringLiteral("tickets")).first().toObject().value(QLatin1String("appointment_id")).toString(),
                 QStringLiteral("AP340103000001"));
        QTRY_COMPARE_WITH_TIMEOUT(hall()->printState(), HallDesk::PrintState::Printed, 60000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QVERIFY(m_shell->rate(4, {}));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(m_runtime->verification()->holderToken().isEmpty());
        QCOMPARE(hall()->appointments().size(), 0);
        // The card's paper is the resident's; nothing else of them is kept.
        QVERIFY(spooledTickets().first().indexOf(SimCards::card(QStringLiteral("resident"))->idNumber) < 0);
        m_steps->verifyNothingOfTheResidentIsStored();
    }

    void aCardWithoutAppointmentsTodaySaysSo()
    {
        m_steps->openHome();
        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("appointmentsErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("appointmentsScreen")));
        UiProbe::screenshot(m_window, QStringLiteral("appointments-en"));
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("appointmentByCardButton")));
        m_steps->presentCard(QStringLiteral("resident_long_term"));
        QTRY_COMPARE_WITH_TIMEOUT(hall()->problem(), QStringLiteral("no_appointment_today"), 30000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("appointmentsScreen")));
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("appointmentsState")).contains(QStringLiteral("no appointment")));
        UiProbe::screenshot(m_window, QStringLiteral("appointments-none-en"));
    }
};

QTEST_MAIN(TestHallQueue)
#include "test_hallqueue.moc"
