#include "device/devicestatistics.h"
#include "device/deviceregistry.h"
#include "devicehealthmodel.h"
#include "devicestatisticlabel.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The devices' counters as the maintenance screen's device tab shows them: words in the staff's
// language, never raw keys such as "seconds_enabled 599".
class TestDeviceStatisticLabel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void aCounterReadsAsWordsInChineseAndEnglish_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QString>("zh");
        QTest::addColumn<QString>("en");
        QTest::newRow("cards") << QStringLiteral("cards_read") << qint64(12) << QStringLiteral("读卡 12 次") << QStringLiteral("12 cards read");
        QTest::newRow("time") << QStringLiteral("seconds_enabled") << qint64(599) << QStringLiteral("累计运行 9 分 59 秒")
                              << QStringLiteral("in use for 9 min 59 s");
        QTest::newRow("hours") << QStringLiteral("seconds_enabled") << qint64(3 * 3600 + 12 * 60) << QStringLiteral("累计运行 3 小时 12 分")
                               << QStringLiteral("in use for 3 h 12 min");
        QTest::newRow("noise") << QStringLiteral("noise_bytes") << qint64(2048) << QStringLiteral("线路杂讯 2.0 KiB")
                               << QStringLiteral("2.0 KiB of line noise");
        QTest::newRow("jobs") << QStringLiteral("jobs_completed") << qint64(3) << QStringLiteral("打印完成 3 份") << QStringLiteral("3 jobs printed");
        QTest::newRow("restarts") << QStringLiteral("worker_restarts") << qint64(2) << QStringLiteral("工作线程卡死重启 2 次")
                                  << QStringLiteral("2 restarts of a stuck worker");
        // A counter of a newer driver is not hidden: its words and its number.
        QTest::newRow("unknown") << QStringLiteral("lens_cleanings") << qint64(4) << QStringLiteral("lens cleanings 4")
                                 << QStringLiteral("lens cleanings 4");
    }

    void aCounterReadsAsWordsInChineseAndEnglish()
    {
        QFETCH(QString, key);
        QFETCH(qint64, value);
        QFETCH(QString, zh);
        QFETCH(QString, en);
        QCOMPARE(DeviceStatisticLabel::text(key, value, QStringLiteral("zh")), zh);
        QCOMPARE(DeviceStatisticLabel::text(key, value, QStringLiteral("en")), en);
    }

    void theDeviceListShowsTheCountersInTheScreensLanguage()
    {
        const QString stateDir = m_dir.filePath(QStringLiteral("state"));
        QVERIFY(QDir().mkpath(stateDir + QStringLiteral("/devices")));
        DeviceStatistics kept(stateDir + QStringLiteral("/devices/barcode_scanner.json"));
        kept.add(QStringLiteral("scans"), 7);
        kept.add(QStringLiteral("seconds_enabled"), 599);
        QVERIFY(kept.save());

        DeviceRegistryOptions options;
        options.stateDirectory = stateDir;
        options.specs[QStringLiteral("barcode_scanner")] = QStringLiteral("simulated");
        DeviceRegistry registry(options);
        QStringList errors;
        QVERIFY2(registry.build(&errors), qPrintable(errors.join(QLatin1Char('\n'))));
        DeviceHealthModel model(&registry);
        const auto statistics = [&model] { return model.data(model.index(0), DeviceHealthModel::StatisticsRole).toString(); };
        QCOMPARE(statistics(), QStringLiteral("扫码 7 次 · 累计运行 9 分 59 秒"));
        QVERIFY(!statistics().contains(QStringLiteral("seconds_enabled")));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLanguage(QStringLiteral("en"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(statistics(), QStringLiteral("7 codes scanned · in use for 9 min 59 s"));
    }
};

QTEST_GUILESS_MAIN(TestDeviceStatisticLabel)
#include "test_devicestatisticlabel.moc"
