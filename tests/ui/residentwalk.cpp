#include "residentwalk.h"

#include "applicationdesk.h"
#include "device/deviceregistry.h"
#include "enrolledkiosk.h"
#include "feepayment.h"
#include "hallwalk.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "paymentdesk.h"
#include "platformheartbeat.h"
#include "printer/sim/printersimulator.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
#include "servicedesk.h"
#include "uiprobe.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <algorithm>
#include <cmath>

ResidentWalk::ResidentWalk() = default;
ResidentWalk::~ResidentWalk() = default;

void ResidentWalk::start(QSize size)
{
    m_enrolled = std::make_unique<EnrolledKiosk>();
    QVERIFY2(m_enrolled->start(QStringLiteral("a11y-1"), {},
                               {{QStringLiteral("kiosk/voice"), QStringLiteral("false")},
                                // Nothing listens on port 9: print items are shown unavailable, with the reason.
                                {QStringLiteral("devices/document_printer"), QStringLiteral("ipp://127.0.0.1:9/ipp/print")}}),
             qPrintable(m_enrolled->errorText()));
    m_kiosk = m_enrolled->kiosk();
    m_runtime = m_kiosk->runtime();
    m_shell = m_kiosk->shell();
    m_window = m_kiosk->window();
    resize(size);
}

void ResidentWalk::resize(QSize size)
{
    QVERIFY2(size.isValid(), "the size is not WIDTHxHEIGHT");
    m_window->resize(size);
    QTRY_COMPARE(m_window->size(), size);
    QQuickItem *stage = UiProbe::find(m_window, QStringLiteral("stage"));
    QVERIFY(stage);
    // The short side is 1080 units on every display (ScreenLayout).
    const double units = std::min(size.width(), size.height()) / 1080.0;
    QTRY_VERIFY(std::abs(stage->scale() - units) < 1e-6);
}

// The checks measure in the units of the stage's scale at this moment: resize first.
void ResidentWalk::setVariant(const QString &variant)
{
    QQuickItem *stage = UiProbe::find(m_window, QStringLiteral("stage"));
    QVERIFY(stage);
    m_checks = std::make_unique<ScreenChecks>(m_window, variant, stage->scale());
}

bool ResidentWalk::tapWhenShown(const QString &name, int timeoutMs)
{
    return UiProbe::tapWhenShown(m_window, name, timeoutMs);
}

bool ResidentWalk::waitFor(const QString &name, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!UiProbe::find(m_window, name) && clock.elapsed() < timeoutMs)
        QTest::qWait(20);
    return UiProbe::find(m_window, name) != nullptr;
}

// The language and elder mode of this pass, set the way the top bar's buttons set them, and reach
// mode, tapped on at the bottom of the screen as a resident in a wheelchair would.
void ResidentWalk::chooseVariant()
{
    m_shell->setLanguage(m_checks->isEnglish() ? QStringLiteral("en") : QStringLiteral("zh"));
    if (isElder() != m_shell->elderMode())
        m_shell->toggleElderMode();
    const bool reachOn = UiProbe::find(m_window, QStringLiteral("reachTop")) != nullptr;
    if (isReach() != reachOn && UiProbe::find(m_window, QStringLiteral("reachButton"))) {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reachButton")));
        QTRY_COMPARE(UiProbe::find(m_window, QStringLiteral("reachTop")) != nullptr, isReach());
    }
}

void ResidentWalk::everyScreen()
{
    visitHomeHelpThemeAndGuides();
    if (QTest::currentTestFailed())
        return;
    applyWithADocumentAndRate();
    if (QTest::currentTestFailed())
        return;
    severalPapers();
    if (QTest::currentTestFailed())
        return;
    payAFeeThenCancel();
    if (QTest::currentTestFailed())
        return;
    codeFaceCheckAndErrands();
    if (QTest::currentTestFailed())
        return;
    HallWalk(*this).everyScreen();
    if (QTest::currentTestFailed())
        return;
    countdownAndOutOfService();
}

QString ResidentWalk::terminalId() const
{
    return m_enrolled->platform()->inspect(QStringLiteral("terminals")).value(QLatin1String("terminals")).toArray().first().toObject().value(QLatin1String("terminal_id")).toString();
}

void ResidentWalk::startSession()
{
    if (UiProbe::find(m_window, QStringLiteral("attractScreen")))
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
    QVERIFY(waitFor(QStringLiteral("homeScreen")));
    chooseVariant();
}

void ResidentWalk::visitHomeHelpThemeAndGuides()
{
    chooseVariant();
    inspect(QStringLiteral("attract"), QStringLiteral("attractScreen"));
    startSession();
    inspect(QStringLiteral("home"), QStringLiteral("homeScreen"));

    QVERIFY(UiProbe::tap(m_window, QStringLiteral("helpButton")));
    QVERIFY(waitFor(QStringLiteral("helpPanel")));
    inspect(QStringLiteral("help"), QStringLiteral("helpPanel"));
    QVERIFY(QMetaObject::invokeMethod(UiProbe::find(m_window, QStringLiteral("helpPanel")), "closed"));
    QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("helpPanel")));

    QVERIFY(UiProbe::tap(m_window, QStringLiteral("searchButton")));
    QVERIFY(waitFor(QStringLiteral("searchPanel")));
    inspect(QStringLiteral("search"), QStringLiteral("searchPanel"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("searchField")));
    QTest::qWait(300);
    inspect(QStringLiteral("search-keyboard"), QStringLiteral("homeScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("searchClose")));
    QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("searchPanel")));

    QVERIFY(UiProbe::tap(m_window, QStringLiteral("audienceBusiness")));
    QTRY_COMPARE(m_shell->items()->property("audience").toString(), QStringLiteral("business"));
    inspect(QStringLiteral("home-business"), QStringLiteral("homeScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("audiencePerson")));

    QVERIFY(m_shell->openTheme(QStringLiteral("birth")));
    QVERIFY(waitFor(QStringLiteral("themeScreen")));
    inspect(QStringLiteral("theme"), QStringLiteral("themeScreen"));
    m_shell->backToHome();
    QVERIFY(waitFor(QStringLiteral("homeScreen")));

    // The platform answers before items that need it are offered.
    QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0010-01")));
    QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
    m_shell->backToHome();
    QStringList unavailable;
    for (const char *code : {"340100-000-ZZ-0010-01", "340100-000-ZZ-0002-01", "340100-000-ZZ-0001-01", "340100-000-ZZ-0012-01",
                             "340100-000-ZZ-0016-01", "340100-000-ZZ-0006-01"}) {
        QVERIFY(m_shell->openItem(QString::fromLatin1(code)));
        QVERIFY(waitFor(QStringLiteral("guideScreen")));
        const QString why = m_shell->selectedItemUnavailable();
        if (!why.isEmpty())
            unavailable.append(why);
        inspect(QStringLiteral("guide-") + QString::fromLatin1(code).mid(14, 4) + (why.isEmpty() ? QString() : QStringLiteral("-unavailable")),
                QStringLiteral("guideScreen"));
        m_shell->backToHome();
        QVERIFY(waitFor(QStringLiteral("homeScreen")));
    }
    QVERIFY2(!unavailable.isEmpty(), "no guide of an unavailable item was seen");
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
    QVERIFY(waitFor(QStringLiteral("attractScreen")));
}

void ResidentWalk::applyWithADocumentAndRate()
{
    startSession();
    QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0002-01")));
    QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
    QVERIFY(tapWhenShown(QStringLiteral("startButton")));
    QVERIFY(waitFor(QStringLiteral("identifyScreen")));
    QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
    inspect(QStringLiteral("identify"), QStringLiteral("identifyScreen"));

    QVERIFY(m_shell->simulate(QStringLiteral("fault read_failure")).startsWith(QLatin1String("ok")));
    QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
    QVERIFY(waitFor(QStringLiteral("cardProblem")));
    inspect(QStringLiteral("identify-card-problem"), QStringLiteral("identifyScreen"));
    QVERIFY(m_shell->simulate(QStringLiteral("fault none")).startsWith(QLatin1String("ok")));
    QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
    QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
    QVERIFY(waitFor(QStringLiteral("continueButton")));
    QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 30000);
    inspect(QStringLiteral("identified"), QStringLiteral("identifyScreen"));

    QVERIFY(UiProbe::tap(m_window, QStringLiteral("continueButton")));
    QVERIFY(waitFor(QStringLiteral("formScreen")));
    inspect(QStringLiteral("form"), QStringLiteral("formScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_phone")));
    QVERIFY(waitFor(QStringLiteral("numericKeypad")));
    QTest::qWait(300);
    inspect(QStringLiteral("form-keypad"), QStringLiteral("formScreen"));
    m_checks->checkKeypadLeavesField(QStringLiteral("field_phone"), QStringLiteral("numericKeypad"));
    for (const QChar digit : QStringLiteral("13955123456"))
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("key_") + digit));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
    QVERIFY(tapWhenShown(QStringLiteral("option_contribution_level_500")));
    QTRY_VERIFY(m_kiosk->form()->complete());
    // 退出 once the resident has typed something asks first, over the form.
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
    QVERIFY(waitFor(QStringLiteral("keepApplicationButton")));
    inspect(QStringLiteral("exit-question"), QStringLiteral("exitConfirmation"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("keepApplicationButton")));
    QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("keepApplicationButton")));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));

    QVERIFY(waitFor(QStringLiteral("materialsScreen")));
    QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 60000);
    inspect(QStringLiteral("materials"), QStringLiteral("materialsScreen"));
    QCOMPARE(m_shell->simulate(QStringLiteral("camera stall document_camera")), QStringLiteral("ok"));
    QVERIFY(waitFor(QStringLiteral("cameraStopped"), 60000));
    inspect(QStringLiteral("materials-camera-stopped"), QStringLiteral("materialsScreen"));
    QCOMPARE(m_shell->simulate(QStringLiteral("camera resume document_camera")), QStringLiteral("ok"));
    QVERIFY(waitFor(QStringLiteral("documentPreview"), 60000));
    QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled(), 30000);
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
    QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->form()->materialsComplete(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled(), 30000);
    inspect(QStringLiteral("materials-captured"), QStringLiteral("materialsScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("materialsDoneButton")));

    QVERIFY(waitFor(QStringLiteral("reviewScreen")));
    inspect(QStringLiteral("review"), QStringLiteral("reviewScreen"));
    // The receipt printer jams on this receipt, so the notice and its reprint button are
    // checked too; the reprint then comes out.
    PrinterSimulator *receiptPrinter = m_runtime->devices()->printerSimulator(QStringLiteral("receipt_printer"));
    QVERIFY(receiptPrinter);
    receiptPrinter->failNextJob();
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
    QVERIFY(waitFor(QStringLiteral("resultScreen"), 60000));
    QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Failed, 90000);
    inspect(QStringLiteral("result-receipt-failed"), QStringLiteral("resultScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("reprintButton")));
    QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 90000);
    inspect(QStringLiteral("result"), QStringLiteral("resultScreen"));

    QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
    QVERIFY(waitFor(QStringLiteral("ratingScreen")));
    inspect(QStringLiteral("rating"), QStringLiteral("ratingScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("score_2")));
    QVERIFY(waitFor(QStringLiteral("tag_0")));
    inspect(QStringLiteral("rating-low"), QStringLiteral("ratingScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("skipRating")));
    QVERIFY(waitFor(QStringLiteral("attractScreen")));
}

// 生育津贴申领 asks for two papers: the materials screen with a list long enough to scroll, as a
// resident sees it after the first paper's page is taken (its retake buttons and thumbnail under
// it) and after both. The list once pushed 拍照 under the footer in elder and reach mode, which a
// walk of one short paper never showed.
void ResidentWalk::severalPapers()
{
    startSession();
    QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0008-01")));
    QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
    QVERIFY(tapWhenShown(QStringLiteral("startButton")));
    QVERIFY(waitFor(QStringLiteral("identifyScreen")));
    QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
    (void)m_shell->simulate(QStringLiteral("card remove"));
    QTest::qWait(1500); // the reader's polling sees the field empty before the card comes back
    QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
    QVERIFY(tapWhenShown(QStringLiteral("continueButton"), 30000));
    QVERIFY(waitFor(QStringLiteral("formScreen"), 30000));
    // The form was walked with the pension enrolment; here it is filled as the keypad would.
    QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
    QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("bank_account"), QStringLiteral("6222020200112233445")));
    QTRY_VERIFY(m_kiosk->form()->complete());
    QVERIFY(tapWhenShown(QStringLiteral("reviewButton")));
    QVERIFY(waitFor(QStringLiteral("materialsScreen")));
    QCOMPARE(m_kiosk->form()->materials().size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled(), 60000);
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
    // The first paper's page is taken and the second paper is chosen by itself.
    QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->form()->currentMaterial(), QStringLiteral("bank_card"), 60000);
    QVERIFY(waitFor(QStringLiteral("thumb_birth_certificate_0")));
    QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled(), 30000);
    inspect(QStringLiteral("materials-several"), QStringLiteral("materialsScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
    QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->form()->materialsComplete(), 60000);
    QVERIFY(waitFor(QStringLiteral("thumb_bank_card_0")));
    QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled(), 30000);
    inspect(QStringLiteral("materials-several-taken"), QStringLiteral("materialsScreen"));
    m_shell->endSession();
    QVERIFY(waitFor(QStringLiteral("attractScreen")));
}

// 缴费 on an application filed live (不动产权证书遗失补发, ¥10.00, one page): the code waiting to
// be scanned, then the payment cancelled as a resident who changes their mind would, the screen
// saying so, and 离开. Nothing is paid, so nothing needs the unreachable document printer.
void ResidentWalk::payAFeeThenCancel()
{
    startSession();
    QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0021-01")));
    QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
    QVERIFY(tapWhenShown(QStringLiteral("startButton")));
    QVERIFY(waitFor(QStringLiteral("identifyScreen")));
    QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
    (void)m_shell->simulate(QStringLiteral("card remove"));
    QTest::qWait(1500); // the reader's polling sees the field empty before the card comes back
    QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
    QVERIFY(tapWhenShown(QStringLiteral("continueButton"), 30000));
    // Filed live, a fee application's card is checked with the platform before the form.
    QVERIFY(waitFor(QStringLiteral("formScreen"), 30000));
    QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
    QTRY_VERIFY(m_kiosk->form()->complete());
    QVERIFY(tapWhenShown(QStringLiteral("reviewButton")));
    QVERIFY(waitFor(QStringLiteral("materialsScreen")));
    QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled(), 60000);
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
    QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->form()->materialsComplete(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled(), 30000);
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("materialsDoneButton")));
    QVERIFY(waitFor(QStringLiteral("reviewScreen")));
    QVERIFY(tapWhenShown(QStringLiteral("submitButton")));

    PaymentDesk *payment = m_shell->findChild<PaymentDesk *>();
    QVERIFY(payment);
    QVERIFY(waitFor(QStringLiteral("paymentScreen"), 60000));
    QTRY_COMPARE_WITH_TIMEOUT(payment->state(), FeePayment::State::Pending, 30000);
    QVERIFY(waitFor(QStringLiteral("paymentCode")));
    inspect(QStringLiteral("payment"), QStringLiteral("paymentScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("cancelPaymentButton")));
    QTRY_COMPARE_WITH_TIMEOUT(payment->state(), FeePayment::State::Cancelled, 30000);
    QVERIFY(waitFor(QStringLiteral("leaveButton")));
    inspect(QStringLiteral("payment-cancelled"), QStringLiteral("paymentScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("leaveButton")));
    QVERIFY(waitFor(QStringLiteral("attractScreen")));
}

// Identification by an app's code, the face check's consent and camera, and the kiosk's own
// errands (progress, e-licences) and an item answered at once.
void ResidentWalk::codeFaceCheckAndErrands()
{
    startSession();
    QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0009-01"))); // apply, face required
    QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
    QVERIFY(tapWhenShown(QStringLiteral("startButton")));
    QVERIFY(waitFor(QStringLiteral("identifyScreen")));
    QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 30000);
    QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/expired-a11y")).startsWith(QLatin1String("ok")));
    QVERIFY(waitFor(QStringLiteral("cardProblem"), 30000));
    inspect(QStringLiteral("identify-code-problem"), QStringLiteral("identifyScreen"));
    QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/demo-resident")).startsWith(QLatin1String("ok")));
    QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 30000);
    QVERIFY(waitFor(QStringLiteral("identifiedCard")));
    inspect(QStringLiteral("identified-by-code"), QStringLiteral("identifyScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("continueButton")));
    QVERIFY(waitFor(QStringLiteral("consentPanel")));
    inspect(QStringLiteral("verify-consent"), QStringLiteral("verifyScreen"));
    m_checks->checkConsentIsReadBeforeAgreeing();
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("declineButton")));
    QVERIFY(waitFor(QStringLiteral("alternatives")));
    inspect(QStringLiteral("verify-declined"), QStringLiteral("verifyScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("agreeButton")));
    QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("verifyPreview"))
                                 && UiProbe::find(m_window, QStringLiteral("verifyPreview"))->property("live").toBool(), 60000);
    inspect(QStringLiteral("verify-face"), QStringLiteral("verifyScreen"));
    m_shell->endSession();
    QVERIFY(waitFor(QStringLiteral("attractScreen")));

    startSession();
    QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
    QVERIFY(waitFor(QStringLiteral("identifyScreen")));
    inspect(QStringLiteral("identify-progress"), QStringLiteral("identifyScreen"));
    QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
    (void)m_shell->simulate(QStringLiteral("card remove"));
    QTest::qWait(1500);
    QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
    QVERIFY(tapWhenShown(QStringLiteral("continueButton"), 30000));
    QVERIFY(waitFor(QStringLiteral("progressScreen"), 30000));
    QTRY_COMPARE_WITH_TIMEOUT(m_shell->findChild<ServiceDesk *>()->recordsState(), ServiceDesk::RecordsState::Ready, 30000);
    QTest::qWait(500);
    inspect(QStringLiteral("progress"), QStringLiteral("progressScreen"));
    // The fee application cancelled above is listed in words, not by the platform's status name.
    const QStringList progressTexts = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("progressScreen")));
    QVERIFY2(!progressTexts.contains(QStringLiteral("cancelled")), qPrintable(progressTexts.join(QLatin1Char('|'))));
    QVERIFY2(progressTexts.contains(m_checks->isEnglish() ? QStringLiteral("Cancelled") : QStringLiteral("已撤销")), qPrintable(progressTexts.join(QLatin1Char('|'))));
    m_shell->endSession();
    QVERIFY(waitFor(QStringLiteral("attractScreen")));

    startSession();
    QVERIFY(tapWhenShown(QStringLiteral("licencesErrand")));
    QVERIFY(waitFor(QStringLiteral("identifyScreen")));
    QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
    QTest::qWait(1500);
    QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
    QVERIFY(tapWhenShown(QStringLiteral("continueButton"), 30000));
    // A card alone does not open the licences: the resident agrees to a face check first.
    QVERIFY(waitFor(QStringLiteral("consentPanel"), 30000));
    m_checks->checkConsentIsReadBeforeAgreeing();
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("agreeButton")));
    QVERIFY(waitFor(QStringLiteral("licencesScreen"), 60000));
    QTRY_COMPARE_WITH_TIMEOUT(m_shell->findChild<ServiceDesk *>()->recordsState(), ServiceDesk::RecordsState::Ready, 30000);
    QTest::qWait(500);
    inspect(QStringLiteral("licences"), QStringLiteral("licencesScreen"));
    m_shell->endSession();
    QVERIFY(waitFor(QStringLiteral("attractScreen")));

    startSession();
    QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0019-01"))); // query, answered at once, no face
    QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
    QVERIFY(tapWhenShown(QStringLiteral("startButton")));
    QVERIFY(waitFor(QStringLiteral("identifyScreen")));
    QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
    QTest::qWait(1500);
    QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
    QVERIFY(tapWhenShown(QStringLiteral("continueButton"), 30000));
    QVERIFY(waitFor(QStringLiteral("deliveryScreen"), 30000));
    QTRY_VERIFY_WITH_TIMEOUT(m_shell->findChild<ServiceDesk *>()->deliveryStage() == DocumentDelivery::Stage::Done
                                 || m_shell->findChild<ServiceDesk *>()->deliveryStage() == DocumentDelivery::Stage::Failed, 60000);
    QTest::qWait(500);
    inspect(QStringLiteral("delivery"), QStringLiteral("deliveryScreen"));
    m_shell->endSession();
    QVERIFY(waitFor(QStringLiteral("attractScreen")));
}

void ResidentWalk::countdownAndOutOfService()
{
    startSession();
    m_runtime->session()->showCountdownNow();
    QVERIFY(waitFor(QStringLiteral("idleCountdown")));
    inspect(QStringLiteral("countdown"), QStringLiteral("idleCountdown"));
    m_runtime->session()->touch();
    QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("idleCountdown")));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
    QVERIFY(waitFor(QStringLiteral("attractScreen")));

    const QString terminal = terminalId();
    QVERIFY(!terminal.isEmpty());
    // A beat in flight swallows beatNow(), so the command may come with the next periodic beat:
    // the test sets that period rather than wait for the contract's 60 s.
    m_runtime->heartbeat()->setInterval(std::chrono::milliseconds(250));
    QVERIFY(m_enrolled->platform()->post(QStringLiteral("commands"), {{QStringLiteral("name"), QStringLiteral("lock")}, {QStringLiteral("terminal_id"), terminal}})
                .contains(QLatin1String("id")));
    m_runtime->heartbeat()->beatNow();
    QVERIFY(waitFor(QStringLiteral("outOfServiceScreen")));
    chooseVariant();
    inspect(QStringLiteral("out-of-service"), QStringLiteral("outOfServiceScreen"));
}

void ResidentWalk::firstScreensAndTheForm()
{
    startSession();
    inspect(QStringLiteral("home"), QStringLiteral("homeScreen"));
    QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0002-01")));
    QVERIFY(waitFor(QStringLiteral("guideScreen")));
    QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
    inspect(QStringLiteral("guide-0002"), QStringLiteral("guideScreen"));
    QVERIFY(tapWhenShown(QStringLiteral("startButton")));
    QVERIFY(waitFor(QStringLiteral("identifyScreen")));
    QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 30000);
    QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
    QVERIFY(tapWhenShown(QStringLiteral("continueButton"), 30000));
    QVERIFY(waitFor(QStringLiteral("formScreen"), 30000));
    inspect(QStringLiteral("form"), QStringLiteral("formScreen"));
    QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_phone")));
    QVERIFY(waitFor(QStringLiteral("numericKeypad")));
    QTest::qWait(300);
    inspect(QStringLiteral("form-keypad"), QStringLiteral("formScreen"));
    m_checks->checkKeypadLeavesField(QStringLiteral("field_phone"), QStringLiteral("numericKeypad"));
}
