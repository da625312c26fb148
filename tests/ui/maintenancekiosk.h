#pragma once

#include "admincode.h"
#include "applicationjourney.h"
#include "auditlog.h"
#include "common/personaldata.h"
#include "device/deviceregistry.h"
#include "idcard/sim/simcards.h"
#include "kioskruntime.h"
#include "kioskshell.h"
#include "maintenancepin.h"
#include "maintenanceshell.h"
#include "outboxkey.h"
#include "printer/sim/printersimulator.h"
#include "receiptprinting.h"
#include "recentlog.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
#include "scanner/sim/scannersimulatorhost.h"
#include "uiprobe.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The kiosk the maintenance suites start, each test its own: a configuration written for the
// reference platform with the outbox key made, enrolled and given a PIN when asked, on a clock the
// test sets; and what the suites share to drive it as staff do (the hidden gesture, the PIN pad,
// the pinyin keyboard, the scanner) and to read what it did (audit log, printed receipt).
class MaintenanceKiosk : public QObject
{
protected:
    const QString m_pin = QStringLiteral("480372");
    const QString m_token = QStringLiteral("hall-setup-7");
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RefPlatformProcess> m_platform;
    std::unique_ptr<RunningKiosk> m_kiosk;
    QQuickWindow *m_window = nullptr;
    QString m_configPath;
    QDateTime m_now;

    QString stateDir() const { return m_dir->filePath(QStringLiteral("state")); }
    // Every terminal here names this file under admin/code_keys; tests that scan admin codes write it.
    QString adminKeysFile() const { return m_dir->filePath(QStringLiteral("admin-keys.pem")); }

    bool waitFor(const QString &name, int timeoutMs = 20000)
    {
        QElapsedTimer clock;
        clock.start();
        while (!UiProbe::find(m_window, name) && clock.elapsed() < timeoutMs)
            QTest::qWait(20);
        return UiProbe::find(m_window, name);
    }

    QString shownIn(const QString &name) const
    {
        return UiProbe::visibleTexts(UiProbe::find(m_window, name)).join(QLatin1Char('|'));
    }

    // Swipes the screen's scrolling page until the named item is in the middle, as a person would.
    bool scrollIntoView(const QString &name)
    {
        QQuickItem *item = UiProbe::find(m_window, name);
        if (!item)
            return false;
        for (QQuickItem *page = item->parentItem(); page; page = page->parentItem()) {
            if (!page->inherits("QQuickFlickable"))
                continue;
            QQuickItem *content = page->property("contentItem").value<QQuickItem *>();
            const qreal top = item->mapToItem(content, QPointF(0, 0)).y();
            const qreal bottom = qMax<qreal>(0, page->property("contentHeight").toReal() - page->height());
            page->setProperty("contentY", qBound<qreal>(0, top - page->height() / 2, bottom));
            return true;
        }
        return true;
    }

    bool tapOnPage(const QString &name)
    {
        return scrollIntoView(name) && UiProbe::tap(m_window, name);
    }

    void typePin(const QString &pin)
    {
        for (const QChar digit : pin)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("key_") + digit));
        QVERIFY(UiProbe::tap(m_window, QStringLiteral("keypadDone")));
    }

    void makeTheGesture()
    {
        for (int i = 0; i < 5; ++i)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("maintenanceCorner")));
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("pinPad")));
    }

    // A terminal with the reference platform, the outbox key and, when asked, enrolment and a PIN.
    void startKiosk(bool enrolled, bool withPin, const QString &moreConfig = {})
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_platform = std::make_unique<RefPlatformProcess>();
        QVERIFY2(m_platform->start({QStringLiteral("--enroll-token"), m_token}), qPrintable(m_platform->errorText()));
        QDir().mkpath(stateDir());
        QVERIFY(OutboxKey::create(QDir(stateDir()).filePath(QStringLiteral("outbox.key"))).ok());
        m_configPath = m_dir->filePath(QStringLiteral("kiosk.ini"));
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("; written by test_maintenance\n[kiosk]\nmode=demo\nstate_dir=%1\n[platform]\nurl=%2\ncredentials_file=%1/terminal.json\ntimeout_s=3\n"
                                  "[offline]\nkey_file=%1/outbox.key\n[admin]\npin_hash=%3\ncode_keys=%4\n")
                       .arg(stateDir(), m_platform->httpUrl().toString(), withPin ? MaintenancePin::hash(m_pin) : QString(), adminKeysFile())
                       .toUtf8());
        file.write(moreConfig.toUtf8());
        file.close();
        if (enrolled) {
            QProcess enroll;
            enroll.start(qEnvironmentVariable("KIOSKCTL"), {QStringLiteral("--config"), m_configPath, QStringLiteral("enroll"),
                                                            QStringLiteral("--token"), m_token});
            QVERIFY(enroll.waitForFinished(60000));
            QVERIFY2(enroll.exitCode() == 0, enroll.readAllStandardError().constData());
        }
        QString error;
        m_kiosk = RunningKiosk::startFromFile(m_configPath, &error);
        QVERIFY2(m_kiosk, qPrintable(error));
        m_window = m_kiosk->window();
        m_now = QDateTime::currentDateTimeUtc();
        m_kiosk->maintenance()->setClock([this] { return m_now; });
        QTRY_VERIFY(UiProbe::find(m_window, QStringLiteral("attractScreen")));
    }

    QString terminalId() const
    {
        QFile file(QDir(stateDir()).filePath(QStringLiteral("terminal.json")));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("terminal_id")).toString();
    }

    QString printedText()
    {
        const QString spool = PrinterSimulator::defaultSpoolDirectory(stateDir(), QStringLiteral("receipt_printer"));
        const QStringList printed = QDir(spool).entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Time);
        if (printed.isEmpty())
            return {};
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {QDir(spool).filePath(printed.first()), QStringLiteral("-")});
        pdftotext.waitForFinished(30000);
        return QString::fromUtf8(pdftotext.readAllStandardOutput());
    }

    QStringList auditActions() const
    {
        QStringList out;
        for (const AuditEntry &entry : AuditLog(AuditLog::pathIn(stateDir())).recent(200))
            out.prepend(QStringLiteral("%1 %2 %3").arg(entry.actor, entry.action, entry.result));
        return out;
    }

    // A code signed now (by the shell's clock) for this terminal, valid for ten minutes unless told.
    QString adminCode(const AdminKeyPair &key, const QString &terminal, int issuedOffsetS = -10, const QString &role = QStringLiteral("maintainer"))
    {
        AdminCodeClaims claims;
        claims.terminal = terminal;
        claims.role = role;
        claims.issued = QDateTime::fromSecsSinceEpoch(m_now.toSecsSinceEpoch() + issuedOffsetS, Qt::UTC);
        claims.expires = claims.issued.addSecs(10 * 60);
        QString error;
        const QString payload = AdminCode::sign(claims, key.privatePem, &error);
        if (payload.isEmpty())
            qWarning() << "cannot sign:" << error;
        return payload;
    }

    void typeKeys(const QString &keys)
    {
        for (const QChar key : keys)
            QVERIFY2(UiProbe::tap(m_window, QStringLiteral("kbd_") + key), qPrintable(QString(key)));
    }

    void eraseKeys(qsizetype count)
    {
        for (qsizetype i = 0; i < count; ++i)
            QVERIFY(UiProbe::tap(m_window, QStringLiteral("kbd_back")));
    }

    // The candidate bar's key that shows `word`, or an empty name.
    QString candidateShowing(const QString &word) const
    {
        for (int i = 0; i < 8; ++i) {
            const QQuickItem *key = UiProbe::find(m_window, QStringLiteral("candidate_%1").arg(i));
            if (key && key->property("label").toString() == word)
                return key->objectName();
        }
        return {};
    }

    // Keys the bar rebuilt after a letter are laid out by the next frame; a tap before it lands
    // where another candidate used to be.
    void waitForFrame()
    {
        QSignalSpy frames(m_window, &QQuickWindow::frameSwapped);
        m_window->update();
        QTRY_VERIFY_WITH_TIMEOUT(frames.count() > 0, 10000);
    }

    // Waits for the candidate bar to offer `word`, then taps it and waits for the spelling to go.
    void choose(const QString &word)
    {
        QTRY_VERIFY2_WITH_TIMEOUT(!candidateShowing(word).isEmpty(), qPrintable(word), 20000);
        waitForFrame();
        QVERIFY(UiProbe::tap(m_window, candidateShowing(word)));
        waitForFrame();
    }

    bool scan(const QString &text)
    {
        ScannerSimulatorHost *scanner = m_kiosk->runtime()->devices()->scannerSimulator();
        return scanner && scanner->execute(QStringLiteral("scan ") + text).startsWith(QLatin1String("ok"));
    }

    void stopKiosk()
    {
        RecentLog::uninstall();
        m_window = nullptr;
        m_kiosk.reset();
        m_platform.reset();
        m_dir.reset();
    }
};
