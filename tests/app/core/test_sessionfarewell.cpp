#include "sessionfarewell.h"
#include "sessionmachine.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

Q_DECLARE_METATYPE(SessionEnd)

namespace {

SessionTimeouts timeouts(std::chrono::milliseconds idle)
{
    SessionTimeouts t;
    for (SessionState s : {SessionState::ChooseService, SessionState::Identify, SessionState::Verify, SessionState::Form,
                           SessionState::Materials, SessionState::Review, SessionState::Result, SessionState::Rating})
        t.idle[s] = idle;
    t.warning = 0ms;
    return t;
}

// A resident who has chosen a service and laid their card on the reader.
void identifyWithCard(SessionMachine &session, SessionFarewell &farewell)
{
    QVERIFY(session.advance(SessionState::ChooseService));
    QVERIFY(session.advance(SessionState::Identify));
    farewell.cardRead();
}

} // namespace

// After the wipe, a resident who used their card is asked to take it and the receipt until the
// reader sees the card go or a few seconds pass, then thanked, then the attract screen returns.
class TestSessionFarewell : public QObject
{
    Q_OBJECT

private slots:
    void aSessionThatReadACardAsksForItUntilItIsLiftedThenSaysThankYou()
    {
        SessionMachine session(timeouts(60s));
        SessionFarewell farewell(&session, SessionFarewell::Timing{60s, 50ms});
        identifyWithCard(session, farewell);
        QCOMPARE(farewell.step(), SessionFarewell::Step::None);
        QVERIFY(session.end(SessionEnd::Cancelled));
        QCOMPARE(session.state(), SessionState::Attract);
        QCOMPARE(farewell.step(), SessionFarewell::Step::TakeCard);
        farewell.cardRemoved();
        QCOMPARE(farewell.step(), SessionFarewell::Step::ThankYou);
        QTRY_COMPARE(farewell.step(), SessionFarewell::Step::None);
    }

    void aCardLeftOnTheReaderIsAskedForOnlyAFewSeconds()
    {
        SessionMachine session(timeouts(60s));
        SessionFarewell farewell(&session, SessionFarewell::Timing{100ms, 50ms});
        QSignalSpy steps(&farewell, &SessionFarewell::stepChanged);
        identifyWithCard(session, farewell);
        QVERIFY(session.end(SessionEnd::Cancelled));
        QTRY_COMPARE(farewell.step(), SessionFarewell::Step::None);
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps.at(0).at(0).value<SessionFarewell::Step>(), SessionFarewell::Step::TakeCard);
        QCOMPARE(steps.at(1).at(0).value<SessionFarewell::Step>(), SessionFarewell::Step::ThankYou);
    }

    void aSessionEndedByTheIdleCountdownAlsoAsksForTheCard()
    {
        SessionMachine session(timeouts(100ms));
        SessionFarewell farewell(&session, SessionFarewell::Timing{60s, 50ms});
        QSignalSpy ended(&session, &SessionMachine::sessionEnded);
        identifyWithCard(session, farewell);
        QTRY_COMPARE(ended.size(), 1);
        QCOMPARE(ended.at(0).at(0).value<SessionEnd>(), SessionEnd::TimedOut);
        QCOMPARE(farewell.step(), SessionFarewell::Step::TakeCard);
    }

    void aSessionThatReadNoCardGoesStraightBackToTheAttractScreen()
    {
        SessionMachine session(timeouts(60s));
        SessionFarewell farewell(&session);
        QSignalSpy steps(&farewell, &SessionFarewell::stepChanged);
        QVERIFY(session.advance(SessionState::ChooseService));
        QVERIFY(session.end(SessionEnd::Cancelled));
        QCOMPARE(farewell.step(), SessionFarewell::Step::None);
        QVERIFY(steps.isEmpty());
    }

    void aCardReadOnTheAttractScreenBelongsToNoSession()
    {
        SessionMachine session(timeouts(60s));
        SessionFarewell farewell(&session);
        farewell.cardRead();
        QVERIFY(session.advance(SessionState::ChooseService));
        QVERIFY(session.end(SessionEnd::Cancelled));
        QCOMPARE(farewell.step(), SessionFarewell::Step::None);
    }

    void onlyTheSessionThatReadTheCardAsksForIt()
    {
        SessionMachine session(timeouts(60s));
        SessionFarewell farewell(&session);
        identifyWithCard(session, farewell);
        QVERIFY(session.end(SessionEnd::Cancelled));
        farewell.cardRemoved();
        QVERIFY(session.advance(SessionState::ChooseService));
        QVERIFY(session.end(SessionEnd::Cancelled));
        QCOMPARE(farewell.step(), SessionFarewell::Step::None);
    }

    void theNextResidentStartingEndsTheFarewellAtOnce()
    {
        SessionMachine session(timeouts(60s));
        SessionFarewell farewell(&session);
        identifyWithCard(session, farewell);
        QVERIFY(session.end(SessionEnd::Cancelled));
        QCOMPARE(farewell.step(), SessionFarewell::Step::TakeCard);
        QVERIFY(session.advance(SessionState::ChooseService));
        QCOMPARE(farewell.step(), SessionFarewell::Step::None);
    }
};

QTEST_GUILESS_MAIN(TestSessionFarewell)
#include "test_sessionfarewell.moc"
