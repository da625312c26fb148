#include "common/personaldata.h"
#include "applicationdesk.h"
#include "device/deviceregistry.h"
#include "enrolledkiosk.h"
#include "idcard/sim/simcards.h"
#include "keypadnavigator.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "recordingplayer.h"
#include "runningkiosk.h"
#include "screenreader.h"
#include "sessionmachine.h"
#include "sessionstate.h"
#include "speechsynthesis.h"
#include "spokentext.h"
#include "uiprobe.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// A resident who cannot see the screen, with the keypad alone and reading mode on: a card
// application to its printed receipt, the progress of that case by its number, and a queue
// ticket. Every step is key events on the window (the card and the printer are the simulated
// hardware); what the speech engine was handed and which recordings played are checked as the
// resident would hear them, and the real espeak-ng makes the speech all along.
class TestKeypadJourney : public QObject
{
    Q_OBJECT

private:
    const QString m_item = QStringLiteral("340100-000-ZZ-0010-01"); // no materials, no face, phone typed
    const QString m_phone = QStringLiteral("13955123456");
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    KioskShell *m_shell = nullptr;
    KioskRuntime *m_runtime = nullptr;
    QQuickWindow *m_window = nullptr;
    KeypadNavigator *m_keypad = nullptr;
    ScreenReader *m_reader = nullptr;
    QStringList m_heard;
    QStringList m_said;
    qsizetype m_saidMark = 0;

    void press(Qt::Key key)
    {
        QTest::keyClick(m_window, key);
        QTest::qWait(30);
    }

    // Enter or 5 held for the reading mode's two seconds.
    void holdFive()
    {
        QTest::keyPress(m_window, Qt::Key_5);
        QTest::qWait(KeypadNavigator::HoldMs + 300);
        QTest::keyRelease(m_window, Qt::Key_5);
    }

    static bool within(const QQuickItem *outer, const QQuickItem *item)
    {
        for (const QQuickItem *i = item; i; i = i->parentItem()) {
            if (i == outer)
                return true;
        }
        return false;
    }

    QString focusName() const
    {
        const QQuickItem *f = m_keypad->focusItem();
        for (; f; f = f->parentItem()) {
            if (!f->objectName().isEmpty())
                return f->objectName();
        }
        return QStringLiteral("(none)");
    }

    // Arrows toward the named control until it has the focus, as a resident who has heard the
    // screen read out would press them; the list scrolls down while the control is not yet made.
    bool moveTo(const QString &name)
    {
        for (int step = 0; step < 80; ++step) {
            const QQuickItem *focus = m_keypad->focusItem();
            const QQuickItem *target = UiProbe::find(m_window, name);
            if (focus && target && within(target, focus))
                return true;
            Qt::Key key = Qt::Key_Down;
            if (focus && target && target->isVisible()) {
                const QRectF t = target->mapRectToScene(target->boundingRect());
                const QRectF f = focus->mapRectToScene(focus->boundingRect());
                if (t.center().y() > f.bottom())
                    key = Qt::Key_Down;
                else if (t.center().y() < f.top())
                    key = Qt::Key_Up;
                else
                    key = t.center().x() > f.center().x() ? Qt::Key_Right : Qt::Key_Left;
            }
            press(key);
        }
        qWarning("the keypad never reached %s; the focus is on %s", qPrintable(name), qPrintable(focusName()));
        return false;
    }

    void choose(const QString &name)
    {
        QVERIFY2(moveTo(name), qPrintable(name));
        press(Qt::Key_Return);
    }

    QStringList saidSinceMark() const { return m_said.mid(m_saidMark); }
    void mark() { m_saidMark = m_said.size(); }
    bool saidSinceMarkContains(const QString &part) const { return saidSinceMark().join(QLatin1Char('|')).contains(part); }
    QString lastSaid() const { return m_said.isEmpty() ? QString() : m_said.constLast(); }

    static QString spelled(const QString &digits)
    {
        QStringList each;
        for (const QChar c : digits)
            each.append(QString(c));
        return each.join(QLatin1Char(' '));
    }

    // The screen's recording played in the resident's language.
    bool promptPlayed(const QString &prompt) const { return m_heard.contains(QStringLiteral(":/voice/zh/%1.wav").arg(prompt)); }

    void typeOnTheKeypad(const QString &digits)
    {
        for (const QChar digit : digits) {
            QVERIFY2(moveTo(QStringLiteral("key_") + digit), qPrintable(QString(digit)));
            QVERIFY2(lastSaid().endsWith(digit), qPrintable(lastSaid()));
            press(Qt::Key_Return);
        }
    }

    void switchReadingOn()
    {
        mark();
        holdFive();
        QTRY_VERIFY(m_reader->isActive());
        QTRY_VERIFY2(saidSinceMarkContains(QStringLiteral("读屏已打开")), qPrintable(saidSinceMark().join(QLatin1Char('|'))));
    }

    // The resident's way out of a screen that ends the session, and back to the attract screen.
    void finishWith(const QString &button)
    {
        choose(button);
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->session()->state(), SessionState::Attract, 20000);
    }

private slots:
    void init()
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        QVERIFY2(m_enrolled->start(QStringLiteral("keypad-1"), {}, {{QStringLiteral("platform/timeout_s"), QStringLiteral("5")}}),
                 qPrintable(m_enrolled->errorText()));
        m_runtime = m_enrolled->kiosk()->runtime();
        m_shell = m_enrolled->kiosk()->shell();
        m_window = m_enrolled->kiosk()->window();
        m_keypad = m_window->findChild<KeypadNavigator *>();
        m_reader = m_window->findChild<ScreenReader *>();
        QVERIFY(m_keypad);
        QVERIFY(m_reader);
        m_heard.clear();
        m_said.clear();
        m_saidMark = 0;
        m_reader->setPlayer(std::make_unique<RecordingPlayer>(&m_heard));
        connect(m_reader->synthesis(), &SpeechSynthesis::requested, this, [this](const QString &text) { m_said.append(text); });
    }

    void cleanup()
    {
        m_keypad = nullptr;
        m_reader = nullptr;
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }

    void aBlindResidentAppliesAndAsksForTheProgressWithTheKeypadAlone()
    {
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        switchReadingOn();
        QCOMPARE(m_reader->isActive(), true);

        // 业务申请 from the attract screen: the home screen's recording, then its title and the
        // control with the focus.
        QVERIFY(moveTo(QStringLiteral("offerApply")));
        QVERIFY2(lastSaid().contains(QStringLiteral("业务申请")), qPrintable(lastSaid()));
        mark();
        press(Qt::Key_Return);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QTRY_VERIFY(promptPlayed(QStringLiteral("home")));
        QTRY_VERIFY2(saidSinceMarkContains(QStringLiteral("请选择您要办理的事项")), qPrintable(saidSinceMark().join(QLatin1Char('|'))));

        QVERIFY(moveTo(QStringLiteral("itemCard_") + m_item));
        QVERIFY2(lastSaid().contains(QStringLiteral("退休人员医保待遇核定")), qPrintable(lastSaid()));
        press(Qt::Key_5);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("guideScreen")));
        QTRY_VERIFY(promptPlayed(QStringLiteral("guide")));

        choose(QStringLiteral("startButton"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY(promptPlayed(QStringLiteral("identify")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("continueButton")), 20000);
        choose(QStringLiteral("continueButton"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        QTRY_VERIFY(promptPlayed(QStringLiteral("form")));

        // The whole form read out: the resident's name and number only as the screen masks them.
        mark();
        press(Qt::Key_0);
        QTRY_VERIFY(saidSinceMarkContains(SpokenText::forSpeech(PersonalData::maskIdNumber(card.idNumber), QStringLiteral("zh"))));
        UiProbe::screenshot(m_window, QStringLiteral("keypad-form-zh"));

        // A field filled from the card: the keypad stops on it and reads its label, its masked
        // value and that it cannot be changed; choosing it opens no keys.
        QVERIFY(moveTo(QStringLiteral("field_id_number")));
        QVERIFY2(lastSaid().contains(QStringLiteral("公民身份号码")) && lastSaid().contains(QStringLiteral("不能修改")), qPrintable(lastSaid()));
        QVERIFY2(lastSaid().contains(SpokenText::forSpeech(PersonalData::maskIdNumber(card.idNumber), QStringLiteral("zh"))), qPrintable(lastSaid()));
        press(Qt::Key_Return);
        QTest::qWait(300);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        QCOMPARE(focusName(), QStringLiteral("field_id_number"));
        // The same in English, where the focus ring is seen around the English field.
        mark();
        m_shell->setLanguage(QStringLiteral("en"));
        QTRY_VERIFY2(saidSinceMarkContains(QStringLiteral("cannot be changed")), qPrintable(saidSinceMark().join(QLatin1Char('|'))));
        UiProbe::screenshot(m_window, QStringLiteral("keypad-form-en"));
        m_shell->setLanguage(QStringLiteral("zh"));

        // The phone on the on-screen keypad, moved about with 8/2/4/6 as on a kiosk's metal keypad.
        choose(QStringLiteral("field_phone"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        QVERIFY(moveTo(QStringLiteral("key_1")));
        press(Qt::Key_6);
        QCOMPARE(focusName(), QStringLiteral("key_2"));
        press(Qt::Key_2);
        QCOMPARE(focusName(), QStringLiteral("key_5"));
        QCOMPARE(lastSaid(), QStringLiteral("5"));
        UiProbe::screenshot(m_window, QStringLiteral("keypad-numeric-zh"));
        press(Qt::Key_4);
        QCOMPARE(focusName(), QStringLiteral("key_4"));
        press(Qt::Key_8);
        QCOMPARE(focusName(), QStringLiteral("key_1"));
        typeOnTheKeypad(m_phone);
        choose(QStringLiteral("keypadDone"));
        QTRY_VERIFY(m_enrolled->kiosk()->form()->complete());

        choose(QStringLiteral("reviewButton"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QTRY_VERIFY(promptPlayed(QStringLiteral("review")));
        choose(QStringLiteral("submitButton"));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 30000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);
        QTRY_VERIFY(promptPlayed(QStringLiteral("result")));
        const QString caseNo = m_shell->caseNumber();
        QCOMPARE(caseNo.size(), 20);
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        // 0 reads the screen: the case number a digit at a time.
        mark();
        press(Qt::Key_0);
        QTRY_VERIFY2(saidSinceMarkContains(spelled(caseNo)), qPrintable(saidSinceMark().join(QLatin1Char('|'))));
        UiProbe::screenshot(m_window, QStringLiteral("keypad-result-zh"));

        // Nothing of the resident was handed to the speech engine in full.
        const QString everything = m_said.join(QLatin1Char('|'));
        QVERIFY(!everything.contains(card.name));
        QVERIFY(!QString(everything).remove(QLatin1Char(' ')).contains(card.idNumber));
        // The real engine made every utterance into a file that was played.
        QVERIFY(std::any_of(m_heard.cbegin(), m_heard.cend(), [](const QString &h) { return h.contains(QLatin1String("kiosk-speech-")); }));

        // Leaving ends reading mode with the session: the next resident starts without it.
        choose(QStringLiteral("toRatingButton"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QTRY_VERIFY(promptPlayed(QStringLiteral("rating")));
        finishWith(QStringLiteral("skipRating"));
        QTRY_VERIFY(!m_reader->isActive());
        QCOMPARE(m_keypad->focusItem(), static_cast<QQuickItem *>(nullptr));
        // The resident takes the card, which the farewell over the attract screen asks for.
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->farewell(), KioskShell::Farewell::None, 20000);

        // The progress of the same case, by its number typed on the on-screen keypad.
        switchReadingOn();
        choose(QStringLiteral("offerProgress"));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("typeCaseNumberButton")), 20000);
        choose(QStringLiteral("typeCaseNumberButton"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        typeOnTheKeypad(caseNo);
        choose(QStringLiteral("keypadDone"));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("progressScreen"))).join(QLatin1Char('|')).contains(caseNo), 30000);
        mark();
        press(Qt::Key_0);
        QTRY_VERIFY2(saidSinceMarkContains(spelled(caseNo)), qPrintable(saidSinceMark().join(QLatin1Char('|'))));
        finishWith(QStringLiteral("finishButton"));
    }

    void aBlindResidentTakesAQueueTicketAndFindsHelpWithTheKeypadAlone()
    {
        switchReadingOn();
        choose(QStringLiteral("offerPrint"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));

        // Help, then back out of it: the panel's reading-mode switch is read when it opens.
        mark();
        press(Qt::Key_Asterisk);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("helpPanel"))->isVisible());
        // The focus is taken into the panel, off the screen beneath it.
        QTRY_VERIFY(m_keypad->focusItem() && within(UiProbe::find(m_window, QStringLiteral("helpPanel")), m_keypad->focusItem()));
        QVERIFY(moveTo(QStringLiteral("readingModeButton")));
        QTRY_VERIFY2(lastSaid().contains(QStringLiteral("关闭读屏")), qPrintable(lastSaid()));
        UiProbe::screenshot(m_window, QStringLiteral("keypad-help-zh"));
        press(Qt::Key_Backspace);
        // Closed: the probe finds only what is shown.
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("helpPanel")) || !UiProbe::find(m_window, QStringLiteral("helpPanel"))->isVisible());

        choose(QStringLiteral("ticketsErrand"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ticketsScreen")));
        QTRY_VERIFY(promptPlayed(QStringLiteral("tickets")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("takeTicket_social"))
                                     && UiProbe::find(m_window, QStringLiteral("takeTicket_social"))->isEnabled(), 30000);
        QVERIFY(moveTo(QStringLiteral("takeTicket_social")));
        QVERIFY2(lastSaid().contains(QStringLiteral("取号")), qPrintable(lastSaid()));
        UiProbe::screenshot(m_window, QStringLiteral("keypad-tickets-zh"));
        press(Qt::Key_Enter);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("ticketScreen")), 30000);
        QTRY_VERIFY(promptPlayed(QStringLiteral("ticket")));
        const QString ticket = UiProbe::find(m_window, QStringLiteral("ticketNumber"))->property("text").toString();
        QCOMPARE(ticket, QStringLiteral("A018"));
        mark();
        press(Qt::Key_0);
        QTRY_VERIFY2(saidSinceMarkContains(QStringLiteral("A 0 1 8")), qPrintable(saidSinceMark().join(QLatin1Char('|'))));

        // Back where there is no way back does nothing; the session goes on.
        press(Qt::Key_Escape);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("ticketScreen")));
        choose(QStringLiteral("finishButton"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QTRY_VERIFY(promptPlayed(QStringLiteral("rating")));
    }
};

QTEST_MAIN(TestKeypadJourney)
#include "test_keypadjourney.moc"
