#include "halltime.h"
#include "kioskconfig.h"

#include <QDateTime>
#include <QFile>
#include <QJSEngine>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

// The hall's time zone is the process's: the machine's image may run in UTC, the hall does not.
class TestHallTime : public QObject
{
    Q_OBJECT

private:
    static void runInUtc()
    {
        qputenv("TZ", "UTC");
        tzset();
    }

    // Writes a configuration whose [kiosk] section sets time_zone to `zone`.
    static bool writeZone(const QString &path, const QByteArray &zone)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write("[kiosk]\ntime_zone=" + zone + "\n") > 0;
    }

private slots:
    void theDefaultConfigurationKeepsShanghaiTimeOnAMachineInUtc()
    {
        runInUtc();
        QCOMPARE(QDateTime::currentDateTime().offsetFromUtc(), 0);
        QCOMPARE(KioskConfig::defaults().string(QStringLiteral("kiosk/time_zone")), QStringLiteral("Asia/Shanghai"));
        QVERIFY(HallTime::apply(KioskConfig::defaults()));
        QCOMPARE(QDateTime::currentDateTime().offsetFromUtc(), 8 * 3600);
        // 23:00 UTC is 07:00 the next morning in the hall, on a receipt and on screen (QML's Date).
        const QDateTime lateEvening(QDate(2026, 12, 6), QTime(23, 0), Qt::UTC);
        QCOMPARE(lateEvening.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), QStringLiteral("2026-12-07 07:00"));
        QJSEngine engine;
        QCOMPARE(engine.evaluate(QStringLiteral("new Date(Date.UTC(2026, 11, 6, 23, 0)).getHours()")).toInt(), 7);
    }

    void aConfiguredZoneIsTheOneUsed()
    {
        runInUtc();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kiosk.ini"));
        QVERIFY(writeZone(path, "Asia/Urumqi"));
        QList<ConfigError> errors;
        const std::optional<KioskConfig> config = KioskConfig::load(path, &errors);
        QVERIFY2(config, errors.isEmpty() ? "" : qPrintable(errors.first().toString()));
        QVERIFY(HallTime::apply(*config));
        QCOMPARE(QDateTime::currentDateTime().offsetFromUtc(), 6 * 3600);
    }

    void anUnknownZoneIsRefusedAndChangesNothing()
    {
        runInUtc();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kiosk.ini"));
        QVERIFY(writeZone(path, "Mars/Olympus_Mons"));
        QList<ConfigError> errors;
        QVERIFY(!KioskConfig::load(path, &errors));
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().toString().contains(QLatin1String("time_zone")), qPrintable(errors.first().toString()));
        QVERIFY(!HallTime::apply(QStringLiteral("Mars/Olympus_Mons")));
        QVERIFY(!HallTime::apply(QString()));
        QCOMPARE(QDateTime::currentDateTime().offsetFromUtc(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHallTime)
#include "test_halltime.moc"
