#include "sessionmachine.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

namespace {

// A stand-in for anything that holds a resident's data: it records that it was wiped.
class PersonalDataHolder : public SessionWipeable
{
public:
    QString name = QStringLiteral("张三");
    int wipes = 0;
    void wipeSessionData() override
    {
        name.clear();
        ++wipes;
    }
};

SessionTimeouts shortTimeouts()
{
    SessionTimeouts t;
    for (SessionState s : {SessionState::ChooseService, SessionState::Identify, SessionState::Verify, SessionState::Form,
                           SessionState::Materials, SessionState::Review, SessionState::Result, SessionState::Rating})
        t.idle[s] = 60s;
    t.warning = 10s;
    return t;
}

void walkTo(SessionMachine &m, std::initializer_list<SessionState> path)
{
    for (SessionState s : path) {
        if (!m.advance(s))
            qFatal("could not advance to %s", qPrintable(sessionStateName(s)));
    }
}

} // namespace

Q_DECLARE_METATYPE(SessionState)
Q_DECLARE_METATYPE(SessionEnd)

class TestSessionMachine : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<SessionState>();
        qRegisterMetaType<SessionEnd>();
    }

    void startsInAttractAndFollowsAnApplyJourney()
    {
        SessionMachine m(shortTimeouts());
        QCOMPARE(m.state(), SessionState::Attract);
        QSignalSpy changes(&m, &SessionMachine::stateChanged);
        walkTo(m, {SessionState::ChooseService, SessionState::Identify, SessionState::Verify, SessionState::Form,
                   SessionState::Materials, SessionState::Review, SessionState::Submit, SessionState::Result, SessionState::Rating});
        QCOMPARE(m.state(), SessionState::Rating);
        QCOMPARE(changes.size(), 9);
    }

    void aTicketGoesFromTheChoiceStraightToItsResultAndRating()
    {
        SessionMachine m(shortTimeouts());
        walkTo(m, {SessionState::ChooseService, SessionState::Result, SessionState::Rating});
        QCOMPARE(m.state(), SessionState::Rating);
    }

    void refusesTransitionsTheDesignDoesNotAllow_data()
    {
        QTest::addColumn<QList<SessionState>>("path");
        QTest::addColumn<SessionState>("refused");
        QTest::newRow("attract to form") << QList<SessionState>{} << SessionState::Form;
        QTest::newRow("skip identification") << QList<SessionState>{SessionState::ChooseService} << SessionState::Form;
        QTest::newRow("submit without review") << QList<SessionState>{SessionState::ChooseService, SessionState::Identify, SessionState::Form}
                                               << SessionState::Submit;
        QTest::newRow("back after submit") << QList<SessionState>{SessionState::ChooseService, SessionState::Identify, SessionState::Form,
                                                                  SessionState::Review, SessionState::Submit}
                                           << SessionState::Form;
        QTest::newRow("rating before result") << QList<SessionState>{SessionState::ChooseService, SessionState::Identify}
                                              << SessionState::Rating;
        QTest::newRow("back to attract") << QList<SessionState>{SessionState::ChooseService, SessionState::Identify}
                                         << SessionState::Attract;
    }

    void refusesTransitionsTheDesignDoesNotAllow()
    {
        QFETCH(QList<SessionState>, path);
        QFETCH(SessionState, refused);
        SessionMachine m(shortTimeouts());
        for (SessionState s : path)
            QVERIFY(m.advance(s));
        const SessionState before = m.state();
        QVERIFY(!m.advance(refused));
        QCOMPARE(m.state(), before);
    }

    void allowsGoingBackUntilTheCaseIsSubmitted()
    {
        SessionMachine m(shortTimeouts());
        walkTo(m, {SessionState::ChooseService, SessionState::Identify, SessionState::Form, SessionState::Materials});
        QVERIFY(m.advance(SessionState::Form));
        QVERIFY(m.advance(SessionState::ChooseService));
    }

    void everyEndingTakesTheSameWipe_data()
    {
        QTest::addColumn<SessionEnd>("reason");
        QTest::newRow("cancel") << SessionEnd::Cancelled;
        QTest::newRow("card removed") << SessionEnd::CardRemoved;
        QTest::newRow("device failed") << SessionEnd::DeviceFailed;
        QTest::newRow("timeout") << SessionEnd::TimedOut;
        QTest::newRow("completion") << SessionEnd::Completed;
    }

    void everyEndingTakesTheSameWipe()
    {
        QFETCH(SessionEnd, reason);
        SessionMachine m(shortTimeouts());
        PersonalDataHolder holder;
        m.addWipeable(&holder);
        QSignalSpy ended(&m, &SessionMachine::sessionEnded);
        QSignalSpy changes(&m, &SessionMachine::stateChanged);
        walkTo(m, {SessionState::ChooseService, SessionState::Identify, SessionState::Form, SessionState::Review,
                   SessionState::Submit, SessionState::Result});
        changes.clear();

        QVERIFY(m.end(reason));

        QCOMPARE(holder.wipes, 1);
        QVERIFY(holder.name.isEmpty());
        QCOMPARE(m.state(), SessionState::Attract);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().first().value<SessionEnd>(), reason);
        // The session passes through Wipe on its way back, whatever ended it.
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).at(1).value<SessionState>(), SessionState::Wipe);
        QCOMPARE(changes.at(1).at(1).value<SessionState>(), SessionState::Attract);
    }

    void completionBeforeTheResultIsRefused()
    {
        SessionMachine m(shortTimeouts());
        PersonalDataHolder holder;
        m.addWipeable(&holder);
        walkTo(m, {SessionState::ChooseService, SessionState::Identify, SessionState::Form});
        QVERIFY(!m.end(SessionEnd::Completed));
        QCOMPARE(m.state(), SessionState::Form);
        QCOMPARE(holder.wipes, 0);
    }

    void nothingIsWipedWhenNobodyIsThere()
    {
        SessionMachine m(shortTimeouts());
        PersonalDataHolder holder;
        m.addWipeable(&holder);
        QVERIFY(!m.end(SessionEnd::Cancelled));
        QCOMPARE(holder.wipes, 0);
    }

    void anIdleSessionWarnsThenWipesItself()
    {
        SessionTimeouts t = shortTimeouts();
        t.idle[SessionState::Form] = 600ms;
        t.warning = 400ms;
        SessionMachine m(t);
        PersonalDataHolder holder;
        m.addWipeable(&holder);
        QSignalSpy warned(&m, &SessionMachine::idleWarning);
        QSignalSpy ended(&m, &SessionMachine::sessionEnded);
        walkTo(m, {SessionState::ChooseService, SessionState::Identify, SessionState::Form});
        QVERIFY(!m.countdownVisible());

        QTRY_COMPARE_WITH_TIMEOUT(warned.size(), 1, 10000);
        QVERIFY(m.countdownVisible() || ended.size() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 10000);
        QCOMPARE(ended.first().first().value<SessionEnd>(), SessionEnd::TimedOut);
        QCOMPARE(holder.wipes, 1);
        QCOMPARE(m.state(), SessionState::Attract);
        QVERIFY(!m.countdownVisible());
    }

    void aHeldIdleTimeoutNeitherCountsDownNorEndsTheSessionAndRestartsWhenReleased()
    {
        SessionTimeouts t = shortTimeouts();
        t.idle[SessionState::ChooseService] = 500ms;
        t.warning = 300ms;
        SessionMachine m(t);
        QSignalSpy ended(&m, &SessionMachine::sessionEnded);
        QVERIFY(m.advance(SessionState::ChooseService));
        m.showCountdownNow();
        QVERIFY(m.countdownVisible());

        m.setIdleHeld(true); // a video help call is live
        QVERIFY(m.idleHeld());
        QVERIFY(!m.countdownVisible());
        QCOMPARE(m.secondsLeft(), 0);
        QTest::qWait(1000);
        QCOMPARE(ended.size(), 0);
        QCOMPARE(m.state(), SessionState::ChooseService);
        m.touch(); // touching while held does not restart the timers either
        QTest::qWait(700);
        QCOMPARE(ended.size(), 0);

        m.setIdleHeld(false); // the call ended: the whole idle time starts again
        QVERIFY(m.secondsLeft() >= 1);
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 1, 5000);
        QCOMPARE(ended.first().first().value<SessionEnd>(), SessionEnd::TimedOut);
    }

    void aSessionsEndReleasesItsIdleHold()
    {
        SessionMachine m(shortTimeouts());
        QVERIFY(m.advance(SessionState::ChooseService));
        m.setIdleHeld(true);
        QVERIFY(m.end(SessionEnd::Cancelled));
        QVERIFY(!m.idleHeld());
        QVERIFY(m.advance(SessionState::ChooseService));
        QVERIFY(m.secondsLeft() > 50);
    }

    void aTouchDuringTheCountdownKeepsTheSession()
    {
        SessionTimeouts t = shortTimeouts();
        t.idle[SessionState::ChooseService] = 60s;
        t.warning = 10s;
        SessionMachine m(t);
        QVERIFY(m.advance(SessionState::ChooseService));
        m.showCountdownNow();
        QVERIFY(m.countdownVisible());
        QVERIFY(m.secondsLeft() <= 10 && m.secondsLeft() >= 9);

        m.touch();

        QVERIFY(!m.countdownVisible());
        QVERIFY(m.secondsLeft() > 50);
        QCOMPARE(m.state(), SessionState::ChooseService);
    }

    void eachStateHasItsOwnTimeout()
    {
        SessionTimeouts t = shortTimeouts();
        t.idle[SessionState::ChooseService] = 30s;
        t.idle[SessionState::Form] = 180s;
        SessionMachine m(t);
        QVERIFY(m.advance(SessionState::ChooseService));
        QVERIFY(m.secondsLeft() <= 30 && m.secondsLeft() > 25);
        walkTo(m, {SessionState::Identify, SessionState::Form});
        QVERIFY(m.secondsLeft() <= 180 && m.secondsLeft() > 175);
    }

    void submittingNeverTimesOut()
    {
        SessionMachine m(shortTimeouts());
        walkTo(m, {SessionState::ChooseService, SessionState::Identify, SessionState::Form, SessionState::Review, SessionState::Submit});
        QCOMPARE(m.secondsLeft(), 0);
        QVERIFY(!m.countdownVisible());
    }
};

QTEST_GUILESS_MAIN(TestSessionMachine)
#include "test_sessionmachine.moc"
