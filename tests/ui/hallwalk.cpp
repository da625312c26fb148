#include "hallwalk.h"

#include "applicationdesk.h"
#include "complaintdesk.h"
#include "enrolledkiosk.h"
#include "halldesk.h"
#include "kioskshell.h"
#include "residentwalk.h"
#include "runningkiosk.h"
#include "refplatformprocess.h"
#include "uiprobe.h"
#include "videohelp.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

HallWalk::HallWalk(ResidentWalk &walk)
    : m_walk(walk)
{
}

void HallWalk::everyScreen()
{
    ticketsAppointmentsAndComplaint();
    if (QTest::currentTestFailed())
        return;
    postalDelivery();
    if (QTest::currentTestFailed())
        return;
    complaintSlip();
    if (QTest::currentTestFailed())
        return;
    videoHelp();
}

// 取号 and 预约签到: the counter groups (and the elder's priority question), the ticket, the
// ways to check in and the resident's appointments.
void HallWalk::ticketsAppointmentsAndComplaint()
{
    HallDesk *hall = m_walk.shell()->findChild<HallDesk *>();
    m_walk.startSession();
    QVERIFY(m_walk.tapWhenShown(QStringLiteral("ticketsErrand")));
    QTRY_COMPARE_WITH_TIMEOUT(hall->stage(), QueueTicketing::Stage::Choosing, 30000);
    m_walk.inspect(QStringLiteral("tickets"), QStringLiteral("ticketsScreen"));
    QVERIFY(m_walk.tapWhenShown(QStringLiteral("takeTicket_social")));
    if (m_walk.checks().isElder()) {
        QTRY_VERIFY(UiProbe::find(m_walk.window(), QStringLiteral("priorityQuestion")));
        // The question over the dimmed list: the list behind is not meant to be read now.
        m_walk.inspect(QStringLiteral("tickets-priority"), QStringLiteral("priorityQuestionPanel"));
        QVERIFY(UiProbe::tap(m_walk.window(), QStringLiteral("priorityNoButton")));
    }
    QVERIFY(m_walk.waitFor(QStringLiteral("ticketScreen")));
    QTRY_COMPARE_WITH_TIMEOUT(hall->printState(), HallDesk::PrintState::Printed, 60000);
    m_walk.inspect(QStringLiteral("ticket"), QStringLiteral("ticketScreen"));
    m_walk.shell()->endSession();
    QVERIFY(m_walk.waitFor(QStringLiteral("attractScreen")));

    m_walk.startSession();
    QVERIFY(m_walk.tapWhenShown(QStringLiteral("appointmentsErrand")));
    QVERIFY(m_walk.waitFor(QStringLiteral("appointmentsScreen")));
    m_walk.inspect(QStringLiteral("appointments"), QStringLiteral("appointmentsScreen"));
    QVERIFY(UiProbe::tap(m_walk.window(), QStringLiteral("appointmentByCardButton")));
    QVERIFY(m_walk.waitFor(QStringLiteral("identifyScreen")));
    QTRY_VERIFY_WITH_TIMEOUT(m_walk.shell()->cardReaderUsable(), 30000);
    (void)m_walk.shell()->simulate(QStringLiteral("card remove"));
    QTest::qWait(1500);
    QVERIFY(m_walk.shell()->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
    QVERIFY(m_walk.tapWhenShown(QStringLiteral("continueButton"), 30000));
    QVERIFY(m_walk.waitFor(QStringLiteral("appointmentsScreen"), 30000));
    QTRY_COMPARE_WITH_TIMEOUT(hall->stage(), QueueTicketing::Stage::Choosing, 30000);
    m_walk.inspect(QStringLiteral("appointments-list"), QStringLiteral("appointmentsScreen"));
    m_walk.shell()->endSession();
    QVERIFY(m_walk.waitFor(QStringLiteral("attractScreen")));

    // 办不成事 / 投诉建议: the categories, the text and the phone.
    m_walk.startSession();
    QVERIFY(m_walk.tapWhenShown(QStringLiteral("complaintErrand")));
    QVERIFY(m_walk.waitFor(QStringLiteral("complaintScreen")));
    m_walk.inspect(QStringLiteral("complaint"), QStringLiteral("complaintScreen"));
    m_walk.shell()->endSession();
    QVERIFY(m_walk.waitFor(QStringLiteral("attractScreen")));
}

// 免费邮寄: the choice step, the address filled from the card, and the list of districts.
void HallWalk::postalDelivery()
{
    m_walk.startSession();
    QVERIFY(m_walk.shell()->openItem(QStringLiteral("340100-000-ZZ-0007-01")));
    QTRY_COMPARE_WITH_TIMEOUT(m_walk.shell()->selectedItemUnavailable(), QString(), 30000);
    QVERIFY(m_walk.tapWhenShown(QStringLiteral("startButton")));
    QVERIFY(m_walk.waitFor(QStringLiteral("identifyScreen")));
    QTRY_VERIFY_WITH_TIMEOUT(m_walk.shell()->cardReaderUsable(), 30000);
    (void)m_walk.shell()->simulate(QStringLiteral("card remove"));
    QTest::qWait(1500); // the reader's polling sees the field empty before the card comes back
    QVERIFY(m_walk.shell()->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
    QVERIFY(m_walk.tapWhenShown(QStringLiteral("continueButton"), 30000));
    QVERIFY(m_walk.waitFor(QStringLiteral("formScreen")));
    QVERIFY(m_walk.kiosk()->form()->setFieldValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
    QVERIFY(m_walk.tapWhenShown(QStringLiteral("reviewButton")));
    QVERIFY(m_walk.waitFor(QStringLiteral("materialsScreen")));
    QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_walk.window(), QStringLiteral("captureButton"))->isEnabled(), 60000);
    QVERIFY(UiProbe::tap(m_walk.window(), QStringLiteral("captureButton")));
    QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_walk.window(), QStringLiteral("materialsDoneButton"))->isEnabled(), 60000);
    QVERIFY(UiProbe::tap(m_walk.window(), QStringLiteral("materialsDoneButton")));
    QVERIFY(m_walk.waitFor(QStringLiteral("postChoiceScreen")));
    m_walk.inspect(QStringLiteral("post-choice"), QStringLiteral("postChoiceScreen"));
    QVERIFY(UiProbe::tap(m_walk.window(), QStringLiteral("postChoice_post")));
    QVERIFY(m_walk.waitFor(QStringLiteral("postAddressScreen")));
    m_walk.inspect(QStringLiteral("post-address"), QStringLiteral("postAddressScreen"));
    QVERIFY(UiProbe::tap(m_walk.window(), QStringLiteral("postField_district")));
    QVERIFY(m_walk.waitFor(QStringLiteral("postPicker")));
    m_walk.inspect(QStringLiteral("post-address-picker"), QStringLiteral("postAddressScreen"));
    m_walk.shell()->endSession();
    QVERIFY(m_walk.waitFor(QStringLiteral("attractScreen")));
}

// 投诉建议 filed: the screen with the complaint's number and the slip printed for it.
void HallWalk::complaintSlip()
{
    m_walk.startSession();
    QVERIFY(m_walk.tapWhenShown(QStringLiteral("complaintErrand")));
    QVERIFY(m_walk.waitFor(QStringLiteral("complaintScreen")));
    ComplaintDesk *desk = m_walk.shell()->findChild<ComplaintDesk *>();
    QVERIFY(desk);
    // The text as the keyboard would have left it (test_complaints types it key by key).
    QVERIFY(desk->file(QStringLiteral("cannot_get_done"), QStringLiteral("政务大厅排队太久"), QString()));
    QTRY_COMPARE_WITH_TIMEOUT(desk->stage(), ComplaintFiling::Stage::Delivered, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(desk->printState(), ComplaintDesk::PrintState::Printed, 60000);
    QVERIFY(m_walk.waitFor(QStringLiteral("complaintDoneButton")));
    m_walk.inspect(QStringLiteral("complaint-slip"), QStringLiteral("complaintScreen"));
    m_walk.shell()->endSession();
    QVERIFY(m_walk.waitFor(QStringLiteral("attractScreen")));
}

// 视频帮办 over the home screen: its consent, the notice that no agent is on duty, and the queue
// once an agent's desk is open (the call waits there until the agent takes it).
void HallWalk::videoHelp()
{
    VideoHelp *help = m_walk.kiosk()->videoHelp();
    QVERIFY(help);
    m_walk.startSession();
    QVERIFY(tapSettled(QStringLiteral("videoHelpButton")));
    QVERIFY(m_walk.waitFor(QStringLiteral("videoHelpConsent")));
    m_walk.inspect(QStringLiteral("videohelp-consent"), QStringLiteral("videoHelpPanel"));
    QVERIFY(tapSettled(QStringLiteral("videoHelpAgree")));
    QTRY_COMPARE_WITH_TIMEOUT(help->state(), VideoCall::State::Failed, 20000);
    QCOMPARE(help->failure(), VideoCall::Failure::NoAgents);
    QVERIFY(m_walk.waitFor(QStringLiteral("videoHelpOutcome")));
    m_walk.inspect(QStringLiteral("videohelp-no-agents"), QStringLiteral("videoHelpPanel"));
    QVERIFY(tapSettled(QStringLiteral("videoHelpClose")));
    QTRY_VERIFY(!UiProbe::find(m_walk.window(), QStringLiteral("videoHelpPanel")));

    // An agent on duty at the platform's desk, as a bare signalling socket that takes no call.
    QWebSocket desk;
    QUrl url = m_walk.enrolled()->platform()->httpUrl();
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/desk/ws"));
    desk.open(url);
    QTRY_COMPARE_WITH_TIMEOUT(desk.state(), QAbstractSocket::ConnectedState, 10000);
    QVERIFY(tapSettled(QStringLiteral("videoHelpButton")));
    QVERIFY(tapSettled(QStringLiteral("videoHelpAgree")));
    QTRY_COMPARE_WITH_TIMEOUT(help->state(), VideoCall::State::Queued, 20000);
    QVERIFY(m_walk.waitFor(QStringLiteral("videoHelpQueuePosition")));
    m_walk.inspect(QStringLiteral("videohelp-queue"), QStringLiteral("videoHelpPanel"));
    QVERIFY(tapSettled(QStringLiteral("videoHelpLeaveQueue")));
    QTRY_VERIFY_WITH_TIMEOUT(help->state() != VideoCall::State::Queued, 10000);
    desk.close();
    m_walk.shell()->endSession();
    QVERIFY(m_walk.waitFor(QStringLiteral("attractScreen")));
}

// Taps once the panel that has just appeared has been drawn, so the tap lands where it is seen.
bool HallWalk::tapSettled(const QString &name)
{
    if (!m_walk.waitFor(name))
        return false;
    QSignalSpy frames(m_walk.window(), &QQuickWindow::frameSwapped);
    m_walk.window()->update();
    if (!QTest::qWaitFor([&] { return frames.count() > 0; }, 10000))
        return false;
    return UiProbe::tap(m_walk.window(), name);
}
