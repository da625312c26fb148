#include "browseragent.h"
#include "camera/frameprovider.h"
#include "enrolledkiosk.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "recordingplayer.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
#include "sessionmachine.h"
#include "uiprobe.h"
#include "videohelp.h"
#include "voiceprompts.h"

#include <QDir>
#include <cmath>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QWebSocket>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// Video help (远程视频帮办) through the real QML, the kiosk's VideoCall and the reference
// platform: the button on the resident's screens and in the help panel, the consent with its
// way back, the queue with the resident's place shown and spoken, each way a call cannot be had
// saying what to do (in Chinese and English), the idle countdown held while a call is live, and
// the session's end leaving the queue.
class TestVideoHelp : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;
    VideoHelp *m_help = nullptr;

    [[nodiscard]] bool startKiosk(const QStringList &platformArguments = {})
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        if (!m_enrolled->start(QStringLiteral("video-1"), platformArguments)) {
            qWarning("%s", qPrintable(m_enrolled->errorText()));
            return false;
        }
        m_shell = m_enrolled->kiosk()->shell();
        m_window = m_enrolled->kiosk()->window();
        m_help = m_enrolled->kiosk()->videoHelp();
        return m_help != nullptr;
    }

    // An agent on duty at the platform's desk, as a bare signalling socket.
    [[nodiscard]] std::unique_ptr<QWebSocket> openDesk() const
    {
        auto desk = std::make_unique<QWebSocket>();
        QUrl url = m_enrolled->platform()->httpUrl();
        url.setScheme(QStringLiteral("ws"));
        url.setPath(QStringLiteral("/desk/ws"));
        desk->open(url);
        if (!QTest::qWaitFor([&] { return desk->state() == QAbstractSocket::ConnectedState; }, 10000))
            return nullptr;
        return desk;
    }

    [[nodiscard]] QJsonArray calls() const
    {
        return m_enrolled->platform()->inspect(QStringLiteral("assist")).value(QLatin1String("calls")).toArray();
    }

    [[nodiscard]] bool shown(const QString &name) const
    {
        const QQuickItem *item = UiProbe::find(m_window, name);
        return item && item->isVisible();
    }

    [[nodiscard]] QString textOf(const QString &name) const
    {
        const QQuickItem *item = UiProbe::find(m_window, name);
        return item ? item->property("text").toString() : QString();
    }

    // Taps `name` once the window has drawn a frame: a panel that has just appeared lays itself
    // out before its next frame, and a tap before that would land where nothing is yet.
    [[nodiscard]] bool tapSettled(const QString &name)
    {
        QSignalSpy frames(m_window, &QQuickWindow::frameSwapped);
        m_window->update();
        if (!QTest::qWaitFor([&] { return frames.count() > 0; }, 10000))
            return false;
        return UiProbe::tap(m_window, name);
    }

    void goHome()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
    }

    void askAndAgree()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("videoHelpButton")));
        QTRY_VERIFY(shown(QStringLiteral("videoHelpConsent")));
        QVERIFY(tapSettled(QStringLiteral("videoHelpAgree")));
        QTRY_VERIFY(shown(QStringLiteral("videoHelpQueue")) || shown(QStringLiteral("videoHelpOutcome")));
    }

    // The failure's screen in both languages, with the words a resident needs to act on.
    void expectFailure(VideoCall::Failure failure, const QString &name, const QString &zhWords, const QString &enWords)
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_help->state(), VideoCall::State::Failed, 20000);
        QCOMPARE(m_help->failure(), failure);
        QTRY_VERIFY(shown(QStringLiteral("videoHelpOutcome")));
        QVERIFY2(textOf(QStringLiteral("videoHelpOutcome")).contains(zhWords), qPrintable(textOf(QStringLiteral("videoHelpOutcome"))));
        QVERIFY(shown(QStringLiteral("videoHelpClose")));
        QVERIFY(!m_shell->session()->idleHeld());
        UiProbe::screenshot(m_window, QStringLiteral("videohelp-") + name + QStringLiteral("-zh"));
        m_shell->toggleLanguage();
        QTRY_VERIFY2(textOf(QStringLiteral("videoHelpOutcome")).contains(enWords), qPrintable(textOf(QStringLiteral("videoHelpOutcome"))));
        UiProbe::screenshot(m_window, QStringLiteral("videohelp-") + name + QStringLiteral("-en"));
        // The notice closes, and the resident is back on the screen they were on.
        QVERIFY(tapSettled(QStringLiteral("videoHelpClose")));
        QTRY_VERIFY(!shown(QStringLiteral("videoHelpPanel")));
        QCOMPARE(m_help->state(), VideoCall::State::Idle);
        QVERIFY(shown(QStringLiteral("homeScreen")));
    }

    // The stage scaled to the new window: the short side is 1080 units on every display (ScreenLayout).
    void waitForCanvasOf(const QSize &size)
    {
        QQuickItem *stage = UiProbe::find(m_window, QStringLiteral("stage"));
        QVERIFY(stage);
        QTRY_VERIFY(std::abs(stage->scale() - std::min(size.width(), size.height()) / 1080.0) < 1e-6);
        settle();
    }

    // Two frames drawn: a resize or a new view is laid out (polished) before the frame after it.
    void settle()
    {
        for (int i = 0; i < 2; ++i) {
            QSignalSpy frames(m_window, &QQuickWindow::frameSwapped);
            m_window->update();
            QVERIFY(QTest::qWaitFor([&] { return frames.count() > 0; }, 10000));
        }
    }

    // The named item is shown and lies wholly inside the window, and so does every text of the
    // video help panel: none cut off at the canvas's edge, none wider or taller than it shows.
    void verifyFits(const QString &objectName, const QString &row)
    {
        settle();
        QQuickItem *item = UiProbe::find(m_window, objectName);
        QVERIFY2(item && item->isVisible(), qPrintable(objectName + QStringLiteral(" not shown in ") + row));
        const QRectF window(-1, -1, m_window->width() + 2, m_window->height() + 2);
        const QRectF rect = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        QVERIFY2(window.contains(rect), qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 is outside the window in %6")
                                                       .arg(objectName).arg(rect.x()).arg(rect.y()).arg(rect.width()).arg(rect.height()).arg(row)));
        QList<QQuickItem *> pending{UiProbe::find(m_window, QStringLiteral("videoHelpPanel")), UiProbe::find(m_window, QStringLiteral("videoCallBar"))};
        while (!pending.isEmpty()) {
            QQuickItem *next = pending.takeFirst();
            if (!next || !next->isVisible())
                continue;
            pending.append(next->childItems());
            const QString text = next->property("text").toString();
            if (!next->inherits("QQuickText") || text.isEmpty())
                continue;
            const QRectF shown = next->mapRectToScene(QRectF(0, 0, next->width(), next->height()));
            QVERIFY2(window.contains(shown), qPrintable(QStringLiteral("\"%1\" is outside the window in %2").arg(text, row)));
            QVERIFY2(next->property("contentHeight").toReal() <= next->height() + 1 && next->property("contentWidth").toReal() <= next->width() + 1,
                     qPrintable(QStringLiteral("\"%1\" is cut in %2: %3x%4 in %5x%6")
                                    .arg(text, row)
                                    .arg(next->property("contentWidth").toReal())
                                    .arg(next->property("contentHeight").toReal())
                                    .arg(next->width())
                                    .arg(next->height())));
        }
    }

    // On a wide canvas the view's buttons stand beside its texts, to the right of them.
    void verifyBeside(const QString &text, const QString &button, const QString &row)
    {
        settle();
        QQuickItem *t = UiProbe::find(m_window, text);
        QQuickItem *b = UiProbe::find(m_window, button);
        QVERIFY(t && b);
        const QRectF tr = t->mapRectToScene(QRectF(0, 0, t->width(), t->height()));
        const QRectF br = b->mapRectToScene(QRectF(0, 0, b->width(), b->height()));
        QVERIFY2(br.left() >= tr.right(), qPrintable(QStringLiteral("%1 is not beside %2 in %3").arg(button, text, row)));
    }

private slots:
    void cleanup()
    {
        m_help = nullptr;
        m_window = nullptr;
        m_shell = nullptr;
        m_enrolled.reset();
    }

    void aResidentAgreesIsQueuedAndHearsTheirPlaceMove()
    {
        QVERIFY(startKiosk());
        const auto desk = openDesk();
        QVERIFY(desk);
        QStringList heard;
        VoicePrompts voice(m_shell, std::make_unique<RecordingPlayer>(&heard), 1.0);
        goHome();

        // The button on the resident's screen opens the consent; nothing is asked of the
        // platform before the resident agrees, and "back" leaves without a call.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("videoHelpButton")));
        QTRY_VERIFY(shown(QStringLiteral("videoHelpConsent")));
        QTRY_VERIFY(heard.contains(QStringLiteral(":/voice/zh/assist_consent.wav")));
        const QString consent = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("videoHelpPanel"))).join(QLatin1Char(' '));
        QVERIFY2(consent.contains(QStringLiteral("摄像头和麦克风")), qPrintable(consent));
        QVERIFY(consent.contains(QStringLiteral("本机屏幕")));
        QVERIFY(consent.contains(QStringLiteral("不录音、不录像")));
        QVERIFY(consent.contains(QStringLiteral("大厅服务台")));
        QVERIFY(consent.contains(QStringLiteral("12345")));
        UiProbe::screenshot(m_window, QStringLiteral("videohelp-consent-zh"));
        QVERIFY(tapSettled(QStringLiteral("videoHelpDecline")));
        QTRY_VERIFY(!shown(QStringLiteral("videoHelpPanel")));
        QVERIFY(calls().isEmpty());

        // The help panel offers it too; in English this time.
        m_shell->toggleLanguage();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("helpButton")));
        QTRY_VERIFY(shown(QStringLiteral("helpPanel")));
        QVERIFY(tapSettled(QStringLiteral("helpVideoHelpButton")));
        QTRY_VERIFY(shown(QStringLiteral("videoHelpConsent")));
        QVERIFY(!shown(QStringLiteral("helpPanel")));
        const QString consentEn = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("videoHelpPanel"))).join(QLatin1Char(' '));
        QVERIFY2(consentEn.contains(QStringLiteral("Nothing is recorded")), qPrintable(consentEn));
        UiProbe::screenshot(m_window, QStringLiteral("videohelp-consent-en"));
        m_shell->toggleLanguage();

        // Another resident's call waits already: this one is second, and hears so.
        VideoCall other(m_enrolled->kiosk()->runtime()->platform(), CallMedia::Sources{nullptr, {}, QString(), 15, 3});
        other.ask();
        other.agree(QStringLiteral("zh"), QStringLiteral("home"), false);
        QTRY_COMPARE(other.queuePosition(), 1);
        QVERIFY(tapSettled(QStringLiteral("videoHelpAgree")));
        QTRY_VERIFY(shown(QStringLiteral("videoHelpQueue")));
        QTRY_COMPARE(textOf(QStringLiteral("videoHelpQueuePosition")), QStringLiteral("您前面还有 1 位。"));
        QTRY_VERIFY(heard.contains(QStringLiteral(":/voice/zh/assist_ahead_one.wav")));
        QVERIFY(m_shell->session()->idleHeld());
        UiProbe::screenshot(m_window, QStringLiteral("videohelp-queue-zh"));

        // The agent takes the other call: this one moves up, on screen and in the voice.
        const QString otherId = calls().first().toObject().value(QLatin1String("call_id")).toString();
        desk->sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("take")},
                                                                          {QStringLiteral("call_id"), otherId}})
                                                    .toJson(QJsonDocument::Compact)));
        QTRY_COMPARE_WITH_TIMEOUT(textOf(QStringLiteral("videoHelpQueuePosition")), QStringLiteral("下一位就是您。"), 10000);
        QTRY_VERIFY(heard.contains(QStringLiteral(":/voice/zh/assist_next.wav")));
        m_shell->toggleLanguage();
        QTRY_COMPARE(textOf(QStringLiteral("videoHelpQueuePosition")), QStringLiteral("You are next."));
        UiProbe::screenshot(m_window, QStringLiteral("videohelp-queue-en"));

        // Leaving the queue: the call ends, the countdown runs again, the platform hears why.
        QVERIFY(tapSettled(QStringLiteral("videoHelpLeaveQueue")));
        QTRY_VERIFY(shown(QStringLiteral("videoHelpOutcome")));
        QCOMPARE(textOf(QStringLiteral("videoHelpOutcome")), QStringLiteral("The video call has ended."));
        QVERIFY(!m_shell->session()->idleHeld());
        QTRY_VERIFY(heard.contains(QStringLiteral(":/voice/en/assist_ended.wav")));
        QVERIFY(tapSettled(QStringLiteral("videoHelpClose")));
        QTRY_VERIFY(!shown(QStringLiteral("videoHelpPanel")));
        const auto reasonOf = [this](const QString &id) {
            for (const QJsonValue &call : calls()) {
                if (call.toObject().value(QLatin1String("call_id")).toString() == id)
                    return call.toObject().value(QLatin1String("end_reason")).toString();
            }
            return QString();
        };
        QTRY_COMPARE(reasonOf(calls().last().toObject().value(QLatin1String("call_id")).toString()), QStringLiteral("hangup"));
    }

    void theSessionsEndEndsAQueuedCall()
    {
        QVERIFY(startKiosk());
        const auto desk = openDesk();
        QVERIFY(desk);
        goHome();
        askAndAgree();
        QTRY_VERIFY(shown(QStringLiteral("videoHelpQueue")));
        QVERIFY(m_shell->session()->idleHeld());
        QTRY_COMPARE(m_help->queuePosition(), 1);
        m_shell->endSession();
        QTRY_COMPARE(m_help->state(), VideoCall::State::Idle);
        QTRY_VERIFY(!shown(QStringLiteral("videoHelpPanel")));
        QVERIFY(!m_shell->session()->idleHeld());
        QTRY_COMPARE(calls().last().toObject().value(QLatin1String("end_reason")).toString(), QStringLiteral("session_ended"));
    }

    void saysNoAgentIsOnDuty()
    {
        QVERIFY(startKiosk());
        goHome();
        askAndAgree();
        expectFailure(VideoCall::Failure::NoAgents, QStringLiteral("no-agents"), QStringLiteral("没有工作人员在线"),
                      QStringLiteral("No agent is on duty"));
    }

    void saysWhenTheClosedDeskOpens()
    {
        const QDateTime hallNow = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(8 * 3600));
        const QTime opens = QTime(hallNow.time().hour(), 30).addSecs(3 * 3600);
        QVERIFY(startKiosk({QStringLiteral("--desk-hours"),
                            opens.toString(QStringLiteral("HH:mm")) + QLatin1Char('-') + opens.addSecs(1800).toString(QStringLiteral("HH:mm"))}));
        const auto desk = openDesk();
        QVERIFY(desk);
        goHome();
        askAndAgree();
        QTRY_COMPARE_WITH_TIMEOUT(m_help->state(), VideoCall::State::Failed, 20000);
        // The hall's clock (this process's local time) names the hour the desk opens.
        const QString at = m_help->call()->opensAt().toLocalTime().toString(QStringLiteral("HH:mm"));
        QCOMPARE(m_help->call()->opensAt().toTimeZone(QTimeZone(8 * 3600)).time(), opens);
        QVERIFY2(m_help->opensAt().endsWith(at), qPrintable(m_help->opensAt()));
        expectFailure(VideoCall::Failure::DeskClosed, QStringLiteral("desk-closed"), m_help->opensAt() + QStringLiteral(" 开始服务"),
                      QStringLiteral("it opens at ") + m_help->opensAt());
    }

    void saysNobodyAnsweredWithinTheQueuesTime()
    {
        QVERIFY(startKiosk({QStringLiteral("--assist-queue-s"), QStringLiteral("2")}));
        const auto desk = openDesk();
        QVERIFY(desk);
        goHome();
        askAndAgree();
        QTRY_VERIFY(shown(QStringLiteral("videoHelpQueue")));
        expectFailure(VideoCall::Failure::NoAnswer, QStringLiteral("no-answer"), QStringLiteral("暂时没有工作人员接听"),
                      QStringLiteral("No agent could answer in time"));
    }

    void saysTheNetworkDroppedWhenThePlatformGoes()
    {
        QVERIFY(startKiosk());
        const auto desk = openDesk();
        QVERIFY(desk);
        goHome();
        askAndAgree();
        QTRY_VERIFY(shown(QStringLiteral("videoHelpQueue")));
        QTRY_VERIFY(m_help->queuePosition() == 1);
        m_enrolled->platform()->kill();
        expectFailure(VideoCall::Failure::Network, QStringLiteral("network"), QStringLiteral("网络中断"),
                      QStringLiteral("The network dropped"));
    }
    // A landscape panel (1920 x 1080, and 1366 x 768 scaled to the same canvas): the consent, the
    // queue and a failure each put their texts at the left and their buttons at the right, in
    // Chinese and English, and no text is cut.
    void everyViewUsesALandscapeWindow_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1366x768") << QSize(1366, 768);
    }
    void everyViewUsesALandscapeWindow()
    {
        QFETCH(QSize, size);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        QVERIFY(startKiosk());
        m_window->resize(size);
        QTRY_COMPARE(m_window->size(), size);
        waitForCanvasOf(size);
        auto desk = openDesk();
        QVERIFY(desk);
        goHome();
        for (const QString &language : {QStringLiteral("zh"), QStringLiteral("en")}) {
            const QString row = tag + QLatin1Char('-') + language;
            QVERIFY(m_shell->setLanguage(language));
            QVERIFY(tapSettled(QStringLiteral("videoHelpButton")));
            QTRY_VERIFY(shown(QStringLiteral("videoHelpConsent")));
            verifyFits(QStringLiteral("videoHelpAgree"), row);
            verifyFits(QStringLiteral("videoHelpDecline"), row);
            verifyBeside(QStringLiteral("videoHelpConsentTexts"), QStringLiteral("videoHelpAgree"), row);
            UiProbe::screenshot(m_window, QStringLiteral("videohelp-consent-") + row);
            QVERIFY(tapSettled(QStringLiteral("videoHelpAgree")));
            QTRY_VERIFY(shown(QStringLiteral("videoHelpQueue")));
            QTRY_COMPARE(m_help->queuePosition(), 1);
            verifyFits(QStringLiteral("videoHelpQueuePosition"), row);
            verifyFits(QStringLiteral("videoHelpLeaveQueue"), row);
            verifyBeside(QStringLiteral("videoHelpQueueText"), QStringLiteral("videoHelpLeaveQueue"), row);
            UiProbe::screenshot(m_window, QStringLiteral("videohelp-queue-") + row);
            QVERIFY(tapSettled(QStringLiteral("videoHelpLeaveQueue")));
            QTRY_VERIFY(shown(QStringLiteral("videoHelpClose")));
            QVERIFY(tapSettled(QStringLiteral("videoHelpClose")));
            QTRY_VERIFY(!shown(QStringLiteral("videoHelpPanel")));
        }
        // No agent on duty: the longest of the failures' texts.
        desk.reset();
        QTRY_VERIFY_WITH_TIMEOUT(m_enrolled->platform()->inspect(QStringLiteral("assist")).value(QLatin1String("agents_on_duty")).toInt(-1) <= 0, 10000);
        for (const QString &language : {QStringLiteral("zh"), QStringLiteral("en")}) {
            const QString row = tag + QLatin1Char('-') + language;
            QVERIFY(m_shell->setLanguage(language));
            askAndAgree();
            QTRY_COMPARE_WITH_TIMEOUT(m_help->failure(), VideoCall::Failure::NoAgents, 20000);
            QTRY_VERIFY(shown(QStringLiteral("videoHelpClose")));
            verifyFits(QStringLiteral("videoHelpOutcome"), row);
            verifyFits(QStringLiteral("videoHelpClose"), row);
            verifyBeside(QStringLiteral("videoHelpOutcome"), QStringLiteral("videoHelpClose"), row);
            UiProbe::screenshot(m_window, QStringLiteral("videohelp-no-agents-") + row);
            QVERIFY(tapSettled(QStringLiteral("videoHelpClose")));
            QTRY_VERIFY(!shown(QStringLiteral("videoHelpPanel")));
        }
    }

    void anAgentInABrowserIsSeenOnTheCallBarInEveryMode()
    {
        QVERIFY(startKiosk());
        // The agent: the platform's desk page in headless chromium with fake camera and
        // microphone (tests/app/assist/deskagent.py), answering the first call; its own
        // screenshots of the desk go beside the kiosk's.
        BrowserAgent agent;
        BrowserAgent::Options options;
        options.expected = QStringLiteral("screen");
        options.screenshotDir = qEnvironmentVariable("KIOSK_SCREENSHOT_DIR", QDir::tempPath());
        options.shotPrefix = QStringLiteral("videohelp-desk");
        QVERIFY2(agent.start(m_enrolled->platform()->httpUrl(), options), qPrintable(agent.errorText()));
        goHome();
        askAndAgree();
        QTRY_COMPARE_WITH_TIMEOUT(m_help->state(), VideoCall::State::InCall, 40000);
        QVERIFY(m_shell->session()->idleHeld());
        // The agent's picture is on the bar, frames flowing, before the screens are taken.
        FrameProvider *agentVideo = VideoHelp::agentVideo();
        QVERIFY(agentVideo);
        QTRY_VERIFY_WITH_TIMEOUT(agentVideo->framesPublished() > 15, 20000);
        QTRY_VERIFY(shown(QStringLiteral("videoCallBar")));
        QVERIFY(shown(QStringLiteral("videoCallHangUp")));
        QVERIFY(shown(QStringLiteral("videoCallAgentVideo")));
        QCOMPARE(shown(QStringLiteral("videoCallNoMicrophone")), !m_help->sendsMicrophone());
        // The desk's own name for the agent, not prefixed again ("工作人员 坐席 01").
        QTRY_VERIFY2(textOf(QStringLiteral("videoCallStatus")).startsWith(QStringLiteral("坐席 ")) && textOf(QStringLiteral("videoCallStatus")).endsWith(QStringLiteral(" 正在为您服务")),
                     qPrintable(textOf(QStringLiteral("videoCallStatus"))));
        UiProbe::screenshot(m_window, QStringLiteral("videohelp-in-call-zh"));
        m_shell->toggleLanguage();
        QTRY_VERIFY2(textOf(QStringLiteral("videoCallStatus")).startsWith(QStringLiteral("Agent ")) && textOf(QStringLiteral("videoCallStatus")).endsWith(QStringLiteral(" is helping you"))
                         && !textOf(QStringLiteral("videoCallStatus")).contains(QStringLiteral("Agent Agent")),
                     qPrintable(textOf(QStringLiteral("videoCallStatus"))));
        UiProbe::screenshot(m_window, QStringLiteral("videohelp-in-call-en"));
        m_shell->toggleElderMode();
        QTRY_VERIFY(m_shell->elderMode());
        QTRY_VERIFY(shown(QStringLiteral("videoCallHangUp")));
        UiProbe::screenshot(m_window, QStringLiteral("videohelp-in-call-elder-en"));
        m_shell->toggleLanguage();
        QTRY_VERIFY(textOf(QStringLiteral("videoCallStatus")).contains(QStringLiteral("正在为您服务")));
        UiProbe::screenshot(m_window, QStringLiteral("videohelp-in-call-elder-zh"));
        // On landscape panels the hang-up stands beside the agent's picture and the texts.
        m_shell->toggleElderMode();
        QTRY_VERIFY(!m_shell->elderMode());
        for (const QSize &size : {QSize(1920, 1080), QSize(1366, 768)}) {
            m_window->resize(size);
            QTRY_COMPARE(m_window->size(), size);
            waitForCanvasOf(size);
            for (const QString &language : {QStringLiteral("zh"), QStringLiteral("en")}) {
                const QString row = QStringLiteral("%1x%2-%3").arg(size.width()).arg(size.height()).arg(language);
                QVERIFY(m_shell->setLanguage(language));
                QTRY_VERIFY(shown(QStringLiteral("videoCallHangUp")));
                verifyFits(QStringLiteral("videoCallHangUp"), row);
                verifyFits(QStringLiteral("videoCallAgentVideo"), row);
                verifyBeside(QStringLiteral("videoCallStatus"), QStringLiteral("videoCallHangUp"), row);
                UiProbe::screenshot(m_window, QStringLiteral("videohelp-in-call-") + row);
            }
        }
        m_shell->toggleElderMode();
        QTRY_VERIFY(m_shell->elderMode());
        verifyFits(QStringLiteral("videoCallHangUp"), QStringLiteral("1366x768-elder"));
        UiProbe::screenshot(m_window, QStringLiteral("videohelp-in-call-elder-1366x768-en"));
        // The agent sees the kiosk's own screen, and the resident's hang-up reaches them.
        QTRY_VERIFY_WITH_TIMEOUT(agent.reached(QStringLiteral("screen")), 40000);
        QVERIFY(tapSettled(QStringLiteral("videoCallHangUp")));
        QTRY_COMPARE(m_help->state(), VideoCall::State::Ended);
        QVERIFY(!m_shell->session()->idleHeld());
        QTRY_VERIFY_WITH_TIMEOUT(agent.reached(QStringLiteral("bye")), 30000);
        QCOMPARE(agent.byeReason(), QStringLiteral("hangup"));
        QVERIFY(agent.waitForFinished(20000));
    }
};

QTEST_MAIN(TestVideoHelp)
#include "test_videohelp.moc"
