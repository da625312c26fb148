#include "complaintdesk.h"
#include "complaintfiling.h"
#include "device/deviceregistry.h"
#include "documentdelivery.h"
#include "enrolledkiosk.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "outboxstore.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
#include "servicedesk.h"
#include "uiprobe.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// What follows a hall service that filed no case, or a case that went wrong, through the real
// QML, the simulated devices, the IPP printers and the reference platform over HTTPS: a printed
// e-licence rated with its service_ref (contract 1.1 "Ratings without a case"), and a case an
// officer refused (不予受理) whose progress offers 办不成事, the complaint naming that case.
class TestHallFollowUps : public QObject
{
    Q_OBJECT

private:
    const QString m_certificateItem = QStringLiteral("340100-000-ZZ-0003-01"); // print, no face
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    ServiceDesk *services() const { return m_shell->findChild<ServiceDesk *>(); }
    ComplaintDesk *complaints() const { return m_shell->findChild<ComplaintDesk *>(); }
    QString stateDir() const { return m_enrolled->directory()->filePath(QStringLiteral("state")); }
    QJsonArray table(const QString &name) const { return m_enrolled->platform()->inspect(name).value(name).toArray(); }
    bool tapWhenShown(const QString &name, int timeoutMs = 30000) { return UiProbe::tapWhenShown(m_window, name, timeoutMs); }

    QString shownText(const QString &objectName) const
    {
        QQuickItem *item = UiProbe::find(m_window, objectName);
        return item ? item->property("text").toString() : QString();
    }

    QString screenTexts(const QString &screen) const
    {
        QQuickItem *item = UiProbe::find(m_window, screen);
        return item ? UiProbe::visibleTexts(item).join(QLatin1Char('|')) : QString();
    }

    void waitForFrame()
    {
        QSignalSpy frames(m_window, &QQuickWindow::frameSwapped);
        m_window->update();
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
    }

    void presentCard()
    {
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        // A card left on the reader by the earlier errand is lifted first, as a resident would.
        if (m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")))
            QTest::qWait(2000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
    }

    // The resident's app code on the scanner: the app verified its holder, no face check follows.
    void presentAppCode()
    {
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/demo-resident")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
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

    void verifyNothingOfTheResidentIsStored()
    {
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        QDirIterator files(stateDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            // The printers' spools are the paper the resident took away.
            if (path.contains(QLatin1String("/sim/printer-")))
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(card.idNumber.toUtf8()), qPrintable(path));
            QVERIFY2(!bytes.contains(card.name.toUtf8()), qPrintable(path));
            QVERIFY2(!bytes.contains(card.address.toUtf8()), qPrintable(path));
            QVERIFY2(!bytes.contains(QStringLiteral("审批太慢").toUtf8()), qPrintable(path));
        }
    }

private slots:
    void init()
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        QVERIFY2(m_enrolled->start(QStringLiteral("followups-1"), {}, {{QStringLiteral("platform/timeout_s"), QStringLiteral("5")}}),
                 qPrintable(m_enrolled->errorText()));
        m_kiosk = m_enrolled->kiosk();
        m_runtime = m_kiosk->runtime();
        m_shell = m_kiosk->shell();
        m_window = m_kiosk->window();
        QVERIFY(services());
        QVERIFY(complaints());
    }

    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }

    void aPrintedLicenceIsRatedWithItsServiceRef()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("licencesErrand")));
        presentAppCode();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("licencesScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(services()->licences().size(), 2, 30000);
        const QString licenceId = services()->licences().first().toMap().value(QStringLiteral("id")).toString();
        QVERIFY2(licenceId.startsWith(QLatin1Char('L')), qPrintable(licenceId));
        // Nothing printed yet: nothing to rate.
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("rateLicenceButton")));
        QVERIFY(tapWhenShown(QStringLiteral("printLicence-") + licenceId));
        QTRY_COMPARE_WITH_TIMEOUT(services()->deliveryStage(), DocumentDelivery::Stage::Done, 60000);
        QVERIFY(services()->documentPrinted());
        UiProbe::screenshot(m_window, QStringLiteral("licence-printed-zh"));

        QVERIFY(tapWhenShown(QStringLiteral("rateLicenceButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("score_4")));
        QVERIFY(tapWhenShown(QStringLiteral("sendRating")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);

        // The platform got a rating about the licence, not about a case (none was filed).
        QTRY_COMPARE_WITH_TIMEOUT(table(QStringLiteral("evaluations")).size(), 1, 30000);
        const QJsonObject rating = table(QStringLiteral("evaluations")).first().toObject();
        QCOMPARE(rating.value(QLatin1String("service_ref")).toString(), QStringLiteral("licence:") + licenceId);
        QCOMPARE(rating.value(QLatin1String("case_no")).toString(), QString());
        QCOMPARE(rating.value(QLatin1String("score")).toInt(), 4);
        QCOMPARE(table(QStringLiteral("cases")).size(), 0);
        QCOMPARE(m_runtime->delivery()->serviceRef(), QString());
        verifyNothingOfTheResidentIsStored();
    }

    void aRefusedCaseOffersAComplaintThatNamesIt()
    {
        // A case filed here, then refused by the reviewing officer (不予受理).
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(m_certificateItem));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        presentCard();
        QTRY_COMPARE_WITH_TIMEOUT(services()->deliveryStage(), DocumentDelivery::Stage::Done, 60000);
        const QString caseNo = services()->deliveryCaseNumber();
        QVERIFY(!caseNo.isEmpty());
        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        const QJsonObject decided = m_enrolled->platform()->post(
            QStringLiteral("decisions"), {{QStringLiteral("case_no"), caseNo},
                                          {QStringLiteral("status"), QStringLiteral("rejected")},
                                          {QStringLiteral("note"), QJsonObject{{QStringLiteral("zh"), QStringLiteral("材料不符合要求")},
                                                                               {QStringLiteral("en"), QStringLiteral("The materials do not qualify")}}}});
        QCOMPARE(decided.value(QLatin1String("status")).toString(), QStringLiteral("rejected"));

        // Its progress says so, and offers 办不成事 on that case.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(screenTexts(QStringLiteral("progressScreen")).contains(caseNo), 30000);
        QVERIFY2(screenTexts(QStringLiteral("progressScreen")).contains(QStringLiteral("不予受理")),
                 qPrintable(screenTexts(QStringLiteral("progressScreen"))));
        UiProbe::screenshot(m_window, QStringLiteral("progress-refused-zh"));
        const QString complain = QStringLiteral("complainAboutCase-") + caseNo;
        QVERIFY(tapWhenShown(complain));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("complaintScreen")));
        QCOMPARE(complaints()->caseNo(), caseNo);
        QTRY_VERIFY2(shownText(QStringLiteral("complaintIntro")).contains(caseNo), qPrintable(shownText(QStringLiteral("complaintIntro"))));
        UiProbe::screenshot(m_window, QStringLiteral("complaint-about-case-zh"));

        // Back leads to the progress screen, not home; the complaint is offered again there.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("backButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("progressScreen")));
        QCOMPARE(complaints()->caseNo(), QString());
        QVERIFY(tapWhenShown(complain));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("complaintScreen")));

        // The category is already 办不成事; the resident types what happened and sends it.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("complaintTextField")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        waitForFrame();
        typeKeys(QStringLiteral("shenpi"));
        choose(QStringLiteral("审批"));
        typeKeys(QStringLiteral("taiman"));
        choose(QStringLiteral("太慢"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_done")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitComplaintButton")));
        QTRY_COMPARE_WITH_TIMEOUT(complaints()->stage(), ComplaintFiling::Stage::Delivered, 30000);

        const QJsonArray filed = table(QStringLiteral("complaints"));
        QCOMPARE(filed.size(), 1);
        const QJsonObject complaint = filed.first().toObject();
        QCOMPARE(complaint.value(QLatin1String("case_no")).toString(), caseNo);
        QCOMPARE(complaint.value(QLatin1String("item_code")).toString(), m_certificateItem);
        QCOMPARE(complaint.value(QLatin1String("category")).toString(), QStringLiteral("cannot_get_done"));
        QVERIFY2(complaint.value(QLatin1String("text")).toString().startsWith(QStringLiteral("审批太慢")),
                 qPrintable(complaint.value(QLatin1String("text")).toString()));
        QCOMPARE(complaint.value(QLatin1String("anonymous")).toInt(), 1);
        QVERIFY(tapWhenShown(QStringLiteral("complaintDoneButton")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QCOMPARE(m_runtime->complaints()->subjectCase(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->outbox()->stats().value().pending == 0, 30000);
        verifyNothingOfTheResidentIsStored();
    }
};

QTEST_MAIN(TestHallFollowUps)
#include "test_hallfollowups.moc"
