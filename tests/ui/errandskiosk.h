#pragma once

#include "applicationdesk.h"
#include "applicationjourney.h"
#include "camera/camera.h"
#include "common/personaldata.h"
#include "device/deviceregistry.h"
#include "enrolledkiosk.h"
#include "idcard/sim/simcards.h"
#include "instanterrands.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "platformclient.h"
#include "platformheartbeat.h"
#include "printer/sim/printersimulator.h"
#include "recordingplayer.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
#include "scanner/sim/scannersimulatorhost.h"
#include "servicedesk.h"
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

#include <memory>

// The kiosk the errand suites drive, anew for each test: enrolled at the reference platform over
// HTTP, the real drivers against their simulators (card reader on a pty, face camera showing a live
// resident, IPP printers), and the steps and checks they share: a card or an app code presented,
// a certificate printed, the printers' spools read, nothing of the resident left behind.
class ErrandsKiosk : public QObject
{
protected:
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

    void startKiosk()
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

    void stopKiosk()
    {
        m_window = nullptr;
        m_shell = nullptr;
        m_runtime = nullptr;
        m_enrolled.reset();
    }
};
