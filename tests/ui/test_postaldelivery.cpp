#include "applicationdesk.h"
#include "applicationjourney.h"
#include "common/personaldata.h"
#include "device/deviceregistry.h"
#include "enrolledkiosk.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "postaldelivery.h"
#include "postaldesk.h"
#include "printer/sim/printersimulator.h"
#include "refplatformprocess.h"
#include "residentsteps.h"
#include "runningkiosk.h"
#include "uiprobe.h"

#include <QCryptographicHash>
#include <cmath>
#include <QJsonArray>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// 免费邮寄 through the real QML, the card reader and document camera simulators, the outbox and the
// reference platform over HTTPS, with the receipt on the IPP receipt printer: the choice step, the
// address filled from the card and edited on the kiosk's keys, the case carrying its delivery,
// the receipt saying how the document comes, and the tracking number in the progress query once
// the platform ships it. An item without post offers no choice; a wrong phone or a district of
// another city is refused with the reason.
class TestPostalDelivery : public QObject
{
    Q_OBJECT

private:
    const QString m_postItem = QStringLiteral("340100-000-ZZ-0007-01"); // household register page; post offered
    const QString m_plainItem = QStringLiteral("340100-000-ZZ-0010-01"); // no materials, no post
    const QString m_phone = QStringLiteral("13955123456");
    std::unique_ptr<ResidentSteps> m_steps;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    PostalDesk *desk() const { return m_shell->findChild<PostalDesk *>(); }
    QStringList shownOn(const QString &screen) const { return UiProbe::visibleTexts(UiProbe::find(m_window, screen)); }
    PrinterSimulator *receiptPrinter() const { return m_runtime->devices()->printerSimulator(QStringLiteral("receipt_printer")); }

    // pdftotext's text is compared in compatibility form: full-width punctuation as ASCII.
    static QString kc(const QString &text) { return text.normalized(QString::NormalizationForm_KC); }

    void waitForFrame()
    {
        QSignalSpy frames(m_window, &QQuickWindow::frameSwapped);
        m_window->update();
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
    }

    void screenshot(const QString &name)
    {
        waitForFrame();
        UiProbe::screenshot(m_window, name);
    }

    QString lastReceiptText() const
    {
        const QStringList printed = receiptPrinter()->printedFiles();
        if (printed.isEmpty())
            return {};
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {printed.last(), QStringLiteral("-")});
        pdftotext.waitForFinished(30000);
        return QString::fromUtf8(pdftotext.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    }

    // Card, form (the phone typed), and for an item with materials the household register page
    // photographed: the review is next.
    void identifyFillAndCapture(const QString &item)
    {
        m_steps->startItemWithCard(item);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), m_phone));
        QTRY_VERIFY(m_kiosk->form()->complete());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));
        if (item != m_postItem)
            return;
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("materialsScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->form()->materialsComplete(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("materialsDoneButton")));
    }

    // The same screen in English and in elder mode, then back to Chinese in the normal size.
    void screenshotsInEveryLanguage(const QString &name, const QString &screen)
    {
        screenshot(name + QStringLiteral("-zh"));
        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        QTRY_VERIFY(UiProbe::find(m_window, screen));
        screenshot(name + QStringLiteral("-en"));
        QVERIFY(m_shell->setLanguage(QStringLiteral("zh")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("elderButton")));
        QTRY_VERIFY(m_shell->elderMode());
        QTRY_VERIFY(UiProbe::find(m_window, screen));
        screenshot(name + QStringLiteral("-elder"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("elderButton")));
        QTRY_VERIFY(!m_shell->elderMode());
    }

private slots:
    void init()
    {
        m_steps = std::make_unique<ResidentSteps>();
        m_steps->start(QStringLiteral("post-1"));
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

    void aCaseIsSentByPostAndItsTrackingShowsInProgress()
    {
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        identifyFillAndCapture(m_postItem);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("postChoiceScreen")), 30000);
        QCOMPARE(m_shell->screen(), KioskShell::Screen::PostChoice);
        // Nothing is filed before the resident says how the document comes.
        QVERIFY(!m_runtime->journey()->submitApplication());
        screenshotsInEveryLanguage(QStringLiteral("post-choice"), QStringLiteral("postChoiceScreen"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postChoice_post")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("postAddressScreen")));
        // Filled from the card, its address split at the divisions, and from the form's phone.
        QCOMPARE(desk()->recipient(), card.name);
        QCOMPARE(desk()->province(), QStringLiteral("安徽省"));
        QCOMPARE(desk()->city(), QStringLiteral("合肥市"));
        QCOMPARE(desk()->district(), QStringLiteral("蜀山区"));
        QCOMPARE(desk()->detail(), QStringLiteral("长江西路189号2幢301室"));
        QCOMPARE(desk()->phone(), m_phone);
        QTRY_VERIFY(shownOn(QStringLiteral("postAddressScreen")).contains(QStringLiteral("长江西路189号2幢301室")));
        screenshotsInEveryLanguage(QStringLiteral("post-address"), QStringLiteral("postAddressScreen"));

        // The district is picked from the city's own list: 庐阳区 instead of 蜀山区.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postField_district")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("postPicker")));
        screenshot(QStringLiteral("post-address-picker-zh"));
        QVERIFY(UiProbe::scrollIntoView(m_window, QStringLiteral("postPick_庐阳区")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postPick_庐阳区")));
        QTRY_COMPARE(desk()->district(), QStringLiteral("庐阳区"));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("postPicker")));

        // The street is edited on the kiosk's pinyin keyboard: 政务 added to what the card said.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postField_detail")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        waitForFrame();
        for (const QChar key : QStringLiteral("zhengwu"))
            QVERIFY2(UiProbe::tap(m_window, QStringLiteral("kbd_") + key), qPrintable(QString(key)));
        // The candidates settle as the letters come; the word is tapped once it shows, after a frame.
        const auto candidateShowing = [this](const QString &word) {
            for (int i = 0; i < 8; ++i) {
                const QQuickItem *key = UiProbe::find(m_window, QStringLiteral("candidate_%1").arg(i));
                if (key && key->property("label").toString() == word)
                    return key->objectName();
            }
            return QString();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!candidateShowing(QStringLiteral("政务")).isEmpty(), 20000);
        waitForFrame();
        QVERIFY(UiProbe::tap(m_window, candidateShowing(QStringLiteral("政务"))));
        waitForFrame();
        screenshot(QStringLiteral("post-address-typing-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_done")));
        const QString detail = QStringLiteral("长江西路189号2幢301室政务");
        QTRY_COMPARE(desk()->detail(), detail);

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postAddressConfirm")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        // The review shows where it goes, the street, recipient and phone masked.
        const QString reviewed = shownOn(QStringLiteral("reviewScreen")).join(QLatin1Char('|'));
        QVERIFY2(reviewed.contains(QStringLiteral("免费邮寄至 安徽省合肥市庐阳区…")), qPrintable(reviewed));
        QVERIFY2(reviewed.contains(PersonalData::maskPhone(m_phone)), qPrintable(reviewed));
        QVERIFY(!reviewed.contains(detail));
        // The form's own phone field shows what the resident typed; the delivery's line masks it.
        const QString deliveryLine = UiProbe::find(m_window, QStringLiteral("reviewDeliveryText"))->property("text").toString();
        QVERIFY2(!deliveryLine.contains(m_phone), qPrintable(deliveryLine));
        screenshot(QStringLiteral("post-review-zh"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 30000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);
        const QString caseNo = m_shell->caseNumber();
        QVERIFY(!caseNo.isEmpty());

        // The platform has the delivery: the address as the resident left it (the street kept
        // only as its hash there), the recipient and phone masked.
        const QJsonArray shipments = m_steps->table(QStringLiteral("shipments"));
        QCOMPARE(shipments.size(), 1);
        const QJsonObject shipment = shipments.first().toObject();
        QCOMPARE(shipment.value(QLatin1String("case_no")).toString(), caseNo);
        QCOMPARE(shipment.value(QLatin1String("method")).toString(), QStringLiteral("post"));
        QCOMPARE(shipment.value(QLatin1String("province")).toString(), QStringLiteral("安徽省"));
        QCOMPARE(shipment.value(QLatin1String("city")).toString(), QStringLiteral("合肥市"));
        QCOMPARE(shipment.value(QLatin1String("district")).toString(), QStringLiteral("庐阳区"));
        QCOMPARE(shipment.value(QLatin1String("detail_sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(detail.toUtf8(), QCryptographicHash::Sha256).toHex()));
        QCOMPARE(shipment.value(QLatin1String("phone")).toString(), PersonalData::maskPhone(m_phone));
        QCOMPARE(shipment.value(QLatin1String("recipient")).toString(), PersonalData::maskName(card.name));

        // The receipt says the document comes by post, to the district, and masks the rest.
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        const QString receipt = lastReceiptText();
        const QString flat = QString(receipt).remove(QLatin1Char('\n')).remove(QLatin1Char(' '));
        QVERIFY2(flat.contains(kc(QStringLiteral("免费邮寄（EMS）至安徽省合肥市庐阳区…"))), qPrintable(receipt));
        QVERIFY2(flat.contains(PersonalData::maskPhone(m_phone)), qPrintable(receipt));
        QVERIFY2(!flat.contains(m_phone), qPrintable(receipt));
        QVERIFY2(!flat.contains(QStringLiteral("长江西路")), qPrintable(receipt));

        m_shell->endSession();
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->session()->state(), SessionState::Attract, 30000);
        QCOMPARE(m_runtime->postal()->value(PostalDelivery::Field::Detail), QString());
        m_steps->verifyNothingOfTheResidentIsStored({m_phone, detail, QStringLiteral("长江西路189号")});

        // Not shipped yet: the progress has no tracking number. Then the platform ships it.
        const QJsonObject shipped = m_steps->enrolled()->platform()->post(QStringLiteral("shipments"), {{QStringLiteral("case_no"), caseNo}});
        const QString tracking = shipped.value(QLatin1String("tracking_no")).toString();
        QVERIFY2(tracking.startsWith(QLatin1String("EA")) && tracking.endsWith(QLatin1String("CN")), qPrintable(tracking));

        // The resident took the card when leaving, and comes back with it later.
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->farewell(), KioskShell::Farewell::None, 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("progressErrand")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
        QTest::qWait(2000); // the reader's polling sees the field empty before the card comes back
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        // The holder's data is shown for the resident to confirm before their cases are asked for.
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(shownOn(QStringLiteral("progressScreen")).contains(QStringLiteral("已邮寄：EMS 运单号 %1").arg(tracking)), 30000);
        screenshot(QStringLiteral("post-progress-zh"));
        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        QTRY_VERIFY(shownOn(QStringLiteral("progressScreen")).contains(QStringLiteral("Posted: EMS tracking number %1").arg(tracking)));
        screenshot(QStringLiteral("post-progress-en"));
        m_shell->endSession();
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->session()->state(), SessionState::Attract, 30000);
        m_steps->verifyNothingOfTheResidentIsStored({m_phone, detail, QStringLiteral("长江西路189号")});
    }

    void aResidentWhoCollectsAtTheCounterIsSentNothing()
    {
        identifyFillAndCapture(m_postItem);
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("postChoice_pickup")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QVERIFY(shownOn(QStringLiteral("reviewScreen")).contains(QStringLiteral("窗口领取")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 30000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);
        const QJsonArray shipments = m_steps->table(QStringLiteral("shipments"));
        QCOMPARE(shipments.size(), 1);
        QCOMPARE(shipments.first().toObject().value(QLatin1String("method")).toString(), QStringLiteral("pickup"));
        // The platform will not ship what the resident collects.
        const QJsonObject refused = m_steps->enrolled()->platform()->post(QStringLiteral("shipments"), {{QStringLiteral("case_no"), m_shell->caseNumber()}});
        QCOMPARE(refused.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), QStringLiteral("not_by_post"));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        QVERIFY2(lastReceiptText().remove(QLatin1Char('\n')).remove(QLatin1Char(' ')).contains(kc(QStringLiteral("领取方式：窗口领取"))),
                 qPrintable(lastReceiptText()));
    }

    void anItemWithoutPostOffersNoChoice()
    {
        identifyFillAndCapture(m_plainItem);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QCOMPARE(m_shell->screen(), KioskShell::Screen::Review);
        QVERIFY(!desk()->offered());
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("reviewDelivery")));
        QVERIFY(!desk()->choosePost());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 30000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);
        QCOMPARE(m_steps->table(QStringLiteral("shipments")).size(), 0);
    }

    void anInvalidPhoneOrADistrictOfAnotherCityIsRefusedWithTheReason()
    {
        identifyFillAndCapture(m_postItem);
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("postChoice_post")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("postAddressScreen")));

        // The phone retyped on the keys, five digits short.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postField_phone")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("onScreenKeyboard")));
        waitForFrame();
        for (int i = 0; i < m_phone.size(); ++i)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_back")));
        for (const QChar digit : QStringLiteral("139551"))
            QVERIFY2(UiProbe::tap(m_window, QStringLiteral("kbd_") + digit), qPrintable(QString(digit)));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_done")));
        QTRY_COMPARE(desk()->phone(), QStringLiteral("139551"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postAddressConfirm")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("postProblem_phone")));
        QCOMPARE(UiProbe::find(m_window, QStringLiteral("postProblem_phone"))->property("text").toString(),
                 QStringLiteral("请输入 11 位手机号码，或带区号的固定电话"));
        QCOMPARE(m_shell->screen(), KioskShell::Screen::PostAddress);
        screenshot(QStringLiteral("post-address-problem-zh"));

        // A district of another city (as a hall's staff might type it) is said at once.
        QVERIFY(desk()->setField(QStringLiteral("phone"), m_phone));
        QVERIFY(desk()->setField(QStringLiteral("district"), QStringLiteral("南山区")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("postProblem_district")));
        QCOMPARE(UiProbe::find(m_window, QStringLiteral("postProblem_district"))->property("text").toString(),
                 QStringLiteral("该区县不在所选城市内，请重新选择"));
        QVERIFY(!desk()->confirm());
        QCOMPARE(m_shell->screen(), KioskShell::Screen::PostAddress);
        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        QTRY_COMPARE(UiProbe::find(m_window, QStringLiteral("postProblem_district"))->property("text").toString(),
                     QStringLiteral("That district is not in the city chosen; please choose again"));
        QVERIFY(m_shell->setLanguage(QStringLiteral("zh")));

        // A wide landscape panel: the list of districts stands beside the fields.
        m_window->resize(1920, 1080);
        QTRY_COMPARE(m_window->size(), QSize(1920, 1080));
        // The stage is laid out for the new shape before anything is tapped on it.
        QTRY_VERIFY(std::abs(UiProbe::find(m_window, QStringLiteral("stage"))->scale() - 1.0) < 1e-6);
        waitForFrame();
        waitForFrame();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postField_district")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("postPick_蜀山区")));
        waitForFrame();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postPick_蜀山区")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("postProblem_district")));
        screenshot(QStringLiteral("post-address-1920x1080-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postAddressBack")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("postChoiceScreen")));
        screenshot(QStringLiteral("post-choice-1920x1080-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("elderButton")));
        QTRY_VERIFY(m_shell->elderMode());
        screenshot(QStringLiteral("post-choice-1920x1080-elder"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postChoice_post")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("postAddressScreen")));
        screenshot(QStringLiteral("post-address-1920x1080-elder"));
        // What was typed is kept when the resident goes back and forth, and the address is whole now.
        QCOMPARE(desk()->district(), QStringLiteral("蜀山区"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("postAddressConfirm")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
    }
};

QTEST_MAIN(TestPostalDelivery)
#include "test_postaldelivery.moc"
