#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
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
    int m_socket = -1;
    QProcess m_kiosk;
    QStringList m_received;

    QString socketPath() const { return m_dir.filePath(QStringLiteral("notify")); }

    // Appends every notification waiting on the socket, one entry per datagram.
    void drain()
    {
        char buffer[4096];
        for (;;) {
            const ssize_t n = recv(m_socket, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n <= 0)
                return;
            m_received.append(QString::fromUtf8(buffer, int(n)));
        }
    }

    int count(const QString &line)
    {
        drain();
        int n = 0;
        for (const QString &message : std::as_const(m_received))
            n += message.split(QLatin1Char('\n')).contains(line) ? 1 : 0;
        return n;
    }

    int indexOf(const QString &line) const
    {
        for (int i = 0; i < m_received.size(); ++i) {
            if (m_received.at(i).split(QLatin1Char('\n')).contains(line))
                return i;
        }
        return -1;
    }

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
        QFile::remove(socketPath());
        m_received.clear();
        m_socket = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        QVERIFY(m_socket >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray path = QFile::encodeName(socketPath());
        QVERIFY(size_t(path.size()) < sizeof address.sun_path);
        memcpy(address.sun_path, path.constData(), size_t(path.size()));
        QVERIFY(bind(m_socket, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0);
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
        ::close(m_socket);
        m_socket = -1;
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
        QVERIFY(m_received.at(ready).contains(QLatin1String("STATUS=")));
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
        drain();
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
