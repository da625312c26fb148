#include "notifysocket.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

// The kiosk process under a stand-in for systemd: a datagram socket named by NOTIFY_SOCKET. The
// kiosk must say READY=1 once it shows its first frame, keep pinging WATCHDOG=1 while its event
// loop runs, fall silent when it is frozen (so systemd would restart it), and say STOPPING=1 when
// it quits.
class TestSystemdWatchdog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    NotifySocket m_notify;
    QProcess m_kiosk;

    QString socketPath() const { return m_dir.filePath(QStringLiteral("notify")); }

    int count(const QString &line) { return m_notify.count(line); }
    int indexOf(const QString &line) const { return m_notify.indexOf(line); }

    QString demoConfig()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo.ini"));
        QFile file(path);
        if (!file.exists() && file.open(QIODevice::WriteOnly))
            file.write("[kiosk]\nstate_dir=" + m_dir.filePath(QStringLiteral("state")).toUtf8() + "\n");
        return path;
    }

    // Starts the kiosk as systemd would under cage: the watchdog period in WATCHDOG_USEC and,
    // when given, the process it is addressed to in WATCHDOG_PID.
    void startKiosk(const QString &watchdogPid, const QStringList &extra = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NOTIFY_SOCKET"), socketPath());
        env.insert(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("1000000"));
        env.remove(QStringLiteral("WATCHDOG_PID"));
        if (!watchdogPid.isEmpty())
            env.insert(QStringLiteral("WATCHDOG_PID"), watchdogPid);
        m_kiosk.setProcessEnvironment(env);
        m_kiosk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_kiosk.start(qEnvironmentVariable("KIOSK"), QStringList{QStringLiteral("--config"), demoConfig(), QStringLiteral("--windowed")} + extra);
        QVERIFY2(m_kiosk.waitForStarted(30000), qPrintable(m_kiosk.errorString()));
    }

    // The kernel's view of the kiosk: 'T' once SIGSTOP has taken hold.
    char processState() const
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(m_kiosk.processId()));
        if (!stat.open(QIODevice::ReadOnly))
            return '?';
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        return close >= 0 && close + 2 < line.size() ? line.at(close + 2) : '?';
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_notify.bind(socketPath(), &error), qPrintable(error));
    }

    void cleanup()
    {
        if (m_kiosk.state() != QProcess::NotRunning) {
            ::kill(pid_t(m_kiosk.processId()), SIGCONT);
            m_kiosk.terminate();
            if (!m_kiosk.waitForFinished(30000)) {
                m_kiosk.kill();
                m_kiosk.waitForFinished(30000);
            }
        }
        m_notify.close();
    }

    void readyArrivesOnTheFirstFrameAndPingsFollow_data()
    {
        QTest::addColumn<bool>("addressedToParent");
        QTest::newRow("watchdog addressed to the kiosk itself") << false;
        QTest::newRow("watchdog addressed to cage, the kiosk's parent") << true;
    }

    void readyArrivesOnTheFirstFrameAndPingsFollow()
    {
        QFETCH(bool, addressedToParent);
        startKiosk(addressedToParent ? QString::number(getpid()) : QString());
        QTRY_VERIFY_WITH_TIMEOUT(count(QStringLiteral("READY=1")) == 1, 90000);
        QTRY_VERIFY_WITH_TIMEOUT(count(QStringLiteral("WATCHDOG=1")) >= 3, 60000);
        const int ready = indexOf(QStringLiteral("READY=1"));
        QVERIFY2(ready < indexOf(QStringLiteral("WATCHDOG=1")), "a ping arrived before READY=1");
        QVERIFY(m_notify.received().at(ready).contains(QLatin1String("STATUS=")));
        QCOMPARE(count(QStringLiteral("READY=1")), 1);
    }

    void aFrozenKioskStopsPingingAndResumesWhenThawed()
    {
        startKiosk(QString());
        QTRY_VERIFY_WITH_TIMEOUT(count(QStringLiteral("WATCHDOG=1")) >= 2, 90000);
        QVERIFY(::kill(pid_t(m_kiosk.processId()), SIGSTOP) == 0);
        QTRY_COMPARE_WITH_TIMEOUT(processState(), 'T', 30000);

        // Whatever was sent before the freeze is already queued; from here on a stopped process
        // cannot send, so the pings must stop for as long as systemd's period and more.
        m_notify.drain();
        const int before = count(QStringLiteral("WATCHDOG=1"));
        QTest::qWait(3000);
        QCOMPARE(count(QStringLiteral("WATCHDOG=1")), before);

        QVERIFY(::kill(pid_t(m_kiosk.processId()), SIGCONT) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(count(QStringLiteral("WATCHDOG=1")) >= before + 2, 60000);
    }

    void quittingSaysStoppingAfterReady()
    {
        startKiosk(QString(), {QStringLiteral("--exit-after-first-frame")});
        QVERIFY(m_kiosk.waitForFinished(90000));
        QCOMPARE(m_kiosk.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_kiosk.exitCode(), 0);
        QCOMPARE(count(QStringLiteral("READY=1")), 1);
        QCOMPARE(count(QStringLiteral("STOPPING=1")), 1);
        QVERIFY(indexOf(QStringLiteral("READY=1")) < indexOf(QStringLiteral("STOPPING=1")));
    }
};

QTEST_GUILESS_MAIN(TestSystemdWatchdog)
#include "test_systemdwatchdog.moc"
