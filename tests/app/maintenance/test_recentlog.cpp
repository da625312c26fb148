#include "recentlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

Q_LOGGING_CATEGORY(lcTest, "kiosk.test")

int unixMode(const QString &path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestRecentLog : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { RecentLog::uninstall(); }

    void installedHandlerWritesMessagesToTheStateDirectory()
    {
        QTemporaryDir state;
        RecentLog *log = RecentLog::installForKiosk(state.path());
        QVERIFY(log);
        QCOMPARE(log->path(), QDir(state.path()).filePath(QStringLiteral("logs/kiosk.log")));
        qCWarning(lcTest) << "the receipt printer is out of paper";
        const QStringList lines = log->tail(5);
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.first().contains(QStringLiteral("warning kiosk.test: the receipt printer is out of paper")));
        QCOMPARE(unixMode(log->path()), 0600);
        QCOMPARE(unixMode(RecentLog::directoryIn(state.path())), 0700);
    }

    void kioskctlWritesItsOwnFile()
    {
        QTemporaryDir state;
        RecentLog *log = RecentLog::installForCtl(state.path());
        QVERIFY(log);
        QCOMPARE(log->path(), QDir(state.path()).filePath(QStringLiteral("logs/kioskctl.log")));
    }

    void kioskMakesItsStateDirectory()
    {
        QTemporaryDir parent;
        const QString fresh = parent.filePath(QStringLiteral("state"));
        QVERIFY(RecentLog::installForKiosk(fresh));
        qCWarning(lcTest) << "first words";
        QVERIFY(contents(QDir(fresh).filePath(QStringLiteral("logs/kiosk.log"))).contains("first words"));
    }

    void kioskctlCreatesNothingWithoutAStateDirectory()
    {
        QTemporaryDir parent;
        const QString missing = parent.filePath(QStringLiteral("not-there"));
        QVERIFY(!RecentLog::installForCtl(missing));
        qCWarning(lcTest) << "still goes to stderr";
        QVERIFY(!QFileInfo::exists(missing));
    }

    void masksIdNumbersAndMobileNumbers_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("masked");
        QTest::newRow("id number") << QStringLiteral("card 340104199001011234 read") << QStringLiteral("340104199001011234")
                                   << QStringLiteral("3401**********1234");
        QTest::newRow("id number with X") << QStringLiteral("holder=11010519491231002X.") << QStringLiteral("11010519491231002X")
                                          << QStringLiteral("1101**********002X");
        QTest::newRow("mobile") << QStringLiteral("phone:13912345678 saved") << QStringLiteral("13912345678")
                                << QStringLiteral("139******78");
    }

    void masksIdNumbersAndMobileNumbers()
    {
        QFETCH(QString, message);
        QFETCH(QString, secret);
        QFETCH(QString, masked);
        QTemporaryDir state;
        RecentLog *log = RecentLog::installForKiosk(state.path());
        QVERIFY(log);
        qCInfo(lcTest).noquote() << message;
        const QByteArray written = contents(log->path());
        QVERIFY(!written.contains(secret.toUtf8()));
        QVERIFY2(written.contains(masked.toUtf8()), written.constData());
    }

    void leavesLongerNumbersAlone()
    {
        QTemporaryDir state;
        RecentLog log(QDir(state.path()).filePath(QStringLiteral("kiosk.log")));
        log.append(QtInfoMsg, "kiosk.test", QStringLiteral("request 202611230930001234567 took 12 ms"));
        QVERIFY(contents(log.path()).contains("202611230930001234567"));
    }

    void rotatesIntoTwoFilesAtTheLimit()
    {
        QTemporaryDir state;
        const qint64 limit = 64 * 1024;
        RecentLog log(QDir(state.path()).filePath(QStringLiteral("kiosk.log")), limit);
        const QString filler(100, QLatin1Char('x'));
        for (int i = 0; i < 2000; ++i)
            log.append(QtInfoMsg, "kiosk.test", QStringLiteral("line %1 %2").arg(i).arg(filler));
        QVERIFY(QFileInfo(log.path()).size() <= limit);
        QVERIFY(QFileInfo(log.rotatedPath()).size() <= limit);
        QVERIFY(QFileInfo(log.rotatedPath()).size() > limit / 2);
        QCOMPARE(QDir(state.path()).entryList(QDir::Files).size(), 2);
        QCOMPARE(unixMode(log.rotatedPath()), 0600);
        const QStringList lines = log.tail(3);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(2).contains(QStringLiteral("line 1999 ")));
        QVERIFY(lines.at(0).contains(QStringLiteral("line 1997 ")));
        // The oldest lines are gone for good: two files, never more.
        QVERIFY(!contents(log.rotatedPath()).contains("line 0 "));
    }

    void tailReachesIntoTheRotatedFile()
    {
        QTemporaryDir state;
        RecentLog log(QDir(state.path()).filePath(QStringLiteral("kiosk.log")), 4096);
        const QString filler(100, QLatin1Char('y'));
        for (int i = 0; i < 45; ++i)
            log.append(QtInfoMsg, "kiosk.test", QStringLiteral("line %1 %2").arg(i).arg(filler));
        const QStringList lines = log.tail(40);
        QCOMPARE(lines.size(), 40);
        QVERIFY(lines.first().contains(QStringLiteral("line 5 ")));
        QVERIFY(lines.last().contains(QStringLiteral("line 44 ")));
    }
};

QTEST_GUILESS_MAIN(TestRecentLog)
#include "test_recentlog.moc"
