#pragma once

#include "applicationdesk.h"
#include "applicationjourney.h"
#include "common/personaldata.h"
#include "device/deviceregistry.h"
#include "enrolledkiosk.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "kioskwindow.h"
#include "outboxstore.h"
#include "platformheartbeat.h"
#include "printer/printer.h"
#include "printer/printjob.h"
#include "printer/sim/printersimulator.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
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

#include <memory>

// The kiosk the apply suites drive, anew for each test: enrolled at a reference platform serving a
// newer catalogue (one item renamed), the real card reader driver against its simulator, the outbox;
// and the steps and checks they share: identified and the form filled, the case filed, a receipt
// that fails, nothing of the resident left behind.
class ApplyJourneyKiosk : public QObject
{
protected:
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

    void startKiosk()
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

    void stopKiosk()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }
};
