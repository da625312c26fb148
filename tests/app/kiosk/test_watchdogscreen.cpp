#include "notifysocket.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

// The watchdog that sees the screen, under a stand-in for systemd (a datagram socket named by
// NOTIFY_SOCKET, as systemd's own): WATCHDOG=1 goes out only while frames reach the screen. A
// render loop frozen in its render pass, or one that swaps no frames while the event loop runs
// on, stops the pings, so systemd would restart the kiosk; pings come back with the frames.
class TestWatchdogScreen : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    NotifySocket m_notify;
    QProcess m_window;

    QString socketPath() const { return m_dir.filePath(QStringLiteral("notify")); }

    int pings() { return m_notify.count(QStringLiteral("WATCHDOG=1")); }

    // The event loop's ticks the window printed since the last call.
    int ticks()
    {
        return int(m_window.readAllStandardOutput().count("tick"));
    }

    void startWindow()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NOTIFY_SOCKET"), socketPath());
        // Pings every 200 ms.
        env.insert(QStringLiteral("WATCHDOG_USEC"), QStringLiteral("400000"));
        env.remove(QStringLiteral("WATCHDOG_PID"));
        m_window.setProcessEnvironment(env);
        m_window.setProcessChannelMode(QProcess::SeparateChannels);
        m_window.start(qEnvironmentVariable("WATCHDOG_WINDOW"), QStringList{});
        QVERIFY2(m_window.waitForStarted(30000), qPrintable(m_window.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_notify.count(QStringLiteral("READY=1")) == 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(pings() >= 3, 30000);
    }

    void signalWindow(int signal) { QVERIFY(::kill(pid_t(m_window.processId()), signal) == 0); }

    // Lets a frame swapped just before the fault earn its last ping, then counts over five
    // systemd periods.
    void expectSilence(int *ticksMeanwhile)
    {
        QTest::qWait(600);
        const int before = pings();
        ticks();
        QTest::qWait(2000);
        QCOMPARE(pings(), before);
        m_window.waitForReadyRead(0);
        *ticksMeanwhile = ticks();
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
        if (m_window.state() != QProcess::NotRunning) {
            m_window.kill();
            m_window.waitForFinished(30000);
        }
        m_notify.close();
    }

    void aFrozenRenderPassStopsThePingsUntilItThaws()
    {
        startWindow();
        signalWindow(SIGUSR1);
        int ticksMeanwhile = 0;
        expectSilence(&ticksMeanwhile);
        if (QTest::currentTestFailed())
            return;
        const int before = pings();
        signalWindow(SIGUSR1);
        QTRY_VERIFY_WITH_TIMEOUT(pings() >= before + 3, 30000);
    }

    void anEventLoopRunningWithoutFramesStopsThePings()
    {
        startWindow();
        signalWindow(SIGUSR2);
        int ticksMeanwhile = 0;
        expectSilence(&ticksMeanwhile);
        if (QTest::currentTestFailed())
            return;
        // The old watchdog pinged from the event loop and would have gone on: it ran all along.
        QVERIFY2(ticksMeanwhile >= 10, qPrintable(QStringLiteral("%1 ticks").arg(ticksMeanwhile)));
        const int before = pings();
        signalWindow(SIGUSR2);
        QTRY_VERIFY_WITH_TIMEOUT(pings() >= before + 3, 30000);
    }
};

QTEST_GUILESS_MAIN(TestWatchdogScreen)
#include "test_watchdogscreen.moc"
