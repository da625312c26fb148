#include "complaintdesk.h"
#include "complaintfiling.h"
#include "enrolledkiosk.h"
#include "feepayment.h"
#include "halldesk.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "paymentdesk.h"
#include "queueticketing.h"
#include "runningkiosk.h"
#include "uiprobe.h"
#include "vision/codereader.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <cmath>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// Every hall screen (取号 and its ticket, 预约签到, 办不成事 and its slip, 缴费) in Chinese, English
// and elder mode, on the tall kiosk and on landscape 1920 × 1080 and 1366 × 768 panels, through the real QML
// with the reference platform and the IPP printers. Each is written to KIOSK_SCREENSHOT_DIR to be
// looked at; the test checks what a resident needs of each on every shape: its buttons inside
// the window, no text cut, the queue screens' lists beside their words on a wide canvas, and a
// payment code a phone can still read off the screen at its full size.
class TestHallScreens : public QObject
{
    Q_OBJECT

private:
    const QString m_feeItem = QStringLiteral("340100-000-ZZ-0020-01"); // print, ¥20.00, no face
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;
    QString m_row;
    QString m_variant;

    bool tapWhenShown(const QString &name, int timeoutMs = 30000) { return UiProbe::tapWhenShown(m_window, name, timeoutMs); }

    // The named item is shown whole inside the window (scrolled to first when it is in a page).
    void verifyInWindow(const QString &objectName)
    {
        (void)UiProbe::scrollIntoView(m_window, objectName);
        QQuickItem *item = UiProbe::find(m_window, objectName);
        QVERIFY2(item && item->isVisible(), qPrintable(objectName + QStringLiteral(" not shown in ") + m_row));
        const QRectF shown = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        const QRectF window(0, 0, m_window->width(), m_window->height());
        QVERIFY2(window.adjusted(-1, -1, 1, 1).contains(shown),
                 qPrintable(QStringLiteral("%1 at %2,%3 %4×%5 is outside the window in %6")
                                .arg(objectName)
                                .arg(shown.x())
                                .arg(shown.y())
                                .arg(shown.width())
                                .arg(shown.height())
                                .arg(m_row)));
    }

    // No text under the named item is cut: each shown text fits its own box and lies inside the
    // window. In a list (which scrolls), a row further down may be out of the window until the
    // resident swipes: there each text is only checked against its own box.
    void verifyNoTextCut(const QString &objectName)
    {
        const bool scrolls = objectName.endsWith(QLatin1String("List"));
        QQuickItem *root = UiProbe::find(m_window, objectName);
        QVERIFY2(root, qPrintable(objectName + QStringLiteral(" not shown in ") + m_row));
        const QRectF window(0, 0, m_window->width(), m_window->height());
        QList<QQuickItem *> items{root};
        int texts = 0;
        while (!items.isEmpty()) {
            QQuickItem *item = items.takeLast();
            if (!item->isVisible())
                continue;
            items += item->childItems();
            const QString text = item->property("text").toString();
            if (!item->inherits("QQuickText") || text.isEmpty())
                continue;
            ++texts;
            const QRectF shown = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
            const bool fits = !item->property("truncated").toBool() && item->property("contentWidth").toReal() <= item->width() + 1
                              && item->property("contentHeight").toReal() <= item->height() + 1;
            QVERIFY2(fits && (scrolls || window.adjusted(-1, -1, 1, 1).contains(shown)),
                     qPrintable(QStringLiteral("'%1' is cut (%2×%3 at %4,%5) in %6").arg(text).arg(shown.width()).arg(shown.height())
                                    .arg(shown.x()).arg(shown.y()).arg(m_row)));
        }
        QVERIFY2(texts > 0, qPrintable(objectName + QStringLiteral(" shows no text in ") + m_row));
    }

    // A queue screen's list stands beside its words on a landscape canvas and under them on a
    // tall one.
    void verifyListPlacedFor(const QString &intro, const QString &list)
    {
        QQuickItem *words = UiProbe::find(m_window, intro);
        QQuickItem *rows = UiProbe::find(m_window, list);
        QVERIFY(words && rows);
        const QRectF w = words->mapRectToScene(QRectF(0, 0, words->width(), words->height()));
        const QRectF r = rows->mapRectToScene(QRectF(0, 0, rows->width(), rows->height()));
        if (m_window->width() > m_window->height()) {
            QVERIFY2(w.right() <= r.left() && r.width() > w.width(), qPrintable(m_row));
            QVERIFY2(r.top() < w.bottom(), qPrintable(m_row));
        } else {
            QVERIFY2(r.top() >= w.bottom(), qPrintable(m_row));
        }
    }

    // The resident's appointments today, by card, on the appointments screen: the list beside
    // or under the words, nothing cut, the check-in button inside the window.
    void showAppointmentsByCard(HallDesk *hall)
    {
        QVERIFY(tapWhenShown(QStringLiteral("appointmentByCardButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_COMPARE_WITH_TIMEOUT(hall->stage(), QueueTicketing::Stage::Choosing, 30000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("appointmentsScreen")));
        QTRY_COMPARE(hall->appointments().size(), 2);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("checkIn_AP340103000001")));
        shoot(QStringLiteral("appointments-list"));
        verifyListPlacedFor(QStringLiteral("appointmentsIntro"), QStringLiteral("appointmentList"));
        verifyNoTextCut(QStringLiteral("appointmentsIntro"));
        verifyNoTextCut(QStringLiteral("appointmentList"));
        verifyInWindow(QStringLiteral("checkIn_AP340103000001"));
        verifyInWindow(QStringLiteral("backButton"));
    }

    void startKiosk(const QSize &size)
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        QVERIFY2(m_enrolled->start(QStringLiteral("hallscreens-1"), {}, {{QStringLiteral("platform/timeout_s"), QStringLiteral("5")}}),
                 qPrintable(m_enrolled->errorText()));
        m_kiosk = m_enrolled->kiosk();
        m_runtime = m_kiosk->runtime();
        m_shell = m_kiosk->shell();
        m_window = m_kiosk->window();
        m_window->resize(size);
        QTRY_COMPARE(m_window->size(), size);
        QQuickItem *stage = UiProbe::find(m_window, QStringLiteral("stage"));
        QVERIFY(stage);
        // The short side is 1080 units on every display (ScreenLayout).
        QTRY_VERIFY(std::abs(stage->scale() - std::min(size.width(), size.height()) / 1080.0) < 1e-6);
    }

    void shoot(const QString &screen)
    {
        QCOMPARE(m_shell->language(), m_variant == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("zh"));
        QCOMPARE(m_shell->elderMode(), m_variant == QLatin1String("elder"));
        UiProbe::screenshot(m_window, QStringLiteral("hall-%1-%2").arg(screen, m_row));
    }

    // Each session starts in Chinese and ordinary type (the last resident's choice is wiped), so
    // the variant is chosen again as a resident would at the start of each.
    void startSession()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        if (m_variant == QLatin1String("en"))
            QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        if (m_variant == QLatin1String("elder") && !m_shell->elderMode())
            m_shell->toggleElderMode();
        QCOMPARE(m_shell->language(), m_variant == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("zh"));
        QCOMPARE(m_shell->elderMode(), m_variant == QLatin1String("elder"));
    }

    void endSession()
    {
        m_shell->endSession();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
    }

private slots:
    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }

    void everyHallScreenFitsEachLanguageModeAndShape_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QSize>("size");
        for (const QString &variant : {QStringLiteral("zh"), QStringLiteral("en"), QStringLiteral("elder")}) {
            QTest::newRow(qPrintable(variant + QStringLiteral("-1080x1920"))) << variant << QSize(1080, 1920);
            QTest::newRow(qPrintable(variant + QStringLiteral("-1920x1080"))) << variant << QSize(1920, 1080);
        }
    }

    void everyHallScreenFitsEachLanguageModeAndShape()
    {
        QFETCH(QString, variant);
        QFETCH(QSize, size);
        m_row = QString::fromLatin1(QTest::currentDataTag());
        startKiosk(size);
        if (QTest::currentTestFailed())
            return;
        m_variant = variant;
        HallDesk *hall = m_shell->findChild<HallDesk *>();
        ComplaintDesk *complaint = m_shell->findChild<ComplaintDesk *>();
        PaymentDesk *payment = m_shell->findChild<PaymentDesk *>();
        QVERIFY(hall && complaint && payment);

        // 取号: the groups, then the ticket.
        startSession();
        QVERIFY(tapWhenShown(QStringLiteral("ticketsErrand")));
        QTRY_COMPARE_WITH_TIMEOUT(hall->stage(), QueueTicketing::Stage::Choosing, 30000);
        shoot(QStringLiteral("tickets"));
        verifyListPlacedFor(QStringLiteral("ticketsIntro"), QStringLiteral("groupList"));
        verifyNoTextCut(QStringLiteral("ticketsIntro"));
        verifyNoTextCut(QStringLiteral("groupList"));
        verifyInWindow(QStringLiteral("takeTicket_social"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("takeTicket_social")));
        if (variant == QLatin1String("elder")) {
            QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("priorityQuestion")));
            shoot(QStringLiteral("tickets-priority"));
            verifyInWindow(QStringLiteral("priorityNoButton"));
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("priorityNoButton")));
        }
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("ticketScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(hall->printState(), HallDesk::PrintState::Printed, 60000);
        shoot(QStringLiteral("ticket"));
        verifyInWindow(QStringLiteral("ticketNumber"));
        verifyInWindow(QStringLiteral("finishButton"));
        endSession();

        // 预约签到: the ways to check in.
        startSession();
        QVERIFY(tapWhenShown(QStringLiteral("appointmentsErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("appointmentsScreen")));
        shoot(QStringLiteral("appointments"));
        verifyInWindow(QStringLiteral("appointmentByCardButton"));
        verifyInWindow(QStringLiteral("backButton"));
        verifyNoTextCut(QStringLiteral("appointmentsIntro"));
        showAppointmentsByCard(hall);
        endSession();

        // 办不成事 / 投诉建议, then its slip once sent.
        startSession();
        QVERIFY(tapWhenShown(QStringLiteral("complaintErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("complaintScreen")));
        shoot(QStringLiteral("complaint"));
        verifyInWindow(QStringLiteral("category_suggestion"));
        verifyInWindow(QStringLiteral("submitComplaintButton"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("category_suggestion")));
        // What the submit button sends once the text is typed (the typing itself is test_complaints').
        QVERIFY(complaint->file(QStringLiteral("suggestion"), QStringLiteral("大厅座位太少"), QString()));
        QTRY_COMPARE_WITH_TIMEOUT(complaint->printState(), ComplaintDesk::PrintState::Printed, 60000);
        shoot(QStringLiteral("complaint-slip"));
        verifyInWindow(QStringLiteral("complaintState"));
        verifyInWindow(QStringLiteral("complaintDoneButton"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("complaintDoneButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));

        // 缴费: the code at its full size, read off the screen as a phone would.
        startSession();
        QVERIFY(m_shell->openItem(m_feeItem));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        // The card laid down for the appointments is lifted first, as a resident would, long
        // enough for the reader's polling to see the field empty.
        if (m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")))
            QTest::qWait(2000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("paymentScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(payment->state(), FeePayment::State::Pending, 30000);
        shoot(QStringLiteral("payment"));
        verifyInWindow(QStringLiteral("paymentAmount"));
        verifyInWindow(QStringLiteral("paymentCountdown"));
        verifyInWindow(QStringLiteral("cancelPaymentButton"));
        (void)UiProbe::scrollIntoView(m_window, QStringLiteral("paymentCode"));
        QQuickItem *code = UiProbe::find(m_window, QStringLiteral("paymentCode"));
        QVERIFY(code);
        QVERIFY2(code->width() >= 520, qPrintable(QString::number(code->width())));
        verifyInWindow(QStringLiteral("paymentCode"));
        QString read;
        QTRY_VERIFY_WITH_TIMEOUT(!(read = [this] {
                                      const QList<DecodedCode> codes = CodeReader().read(m_window->grabWindow());
                                      return codes.isEmpty() ? QString() : codes.first().text;
                                  }()).isEmpty(),
                                 10000);
        QCOMPARE(read, payment->code());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("cancelPaymentButton")));
        QTRY_COMPARE_WITH_TIMEOUT(payment->state(), FeePayment::State::Cancelled, 30000);
        shoot(QStringLiteral("payment-cancelled"));
        verifyInWindow(QStringLiteral("newCodeButton"));
        verifyInWindow(QStringLiteral("leaveButton"));
        endSession();
    }

    // The smaller landscape panel (1366 × 768, drawn on the same 1920 × 1080 canvas, scaled): the
    // queue screens in each language and mode, their lists beside their words, nothing cut.
    void theQueueScreensFitALandscape1366x768Panel_data()
    {
        QTest::addColumn<QString>("variant");
        for (const QString &variant : {QStringLiteral("zh"), QStringLiteral("en"), QStringLiteral("elder")})
            QTest::newRow(qPrintable(variant + QStringLiteral("-1366x768"))) << variant;
    }

    void theQueueScreensFitALandscape1366x768Panel()
    {
        QFETCH(QString, variant);
        m_row = QString::fromLatin1(QTest::currentDataTag());
        startKiosk(QSize(1366, 768));
        if (QTest::currentTestFailed())
            return;
        m_variant = variant;
        HallDesk *hall = m_shell->findChild<HallDesk *>();
        QVERIFY(hall);

        startSession();
        QVERIFY(tapWhenShown(QStringLiteral("ticketsErrand")));
        QTRY_COMPARE_WITH_TIMEOUT(hall->stage(), QueueTicketing::Stage::Choosing, 30000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("takeTicket_social")));
        shoot(QStringLiteral("tickets"));
        verifyListPlacedFor(QStringLiteral("ticketsIntro"), QStringLiteral("groupList"));
        verifyNoTextCut(QStringLiteral("ticketsIntro"));
        verifyNoTextCut(QStringLiteral("groupList"));
        verifyInWindow(QStringLiteral("takeTicket_social"));
        verifyInWindow(QStringLiteral("backButton"));
        if (variant == QLatin1String("elder")) {
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("takeTicket_social")));
            QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("priorityQuestion")));
            shoot(QStringLiteral("tickets-priority"));
            verifyNoTextCut(QStringLiteral("priorityQuestionPanel"));
            verifyInWindow(QStringLiteral("priorityYesButton"));
            verifyInWindow(QStringLiteral("priorityNoButton"));
        }
        endSession();

        startSession();
        QVERIFY(tapWhenShown(QStringLiteral("appointmentsErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("appointmentsScreen")));
        shoot(QStringLiteral("appointments"));
        verifyNoTextCut(QStringLiteral("appointmentsIntro"));
        verifyInWindow(QStringLiteral("appointmentByCardButton"));
        showAppointmentsByCard(hall);
        endSession();
    }
};

QTEST_MAIN(TestHallScreens)
#include "test_hallscreens.moc"
