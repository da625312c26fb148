#pragma once

#include "receiptcontent.h"

#include <QList>
#include <QObject>
#include <QPointer>

class DeviceRegistry;
class PrintJob;

// The self-tests staff run from the maintenance screen: read a card (only the masked name and
// number are kept), scan a code of their own (shown, never logged in full), print the test page
// on the receipt printer, and measure a camera's brightness and focus. Each test says how far it
// got; performed() tells what the audit log should record. stop() stops listening for cards and
// codes (leaving maintenance); reset() also forgets every result.
class DeviceSelfTests : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Progress card READ card NOTIFY changed)
    Q_PROPERTY(QString cardText READ cardText NOTIFY changed)
    Q_PROPERTY(Progress scan READ scan NOTIFY changed)
    Q_PROPERTY(QString scanText READ scanText NOTIFY changed)
    Q_PROPERTY(Progress print READ print NOTIFY changed)
    Q_PROPERTY(QString printDetail READ printDetail NOTIFY changed)
    Q_PROPERTY(Progress camera READ camera NOTIFY changed)
    Q_PROPERTY(int brightness READ brightness NOTIFY changed)
    Q_PROPERTY(int focus READ focus NOTIFY changed)

public:
    // NotRun; Unavailable: no such device (or, for the camera, no frame yet); Waiting: for a
    // card, a code, the printer; Done: the text, page or figures are there; Failed: the detail says why.
    enum class Progress { NotRun, Unavailable, Waiting, Done, Failed };
    Q_ENUM(Progress)

    explicit DeviceSelfTests(const DeviceRegistry *registry, QObject *parent = nullptr);
    ~DeviceSelfTests() override;

    [[nodiscard]] Progress card() const { return m_card; }
    // The masked name and number read, or why reading failed.
    [[nodiscard]] QString cardText() const { return m_cardText; }
    [[nodiscard]] Progress scan() const { return m_scan; }
    [[nodiscard]] QString scanText() const { return m_scanText; }
    [[nodiscard]] Progress print() const { return m_print; }
    // Why the test page failed ("no_printer", the renderer's or the printer's detail).
    [[nodiscard]] QString printDetail() const { return m_printDetail; }
    [[nodiscard]] Progress camera() const { return m_camera; }
    [[nodiscard]] int brightness() const { return m_brightness; }
    [[nodiscard]] int focus() const { return m_focus; }

    Q_INVOKABLE void startCardTest();
    Q_INVOKABLE void startScanTest();
    // `content` names the hall, the terminal and the version; the printer's name is filled in here.
    bool printTestPage(TestPageContent content);
    Q_INVOKABLE void measureCamera(const QString &cameraId);

    // The masked text the card test shows for a card: name (Chinese, else English) and number.
    [[nodiscard]] static QString maskedCard(const QString &name, const QString &nameEn, const QString &idNumber);

    void stop();
    void reset();

signals:
    void changed();
    // An audit line: "selftest.card" ok/failed, "selftest.scan" ok, "selftest.print" ok/failed.
    void performed(const QString &action, const QString &result, const QString &detail);
    // The test page's job ended (the paper count moved).
    void printFinished();

private:
    const DeviceRegistry *m_registry;
    Progress m_card = Progress::NotRun;
    QString m_cardText;
    Progress m_scan = Progress::NotRun;
    QString m_scanText;
    Progress m_print = Progress::NotRun;
    QString m_printDetail;
    Progress m_camera = Progress::NotRun;
    int m_brightness = 0;
    int m_focus = 0;
    QPointer<PrintJob> m_printJob;
    QList<QMetaObject::Connection> m_listening;
};
