#include "enrolledkiosk.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "platformheartbeat.h"
#include "refplatformprocess.h"
#include "remotecare.h"
#include "runningkiosk.h"
#include "sessionmachine.h"
#include "terminalsupervision.h"
#include "uiprobe.h"

#include <QDeadlineTimer>
#include <QImage>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <chrono>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// The platform's remote care of a running kiosk (heartbeat commands of contract 1.1), through the
// real QML and the reference platform over HTTP: a hall notice on the attract screen, a screenshot
// of the attract screen and never of a resident's, a restart once the resident has finished, an
// update refused plainly on a machine not booted from the A/B image (test_systemupdate has the
// rest), each acknowledged in a later heartbeat.
class TestRemoteCare : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    QJsonArray table(const QString &name) const { return m_enrolled->platform()->inspect(name).value(name).toArray(); }

    // Queues a command for this terminal and has the kiosk beat at once to fetch it.
    QString send(const QString &name, const QJsonObject &arguments = {})
    {
        const QString id = m_enrolled->platform()
                               ->post(QStringLiteral("commands"), {{QStringLiteral("name"), name}, {QStringLiteral("arguments"), arguments}})
                               .value(QLatin1String("id"))
                               .toString();
        m_runtime->heartbeat()->beatNow();
        return id;
    }

    // The platform's record of the kiosk's acknowledgement of `id`, beating until it arrives.
    QJsonObject ackOf(const QString &id, int timeoutMs = 30000)
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired()) {
            for (const QJsonValue &ack : table(QStringLiteral("acks"))) {
                if (ack.toObject().value(QLatin1String("id")).toString() == id)
                    return ack.toObject();
            }
            m_runtime->heartbeat()->beatNow();
            QTest::qWait(200);
        }
        return {};
    }

    QString noticeText() const
    {
        const QQuickItem *text = UiProbe::find(m_window, QStringLiteral("hallNoticeText"));
        return text ? text->property("text").toString() : QString();
    }

    bool noticeShown() const
    {
        const QQuickItem *notice = UiProbe::find(m_window, QStringLiteral("hallNotice"));
        return notice && notice->isVisible();
    }

    static QString inAnHour() { return QDateTime::currentDateTimeUtc().addSecs(3600).toOffsetFromUtc(8 * 3600).toString(Qt::ISODate); }

private slots:
    void init()
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        QMap<QString, QString> settings;
        for (const char *device : {"id_card_reader", "barcode_scanner", "face_camera", "document_camera", "receipt_printer", "document_printer"})
            settings.insert(QStringLiteral("devices/") + QLatin1String(device), QStringLiteral("none"));
        QVERIFY2(m_enrolled->start(QStringLiteral("remote-care-1"), {}, settings), qPrintable(m_enrolled->errorText()));
        m_runtime = m_enrolled->kiosk()->runtime();
        m_shell = m_enrolled->kiosk()->shell();
        m_window = m_enrolled->kiosk()->window();
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->heartbeat(), 20000);
        // A beat every half second instead of every minute, so a command queued between two
        // beats arrives soon whatever beat was in flight.
        m_runtime->heartbeat()->setInterval(std::chrono::milliseconds(500));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
    }

    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }

    void aNoticeShowsOnTheAttractScreenInTheResidentsLanguage()
    {
        QVERIFY(!noticeShown());
        const QString id = send(QStringLiteral("notice"),
                                {{QStringLiteral("text"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("今晚22:00至23:00系统维护，暂停办理社保业务")},
                                                                      {QStringLiteral("en"), QStringLiteral("Social insurance services pause for maintenance 22:00-23:00 tonight")}}},
                                 {QStringLiteral("until"), inAnHour()}});
        QTRY_VERIFY_WITH_TIMEOUT(noticeShown(), 20000);
        QCOMPARE(noticeText(), QStringLiteral("今晚22:00至23:00系统维护，暂停办理社保业务"));
        UiProbe::screenshot(m_window, QStringLiteral("attract-notice-zh"));
        m_shell->toggleLanguage();
        QTRY_COMPARE(noticeText(), QStringLiteral("Social insurance services pause for maintenance 22:00-23:00 tonight"));
        UiProbe::screenshot(m_window, QStringLiteral("attract-notice-en"));
        const QJsonObject ack = ackOf(id);
        QCOMPARE(ack.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(ack.value(QLatin1String("detail")).toString(), QStringLiteral("shown"));

        // An empty text clears it.
        const QString cleared = send(QStringLiteral("notice"), {{QStringLiteral("text"), QJsonObject{{QStringLiteral("zh"), QString()}, {QStringLiteral("en"), QString()}}}});
        QTRY_VERIFY_WITH_TIMEOUT(!noticeShown(), 20000);
        QCOMPARE(ackOf(cleared).value(QLatin1String("detail")).toString(), QStringLiteral("cleared"));
    }

    void aNoticeThatIsMarkupIsShownAsItsCharacters()
    {
        const QString markup = QStringLiteral("<img src=\"http://example.invalid/x.png\"><b>停电</b>");
        const QString id = send(QStringLiteral("notice"), {{QStringLiteral("text"), QJsonObject{{QStringLiteral("zh"), markup}, {QStringLiteral("en"), markup}}}});
        QTRY_VERIFY_WITH_TIMEOUT(noticeShown(), 20000);
        QCOMPARE(noticeText(), markup);
        QVERIFY(UiProbe::textsNotPlain(m_window->contentItem()).isEmpty());
        QCOMPARE(ackOf(id).value(QLatin1String("ok")).toBool(), true);
    }

    void aNoticeWithABadTimeOrNoTextIsRefusedAndShowsNothing_data()
    {
        QTest::addColumn<QJsonObject>("arguments");
        QTest::addColumn<QString>("reason");
        const QJsonObject text{{QStringLiteral("zh"), QStringLiteral("大厅今日提前关闭")}, {QStringLiteral("en"), QStringLiteral("The hall closes early today")}};
        QTest::newRow("until not a time") << QJsonObject{{QStringLiteral("text"), text}, {QStringLiteral("until"), QStringLiteral("tonight")}}
                                          << QStringLiteral("until is not an RFC 3339 time");
        QTest::newRow("until past") << QJsonObject{{QStringLiteral("text"), text}, {QStringLiteral("until"), QStringLiteral("2020-01-01T00:00:00+08:00")}}
                                    << QStringLiteral("has already passed");
        QTest::newRow("text a string") << QJsonObject{{QStringLiteral("text"), QStringLiteral("大厅今日提前关闭")}} << QStringLiteral("text must be");
        QTest::newRow("too long") << QJsonObject{{QStringLiteral("text"), QJsonObject{{QStringLiteral("zh"), QString(200, QChar(0x6587))}}}}
                                  << QStringLiteral("longer than");
    }

    void aNoticeWithABadTimeOrNoTextIsRefusedAndShowsNothing()
    {
        QFETCH(QJsonObject, arguments);
        QFETCH(QString, reason);
        const QJsonObject ack = ackOf(send(QStringLiteral("notice"), arguments));
        QCOMPARE(ack.value(QLatin1String("ok")).toBool(true), false);
        QVERIFY2(ack.value(QLatin1String("detail")).toString().contains(reason), qPrintable(ack.value(QLatin1String("detail")).toString()));
        QVERIFY(!noticeShown());
    }

    void aScreenshotOfTheAttractScreenIsUploaded()
    {
        const QString id = send(QStringLiteral("screenshot"));
        const QJsonObject ack = ackOf(id);
        QVERIFY2(ack.value(QLatin1String("ok")).toBool(), qPrintable(ack.value(QLatin1String("detail")).toString()));
        const QJsonArray shots = table(QStringLiteral("screenshots"));
        QCOMPARE(shots.size(), 1);
        const QJsonObject shot = shots.first().toObject();
        QCOMPARE(shot.value(QLatin1String("command_id")).toString(), id);
        QVERIFY(ack.value(QLatin1String("detail")).toString().contains(shot.value(QLatin1String("screenshot_id")).toString()));

        // The platform shows it: a PNG of the whole window.
        QNetworkAccessManager network;
        QUrl url = m_enrolled->platform()->httpUrl();
        url.setPath(QStringLiteral("/_inspect/screenshots/") + shot.value(QLatin1String("screenshot_id")).toString());
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        const QImage image = QImage::fromData(reply->readAll(), "PNG");
        reply->deleteLater();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());
    }

    void noScreenshotIsTakenWhileAResidentIsPresent()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        const QJsonObject ack = ackOf(send(QStringLiteral("screenshot")));
        QCOMPARE(ack.value(QLatin1String("ok")).toBool(true), false);
        QVERIFY(ack.value(QLatin1String("detail")).toString().contains(QLatin1String("resident")));
        QVERIFY(table(QStringLiteral("screenshots")).isEmpty());
    }

    void aRestartWaitsForTheResidentAndIsAcknowledgedBeforeTheKioskGoes()
    {
        TerminalSupervision *supervision = m_runtime->supervision();
        QSignalSpy restart(supervision, &TerminalSupervision::restartRequested);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        const QString id = send(QStringLiteral("restart"));
        // The command arrived, and waits: the resident is not cut off.
        QTRY_VERIFY_WITH_TIMEOUT(supervision->remoteCare()->restartWaiting(), 20000);
        QCOMPARE(restart.size(), 0);
        QVERIFY(table(QStringLiteral("acks")).isEmpty());

        QVERIFY(m_runtime->session()->end(SessionEnd::Cancelled));
        QTRY_COMPARE_WITH_TIMEOUT(restart.size(), 1, 20000);
        // By the time the kiosk would exit, the platform holds its acknowledgement.
        const QJsonArray acks = table(QStringLiteral("acks"));
        QCOMPARE(acks.size(), 1);
        QCOMPARE(acks.first().toObject().value(QLatin1String("id")).toString(), id);
        QCOMPARE(acks.first().toObject().value(QLatin1String("detail")).toString(), QStringLiteral("restarting"));
    }

    void anUpdateIsRefusedPlainlyOutsideAnABImage()
    {
        const QJsonObject ack = ackOf(send(QStringLiteral("update"), {{QStringLiteral("bundle_url"), QStringLiteral("https://updates.example.gov.cn/kiosk-1.5.0.raucb")},
                                                                       {QStringLiteral("sha256"), QString(64, QLatin1Char('a'))},
                                                                       {QStringLiteral("version"), QStringLiteral("1.5.0")}}));
        QCOMPARE(ack.value(QLatin1String("ok")).toBool(true), false);
        QVERIFY(ack.value(QLatin1String("detail")).toString().startsWith(QLatin1String("unsupported")));
    }

    void theLockCommandsOfContract10AreAcknowledgedToo()
    {
        const QJsonObject ack = ackOf(send(QStringLiteral("lock")));
        QCOMPARE(ack.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(ack.value(QLatin1String("detail")).toString(), QStringLiteral("locked"));
        QVERIFY(m_runtime->supervision()->isLocked());
    }
};

QTEST_MAIN(TestRemoteCare)
#include "test_remotecare.moc"
