#include "applicationdesk.h"
#include "device/deviceregistry.h"
#include "documentdelivery.h"
#include "enrolledkiosk.h"
#include "feepayment.h"
#include "identityverification.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "outboxstore.h"
#include "paymentdesk.h"
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

// 缴费 on an ordinary application (one not decided at once), through the real QML, the reference
// platform over HTTP, the simulated card reader and document camera, and the IPP printers: the
// case is filed live with its page, never queued; the code is read off the screen and paid
// through its URL; the fiscal receipt and the kiosk's receipt (with the amount) come out. With
// the platform away at filing nothing is filed, queued or charged and the resident may try again;
// an expired code offers a new one; the idle wipe cancels an open payment at the platform.
class TestFeeApplication : public QObject
{
    Q_OBJECT

private:
    const QString m_feeItem = QStringLiteral("340100-000-ZZ-0021-01"); // apply, ¥10.00, one page, not instant
    const QString m_phone = QStringLiteral("13955123456");
    std::unique_ptr<ResidentSteps> m_steps;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    PaymentDesk *payment() const { return m_shell->findChild<PaymentDesk *>(); }
    QStringList shownOn(const QString &screen) const { return UiProbe::visibleTexts(UiProbe::find(m_window, screen)); }

    void start(const QStringList &platformArguments, QMap<QString, QString> settings = {})
    {
        settings.insert(QStringLiteral("platform/timeout_s"), QStringLiteral("5"));
        m_steps = std::make_unique<ResidentSteps>();
        m_steps->start(QStringLiteral("feeapp-1"), platformArguments, settings);
        QVERIFY(m_steps->started());
        m_kiosk = m_steps->kiosk();
        m_runtime = m_steps->runtime();
        m_shell = m_steps->shell();
        m_window = m_steps->window();
        QVERIFY(payment());
    }

    void screenshot(const QString &name)
    {
        QSignalSpy frames(m_window, &QQuickWindow::frameSwapped);
        m_window->update();
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
        UiProbe::screenshot(m_window, name);
    }

    // The guide with the fee, the card, the phone typed, the loss statement photographed: the
    // review is next, nothing filed yet.
    void applyUpToTheReview()
    {
        m_steps->openHome();
        m_steps->openItem(m_feeItem);
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("feeText")).contains(QStringLiteral("¥10.00")));
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("startButton")));
        m_steps->presentCard();
        // Filed live, a fee application's card is checked with the platform first.
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->verification()->isVerified(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("formScreen")), 30000);
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), m_phone));
        QTRY_VERIFY(m_kiosk->form()->complete());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("materialsScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->form()->materialsComplete(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("materialsDoneButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("reviewScreen")), 30000);
        QCOMPARE(m_steps->table(QStringLiteral("cases")).size(), 0);
    }

    void submitAndWaitForTheCode()
    {
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("paymentScreen")), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(payment()->state(), FeePayment::State::Pending, 30000);
    }

    // A fee application is never queued: the outbox holds nothing of it, sent or not.
    void verifyTheOutboxHoldsNothing()
    {
        const OutboxResult<OutboxStats> stats = m_runtime->outbox()->stats();
        QVERIFY(stats);
        QCOMPARE(stats.value().pending, 0);
        QCOMPARE(stats.value().parked, 0);
        QCOMPARE(stats.value().delivered, 0);
    }

private slots:
    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_steps.reset();
    }

    void aFeeOnAnOrdinaryApplicationIsPaidByPhoneAndItsReceiptPrinted()
    {
        start({});
        applyUpToTheReview();
        submitAndWaitForTheCode();
        QCOMPARE(m_steps->shownText(QStringLiteral("paymentAmount")), QStringLiteral("应缴金额 ¥10.00"));
        QVERIFY2(m_steps->shownText(QStringLiteral("paymentState")).contains(QStringLiteral("财政电子票据和回执")),
                 qPrintable(m_steps->shownText(QStringLiteral("paymentState"))));
        screenshot(QStringLiteral("payment-application-zh"));

        // Filed live with its page, waiting for the payment; nothing went into the outbox.
        const QJsonArray cases = m_steps->table(QStringLiteral("cases"));
        QCOMPARE(cases.size(), 1);
        const QJsonObject filed = cases.first().toObject();
        QCOMPARE(filed.value(QLatin1String("item_code")).toString(), m_feeItem);
        QCOMPARE(filed.value(QLatin1String("status")).toString(), QStringLiteral("awaiting_payment"));
        QCOMPARE(filed.value(QLatin1String("materials")).toInt(), 1);
        const QString caseNo = filed.value(QLatin1String("case_no")).toString();
        QCOMPARE(payment()->caseNumber(), caseNo);
        const QJsonArray payments = m_steps->table(QStringLiteral("payments"));
        QCOMPARE(payments.size(), 1);
        QCOMPARE(payments.first().toObject().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
        QCOMPARE(payments.first().toObject().value(QLatin1String("amount_fen")).toInt(), 1000);
        verifyTheOutboxHoldsNothing();
        // Nothing is printed, and no outcome told, before the money is in.
        QCOMPARE(m_steps->spooledNames(QStringLiteral("document_printer")), QStringList());
        QCOMPARE(m_steps->spooledNames(QStringLiteral("receipt_printer")), QStringList());
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::None);

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QTRY_COMPARE(m_steps->shownText(QStringLiteral("paymentAmount")), QStringLiteral("Amount due ¥10.00"));
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("paymentState")).contains(QStringLiteral("fiscal receipt and your receipt")));
        screenshot(QStringLiteral("payment-application-en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("elderButton")));
        QTRY_VERIFY(m_shell->elderMode());
        screenshot(QStringLiteral("payment-application-elder"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("elderButton")));
        QTRY_VERIFY(!m_shell->elderMode());

        // A phone reads the code off the screen and pays through its URL.
        QString code;
        QTRY_VERIFY_WITH_TIMEOUT(!(code = m_steps->codeOnScreen()).isEmpty(), 10000);
        QVERIFY2(code.contains(QLatin1String("/pay/") + payments.first().toObject().value(QLatin1String("payment_id")).toString()),
                 qPrintable(code));
        QCOMPARE(ResidentSteps::payThrough(code), 200);

        // Paid: the fiscal receipt from the document printer, then the result with the case
        // number and the amount, and the kiosk's receipt saying what was paid.
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 60000);
        QCOMPARE(m_runtime->delivery()->stage(), DocumentDelivery::Stage::Done);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);
        QCOMPARE(m_steps->table(QStringLiteral("payments")).first().toObject().value(QLatin1String("state")).toString(), QStringLiteral("paid"));
        // The case goes on as any application (accepted, then in review as the platform's clock runs).
        const QString status = m_steps->table(QStringLiteral("cases")).first().toObject().value(QLatin1String("status")).toString();
        QVERIFY2(status == QLatin1String("accepted") || status == QLatin1String("in_review"), qPrintable(status));
        QCOMPARE(m_steps->spooledNames(QStringLiteral("document_printer")), QStringList{QStringLiteral("kiosk-a4-fiscal-receipt.pdf")});
        const QString fiscal = m_steps->spooledTexts(QStringLiteral("document_printer")).value(0);
        QVERIFY2(fiscal.contains(QStringLiteral("CNY 10.00")) && fiscal.contains(caseNo), qPrintable(fiscal));
        QTRY_COMPARE(m_steps->shownText(QStringLiteral("caseNumber")), caseNo);
        QVERIFY2(m_steps->shownText(QStringLiteral("resultPaid")).contains(QStringLiteral("¥10.00")), qPrintable(m_steps->shownText(QStringLiteral("resultPaid"))));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        QCOMPARE(m_steps->spooledNames(QStringLiteral("receipt_printer")).size(), 1);
        const QString receipt = m_steps->spooledTexts(QStringLiteral("receipt_printer")).value(0);
        QVERIFY2(receipt.contains(QStringLiteral("已缴费用")) && receipt.contains(QStringLiteral("10.00")), qPrintable(receipt));
        QVERIFY2(receipt.contains(caseNo), qPrintable(receipt));
        screenshot(QStringLiteral("result-paid-application-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("resultPaid")).startsWith(QStringLiteral("Paid ¥10.00")));
        screenshot(QStringLiteral("result-paid-application-en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("elderButton")));
        QTRY_VERIFY(m_shell->elderMode());
        screenshot(QStringLiteral("result-paid-application-elder"));
        verifyTheOutboxHoldsNothing();

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QVERIFY(m_shell->rate(5, {}));
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->session()->state(), SessionState::Attract, 30000);
        QCOMPARE(m_runtime->delivery()->payment()->state(), FeePayment::State::None);
        m_steps->verifyNothingOfTheResidentIsStored({m_phone});
    }

    void aFeeApplicationIsNeitherFiledQueuedNorChargedWhileThePlatformIsAway()
    {
        start({});
        applyUpToTheReview();
        // The platform goes away between the review and the tap on "submit".
        QCOMPARE(m_steps->enrolled()->platform()->post(QStringLiteral("faults"), {{QStringLiteral("outage"), true}}).value(QLatin1String("outage")).toBool(), true);
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("submitButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->outcome(), KioskShell::Outcome::NotStored, 90000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QCOMPARE(m_shell->outcomeDetail(), QStringLiteral("fee_needs_platform"));
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("notStoredText")).contains(QStringLiteral("没有提交，也没有扣费")));
        screenshot(QStringLiteral("review-fee-offline-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QTRY_VERIFY(m_steps->shownText(QStringLiteral("notStoredText")).contains(QStringLiteral("nothing was charged")));
        screenshot(QStringLiteral("review-fee-offline-en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        // Nothing at the platform, nothing queued to go later, no payment screen.
        QCOMPARE(m_steps->table(QStringLiteral("cases")).size(), 0);
        QCOMPARE(m_steps->table(QStringLiteral("payments")).size(), 0);
        verifyTheOutboxHoldsNothing();
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("paymentScreen")));
        // What the resident entered is still there.
        QVERIFY(m_kiosk->form()->complete());
        QVERIFY(m_kiosk->form()->materialsComplete());

        // The platform is back (the kiosk learns it from its next call): the same application
        // goes, and the code is shown.
        QCOMPARE(m_steps->enrolled()->platform()->post(QStringLiteral("faults"), {{QStringLiteral("outage"), false}}).value(QLatin1String("outage")).toBool(), false);
        m_runtime->platform()->fetchCatalogue();
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->platform()->connectivity(), PlatformClient::Connectivity::Online, 30000);
        submitAndWaitForTheCode();
        QCOMPARE(m_steps->table(QStringLiteral("cases")).size(), 1);
        QCOMPARE(m_steps->table(QStringLiteral("cases")).first().toObject().value(QLatin1String("materials")).toInt(), 1);

        // Given up: cancelled at the platform, nothing printed.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("cancelPaymentButton")));
        QTRY_COMPARE_WITH_TIMEOUT(payment()->state(), FeePayment::State::Cancelled, 30000);
        QCOMPARE(m_steps->table(QStringLiteral("payments")).first().toObject().value(QLatin1String("state")).toString(), QStringLiteral("cancelled"));
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("leaveButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->session()->state(), SessionState::Attract, 30000);
        QCOMPARE(m_steps->spooledNames(QStringLiteral("document_printer")), QStringList());
        QCOMPARE(m_steps->spooledNames(QStringLiteral("receipt_printer")), QStringList());
        verifyTheOutboxHoldsNothing();
        m_steps->verifyNothingOfTheResidentIsStored({m_phone});
    }

    void aFeeApplicationsCodeLeftToExpireOffersANewOneAndChargesNothing()
    {
        start({QStringLiteral("--payment-s"), QStringLiteral("6")});
        applyUpToTheReview();
        submitAndWaitForTheCode();
        const QString firstCode = payment()->code();
        QVERIFY(!firstCode.isEmpty());

        QTRY_COMPARE_WITH_TIMEOUT(payment()->state(), FeePayment::State::Expired, 30000);
        QTRY_COMPARE(m_steps->shownText(QStringLiteral("paymentTitle")), QStringLiteral("付款码已过期"));
        QVERIFY(m_steps->codeOnScreen().isEmpty());
        QCOMPARE(ResidentSteps::payThrough(firstCode), 409);
        QCOMPARE(m_steps->table(QStringLiteral("cases")).first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("cancelled"));

        // A new code files the same application again, pages and all, for a new payment.
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("newCodeButton")));
        QTRY_COMPARE_WITH_TIMEOUT(payment()->state(), FeePayment::State::Pending, 30000);
        QVERIFY(payment()->code() != firstCode);
        QCOMPARE(m_steps->table(QStringLiteral("payments")).size(), 2);
        QCOMPARE(m_steps->table(QStringLiteral("cases")).size(), 2);
        QCOMPARE(m_steps->table(QStringLiteral("cases")).at(1).toObject().value(QLatin1String("materials")).toInt(), 1);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("paymentScreen")));

        QTRY_COMPARE_WITH_TIMEOUT(payment()->state(), FeePayment::State::Expired, 30000);
        QVERIFY(m_steps->tapWhenShown(QStringLiteral("leaveButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->session()->state(), SessionState::Attract, 30000);
        QCOMPARE(m_steps->spooledNames(QStringLiteral("document_printer")), QStringList());
        QCOMPARE(m_steps->spooledNames(QStringLiteral("receipt_printer")), QStringList());
        verifyTheOutboxHoldsNothing();
        m_steps->verifyNothingOfTheResidentIsStored({m_phone});
    }

    void aFeeApplicationsOpenPaymentIsCancelledByTheIdleWipe()
    {
        start({}, {{QStringLiteral("session/timeout_result_s"), QStringLiteral("12")},
                   {QStringLiteral("session/warning_s"), QStringLiteral("5")}});
        applyUpToTheReview();
        submitAndWaitForTheCode();
        const QJsonArray payments = m_steps->table(QStringLiteral("payments"));
        QCOMPARE(payments.size(), 1);
        const QString paymentId = payments.first().toObject().value(QLatin1String("payment_id")).toString();

        // The resident walks away from the code; the idle countdown ends the session.
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->session()->state(), SessionState::Attract, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(m_steps->table(QStringLiteral("payments")).first().toObject().value(QLatin1String("state")).toString(),
                                  QStringLiteral("cancelled"), 20000);
        QCOMPARE(m_steps->table(QStringLiteral("payments")).first().toObject().value(QLatin1String("payment_id")).toString(), paymentId);
        QCOMPARE(m_steps->table(QStringLiteral("cases")).first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(m_runtime->delivery()->payment()->state(), FeePayment::State::None);
        QCOMPARE(m_steps->spooledNames(QStringLiteral("document_printer")), QStringList());
        QCOMPARE(m_steps->spooledNames(QStringLiteral("receipt_printer")), QStringList());
        verifyTheOutboxHoldsNothing();
        m_steps->verifyNothingOfTheResidentIsStored({m_phone});
    }
};

QTEST_MAIN(TestFeeApplication)
#include "test_feeapplication.moc"
