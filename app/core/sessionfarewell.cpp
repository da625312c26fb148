#include "sessionfarewell.h"

#include "applog.h"
#include "sessionmachine.h"

SessionFarewell::SessionFarewell(SessionMachine *session, QObject *parent)
    : SessionFarewell(session, Timing{}, parent)
{
}

SessionFarewell::SessionFarewell(SessionMachine *session, Timing timing, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_timing(timing)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SessionFarewell::onTimer);
    // The wipe has already run when sessionEnded() comes: the farewell shows nothing of the
    // resident, only what they must not leave behind.
    connect(m_session, &SessionMachine::sessionEnded, this, [this] {
        const bool askForCard = m_cardReadThisSession;
        m_cardReadThisSession = false;
        if (!askForCard)
            return;
        setStep(Step::TakeCard);
        m_timer.start(m_timing.takeCard);
    });
    // The next resident does not wait for the last one's farewell.
    connect(m_session, &SessionMachine::stateChanged, this, [this](SessionState, SessionState to) {
        if (to == SessionState::Attract || to == SessionState::Wipe)
            return;
        m_timer.stop();
        setStep(Step::None);
    });
}

void SessionFarewell::cardRead()
{
    if (m_session->state() != SessionState::Attract)
        m_cardReadThisSession = true;
}

void SessionFarewell::cardRemoved()
{
    if (m_step != Step::TakeCard)
        return;
    setStep(Step::ThankYou);
    m_timer.start(m_timing.thankYou);
}

void SessionFarewell::onTimer()
{
    if (m_step == Step::TakeCard) {
        qCInfo(lcSession) << "the card was not seen leaving the reader; the farewell goes on";
        setStep(Step::ThankYou);
        m_timer.start(m_timing.thankYou);
        return;
    }
    setStep(Step::None);
}

void SessionFarewell::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    emit stepChanged(step);
}
