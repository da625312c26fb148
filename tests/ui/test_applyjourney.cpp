#include "refplatformprocess.h"
#include "common/personaldata.h"
#include "device/deviceregistry.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "applicationdesk.h"
#include "applicationjourney.h"
#include "kioskshell.h"
#include "kioskwindow.h"
#include "outboxstore.h"
#include "platformheartbeat.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "printer/sim/printersimulator.h"
#include "runningkiosk.h"
#include "enrolledkiosk.h"
#include "uiprobe.h"

#include <QDirIterator>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// A resident's whole apply journey through the real QML, the real card reader driver (against its
// simulator on a pty), the outbox and the reference platform: card → form → review → case number
// → rating → wipe, and the same journey queued while the platform is away.
class TestApplyJourney : public QObject
{
    Q_OBJECT

private:
    const QString m_item = QStringLiteral("340100-000-ZZ-0010-01"); // no materials, no face, phone typed
    const QString m_phone = QStringLiteral("13955123456");
    const QString m_platformCatalogueVersion = QStringLiteral("2026-11-24.1");
    const QString m_renamedItem = QStringLiteral("纳税信用等级查询（平台版）");
    std::unique_ptr<EnrolledKiosk> m_enrolled;
    QString m_config;
    RunningKiosk *m_kiosk = nullptr;
    KioskRuntime *m_runtime = nullptr;
    KioskShell *m_shell = nullptr;
    QQuickWindow *m_window = nullptr;

    bool tapWhenShown(const QString &name, int timeoutMs = 20000) { return UiProbe::tapWhenShown(m_window, name, timeoutMs); }

    void identifyAndFillTheForm()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(m_item));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("startButton")));
        QCOMPARE(m_shell->selectedItemUnavailable(), QString());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));

        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        const QStringList shown = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("formScreen")));
        QVERIFY2(shown.contains(PersonalData::maskName(card.name)), qPrintable(shown.join(QLatin1Char('|'))));
        QVERIFY(shown.contains(PersonalData::maskIdNumber(card.idNumber)));
        QVERIFY(!shown.join(QString()).contains(card.idNumber));
        UiProbe::screenshot(m_window, QStringLiteral("form-zh"));

        // The review refuses an empty phone and says so next to the field.
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));
        QTRY_VERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("formScreen"))).contains(QStringLiteral("请填写此项")));
        QCOMPARE(m_runtime->session()->state(), SessionState::Form);

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("field_phone")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("numericKeypad")));
        for (const QChar digit : m_phone)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("key_") + digit));
        UiProbe::screenshot(m_window, QStringLiteral("form-keypad-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
        QTRY_VERIFY(m_kiosk->form()->complete());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        UiProbe::screenshot(m_window, QStringLiteral("review-zh"));
    }

    // Submits the reviewed form and waits for the result screen of a case the platform filed.
    void submitAndSeeTheCaseFiled()
    {
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 30000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);
    }

    // The result screen says the receipt did not come out, keeps the case number in view and
    // offers a reprint.
    void verifyTheReceiptFailedNoticeShows(const QString &caseNo)
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Failed, 60000);
        const QStringList shown = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("resultScreen")));
        QVERIFY2(shown.contains(QStringLiteral("回执没有打印出来，请记下上面的编号，或重新打印。")), qPrintable(shown.join(QLatin1Char('|'))));
        QVERIFY(shown.contains(caseNo));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("reprintButton")));
    }

    // Files the form with `fault` set on the receipt printer: the case is filed all the same, and
    // the result screen says the receipt did not come out.
    void fileWhileTheReceiptFails(void (PrinterSimulator::*fault)())
    {
        QVERIFY(receiptPrinter());
        identifyAndFillTheForm();
        (receiptPrinter()->*fault)();
        submitAndSeeTheCaseFiled();
        if (QTest::currentTestFailed())
            return;
        verifyTheReceiptFailedNoticeShows(m_shell->caseNumber());
    }

    PrinterSimulator *receiptPrinter() const { return m_runtime->devices()->printerSimulator(QStringLiteral("receipt_printer")); }

    // The text of the last document the receipt printer received, as pdftotext reads it.
    QString lastReceiptText() const
    {
        const QStringList printed = receiptPrinter()->printedFiles();
        if (printed.isEmpty())
            return {};
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {printed.last(), QStringLiteral("-")});
        pdftotext.waitForFinished(30000);
        return QString::fromUtf8(pdftotext.readAllStandardOutput());
    }

    // Every file the kiosk keeps, read whole: none may hold the resident in clear.
    void verifyNothingOfTheResidentIsStored()
    {
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        QDirIterator files(m_enrolled->directory()->filePath(QStringLiteral("state")), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(card.idNumber.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(card.name.toUtf8()), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains(m_phone.toUtf8()), qPrintable(file.fileName()));
        }
    }

private slots:
    void init()
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        // The platform serves a newer catalogue than the one built into the kiosk: one item renamed.
        QFile demo(qEnvironmentVariable("KIOSK_SOURCE_DIR") + QStringLiteral("/assets/catalogue/demo-catalogue.json"));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QJsonObject catalogue = QJsonDocument::fromJson(demo.readAll()).object();
        catalogue.insert(QStringLiteral("version"), m_platformCatalogueVersion);
        QJsonArray items = catalogue.value(QLatin1String("items")).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject item = items.at(i).toObject();
            if (item.value(QLatin1String("code")).toString() == QLatin1String("340100-000-ZZ-0019-01")) {
                item.insert(QStringLiteral("name"), QJsonObject{{QStringLiteral("zh"), m_renamedItem}, {QStringLiteral("en"), QStringLiteral("Tax credit rating")}});
                items.replace(i, item);
            }
        }
        catalogue.insert(QStringLiteral("items"), items);
        QFile served(m_enrolled->directory()->filePath(QStringLiteral("platform-catalogue-source.json")));
        QVERIFY(served.open(QIODevice::WriteOnly));
        served.write(QJsonDocument(catalogue).toJson());
        served.close();
        QVERIFY2(m_enrolled->start(QStringLiteral("journey-1"), {QStringLiteral("--catalogue"), served.fileName()}), qPrintable(m_enrolled->errorText()));
        m_config = m_enrolled->configPath();
        m_kiosk = m_enrolled->kiosk();
        m_runtime = m_kiosk->runtime();
        m_shell = m_kiosk->shell();
        m_window = m_kiosk->window();
        QVERIFY(m_runtime->outbox());
    }

    void cleanup()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }

    void aResidentFilesAnApplicationRatesItAndLeavesNothingBehind()
    {
        identifyAndFillTheForm();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 30000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);
        const QString caseNo = m_shell->caseNumber();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{20}$")).match(caseNo).hasMatch(), qPrintable(caseNo));
        QVERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("resultScreen"))).contains(caseNo));
        UiProbe::screenshot(m_window, QStringLiteral("result-filed-zh"));

        const QJsonArray cases = m_enrolled->platform()->inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray();
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("case_no")).toString(), caseNo);
        QCOMPARE(cases.first().toObject().value(QLatin1String("item_code")).toString(), m_item);
        // The reference platform keeps the applicant masked; what it received was checked in full.
        QVERIFY(cases.first().toObject().value(QLatin1String("applicant")).toString().contains(
            PersonalData::maskIdNumber(SimCards::card(QStringLiteral("resident"))->idNumber)));

        // The receipt comes out of the (simulated, real IPP) receipt printer with the case number
        // and the applicant masked.
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        const QString spool = PrinterSimulator::defaultSpoolDirectory(m_enrolled->directory()->filePath(QStringLiteral("state")), QStringLiteral("receipt_printer"));
        const QStringList printed = QDir(spool).entryList({QStringLiteral("*.pdf")}, QDir::Files);
        QCOMPARE(printed.size(), 1);
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {QDir(spool).filePath(printed.first()), QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(30000));
        const QString receipt = QString::fromUtf8(pdftotext.readAllStandardOutput());
        const IdCardHolder card = *SimCards::card(QStringLiteral("resident"));
        QVERIFY2(receipt.contains(caseNo), qPrintable(receipt));
        QVERIFY2(receipt.contains(PersonalData::maskIdNumber(card.idNumber)), qPrintable(receipt));
        QVERIFY(!receipt.contains(card.idNumber));
        QVERIFY(!receipt.contains(card.name));
        UiProbe::screenshot(m_window, QStringLiteral("result-printed-zh"));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("ratingScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("score_2")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("tag_0")));
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("sendRating"))->isEnabled());
        UiProbe::screenshot(m_window, QStringLiteral("rating-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("tag_0")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("sendRating"))->isEnabled());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("sendRating")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));

        QTRY_COMPARE_WITH_TIMEOUT(m_enrolled->platform()->inspect(QStringLiteral("evaluations")).value(QLatin1String("evaluations")).toArray().size(), 1, 30000);
        const QJsonObject rating = m_enrolled->platform()->inspect(QStringLiteral("evaluations")).value(QLatin1String("evaluations")).toArray().first().toObject();
        QCOMPARE(rating.value(QLatin1String("case_no")).toString(), caseNo);
        QCOMPARE(rating.value(QLatin1String("score")).toVariant().toInt(), 2);
        QVERIFY2(rating.value(QLatin1String("tags")).toVariant().toString().contains(QLatin1String("too_many_steps")),
                 QJsonDocument(rating).toJson().constData());

        QVERIFY(!m_runtime->identity()->isIdentified());
        QVERIFY(!m_runtime->draft()->isActive());
        QVERIFY(m_kiosk->form()->fields().isEmpty());
        QVERIFY(m_shell->caseNumber().isEmpty());
        verifyNothingOfTheResidentIsStored();
    }

    void leavingWithWhatWasEnteredAsksFirstAndWithNothingEnteredLeavesAtOnce()
    {
        // The phone was typed: 退出 asks, and going on keeps everything.
        identifyAndFillTheForm();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("exitConfirmation")));
        QCOMPARE(m_runtime->session()->state(), SessionState::Review);
        QStringList shown = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("exitConfirmation")));
        QVERIFY2(shown.contains(QStringLiteral("继续办理")) && shown.contains(QStringLiteral("退出并清除")), qPrintable(shown.join(QLatin1Char('|'))));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("keepApplicationButton"))->height() >= 96);
        UiProbe::screenshot(m_window, QStringLiteral("exit-confirmation-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keepApplicationButton")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("exitConfirmation")));
        QVERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("phone")), m_phone);

        // Asked again in English, the resident leaves and everything is cleared.
        QVERIFY(m_shell->setLanguage(QStringLiteral("en")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("exitConfirmation")));
        shown = UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("exitConfirmation")));
        QVERIFY2(shown.contains(QStringLiteral("Continue")) && shown.contains(QStringLiteral("Leave and clear")), qPrintable(shown.join(QLatin1Char('|'))));
        UiProbe::screenshot(m_window, QStringLiteral("exit-confirmation-en"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitAndClearButton")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(!m_runtime->draft()->holdsResidentInput());
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("exitConfirmation")));

        // Nothing typed yet, only the card's values: 退出 leaves at once.
        QVERIFY(m_shell->simulate(QStringLiteral("card remove")).startsWith(QLatin1String("ok")));
        QTest::qWait(2000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(m_item));
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("identifyScreen")));
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("exitButton")));
        QTRY_COMPARE(m_runtime->session()->state(), SessionState::Attract);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("exitConfirmation")));
    }

    void aReceiptThatFailsAfterFilingIsReprintedOnScreenAndLaterFromTheOutbox()
    {
        // The printer accepts the receipt and then fails it (a jam).
        fileWhileTheReceiptFails(&PrinterSimulator::failNextJob);
        if (QTest::currentTestFailed())
            return;
        const QString caseNo = m_shell->caseNumber();
        const QString localRef = m_shell->localReference();
        QVERIFY(!caseNo.isEmpty() && !localRef.isEmpty());
        UiProbe::screenshot(m_window, QStringLiteral("result-receipt-failed-zh"));

        const qsizetype spooledBefore = receiptPrinter()->printedFiles().size();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reprintButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        QCOMPARE(receiptPrinter()->printedFiles().size(), spooledBefore + 1);
        const QString reprinted = lastReceiptText();
        QVERIFY2(reprinted.contains(caseNo), qPrintable(reprinted));

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QVERIFY(tapWhenShown(QStringLiteral("skipRating")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(m_shell->caseNumber().isEmpty());

        // The resident has gone; staff print the receipt again from the outbox tombstone, on the
        // same printer, with the kiosk running.
        QProcess kioskctl;
        kioskctl.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("--config"), m_config, QStringLiteral("print"), QStringLiteral("receipt"),
                                                           QStringLiteral("--local-ref"), localRef, QStringLiteral("--printer"), receiptPrinter()->uri()});
        QVERIFY(kioskctl.waitForFinished(120000));
        const QString said = QString::fromUtf8(kioskctl.readAllStandardOutput() + kioskctl.readAllStandardError());
        QVERIFY2(kioskctl.exitCode() == 0 && said.contains(QStringLiteral("completed")), qPrintable(said));
        QCOMPARE(receiptPrinter()->printedFiles().size(), spooledBefore + 2);
        const QString fromTombstone = lastReceiptText();
        QVERIFY2(fromTombstone.contains(caseNo), qPrintable(fromTombstone));
        QVERIFY(fromTombstone.contains(localRef));
        verifyNothingOfTheResidentIsStored();
    }

    void aReceiptPrinterOutOfPaperMidJobTellsTheResidentAndPrintsOnceRefilled()
    {
        // The paper runs out on the receipt: the resident is told at once (not after the job
        // timeout) and keeps the case number on screen; the case is safe at the platform.
        fileWhileTheReceiptFails(&PrinterSimulator::runOutOfPaperDuringNextJob);
        if (QTest::currentTestFailed())
            return;
        const QString caseNo = m_shell->caseNumber();
        QVERIFY2(m_shell->receiptProblem().startsWith(QStringLiteral("media-empty")), qPrintable(m_shell->receiptProblem()));
        QCOMPARE(m_runtime->session()->state(), SessionState::Result);
        QTRY_VERIFY_WITH_TIMEOUT(!m_shell->receiptPrinterUsable(), 30000);
        const QJsonArray cases = m_enrolled->platform()->inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray();
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("case_no")).toString(), caseNo);
        UiProbe::screenshot(m_window, QStringLiteral("result-receipt-out-of-paper-zh"));

        // Staff load paper while the resident is still there: the held receipt comes out.
        receiptPrinter()->loadPaper();
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->receiptState(), KioskShell::ReceiptState::Printed, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->receiptPrinterUsable(), 30000);
        const QString receipt = lastReceiptText();
        QVERIFY2(receipt.contains(caseNo), qPrintable(receipt));
    }

    // The resident leaves while their receipt waits for paper; staff refill later. The receipt
    // comes out, but the next resident's session hears nothing of it.
    void aReceiptHeldForPaperThatComesOutAfterTheResidentLeftIsNoNewsToTheNext()
    {
        fileWhileTheReceiptFails(&PrinterSimulator::runOutOfPaperDuringNextJob);
        if (QTest::currentTestFailed())
            return;
        Printer *printer = m_runtime->devices()->printer(QStringLiteral("receipt_printer"));
        const QList<PrintJob *> held = printer->findChildren<PrintJob *>();
        QCOMPARE(held.size(), 1);
        QSignalSpy done(held.first(), &PrintJob::finished);

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QVERIFY(tapWhenShown(QStringLiteral("skipRating")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QCOMPARE(m_shell->receiptState(), KioskShell::ReceiptState::None);

        receiptPrinter()->loadPaper();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QCOMPARE(done.first().first().value<PrintJobState>(), PrintJobState::Completed);
        QCOMPARE(m_shell->receiptState(), KioskShell::ReceiptState::None);
        QCOMPARE(m_shell->receiptProblem(), QString());
    }

    void thePlatformsCatalogueReplacesTheBuiltInOneBetweenResidents()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_runtime->catalogue().version(), m_platformCatalogueVersion, 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("audienceBusiness")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("audienceBusiness")));
        QTRY_VERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("homeScreen"))).contains(m_renamedItem));
    }

    void aResidentPhotographsADocumentAndItTravelsWithTheCase()
    {
        const QString pension = QStringLiteral("340100-000-ZZ-0002-01"); // household register page, contribution level
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(pension));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 20000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), m_phone));
        QVERIFY(tapWhenShown(QStringLiteral("option_contribution_level_500")));
        QTRY_VERIFY(m_kiosk->form()->complete());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));

        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("materialsScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 30000);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("materialsScreen"))).contains(QStringLiteral("已拍 1 页")), 30000);
        UiProbe::screenshot(m_window, QStringLiteral("materials-zh"));

        // The document camera stops mid-capture: the screen says so, the form and the page taken
        // are kept, and capturing goes on once the camera is back.
        QCOMPARE(m_shell->simulate(QStringLiteral("camera stall document_camera")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("cameraStopped")), 30000);
        QVERIFY(!UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled());
        QVERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("materialsScreen"))).contains(QStringLiteral("已拍 1 页")));
        UiProbe::screenshot(m_window, QStringLiteral("materials-camera-stopped-zh"));
        QCOMPARE(m_runtime->draft()->value(QStringLiteral("phone")), m_phone);
        QCOMPARE(m_runtime->draft()->pages(QStringLiteral("household_book")).size(), 1);
        QCOMPARE(m_runtime->session()->state(), SessionState::Materials);
        QCOMPARE(m_shell->simulate(QStringLiteral("camera resume document_camera")), QStringLiteral("ok"));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview")), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 30000);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("captureButton"))->isEnabled());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("materialsScreen"))).contains(QStringLiteral("已拍 2 页")), 30000);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("materialsDoneButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("reviewScreen")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 60000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Filed);

        const QJsonArray cases = m_enrolled->platform()->inspect(QStringLiteral("cases")).value(QLatin1String("cases")).toArray();
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases.first().toObject().value(QLatin1String("item_code")).toString(), pension);
        QCOMPARE(cases.first().toObject().value(QLatin1String("materials")).toInt(), 1);
        QCOMPARE(m_enrolled->platform()->inspect(QStringLiteral("materials")).value(QLatin1String("materials")).toArray().size(), 1);

        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QVERIFY(tapWhenShown(QStringLiteral("skipRating")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(!m_runtime->draft()->isActive());
        QVERIFY(m_runtime->draft()->pages(QStringLiteral("household_book")).isEmpty());
        verifyNothingOfTheResidentIsStored();
    }

    void eachPageTakenShowsAsAThumbnailAndTheNextMaterialIsSelected()
    {
        const QString allowance = QStringLiteral("340100-000-ZZ-0008-01"); // birth certificate, bank card
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(allowance));
        QTRY_COMPARE_WITH_TIMEOUT(m_shell->selectedItemUnavailable(), QString(), 20000);
        QVERIFY(tapWhenShown(QStringLiteral("startButton")));
        QTRY_VERIFY_WITH_TIMEOUT(m_shell->cardReaderUsable(), 20000);
        QVERIFY(m_shell->simulate(QStringLiteral("card present resident")).startsWith(QLatin1String("ok")));
        QVERIFY(tapWhenShown(QStringLiteral("continueButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("formScreen")));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("phone"), m_phone));
        QVERIFY(m_kiosk->form()->setFieldValue(QStringLiteral("bank_account"), QStringLiteral("6222021234567890123")));
        QTRY_VERIFY(m_kiosk->form()->complete());
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("reviewButton")));

        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("materialsScreen")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("documentPreview"))->property("live").toBool(), 30000);
        QCOMPARE(m_kiosk->form()->currentMaterial(), QStringLiteral("birth_certificate"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        // The page taken shows as a thumbnail, and the camera goes on to the next paper.
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("thumb_birth_certificate_0")), 30000);
        QTRY_COMPARE(m_kiosk->form()->currentMaterial(), QStringLiteral("bank_card"));
        // Image.Ready, with a picture drawn from the page in memory.
        QTRY_COMPARE(UiProbe::find(m_window, QStringLiteral("thumb_birth_certificate_0"))->property("status").toInt(), 1);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("thumb_birth_certificate_0"))->implicitWidth() > 0);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("addPage_birth_certificate")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("thumb_bank_card_0")), 30000);
        QCOMPARE(m_runtime->draft()->pages(QStringLiteral("bank_card")).size(), 1);
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("materialsDoneButton"))->isEnabled());
        UiProbe::screenshot(m_window, QStringLiteral("materials-thumbnails-zh"));

        // A thumbnail opens large; "retake" replaces that page, and only that page.
        QSignalSpy taken(m_runtime->journey(), &ApplicationJourney::pageCaptured);
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("thumb_birth_certificate_0")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("pageViewer")));
        QTRY_COMPARE(UiProbe::find(m_window, QStringLiteral("pageLarge"))->property("status").toInt(), 1);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("pageLarge"))->implicitWidth() > 0);
        UiProbe::screenshot(m_window, QStringLiteral("materials-page-large-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("retakePageButton")));
        QTRY_VERIFY(!UiProbe::find(m_window, QStringLiteral("pageViewer")));
        QCOMPARE(m_kiosk->form()->currentMaterial(), QStringLiteral("birth_certificate"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("captureButton")));
        QTRY_COMPARE_WITH_TIMEOUT(taken.size(), 1, 30000);
        // Replaced, not added: still one page of each.
        QCOMPARE(m_runtime->draft()->pages(QStringLiteral("birth_certificate")).size(), 1);
        QCOMPARE(m_runtime->draft()->pages(QStringLiteral("bank_card")).size(), 1);
        QVERIFY(UiProbe::find(m_window, QStringLiteral("thumb_birth_certificate_0")));
        m_shell->endSession();
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(m_runtime->draft()->pages(QStringLiteral("birth_certificate")).isEmpty());
    }

    void thePlatformLocksAndUnlocksTheTerminalThroughTheHeartbeat()
    {
        QVERIFY(m_runtime->heartbeat());
        // The test sets the period it waits on: beatNow() is not doubled while a beat is in
        // flight, so a command posted then comes with the next periodic beat, which would
        // otherwise be the contract's 60 s away.
        m_runtime->heartbeat()->setInterval(std::chrono::milliseconds(250));
        const QString terminal = m_enrolled->platform()->inspect(QStringLiteral("terminals")).value(QLatin1String("terminals")).toArray()
                                     .first().toObject().value(QLatin1String("terminal_id")).toString();
        QVERIFY(!terminal.isEmpty());
        QVERIFY(m_enrolled->platform()->post(QStringLiteral("commands"), {{QStringLiteral("name"), QStringLiteral("lock")}, {QStringLiteral("terminal_id"), terminal}})
                    .contains(QLatin1String("id")));
        m_runtime->heartbeat()->beatNow();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("outOfServiceScreen")), 30000);
        UiProbe::screenshot(m_window, QStringLiteral("out-of-service"));
        // A touch does not start a session while the terminal is locked.
        m_shell->start();
        QCOMPARE(m_runtime->session()->state(), SessionState::Attract);

        QVERIFY(m_enrolled->platform()->post(QStringLiteral("commands"), {{QStringLiteral("name"), QStringLiteral("unlock")}, {QStringLiteral("terminal_id"), terminal}})
                    .contains(QLatin1String("id")));
        m_runtime->heartbeat()->beatNow();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("attractScreen")), 30000);
    }

    void aGuideWithdrawsStartTheMomentThePlatformGoesAway()
    {
        const QString needsPlatform = QStringLiteral("340100-000-ZZ-0012-01"); // not offline_ok
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("startArea")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("homeScreen")));
        QVERIFY(m_shell->openItem(needsPlatform));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("startButton")) && UiProbe::find(m_window, QStringLiteral("startButton"))->isEnabled(), 30000);
        // The platform goes away while the resident reads the guide: the next contact finds out,
        // and the open guide says so without being reopened.
        m_enrolled->platform()->kill();
        m_runtime->heartbeat()->beatNow();
        QTRY_VERIFY_WITH_TIMEOUT(!UiProbe::find(m_window, QStringLiteral("startButton"))->isEnabled(), 30000);
        QCOMPARE(m_shell->selectedItemUnavailable(), QStringLiteral("platform_offline"));
        UiProbe::screenshot(m_window, QStringLiteral("guide-platform-away-zh"));
    }

    void whileThePlatformIsAwayTheApplicationIsQueuedAndSentLater()
    {
        identifyAndFillTheForm();
        m_enrolled->platform()->kill();
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("submitButton")));
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(m_window, QStringLiteral("resultScreen")), 30000);
        QCOMPARE(m_shell->outcome(), KioskShell::Outcome::Queued);
        const QString localRef = m_shell->localReference();
        QVERIFY(!localRef.isEmpty());
        QVERIFY(UiProbe::visibleTexts(UiProbe::find(m_window, QStringLiteral("resultScreen"))).contains(localRef));
        UiProbe::screenshot(m_window, QStringLiteral("result-queued-zh"));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("toRatingButton")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("skipRating")));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("skipRating")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
        QVERIFY(!m_runtime->identity()->isIdentified());
        const auto entry = m_runtime->outbox()->find(localRef);
        QVERIFY(entry.ok() && entry.value().has_value());
    }
};

QTEST_MAIN(TestApplyJourney)
#include "test_applyjourney.moc"
