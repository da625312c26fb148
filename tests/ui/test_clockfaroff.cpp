#include "enrolledkiosk.h"
#include "kioskruntime.h"
#include "maintenancepin.h"
#include "maintenanceshell.h"
#include "platformheartbeat.h"
#include "refplatformprocess.h"
#include "runningkiosk.h"
#include "uiprobe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(Kiosk_UiPlugin)

// A terminal whose clock is two hours behind the platform's, as one whose battery ran down or
// whose NTP servers are out of reach would be: the real kiosk keeps working (its signatures follow
// the platform's Date) and tells the province in its heartbeat and staff on the maintenance screen.
class TestClockFarOff : public QObject
{
    Q_OBJECT

private:
    const QString m_pin = QStringLiteral("480372");
    std::unique_ptr<EnrolledKiosk> m_enrolled;

    // The clock entry of the newest heartbeat the platform stored, or nothing.
    QJsonObject lastReportedClock() const
    {
        const QJsonArray beats = m_enrolled->platform()->inspect(QStringLiteral("heartbeats")).value(QLatin1String("heartbeats")).toArray();
        if (beats.isEmpty())
            return {};
        const QJsonObject report = QJsonDocument::fromJson(beats.last().toObject().value(QLatin1String("report")).toString().toUtf8()).object();
        for (const QJsonValue &device : report.value(QLatin1String("devices")).toArray()) {
            if (device.toObject().value(QLatin1String("class")).toString() == QLatin1String("clock"))
                return device.toObject();
        }
        return {};
    }

private slots:
    void init()
    {
        m_enrolled = std::make_unique<EnrolledKiosk>();
        QVERIFY2(m_enrolled->start(QStringLiteral("clock-1"), {}, {{QStringLiteral("admin/pin_hash"), MaintenancePin::hash(m_pin)}}),
                 qPrintable(m_enrolled->errorText()));
    }

    void cleanup() { m_enrolled.reset(); }

    void theHeartbeatAndTheMaintenanceScreenSayTheClockIsFarOff()
    {
        RunningKiosk *kiosk = m_enrolled->kiosk();
        QVERIFY(!m_enrolled->platform()->post(QStringLiteral("faults"), {{QStringLiteral("clock_offset_s"), 7200}}).isEmpty());

        // The first beat after the change is refused as clock_skew, corrected and sent again; the
        // report it carries was made before any reply, so the next one is the first to know.
        PlatformHeartbeat *heartbeat = kiosk->runtime()->heartbeat();
        QVERIFY(heartbeat);
        QJsonObject clock;
        for (int beat = 0; beat < 20 && clock.value(QLatin1String("health")).toString() != QLatin1String("warning"); ++beat) {
            heartbeat->beatNow();
            QTest::qWait(500);
            clock = lastReportedClock();
        }
        QCOMPARE(clock.value(QLatin1String("health")).toString(), QStringLiteral("warning"));
        const QString detail = clock.value(QLatin1String("detail")).toString();
        QVERIFY2(detail == QLatin1String("skew +7200 s") || detail == QLatin1String("skew +7199 s") || detail == QLatin1String("skew +7201 s"),
                 qPrintable(detail));

        // Staff see it on the maintenance screen's platform tab, with what to do.
        MaintenanceShell *maintenance = kiosk->maintenance();
        maintenance->requestEntry(MaintenanceShell::Mode::Maintaining);
        QVERIFY(maintenance->submitPin(m_pin));
        QQuickWindow *window = kiosk->window();
        QTRY_VERIFY(UiProbe::find(window, QStringLiteral("maintenanceScreen")));
        QVERIFY(UiProbe::tap(window, QStringLiteral("tab_platform")));
        maintenance->checkPlatform();
        QTRY_VERIFY_WITH_TIMEOUT(UiProbe::find(window, QStringLiteral("clockFarOffWarning"))
                                     && UiProbe::find(window, QStringLiteral("clockFarOffWarning"))->isVisible(),
                                 30000);
        const QString shown = UiProbe::visibleTexts(UiProbe::find(window, QStringLiteral("maintenanceScreen"))).join(QLatin1Char('|'));
        QVERIFY2(shown.contains(QStringLiteral("本机时钟偏差超过 5 分钟")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("时钟偏差：720")) || shown.contains(QStringLiteral("时钟偏差：719")), qPrintable(shown));
        UiProbe::screenshot(window, QStringLiteral("maintenance-clock-far-off-zh"));

        // Set right again, the next heartbeat says so.
        QVERIFY(!m_enrolled->platform()->post(QStringLiteral("faults"), {{QStringLiteral("clock_offset_s"), 0}}).isEmpty());
        for (int beat = 0; beat < 20 && clock.value(QLatin1String("health")).toString() != QLatin1String("ok"); ++beat) {
            heartbeat->beatNow();
            QTest::qWait(500);
            clock = lastReportedClock();
        }
        QCOMPARE(clock.value(QLatin1String("health")).toString(), QStringLiteral("ok"));
    }
};

QTEST_MAIN(TestClockFarOff)
#include "test_clockfaroff.moc"
