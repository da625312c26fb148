#include "firstpin.h"
#include "maintenancepin.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// The technician's first maintenance PIN, typed twice and written into the configuration.
class TestFirstPin : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString configWith(const QByteArray &text)
    {
        const QString path = m_dir.filePath(QStringLiteral("kiosk.ini"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(text);
        return path;
    }

private slots:
    void aGoodPinTypedTwiceIsWrittenAsAHash()
    {
        const QString config = configWith("; the hall's kiosk\n[kiosk]\nsite=340103\n");
        QString hash;
        QString error;
        QCOMPARE(FirstPin::save(QStringLiteral("480913"), QStringLiteral("480913"), config, &hash, &error), QString());
        QVERIFY(MaintenancePin::matches(QStringLiteral("480913"), hash));
        QCOMPARE(QSettings(config, QSettings::IniFormat).value(QStringLiteral("admin/pin_hash")).toString(), hash);
        QFile file(config);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(written.startsWith("; the hall's kiosk\n"));
        QVERIFY(!written.contains("480913"));
    }

    void aWeakPinIsRefusedWithItsReasonBeforeTheRepeatIsCompared()
    {
        const QString config = configWith("[kiosk]\n");
        QString hash;
        QCOMPARE(FirstPin::save(QStringLiteral("123456"), QStringLiteral("654321"), config, &hash, nullptr), QStringLiteral("sequence"));
        QCOMPARE(FirstPin::save(QStringLiteral("12"), QStringLiteral("12"), config, &hash, nullptr), QStringLiteral("too-short"));
        QVERIFY(hash.isEmpty());
        QVERIFY(QSettings(config, QSettings::IniFormat).value(QStringLiteral("admin/pin_hash")).isNull());
    }

    void twoDifferentEntriesAreAMismatch()
    {
        const QString config = configWith("[kiosk]\n");
        QString hash;
        QCOMPARE(FirstPin::save(QStringLiteral("480913"), QStringLiteral("480914"), config, &hash, nullptr), QStringLiteral("mismatch"));
        QVERIFY(hash.isEmpty());
    }

    void withoutAConfigurationFileNothingIsSaved()
    {
        QString hash;
        QString error;
        QCOMPARE(FirstPin::save(QStringLiteral("480913"), QStringLiteral("480913"), {}, &hash, &error), QStringLiteral("not_saved"));
        QVERIFY(hash.isEmpty());
        QVERIFY(!error.isEmpty());
        QCOMPARE(FirstPin::save(QStringLiteral("480913"), QStringLiteral("480913"), m_dir.filePath(QStringLiteral("no/such/kiosk.ini")),
                                &hash, &error),
                 QStringLiteral("not_saved"));
        QVERIFY(hash.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFirstPin)
#include "test_firstpin.moc"
