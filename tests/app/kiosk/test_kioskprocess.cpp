#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

// The kiosk executable as systemd and a reviewer start it: a bad configuration stops it with a
// message naming the key, and --screenshot renders a screen to a PNG and exits.
class TestKioskProcess : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run {
        int exitCode = -1;
        QString err;
    };

    // A configuration of the defaults with the state kept in this test's directory.
    QString demoConfig()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo.ini"));
        QFile file(path);
        if (!file.exists() && file.open(QIODevice::WriteOnly))
            file.write("[kiosk]\nstate_dir=" + m_dir.filePath(QStringLiteral("state")).toUtf8() + "\n");
        return path;
    }

    static Run kiosk(const QStringList &args)
    {
        QProcess p;
        p.start(qEnvironmentVariable("KIOSK"), args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return {-1, QStringLiteral("timed out")};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void anInvalidConfigurationStopsTheKioskNamingTheKey()
    {
        const QString path = m_dir.filePath(QStringLiteral("bad.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[devices]\nid_card_reader=COM1\n");
        file.close();
        const Run run = kiosk({QStringLiteral("--config"), path, QStringLiteral("--windowed")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("[devices] id_card_reader: 'COM1' is not a device")), qPrintable(run.err));
    }

    void aMissingConfigurationNamedOnTheCommandLineIsAnError()
    {
        const Run run = kiosk({QStringLiteral("--config"), m_dir.filePath(QStringLiteral("absent.ini"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("no such file")));
    }

    void screenshotRendersTheChosenScreenAndExits_data()
    {
        QTest::addColumn<QString>("screen");
        QTest::addColumn<QString>("language");
        QTest::newRow("attract zh") << "attract" << "zh";
        QTest::newRow("home en") << "home" << "en";
        QTest::newRow("guide zh") << "guide:340100-000-ZZ-0006-01" << "zh";
    }

    void screenshotRendersTheChosenScreenAndExits()
    {
        QFETCH(QString, screen);
        QFETCH(QString, language);
        const QString png = m_dir.filePath(QStringLiteral("shot-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
        const Run run = kiosk({QStringLiteral("--config"), demoConfig(), QStringLiteral("--screen"), screen, QStringLiteral("--language"), language, QStringLiteral("--screenshot"), png});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1080, 1920));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 9) {
            for (int x = 0; x < image.width(); x += 9)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY(colours.size() > 20);
    }

    void anUnknownScreenIsRefused()
    {
        const Run run = kiosk({QStringLiteral("--config"), demoConfig(), QStringLiteral("--screen"), QStringLiteral("guide:000000-NOPE"), QStringLiteral("--screenshot"),
                               m_dir.filePath(QStringLiteral("none.png"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.png"))));
    }
};

QTEST_GUILESS_MAIN(TestKioskProcess)
#include "test_kioskprocess.moc"
