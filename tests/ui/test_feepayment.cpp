#include "device/deviceregistry.h"
#include "documentdelivery.h"
#include "enrolledkiosk.h"
#include "feepayment.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "paymentdesk.h"
#include "platformclient.h"
#include "printer/sim/printersimulator.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
#include "uiprobe.h"
#include "vision/codereader.h"

#include <QDirIterator>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
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
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    PaymentDesk *payment() const { return m_shell->findChild<PaymentDesk *>(); }
    QString stateDir() const { return m_enrolled->directory()->filePath(QStringLiteral("state")); }
    QJsonArray table(const QString &name) const { return m_enrolled->platform()->inspect(name).value(name).toArray(); }
    bool tapWhenShown(const QString &name, int timeoutMs = 30000) { return UiProbe::tapWhenShown(m_window, name, timeoutMs); }

    void start(const QStringList &platformArguments, QMap<QString, QString> settings = {})
    {
        settings.insert(QStringLiteral("platform/timeout_s"), QStringLiteral("5"));
        m_enrolled = std::make_unique<EnrolledKiosk>();
        QVERIFY2(m_enrolled->start(QStringLiteral("fees-1"), platformArguments, settings), qPrintable(m_enrolled->errorText()));
        m_kiosk = m_enrolled->kiosk();
        m_runtime = m_kiosk->runtime();
        m_shell = m_kiosk->shell();
        m_window = m_kiosk->window();
        QVERIFY(payment());
    }

    QStringList spooledTexts(const QString &deviceId) const
    {
        const QDir spool(PrinterSimulator::defaultSpoolDirectory(stateDir(), deviceId));
        QStringList texts;
        for (const QString &name : spool.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Time | QDir::Reversed)) {
            QProcess pdftotext;
            pdftotext.start(QStringLiteral("pdftotext"), {spool.filePath(name), QStringLiteral("-")});
            pdftotext.waitForFinished(30000);
            texts.append(QString::fromUtf8(pdftotext.readAllStandardOutput()).normalized(QString::NormalizationForm_KC));
        }
        return texts;
    }

    QStringList spooledNames(const QString &deviceId) const
    {
        QStringList names;
        for (const QString &name :
             QDir(PrinterSimulator::defaultSpoolDirectory(stateDir(), deviceId)).entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name))
            names << name.section(QLatin1Char('-'), 1);
        return names;
    }

    QString shownText(const QString &objectName) const
    {
        QQuickItem *item = UiProbe::find(m_window, objectName);
        return item && item->isVisible() ? item->property("text").toString() : QString();
    }

    // The home screen, the fee item's guide with its amount, start, the resident's card.
    void openFeeItemAndPresentCard()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(m_feeItem));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("startButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QTRY_VERIFY(shownText(QStringLiteral("feeText")).contains(QStringLiteral("¥20.00")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("paymentScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(payment()->state(), FeePayment::State::Pending, 30000);
    }

    // What a phone held up to the screen reads: the payment code, decoded from a grab of the
    // kiosk's window by the project's code reader.
    QString codeOnScreen() const
    {
        const QImage screen = m_window->grabWindow();
        const QList<DecodedCode> codes = CodeReader().read(screen);
        return codes.isEmpty() ? QString() : codes.first().text;
    }

    // The phone pays: a POST to the code's URL, as the payment page's button sends. The status.
    static int payThrough(const QString &url)
    {
        QNetworkAccessManager network;
        QNetworkRequest request{QUrl(url)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *reply = network.post(request, QByteArray());
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        return status;
    }

    QJsonObject onlyPayment() const
    {
        const QJsonArray payments = table(QStringLiteral("payments"));
        return payments.size() == 1 ? payments.first().toObject() : QJsonObject();
    }

    void verifyNothingOfTheResidentIsStored()
    {
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        QDirIterator files(stateDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            if (path.contains(QLatin1String("/sim/printer-")))
                continue; // the paper the resident took away
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(card.idNumber.toUtf8()), qPrintable(path));
            QVERIFY2(!bytes.contains(card.name.toUtf8()), qPrintable(path));
            QVERIFY2(!bytes.contains(card.address.toUtf8()), qPrintable(path));
        }
    }

private slots:
    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }

    void aFeeIsPaidByPhoneAndItsReceiptPrinted()
    {
        start({});
        openFeeItemAndPresentCard();
        QCOMPARE(shownText(QStringLiteral("paymentAmount")), QStringLiteral("应缴金额 ¥20.00"));
        // The countdown runs from the platform's 15 minutes.
        QVERIFY2(QRegularExpression(QStringLiteral("1[45]:\\d\\d 后失效")).match(shownText(QStringLiteral("paymentCountdown"))).hasMatch(),
                 qPrintable(shownText(QStringLiteral("paymentCountdown"))));
        UiProbe::screenshot(m_window, QStringLiteral("payment-zh"));

        // The platform holds the case waiting for its payment, and the payment open.
        const QJsonArray cases = table(QStringLiteral("cases"));
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("awaiting_payment"));
        const QString caseNo = cases.first().toObject().value(QLatin1String("case_no")).toString();
        QCOMPARE(onlyPayment().value(QLatin1String("state")).toString(), QStringLiteral("pending"));
        QCOMPARE(onlyPayment().value(QLatin1String("amount_fen")).toInt(), 2000);
        // Nothing is printed before the money is in.
        QCOMPARE(spooledNames(QStringLiteral("document_printer")), QStringList());

        // English and elder mode show the same payment, larger.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QTRY_COMPARE(shownText(QStringLiteral("paymentAmount")), QStringLiteral("Amount due ¥20.00"));
        UiProbe::screenshot(m_window, QStringLiteral("payment-en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("elderButton")));
        QTRY_VERIFY(m_shell->elderMode());
        UiProbe::screenshot(m_window, QStringLiteral("payment-elder"));

        // A phone reads the code off the screen and pays through its URL.
        QString code;
        QTRY_VERIFY_WITH_TIMEOUT(!(code = codeOnScreen()).isEmpty(), 10000);
        QVERIFY2(code.contains(QLatin1String("/pay/") + onlyPayment().value(QLatin1String("payment_id")).toString()), qPrintable(code));
        QCOMPARE(payThrough(code), 200);

        // The kiosk sees it paid and goes on: the certificate, then the fiscal receipt.
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("deliveryScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->delivery()->stage(), DocumentDelivery::Stage::Done, 60000);
        QCOMPARE(onlyPayment().value(QLatin1String("state")).toString(), QStringLiteral("paid"));
        QTRY_COMPARE_WITH_TIMEOUT(spooledNames(QStringLiteral("document_printer")).size(), 2, 30000);
        QCOMPARE(spooledNames(QStringLiteral("document_printer")),
                 (QStringList{QStringLiteral("kiosk-a4-certificate.pdf"), QStringLiteral("kiosk-a4-fiscal-receipt.pdf")}));
        const QString fiscal = spooledTexts(QStringLiteral("document_printer")).filter(QStringLiteral("Fiscal receipt")).value(0);
        QVERIFY2(fiscal.contains(QStringLiteral("CNY 20.00")) && fiscal.contains(caseNo), qPrintable(fiscal));

        // The kiosk's own receipt says what was paid.
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        const QString receipt = spooledTexts(QStringLiteral("receipt_printer")).value(0);
        QVERIFY2(receipt.contains(QStringLiteral("已缴费用")) && receipt.contains(QStringLiteral("20.00")), qPrintable(receipt));
        QVERIFY2(receipt.contains(caseNo), qPrintable(receipt));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QVERIFY(m_shell->rate(5, {}));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QCOMPARE(m_runtime->delivery()->payment()->state(), FeePayment::State::None);
        verifyNothingOfTheResidentIsStored();
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
        QTRY_COMPARE(shownText(QStringLiteral("paymentTitle")), QStringLiteral("付款码已过期"));
        // A dead code is not shown for a phone to try.
        const QQuickItem *deadCode = UiProbe::find(m_window, QStringLiteral("paymentCode"));
        QVERIFY(!deadCode || !deadCode->isVisible());
        QVERIFY(codeOnScreen().isEmpty());
        UiProbe::screenshot(m_window, QStringLiteral("payment-expired-zh"));
        // Paying a dead code is refused, as the phone would be told.
        QCOMPARE(payThrough(firstCode), 409);
        QCOMPARE(spooledNames(QStringLiteral("document_printer")), QStringList());

        // A new code is a new payment at the platform.
        QVERIFY(tapWhenShown(QStringLiteral("newCodeButton")));
        QTRY_COMPARE_WITH_TIMEOUT(payment()->state(), FeePayment::State::Pending, 30000);
        QVERIFY(payment()->code() != firstCode);
        QCOMPARE(table(QStringLiteral("payments")).size(), 2);

        // Leaving now cancels the new one at the platform.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("cancelPaymentButton")));
        QTRY_COMPARE_WITH_TIMEOUT(payment()->state(), FeePayment::State::Cancelled, 30000);
        QTRY_COMPARE(shownText(QStringLiteral("paymentTitle")), QStringLiteral("缴费已取消"));
        QCOMPARE(table(QStringLiteral("payments")).at(1).toObject().value(QLatin1String("state")).toString(), QStringLiteral("cancelled"));
        QVERIFY(tapWhenShown(QStringLiteral("leaveButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->session()->state(), SessionState::Attract, 30000);
        QCOMPARE(spooledNames(QStringLiteral("document_printer")), QStringList());
        verifyNothingOfTheResidentIsStored();
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
        QCOMPARE(table(QStringLiteral("cases")).first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(m_runtime->delivery()->payment()->state(), FeePayment::State::None);
        QCOMPARE(spooledNames(QStringLiteral("document_printer")), QStringList());
        verifyNothingOfTheResidentIsStored();
    }

    void aFeeItemSaysItNeedsThePlatformWhenItIsAway()
    {
        start({});
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        m_enrolled->platform()->stop();
        // The kiosk learns the platform is away from its next call.
        m_runtime->platform()->fetchCatalogue();
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->platform()->connectivity(), PlatformClient::Connectivity::Offline, 30000);
        QVERIFY(m_shell->openItem(m_feeItem));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QStringLiteral("fee_needs_platform"), 10000);
        QTRY_VERIFY(shownText(QStringLiteral("feeText")).contains(QStringLiteral("¥20.00")));
        QTRY_VERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("unavailableNotice")))
                        .join(QString())
                        .contains(QStringLiteral("缴费必须连接政务服务平台")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("startButton"))->property("enabled").toBool());
        UiProbe::screenshot(m_window, QStringLiteral("guide-fee-offline-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("languageButton")));
        QTRY_VERIFY(shownText(QStringLiteral("feeText")).contains(QStringLiteral("Certificate fee")));
        UiProbe::screenshot(m_window, QStringLiteral("guide-fee-offline-en"));
    }
};

QTEST_MAIN(TestFeePayment)
#include "test_feepayment.moc"
