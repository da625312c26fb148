#include "device/deviceregistry.h"
#include "documentdelivery.h"
#include "enrolledkiosk.h"
#include "feepayment.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "paymentdesk.h"
#include "platformclient.h"
#include "refplatformprocess.h"
#include "residentsteps.h"
#include "runningkiosk.h"
#include "uiprobe.h"

#include <QJsonArray>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// 缴费 through the real QML, the reference platform's payments over HTTP, the simulated card reader
// and the IPP printers: the payment code is read off the kiosk's screen as a phone would and paid
// through its URL; the document and the fiscal receipt come out once paid and the receipt shows
// the amount; a code left to expire offers a new one; the idle wipe cancels an open payment at
// the platform; and with the platform away the fee item says why it cannot start.
class TestFeePayment : public QObject
{
    Q_OBJECT

private:
    const QString m_feeItem = QStringLiteral("340100-000-ZZ-0020-01"); // print, ¥20.00, no face
    std::unique_ptr<ResidentSteps> m_steps;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    PaymentDesk *payment() const { return m_shell->findChild<PaymentDesk *>(); }

    void start(const QStringList &platformArguments, QMap<QString, QString> settings = {})
    {
        settings.insert(QStringLiteral("platform/timeout_s"), QStringLiteral("5"));
        m_steps = std::make_unique<ResidentSteps>();
        m_steps->start(QStringLiteral("fees-1"), platformArguments, settings);
        QVERIFY(m_steps->started());
        m_kiosk = m_steps->kiosk();
        m_runtime = m_steps->runtime();
        m_shell = m_steps->shell();
        m_window = m_steps->window();
        QVERIFY(payment());
    }

    // The home screen, the fee item's guide with its amount, start, the resident's card.
    void openFeeItemAndPresentCard()
    {
        m_steps->openHome();
        m_steps->openItem(m_feeItem);
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("feeText")).contains(QStringLiteral("¥20.00")));
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("startButton")));
        m_steps->presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("paymentScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(payment()->state(), FeePayment::State::Pending, 30000);
    }

    QJsonObject onlyPayment() const
    {
        const QJsonArray payments = m_steps->table(QStringLiteral("payments"));
        return payments.size() == 1 ? payments.first().toObject() : QJsonObject();
    }

private slots:
    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_steps.reset();
    }

    void aFeeIsPaidByPhoneAndItsReceiptPrinted()
    {
        start({});
        openFeeItemAndPresentCard();
        QCOMPARE(m_steps->shownText(QStringLiteral("paymentAmount")), QStringLiteral("应缴金额 ¥20.00"));
        // The countdown runs from the platform's 15 minutes.
        QVERIFY2(QRegularExpression(QStringLiteral("1[45]:\\d\\d 后失效")).match(m_steps->shownText(QStringLiteral("paymentCountdown"))).hasMatch(),
                 qPrintable(m_steps->shownText(QStringLiteral("paymentCountdown"))));
        UiProbe::screenshot(m_window, QStringLiteral("payment-zh"));

        // The platform holds the case waiting for its payment, and the payment open.
        const QJsonArray cases = m_steps->table(QStringLiteral("cases"));
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("awaiting_payment"));
        const QString caseNo = cases.first().toObject().value(QLatin1String("case_no")).toString();
        QCOMPARE(onlyPayment().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
        QCOMPARE(onlyPayment().value(QLatin1String("amount_fen")).toInt(), 2000);
        // Nothing is printed before the money is in.
        QCOMPARE(m_steps->spooledNames(QStringLiteral("document_printer")), QStringList());

        // English and elder mode show the same payment, larger.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QTRY_COMPARE(m_steps->shownText(QStringLiteral("paymentAmount")), QStringLiteral("Amount due ¥20.00"));
        UiProbe::screenshot(m_window, QStringLiteral("payment-en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("elderButton")));
        QTRY_VERIFY(m_shell->elderMode());
        UiProbe::screenshot(m_window, QStringLiteral("payment-elder"));

        // A phone reads the code off the screen and pays through its URL.
        QString code;
        QTRY_VERIFY_WITH_TIMEOUT(!(code = m_steps->codeOnScreen()).isEmpty(), 10000);
        QVERIFY2(code.contains(QLatin1String("/pay/") + onlyPayment().value(QLatin1String("payment_id")).toString()), qPrintable(code));
        QCOMPARE(ResidentSteps::payThrough(code), 200);

        // The kiosk sees it paid and goes on: the certificate, then the fiscal receipt.
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("deliveryScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->delivery()->stage(), DocumentDelivery::Stage::Done, 60000);
        QCOMPARE(onlyPayment().value(QLatin1String("state")).toString(), QStringLiteral("paid"));
        QTRY_COMPARE_WITH_TIMEOUT(m_steps->spooledNames(QStringLiteral("document_printer")).size(), 2, 30000);
        QCOMPARE(m_steps->spooledNames(QStringLiteral("document_printer")),
                 (QStringList{QStringLiteral("kiosk-a4-certificate.pdf"), QStringLiteral("kiosk-a4-fiscal-receipt.pdf")}));
        const QString fiscal = m_steps->spooledTexts(QStringLiteral("document_printer")).filter(QStringLiteral("Fiscal receipt")).value(0);
        QVERIFY2(fiscal.contains(QStringLiteral("CNY 20.00")) && fiscal.contains(caseNo), qPrintable(fiscal));

        // The kiosk's own receipt says what was paid.
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        const QString receipt = m_steps->spooledTexts(QStringLiteral("receipt_printer")).value(0);
        QVERIFY2(receipt.contains(QStringLiteral("已缴费用")) && receipt.contains(QStringLiteral("20.00")), qPrintable(receipt));
        QVERIFY2(receipt.contains(caseNo), qPrintable(receipt));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QVERIFY(m_shell->rate(5, {}));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QCOMPARE(m_runtime->delivery()->payment()->state(), FeePayment::State::None);
        m_steps->verifyNothingOfTheResidentIsStored();
    }

    void aPaymentLeftToExpireOffersANewCodeAndChargesNothing()
    {
        start({QStringLiteral("--payment-s"), QStringLiteral("6")});
        openFeeItemAndPresentCard();
        const QString firstCode = payment()->code();
        QVERIFY(!firstCode.isEmpty());

        // Nobody pays: the code runs out, the platform says expired, the screen says so.
        QTRY_COMPARE_WITH_TIMEOUT(payment()->state(), FeePayment::State::Expired, 30000);
        QCOMPARE(onlyPayment().value(QLatin1String("state")).toString(), QStringLiteral("expired"));
        QTRY_COMPARE(m_steps->shownText(QStringLiteral("paymentTitle")), QStringLiteral("付款码已过期"));
        // A dead code is not shown for a phone to try.
        const QQuickItem *deadCode = UiProbe::find(m_window, QStringLiteral("paymentCode"));
        QVERIFY(!deadCode || !deadCode->isVisible());
        QVERIFY(m_steps->codeOnScreen().isEmpty());
        UiProbe::screenshot(m_window, QStringLiteral("payment-expired-zh"));
        // Paying a dead code is refused, as the phone would be told.
        QCOMPARE(ResidentSteps::payThrough(firstCode), 409);
        QCOMPARE(m_steps->spooledNames(QStringLiteral("document_printer")), QStringList());

        // A new code is a new payment at the platform.
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("newCodeButton")));
        QTRY_COMPARE_WITH_TIMEOUT(payment()->state(), FeePayment::State::Pending, 30000);
        QVERIFY(payment()->code() != firstCode);
        QCOMPARE(m_steps->table(QStringLiteral("payments")).size(), 2);

        // Leaving now cancels the new one at the platform.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("cancelPaymentButton")));
        QTRY_COMPARE_WITH_TIMEOUT(payment()->state(), FeePayment::State::Cancelled, 30000);
        QTRY_COMPARE(m_steps->shownText(QStringLiteral("paymentTitle")), QStringLiteral("缴费已取消"));
        QCOMPARE(m_steps->table(QStringLiteral("payments")).at(1).toObject().value(QLatin1String("state")).toString(), QStringLiteral("cancelled"));
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("leaveButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->session()->state(), SessionState::Attract, 30000);
        QCOMPARE(m_steps->spooledNames(QStringLiteral("document_printer")), QStringList());
        m_steps->verifyNothingOfTheResidentIsStored();
    }

    void aPaymentOpenWhenTheIdleWipeComesIsCancelledAtThePlatform()
    {
        start({}, {{QStringLiteral("session/timeout_result_s"), QStringLiteral("12")},
                   {QStringLiteral("session/warning_s"), QStringLiteral("5")}});
        openFeeItemAndPresentCard();
        const QString paymentId = onlyPayment().value(QLatin1String("payment_id")).toString();
        QVERIFY(!paymentId.isEmpty());

        // The resident walks away; the idle countdown ends the session.
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->session()->state(), SessionState::Attract, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(onlyPayment().value(QLatin1String("state")).toString(), QStringLiteral("cancelled"), 20000);
        QCOMPARE(onlyPayment().value(QLatin1String("payment_id")).toString(), paymentId);
        // The code on a phone can no longer pay, and the case shows it withdrawn.
        QCOMPARE(m_steps->table(QStringLiteral("cases")).first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(m_runtime->delivery()->payment()->state(), FeePayment::State::None);
        QCOMPARE(m_steps->spooledNames(QStringLiteral("document_printer")), QStringList());
        m_steps->verifyNothingOfTheResidentIsStored();
    }

    void aFeeItemSaysItNeedsThePlatformWhenItIsAway()
    {
        start({});
        m_steps->openHome();
        m_steps->enrolled()->platform()->stop();
        // The kiosk learns the platform is away from its next call.
        m_runtime->platform()->fetchCatalogue();
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->platform()->connectivity(), PlatformClient::Connectivity::Offline, 30000);
        QVERIFY(m_shell->openItem(m_feeItem));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QStringLiteral("fee_needs_platform"), 10000);
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("feeText")).contains(QStringLiteral("¥20.00")));
        QTRY_VERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("unavailableNotice")))
                        .join(QString())
                        .contains(QStringLiteral("缴费必须连接政务服务平台")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("startButton"))->property("enabled").toBool());
        UiProbe::screenshot(m_window, QStringLiteral("guide-fee-offline-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("feeText")).contains(QStringLiteral("Certificate fee")));
        UiProbe::screenshot(m_window, QStringLiteral("guide-fee-offline-en"));
    }
};

QTEST_MAIN(TestFeePayment)
#include "test_feepayment.moc"
