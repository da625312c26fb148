#include "refplatformprocess.h"
#include "applicationjourney.h"
#include "instanterrands.h"
#include "camera/camera.h"
#include "common/personaldata.h"
#include "device/deviceregistry.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "platformheartbeat.h"
#include "platformclient.h"
#include "applicationdesk.h"
#include "kioskshell.h"
#include "printer/sim/printersimulator.h"
#include "recordingplayer.h"
#include "runningkiosk.h"
#include "scanner/sim/scannersimulatorhost.h"
#include "servicedesk.h"
#include "enrolledkiosk.h"
#include "uiprobe.h"
#include "voiceprompts.h"

#include <QDirIterator>
#include <QFile>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// The errands the platform answers at once and 一件事一次办, through the real QML, the real drivers against their
// simulators (card reader on a pty, face camera showing a live resident, IPP printers), and the
// reference platform over HTTP: a certificate printed (秒办), a face check with consent and the
// way out of it, progress by card and by a receipt's QR code, and an e-licence printed.
class TestErrands : public QObject
{
    Q_OBJECT

private:
    const QString m_certificateItem = QStringLiteral("340100-000-ZZ-0003-01"); // print, no face
    const QString m_faceItem = QStringLiteral("340100-000-ZZ-0013-01");        // print, face required
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    bool tapWhenShown(const QString &name, int timeoutMs = 30000) { return UiProbe::tapWhenShown(m_window, name, timeoutMs); }

    QString stateDir() const { return m_enrolled->directory()->filePath(QStringLiteral("state")); }

    QStringList spooledTexts(const QString &deviceId) const
    {
        const QDir spool(PrinterSimulator::defaultSpoolDirectory(stateDir(), deviceId));
        QStringList texts;
        for (const QString &name : spool.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Time | QDir::Reversed)) {
            QProcess pdftotext;
            pdftotext.start(QStringLiteral("pdftotext"), {spool.filePath(name), QStringLiteral("-")});
            pdftotext.waitForFinished(30000);
            texts.append(QString::fromUtf8(pdftotext.readAllStandardOutput()));
        }
        return texts;
    }

    // The spool's file names without the job number: ippeveprinter names "1-kiosk-a4-licence.pdf"
    // after the job's id and name.
    QStringList spooledNames(const QString &deviceId) const
    {
        QStringList names;
        for (const QString &name :
             QDir(PrinterSimulator::defaultSpoolDirectory(stateDir(), deviceId)).entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name))
            names << name.section(QLatin1Char('-'), 1);
        return names;
    }

    QJsonArray table(const QString &name) const
    {
        return m_enrolled->platform()->inspect(name).value(name).toArray();
    }

    // Home → the item's guide → start → the card on the reader → next.
    void presentCardFor(const QString &itemCode)
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(itemCode));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("startButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startButton")));
        presentCard();
    }

    // Home → the item's guide → start → the resident's app code on the scanner.
    void presentCodeFor(const QString &itemCode)
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(itemCode));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/demo-resident")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 30000);
    }

    void presentCard()
    {
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        // A card left on the reader from an earlier errand is lifted first, as a resident would,
        // long enough for the reader's polling to see the field empty.
        if (m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")))
            QTest::qWait(2000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
    }

    // Files the certificate item and waits for its document; `caseNo` receives the case number.
    void printCertificate(QString *caseNo)
    {
        presentCardFor(m_certificateItem);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("deliveryScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(Services()->deliveryStage(), DocumentDelivery::Stage::Done, 60000);
        *caseNo = Services()->deliveryCaseNumber();
    }

    ServiceDesk *Services() const { return m_shell->findChild<ServiceDesk *>(); }

    // A JPEG as the kiosk writes them (Qt and OpenCV both start with a JFIF or Exif segment).
    // The start-of-image bytes alone are no proof: the outbox's encrypted pages are random bytes,
    // and a few megabytes of them hold FF D8 FF somewhere as often as not.
    static bool holdsJpeg(const QByteArray &bytes)
    {
        for (qsizetype at = bytes.indexOf("\xff\xd8\xff"); at >= 0; at = bytes.indexOf("\xff\xd8\xff", at + 1)) {
            const QByteArray segment = bytes.mid(at + 3, 7);
            if ((segment.startsWith('\xe0') && segment.mid(3) == "JFIF") || (segment.startsWith('\xe1') && segment.mid(3) == "Exif"))
                return true;
        }
        return false;
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
            QVERIFY2(!holdsJpeg(bytes), qPrintable(path + QStringLiteral(" holds a JPEG")));
        }
    }

private slots:
    void init()
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        QVERIFY2(m_enrolled->start(QStringLiteral("errands-1"), {}, {{QStringLiteral("platform/timeout_s"), QStringLiteral("5")}}),
                 qPrintable(m_enrolled->errorText()));
        m_kiosk = m_enrolled->kiosk();
        m_runtime = m_kiosk->runtime();
        m_shell = m_kiosk->shell();
        m_window = m_kiosk->window();
        QVERIFY(Services());
    }

    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }

    void aCertificateIsIssuedAtOncePrintedWithItsReceiptAndRated()
    {
        QString caseNo;
        printCertificate(&caseNo);
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{20}$")).match(caseNo).hasMatch(), qPrintable(caseNo));
        QVERIFY(Services()->documentPrinted());
        UiProbe::screenshot(m_window, QStringLiteral("delivery-done-zh"));

        // The platform filed the case on a card check (no face for this item).
        const QJsonArray cases = table(QStringLiteral("cases"));
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("item_code")).toString(), m_certificateItem);
        QCOMPARE(cases.first().toObject().value(QLatin1String("status")).toString(), QStringLiteral("approved"));
        const QJsonArray checks = table(QStringLiteral("verifications"));
        QCOMPARE(checks.size(), 1);
        QCOMPARE(checks.first().toObject().value(QLatin1String("face")).toInt(), 0);
        // The platform learns which SAM read the card (the simulator's, read with 12 FF).
        QCOMPARE(checks.first().toObject().value(QLatin1String("sam_id")).toString(), QStringLiteral("0500-0000-3401-0000-0000-0000-1234-5678"));

        // The certificate came out of the document printer, the receipt out of the receipt printer.
        QTRY_COMPARE_WITH_TIMEOUT(spooledTexts(QStringLiteral("document_printer")).size(), 1, 30000);
        const QString document = spooledTexts(QStringLiteral("document_printer")).first();
        QVERIFY2(document.contains(QStringLiteral("Certificate")) && document.contains(caseNo), qPrintable(document));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        const QString receipt = spooledTexts(QStringLiteral("receipt_printer")).value(0);
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        QVERIFY2(receipt.contains(caseNo), qPrintable(receipt));
        QVERIFY(!receipt.contains(card.idNumber));
        // Each job is named for its paper, never for the item or the resident (item 18).
        QCOMPARE(spooledNames(QStringLiteral("document_printer")), QStringList{QStringLiteral("kiosk-a4-certificate.pdf")});
        QCOMPARE(spooledNames(QStringLiteral("receipt_printer")), QStringList{QStringLiteral("kiosk-receipt.pdf")});

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QVERIFY(m_shell->rate(5, {}));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QTRY_COMPARE_WITH_TIMEOUT(table(QStringLiteral("evaluations")).size(), 1, 30000);
        QCOMPARE(table(QStringLiteral("evaluations")).first().toObject().value(QLatin1String("case_no")).toString(), caseNo);

        QVERIFY(!m_runtime->verification()->isVerified());
        QVERIFY(m_runtime->verification()->holderToken().isEmpty());
        QCOMPARE(m_runtime->delivery()->caseNumber(), QString());
        verifyNothingOfTheResidentIsStored();
    }

    void aFaceCheckAsksConsentFirstThenVerifiesALiveFace()
    {
        presentCardFor(m_faceItem);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("verifyScreen")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("consentPanel")));
        UiProbe::screenshot(m_window, QStringLiteral("verify-consent-zh"));
        // Nothing has been filmed or sent before the resident agrees.
        QCOMPARE(table(QStringLiteral("verifications")).size(), 0);

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("agreeButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("verifyPreview"))->property("live").toBool(), 30000);
        UiProbe::screenshot(m_window, QStringLiteral("verify-face-zh"));
        // The simulated resident turns their head; the live face goes to the platform once.
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("deliveryScreen")), 60000);
        const QJsonArray checks = table(QStringLiteral("verifications"));
        QCOMPARE(checks.size(), 1);
        const QJsonObject check = checks.first().toObject();
        QCOMPARE(check.value(QLatin1String("method")).toString(), QStringLiteral("idcard"));
        QCOMPARE(check.value(QLatin1String("face")).toInt(), 1);
        QVERIFY2(check.value(QLatin1String("face_bytes")).toInt() > 2000, "the face sent was no JPEG of a face");
        QCOMPARE(check.value(QLatin1String("verified")).toInt(), 1);

        QTRY_COMPARE_WITH_TIMEOUT(Services()->deliveryStage(), DocumentDelivery::Stage::Done, 60000);
        QCOMPARE(table(QStringLiteral("cases")).first().toObject().value(QLatin1String("item_code")).toString(), m_faceItem);
        QCOMPARE(m_runtime->verification()->verifiedBy(), QStringLiteral("idcard+face"));
        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(m_runtime->verification()->holderToken().isEmpty());
        verifyNothingOfTheResidentIsStored();
    }

    void aResidentWhoDeclinesTheFaceCheckIsShownTheOtherWays()
    {
        m_shell->setLanguage(QStringLiteral("en"));
        presentCardFor(m_faceItem);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("consentPanel")));
        UiProbe::screenshot(m_window, QStringLiteral("verify-consent-en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("declineButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("alternatives")));
        const QStringList shown = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("verifyScreen")));
        QVERIFY2(shown.join(QLatin1Char('|')).contains(QStringLiteral("counter")), qPrintable(shown.join(QLatin1Char('|'))));
        UiProbe::screenshot(m_window, QStringLiteral("verify-declined-en"));
        QCOMPARE(table(QStringLiteral("verifications")).size(), 0);
        QCOMPARE(table(QStringLiteral("cases")).size(), 0);
        // Changing one's mind is allowed: the check can still be started from here.
        QVERIFY(UiProbe::find(m_window, QStringLiteral("agreeButton")));
    }

    void aPhotoSlidSidewaysIsNotSentAsAFace()
    {
        auto *camera = qobject_cast<Camera *>(m_runtime->devices()->device(QStringLiteral("face_camera")));
        QVERIFY(camera);
        camera->showSimulatedFace(Camera::SimulatedFace::Photo);
        presentCardFor(m_faceItem);
        QVERIFY(tapWhenShown(QStringLiteral("agreeButton")));
        // The face is seen, and the resident is asked to turn; a photo slid sideways is no turn,
        // and nothing goes to the platform.
        QTRY_COMPARE_WITH_TIMEOUT(Services()->faceGuidance(), QStringLiteral("good"), 30000);
        QTest::qWait(6000);
        QCOMPARE(Services()->verifyStage(), ServiceDesk::VerifyStage::Face);
        QCOMPARE(table(QStringLiteral("verifications")).size(), 0);
        // The resident then moves: the same check completes.
        camera->showSimulatedFace(Camera::SimulatedFace::Live);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("deliveryScreen")), 60000);
    }

    void progressIsShownByCardAndByTheReceiptsQrCode()
    {
        QString caseNo;
        printCertificate(&caseNo);
        QVERIFY(!caseNo.isEmpty());
        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);

        // By card: the resident's cases, newest first, with their status.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("receiptCodeHint")));
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("progressScreen")))
                                     .join(QLatin1Char('|')).contains(caseNo), 30000);
        QVERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("progressScreen"))).contains(QStringLiteral("已办结")));
        UiProbe::screenshot(m_window, QStringLiteral("progress-card-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);

        // By the receipt's QR code on the scanner, without a card: what the receipt's code carries.
        // The catalogue's own progress item leads to the same errand.
        m_shell->start();
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0014-01")));
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        ScannerSimulatorHost *scanner = m_runtime->devices()->scannerSimulator();
        QVERIFY(scanner);
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        // A code that is not a receipt's is refused with a reason.
        QVERIFY(scanner->execute(QStringLiteral("scan https://example.com/not-a-receipt")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->cardProblem(), QStringLiteral("code_not_a_receipt"), 20000);
        QVERIFY(scanner->execute(QStringLiteral("scan https://zwfw.example.gov.cn/case/") + caseNo).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("progressScreen")))
                                     .join(QLatin1Char('|')).contains(caseNo), 30000);
        UiProbe::screenshot(m_window, QStringLiteral("progress-receipt-zh"));
    }

    void aTypedCaseNumberOrAReceiptShownOnTheHomeScreenOpensItsProgress()
    {
        QString caseNo;
        printCertificate(&caseNo);
        QVERIFY(!caseNo.isEmpty());
        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);

        // The number typed on the keypad, without a card: a wrong one is said to be wrong.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        QVERIFY(tapWhenShown(QStringLiteral("typeCaseNumberButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        for (const QChar digit : QStringLiteral("123"))
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("key_") + digit));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
        QTRY_COMPARE(m_shell->cardProblem(), QStringLiteral("case_number_not_found"));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("cardProblem")));
        QVERIFY(tapWhenShown(QStringLiteral("typeCaseNumberButton")));
        for (const QChar digit : caseNo)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("key_") + digit));
        QTRY_VERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("caseNumberEntry"))).contains(caseNo));
        UiProbe::screenshot(m_window, QStringLiteral("progress-typed-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("progressScreen")))
                                     .join(QLatin1Char('|')).contains(caseNo), 30000);
        QVERIFY(!m_shell->identified());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);

        // The receipt's QR code shown on the home screen opens its progress as well.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://zwfw.example.gov.cn/case/") + caseNo).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("progressScreen")))
                                     .join(QLatin1Char('|')).contains(caseNo), 30000);
        QVERIFY(!m_shell->identified());
    }

    void aSessionThatReadACardEndsAskingForTheCardAndTheReceipt()
    {
        QStringList heard;
        VoicePrompts voice(m_shell, std::make_unique<RecordingPlayer>(&heard), 1.0);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("finishButton")));

        // The session is wiped; the card is still on the reader and the resident is asked for it,
        // in large type, on screen and aloud.
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(!m_runtime->identity()->isIdentified());
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("farewellScreen")));
        const QStringList asked = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("farewellScreen")));
        QVERIFY2(asked.contains(QStringLiteral("请取走您的身份证和回执")), qPrintable(asked.join(QLatin1Char('|'))));
        QVERIFY2(asked.contains(QStringLiteral("Please take your ID card and receipt")), qPrintable(asked.join(QLatin1Char('|'))));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("farewellZh"))->property("font").value<QFont>().pixelSize() >= 60);
        QCOMPARE(heard.constLast(), QStringLiteral(":/voice/zh/take_card.wav"));
        UiProbe::screenshot(m_window, QStringLiteral("session-end-take-card-zh"));

        // The reader sees the card go: a short thank-you, then the attract screen alone.
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->farewell(), KioskShell::Farewell::ThankYou, 20000);
        QTRY_VERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("farewellScreen"))).contains(QStringLiteral("感谢使用，再见")));
        QCOMPARE(heard.constLast(), QStringLiteral(":/voice/zh/goodbye.wav"));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->farewell(), KioskShell::Farewell::None, 20000);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("farewellScreen")));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));

        // A resident in English and elder mode who leaves with 退出 is asked in their voice; a card
        // nobody lifts is asked for only a few seconds.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        m_shell->toggleElderMode();
        m_shell->endSession();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("farewellScreen")));
        QCOMPARE(heard.constLast(), QStringLiteral(":/voice/en/take_card-slow.wav"));
        UiProbe::screenshot(m_window, QStringLiteral("session-end-take-card-en"));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->farewell(), KioskShell::Farewell::ThankYou, 20000);
        QCOMPARE(heard.constLast(), QStringLiteral(":/voice/en/goodbye-slow.wav"));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->farewell(), KioskShell::Farewell::None, 20000);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
    }

    void aSessionEndedByTheIdleCountdownAlsoAsksForTheCard()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("progressScreen")), 30000);
        m_runtime->session()->showCountdownNow();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("idleCountdown")));
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->session()->state(), SessionState::Attract, 60000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("farewellScreen")));
        // The next resident need not wait: a touch starts their session.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("farewellScreen")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QCOMPARE(m_shell->farewell(), KioskShell::Farewell::None);
    }

    void aPlatformAwayIsNamedAsTheCauseNotAFailedIdentity()
    {
        // The platform goes away as the resident asks for their progress: the card check cannot
        // be made, and the screen says the platform is away, not that their identity failed.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("progressErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        m_enrolled->platform()->kill();
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("verifyScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(Services()->verifyStage(), ServiceDesk::VerifyStage::Failed, 30000);
        QCOMPARE(Services()->verifyProblem(), QStringLiteral("platform_offline"));
        const QString title = UiProbe::find(m_window, QStringLiteral("verifyTitle"))->property("text").toString();
        QCOMPARE(title, QStringLiteral("暂时连不上政务服务平台"));
        QVERIFY(!UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("verifyScreen"))).contains(QStringLiteral("身份核验未通过")));
        UiProbe::screenshot(m_window, QStringLiteral("verify-platform-away-zh"));
        m_shell->endSession();

        // Once the kiosk knows, the home screen says so once, and which services wait for it.
        m_runtime->heartbeat()->beatNow();
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->platform()->connectivity(), PlatformClient::Connectivity::Offline, 30000);
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("platformAwayNotice")));
        const QString notice = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("platformAwayNotice"))).join(QString());
        QVERIFY2(notice.contains(QStringLiteral("政务服务平台暂时连不上")) && notice.contains(QStringLiteral("办件查询")), qPrintable(notice));
        UiProbe::screenshot(m_window, QStringLiteral("home-platform-away-zh"));
    }

    void aThemeFilesOneCaseForEachItemFromOneFormAndOneReceipt()
    {
        // 退休一件事: retirement (face check), medical insurance and provident fund (a bank card).
        const QString theme = QStringLiteral("retirement");
        const QStringList items = {QStringLiteral("340100-000-ZZ-0009-01"), QStringLiteral("340100-000-ZZ-0010-01"),
                                   QStringLiteral("340100-000-ZZ-0011-01")};
        const QString phone = QStringLiteral("13955123456");
        const QString account = QStringLiteral("6222021234567890123");
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openTheme(theme));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("themeScreen")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedThemeUnavailable(), QString(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startThemeButton")));
        presentCard();

        // One identity check for the three: the face, since one of them needs it.
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("consentPanel")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("agreeButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("formScreen")), 60000);

        // One form: the fields the three items share appear once.
        const QVariantList fields = m_kiosk->form()->fields();
        QStringList ids;
        for (const QVariant &field : fields)
            ids.append(field.toMap().value(QStringLiteral("id")).toString());
        QCOMPARE(ids.count(QStringLiteral("phone")), 1);
        QVERIFY2(ids.contains(QStringLiteral("bank_account")) && ids.contains(QStringLiteral("address")), qPrintable(ids.join(QLatin1Char(','))));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), phone));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("bank_account"), account));
        QTRY_VERIFY(m_kiosk->form()->complete());
        UiProbe::screenshot(m_window, QStringLiteral("theme-form-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));

        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("materialsScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->form()->materialsComplete(), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("materialsDoneButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 90000);

        // One case per item at the platform, each marked with the theme; the bank card only
        // with the item that asks for it.
        const QJsonArray cases = table(QStringLiteral("cases"));
        QCOMPARE(cases.size(), 3);
        QStringList filedItems;
        QStringList caseNumbers;
        for (const QJsonValue &value : cases) {
            const QJsonObject c = value.toObject();
            filedItems.append(c.value(QLatin1String("item_code")).toString());
            caseNumbers.append(c.value(QLatin1String("case_no")).toString());
            QCOMPARE(c.value(QLatin1String("theme")).toString(), theme);
            QCOMPARE(c.value(QLatin1String("materials")).toInt(), c.value(QLatin1String("item_code")).toString() == items.at(2) ? 1 : 0);
        }
        QCOMPARE(filedItems, items);
        QCOMPARE(table(QStringLiteral("verifications")).size(), 1);
        const QVariantList bundled = m_shell->bundledOutcomes();
        QCOMPARE(bundled.size(), 3);
        for (const QVariant &entry : bundled)
            QCOMPARE(KioskShell::Outcome(entry.toMap().value(QStringLiteral("outcome")).toInt()), KioskShell::Outcome::Filed);
        UiProbe::screenshot(m_window, QStringLiteral("theme-result-zh"));

        // One receipt with the three case numbers.
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        QCOMPARE(spooledTexts(QStringLiteral("receipt_printer")).size(), 1);
        const QString receipt = spooledTexts(QStringLiteral("receipt_printer")).first();
        for (const QString &number : caseNumbers)
            QVERIFY2(receipt.contains(number), qPrintable(receipt));
        // pdftotext gives some CJK characters as their Kangxi radical forms: compare normalised.
        QVERIFY2(receipt.normalized(QString::NormalizationForm_KC).contains(QStringLiteral("退休一件事")), qPrintable(receipt));

        // One rating, recorded against each case.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QVERIFY(m_shell->rate(4, {}));
        QTRY_COMPARE_WITH_TIMEOUT(table(QStringLiteral("evaluations")).size(), 3, 30000);
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(m_runtime->journey()->themeOutcomes().isEmpty());
        QVERIFY(!m_runtime->draft()->isActive());
        verifyNothingOfTheResidentIsStored();
        const QString everything = [&] {
            QString all;
            QDirIterator files(stateDir(), QDir::Files, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile file(files.next());
                if (!file.fileName().contains(QLatin1String("/sim/printer-")) && file.open(QIODevice::ReadOnly))
                    all += QString::fromLatin1(file.readAll());
            }
            return all;
        }();
        QVERIFY(!everything.contains(account));
        QVERIFY(!everything.contains(phone));
    }

    void anAppCodeIdentifiesTheResidentAndFillsTheFormAsTheirCardWould()
    {
        const QString item = QStringLiteral("340100-000-ZZ-0010-01"); // apply, no face, phone only
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(item));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("appCodeHint")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);

        // An expired code on the scanner: refused by the platform, and the resident told what to do.
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/expired-demo")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->cardProblem(), QStringLiteral("code_qr_expired"), 30000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("cardProblem")));
        QVERIFY(!m_shell->identified());
        UiProbe::screenshot(m_window, QStringLiteral("identify-code-expired-zh"));

        // A fresh code held up to the camera: the platform says whose it is.
        auto *camera = qobject_cast<Camera *>(m_runtime->devices()->device(QStringLiteral("face_camera")));
        QVERIFY(camera);
        camera->showSimulatedCode(QStringLiteral("https://netid.example.gov.cn/v1/demo-resident"));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 30000);
        camera->showSimulatedCode(QString());
        QCOMPARE(m_shell->cardType(), QStringLiteral("netid"));
        QCOMPARE(m_shell->maskedName(), PersonalData::maskName(card.name));
        QCOMPARE(m_shell->maskedIdNumber(), PersonalData::maskIdNumber(card.idNumber));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifiedCard")));
        UiProbe::screenshot(m_window, QStringLiteral("identify-code-zh"));

        // The form is prefilled from what the platform said (零填报), as from a card.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("continueButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("formScreen")), 30000);
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("name")), card.name);
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("id_number")), card.idNumber);
        QVERIFY(m_runtime->draft()->isPrefilled(QStringLiteral("id_number")));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), QStringLiteral("13955123456")));
        QTRY_VERIFY(m_kiosk->form()->complete());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));
        QVERIFY(tapWhenShown(QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 60000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);

        // One check at the platform, by code; the case filed for the code's holder.
        const QJsonArray checks = table(QStringLiteral("verifications"));
        QCOMPARE(checks.size(), 2);
        QCOMPARE(checks.at(0).toObject().value(QLatin1String("verified")).toInt(), 0);
        QCOMPARE(checks.at(1).toObject().value(QLatin1String("method")).toString(), QStringLiteral("netid_qr"));
        QCOMPARE(checks.at(1).toObject().value(QLatin1String("verified")).toInt(), 1);
        const QJsonArray cases = table(QStringLiteral("cases"));
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("item_code")).toString(), item);
        QVERIFY(cases.first().toObject().value(QLatin1String("applicant")).toString().contains(PersonalData::maskIdNumber(card.idNumber)));

        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(m_runtime->identity()->codePayload().isEmpty());
        QVERIFY(!m_runtime->verification()->codeHolder());
        QVERIFY(m_runtime->verification()->holderToken().isEmpty());
        verifyNothingOfTheResidentIsStored();
    }

    void theCameraAdviceIsSpokenOnceItHoldsAndAgainIfNotFollowed()
    {
        QStringList heard;
        auto player = std::make_unique<RecordingPlayer>(&heard);
        RecordingPlayer *speaker = player.get();
        VoicePrompts voice(m_shell, std::move(player), 1.0);
        const auto timesHeard = [&heard](const QString &prompt) {
            return heard.count(VoicePrompts::recording(prompt, QStringLiteral("zh"), false));
        };
        auto *camera = qobject_cast<Camera *>(m_runtime->devices()->device(QStringLiteral("face_camera")));
        QVERIFY(camera);
        camera->showSimulatedFace(Camera::SimulatedFace::Absent);
        presentCardFor(m_faceItem);
        QVERIFY(tapWhenShown(QStringLiteral("agreeButton")));

        // Nobody before the camera: once the step's own prompt has played, the resident is asked to look at it.
        QTRY_COMPARE_WITH_TIMEOUT(Services()->faceGuidance(), QStringLiteral("no_face"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(heard.constLast(), QStringLiteral(":/voice/zh/verify.wav"), 30000);
        speaker->finishPlaying();
        QTRY_COMPARE_WITH_TIMEOUT(timesHeard(QStringLiteral("face_look")), 1, 30000);
        speaker->finishPlaying();

        // A photo held up is a face that does not turn: the resident is asked to turn, and asked
        // again a while later, but not over and over.
        camera->showSimulatedFace(Camera::SimulatedFace::Photo);
        QTRY_COMPARE_WITH_TIMEOUT(Services()->faceGuidance(), QStringLiteral("good"), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(timesHeard(QStringLiteral("face_turn")), 1, 30000);
        speaker->finishPlaying();
        QTest::qWait(2000);
        QCOMPARE(timesHeard(QStringLiteral("face_turn")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(timesHeard(QStringLiteral("face_turn")), 2, 30000);
        QCOMPARE(timesHeard(QStringLiteral("face_look")), 1);

        // Once the live resident has turned and the check has gone to the platform, the camera's advice stops.
        camera->showSimulatedFace(Camera::SimulatedFace::Live);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("deliveryScreen")), 60000);
        speaker->finishPlaying();
        const qsizetype heardByThen = heard.size();
        QTest::qWait(10000);
        for (qsizetype i = heardByThen; i < heard.size(); ++i)
            QVERIFY2(!heard.at(i).contains(QLatin1String("/face_")), qPrintable(heard.at(i)));
        for (const QString &recording : std::as_const(heard))
            QVERIFY2(recording == QLatin1String("(stop)") || QFile::exists(recording), qPrintable(recording));
    }

    void anAppCodeAndALiveFaceServeAnItemThatNeedsAFace()
    {
        presentCodeFor(m_faceItem);
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QVERIFY(tapWhenShown(QStringLiteral("agreeButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("deliveryScreen")), 90000);
        QTRY_COMPARE_WITH_TIMEOUT(Services()->deliveryStage(), DocumentDelivery::Stage::Done, 60000);
        // The code, then the code with the face: the platform compared the face with the code's holder.
        const QJsonArray checks = table(QStringLiteral("verifications"));
        QCOMPARE(checks.size(), 2);
        for (const QJsonValue &check : checks) {
            QCOMPARE(check.toObject().value(QLatin1String("method")).toString(), QStringLiteral("netid_qr"));
            QCOMPARE(check.toObject().value(QLatin1String("verified")).toInt(), 1);
        }
        QCOMPARE(checks.at(1).toObject().value(QLatin1String("face")).toInt(), 1);
        QVERIFY(m_runtime->verification()->faceChecked());
        QCOMPARE(m_runtime->verification()->verifiedBy(), QStringLiteral("netid_qr"));
        QCOMPARE(table(QStringLiteral("cases")).first().toObject().value(QLatin1String("item_code")).toString(), m_faceItem);
        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        verifyNothingOfTheResidentIsStored();
    }

    void aCardLaidDownWhileACodeIsCheckedIsWhoTheResidentIs()
    {
        const IdCardHolder card = *SimCards::card(QStringLiteral("hk_mo_tw_permit"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0010-01")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        // A slow platform: the code's answer comes after the card.
        QVERIFY(!m_enrolled->platform()->post(QStringLiteral("faults"), {{QStringLiteral("latency_ms"), 4000}}).isEmpty());
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/demo-resident")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->codeBeingChecked(), 20000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("codeBeingChecked")));
        UiProbe::screenshot(m_window, QStringLiteral("identify-code-checking-zh"));
        QVERIFY(m_shell->simulate(QStringLiteral("card present hk_mo_tw_permit")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_shell->codeBeingChecked(), 30000);
        QTest::qWait(500);
        QCOMPARE(m_shell->cardType(), QStringLiteral("hk_mo_tw_permit"));
        QCOMPARE(m_shell->maskedIdNumber(), PersonalData::maskIdNumber(card.idNumber));
        QVERIFY(!m_runtime->verification()->isVerified());
        QVERIFY(m_runtime->verification()->holderToken().isEmpty());
    }

    void anItemThatNeedsTheCardSaysSoWhenShownACode()
    {
        m_shell->setLanguage(QStringLiteral("en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(QStringLiteral("340100-000-ZZ-0012-01"))); // idcard only
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("appCodeHint")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/demo-resident")).startsWith(QLatin1String("ok")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->cardProblem(), QStringLiteral("code_not_for_item"), 30000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("cardProblem")));
        UiProbe::screenshot(m_window, QStringLiteral("identify-code-refused-en"));
        QVERIFY(!m_shell->identified());
        QCOMPARE(table(QStringLiteral("verifications")).size(), 0);
    }

    void aCardAloneShowsNoLicencesButTheAppsCodeDoes()
    {
        // A card left on the reader, and the resident declines the face check: no licence is shown.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("licencesErrand")));
        presentCard();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("consentPanel")), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("declineButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("alternatives")));
        QTest::qWait(1000);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("licencesScreen")));
        QCOMPARE(m_runtime->records()->licences().size(), 0);
        QVERIFY(!m_runtime->errands()->printLicence(QStringLiteral("any")));
        m_shell->endSession();
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QTest::qWait(2000);

        // The app's code: the app verified its holder, so the licences are shown at once.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("licencesErrand")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_runtime->devices()->device(QStringLiteral("barcode_scanner"))->health().isUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("scan https://netid.example.gov.cn/v1/demo-resident")).startsWith(QLatin1String("ok")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->identified(), 30000);
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("licencesScreen")), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(Services()->licences().size(), 2, 30000);
    }

    void anELicenceIsListedAndPrinted()
    {
        m_shell->setLanguage(QStringLiteral("en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QVERIFY(tapWhenShown(QStringLiteral("licencesErrand")));
        presentCard();
        // The card alone does not show them: the resident agrees to a face check first, with the
        // other ways offered as for any item.
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("consentPanel")), 30000);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("licencesScreen")));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("declineButton")));
        QCOMPARE(table(QStringLiteral("verifications")).size(), 0);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("agreeButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("licencesScreen")), 60000);
        QCOMPARE(m_runtime->verification()->verifiedBy(), QStringLiteral("idcard+face"));
        QTRY_COMPARE_WITH_TIMEOUT(Services()->licences().size(), 2, 30000);
        const QVariantMap first = Services()->licences().first().toMap();
        QCOMPARE(first.value(QStringLiteral("type")).toString(), QStringLiteral("Household register"));
        UiProbe::screenshot(m_window, QStringLiteral("licences-en"));
        QVERIFY(tapWhenShown(QStringLiteral("printLicence-") + first.value(QStringLiteral("id")).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(Services()->deliveryStage(), DocumentDelivery::Stage::Done, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(spooledTexts(QStringLiteral("document_printer")).size(), 1, 30000);
        const QString document = spooledTexts(QStringLiteral("document_printer")).first();
        QVERIFY2(document.contains(QStringLiteral("Electronic licence")) && document.contains(first.value(QStringLiteral("id")).toString()),
                 qPrintable(document));
        // The job is named "kiosk-a4-licence", not after the licence (居民户口簿 became "_").
        QCOMPARE(spooledNames(QStringLiteral("document_printer")), QStringList{QStringLiteral("kiosk-a4-licence.pdf")});
        // Nothing was filed: printing one's own licence is no application.
        QCOMPARE(table(QStringLiteral("cases")).size(), 0);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("finishButton")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QCOMPARE(m_runtime->records()->licences().size(), 0);
        verifyNothingOfTheResidentIsStored();
    }
};

QTEST_MAIN(TestErrands)
#include "test_errands.moc"
