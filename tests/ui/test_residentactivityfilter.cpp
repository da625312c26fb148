#include "residentactivityfilter.h"
#include "sessionmachine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace std::chrono_literals;

Q_DECLARE_METATYPE(SessionEnd)

// The idle timeout is the resident's absence: key presses that a person makes keep a session, a
// key that stays down (auto-repeat, or held without repeating) does not.
class TestResidentActivityFilter : public QObject
{
    Q_OBJECT

private:
    static constexpr auto Idle = 600ms;

    // A session at the home screen, with a short idle timeout, watched by the filter on `target`.
    struct Hall {
        SessionMachine session{timeouts()};
        ResidentActivityFilter filter{&session};
        QObject target;
        Hall()
        {
            target.installEventFilter(&filter);
            if (!session.advance(SessionState::ChooseService))
                qFatal("the session did not start");
        }
        static SessionTimeouts timeouts()
        {
            SessionTimeouts t;
            t.idle[SessionState::ChooseService] = Idle;
            t.warning = 200ms;
            return t;
        }
        void key(QEvent::Type type, bool autoRepeat, Qt::Key k = Qt::Key_A)
        {
            QKeyEvent event(type, k, Qt::NoModifier, 30, 0, 0, QStringLiteral("a"), autoRepeat);
            QCoreApplication::sendEvent(&target, &event);
        }
    };

    // Sends `step` every 50 ms for `total`, or until the session ended; returns how long it ran.
    static qint64 keepSending(Hall &hall, std::chrono::milliseconds total, const std::function<void()> &step)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < total.count() && hall.session.state() != SessionState::Attract) {
            step();
            QTest::qWait(50);
        }
        return clock.elapsed();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<SessionEnd>();
    }

    void keysPressedAndReleasedKeepTheSession()
    {
        Hall hall;
        keepSending(hall, 3 * Idle, [&hall] {
            hall.key(QEvent::KeyPress, false);
            hall.key(QEvent::KeyRelease, false);
        });
        QCOMPARE(hall.session.state(), SessionState::ChooseService);
    }

    void anAutoRepeatingKeyEndsTheSessionAtItsIdleTimeout()
    {
        Hall hall;
        QSignalSpy ended(&hall.session, &SessionMachine::sessionEnded);
        hall.key(QEvent::KeyPress, false);
        const qint64 ran = keepSending(hall, 3 * Idle, [&hall] { hall.key(QEvent::KeyPress, true); });
        QCOMPARE(hall.session.state(), SessionState::Attract);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().first().value<SessionEnd>(), SessionEnd::TimedOut);
        QVERIFY2(ran < 2 * Idle.count(), qPrintable(QString::number(ran)));
    }

    void aKeyHeldDownWithoutRepeatingCountsOnce()
    {
        Hall hall;
        QSignalSpy ended(&hall.session, &SessionMachine::sessionEnded);
        keepSending(hall, 3 * Idle, [&hall] { hall.key(QEvent::KeyPress, false); });
        QCOMPARE(hall.session.state(), SessionState::Attract);
        QCOMPARE(ended.size(), 1);
    }

    void aKeyCountsAgainOnceItWasReleased()
    {
        Hall hall;
        hall.key(QEvent::KeyPress, false);
        QTest::qWait(int(Idle.count() / 2));
        hall.key(QEvent::KeyRelease, false);
        hall.key(QEvent::KeyPress, false);
        // Past the first press's timeout, within the second's.
        QTest::qWait(int(Idle.count() * 2 / 3));
        QCOMPARE(hall.session.state(), SessionState::ChooseService);
    }
};

QTEST_MAIN(TestResidentActivityFilter)
#include "test_residentactivityfilter.moc"
