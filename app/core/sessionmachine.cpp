#include "sessionmachine.h"

#include "applog.h"
#include "kioskconfig.h"

#include <algorithm>

using namespace std::chrono_literals;

namespace {

int stepIndex(SessionState s)
{
    return static_cast<int>(s);
}

// Forward moves a journey may make. Back moves (to an earlier step, never to Attract) are allowed
// until the case is submitted; after Submit there is no way back, only on.
bool isForwardAllowed(SessionState from, SessionState to)
{
    using S = SessionState;
    switch (from) {
    case S::Attract: return to == S::ChooseService;
    // A queue ticket or an appointment's code needs nobody identified: straight to the ticket.
    case S::ChooseService: return to == S::Identify || to == S::Result;
    // Query and print items go from identification straight to their result.
    case S::Identify: return to == S::Verify || to == S::Form || to == S::Result;
    case S::Verify: return to == S::Form || to == S::Result;
    case S::Form: return to == S::Materials || to == S::Review;
    case S::Materials: return to == S::Review;
    case S::Review: return to == S::Submit;
    // A submission the platform refuses and the outbox cannot take goes back to Review.
    case S::Submit: return to == S::Result || to == S::Review;
    case S::Result: return to == S::Rating;
    case S::Rating:
    case S::Wipe: return false;
    }
    return false;
}

} // namespace

SessionTimeouts SessionTimeouts::fromConfig(const KioskConfig &config)
{
    using S = SessionState;
    SessionTimeouts t;
    const auto idle = [&](const char *key) {
        return std::chrono::milliseconds(config.seconds(QLatin1String("session/") + QLatin1String(key)));
    };
    t.idle[S::ChooseService] = idle("timeout_choose_s");
    t.idle[S::Identify] = idle("timeout_identify_s");
    t.idle[S::Verify] = idle("timeout_verify_s");
    t.idle[S::Form] = idle("timeout_form_s");
    t.idle[S::Materials] = idle("timeout_materials_s");
    t.idle[S::Review] = idle("timeout_review_s");
    t.idle[S::Result] = idle("timeout_result_s");
    t.idle[S::Rating] = idle("timeout_rating_s");
    t.warning = idle("warning_s");
    return t;
}

SessionMachine::SessionMachine(SessionTimeouts timeouts, QObject *parent)
    : QObject(parent)
    , m_timeouts(std::move(timeouts))
{
    m_idleTimer.setSingleShot(true);
    m_warningTimer.setSingleShot(true);
    m_countdownTick.setInterval(250ms);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcSession) << "idle timeout in" << stateName();
        end(SessionEnd::TimedOut);
    });
    connect(&m_warningTimer, &QTimer::timeout, this, [this] {
        setCountdownVisible(true);
        emit idleWarning(secondsLeft());
    });
    connect(&m_countdownTick, &QTimer::timeout, this, &SessionMachine::countdownChanged);
}

bool SessionMachine::canAdvance(SessionState to) const
{
    if (isForwardAllowed(m_state, to))
        return true;
    const bool beforeSubmit = stepIndex(m_state) <= stepIndex(SessionState::Review);
    return beforeSubmit && stepIndex(to) < stepIndex(m_state) && to != SessionState::Attract;
}

bool SessionMachine::advance(SessionState to)
{
    if (!canAdvance(to)) {
        qCWarning(lcSession) << "refused transition" << stateName() << "->" << sessionStateName(to);
        return false;
    }
    enter(to);
    return true;
}

void SessionMachine::touch()
{
    if (m_state == SessionState::Attract || m_state == SessionState::Wipe)
        return;
    armIdleTimers();
}

bool SessionMachine::end(SessionEnd reason)
{
    if (m_state == SessionState::Attract || m_state == SessionState::Wipe)
        return false;
    if (reason == SessionEnd::Completed && m_state != SessionState::Result && m_state != SessionState::Rating) {
        qCWarning(lcSession) << "refused to complete a session from" << stateName();
        return false;
    }
    qCInfo(lcSession) << "session ends:" << sessionEndName(reason) << "in" << stateName();
    m_idleHeld = false;
    enter(SessionState::Wipe);
    // A holder may remove itself while being wiped; iterate over a copy.
    const QList<SessionWipeable *> holders = m_wipeables;
    for (SessionWipeable *holder : holders)
        holder->wipeSessionData();
    enter(SessionState::Attract);
    emit sessionEnded(reason);
    return true;
}

void SessionMachine::showCountdownNow()
{
    if (!m_idleTimer.isActive())
        return;
    m_warningTimer.stop();
    m_deadline = QDeadlineTimer(m_timeouts.warning);
    m_idleTimer.start(m_timeouts.warning);
    setCountdownVisible(true);
    emit idleWarning(secondsLeft());
}

void SessionMachine::setIdleHeld(bool held)
{
    if (m_idleHeld == held)
        return;
    m_idleHeld = held;
    qCInfo(lcSession) << (held ? "idle timeout held" : "idle timeout released") << "in" << stateName();
    armIdleTimers();
}

void SessionMachine::addWipeable(SessionWipeable *holder)
{
    if (holder && !m_wipeables.contains(holder))
        m_wipeables.append(holder);
}

void SessionMachine::removeWipeable(SessionWipeable *holder)
{
    m_wipeables.removeAll(holder);
}

int SessionMachine::secondsLeft() const
{
    if (!m_idleTimer.isActive())
        return 0;
    const qint64 ms = std::max<qint64>(0, m_deadline.remainingTime());
    return static_cast<int>((ms + 999) / 1000);
}

void SessionMachine::enter(SessionState to)
{
    const SessionState from = m_state;
    m_state = to;
    armIdleTimers();
    emit stateChanged(from, to);
}

void SessionMachine::armIdleTimers()
{
    m_idleTimer.stop();
    m_warningTimer.stop();
    setCountdownVisible(false);
    if (m_idleHeld)
        return;
    const auto idle = m_timeouts.idle.find(m_state);
    if (idle == m_timeouts.idle.end())
        return;
    const std::chrono::milliseconds total = idle->second;
    m_deadline = QDeadlineTimer(total);
    m_idleTimer.start(total);
    m_warningTimer.start(std::max(0ms, total - m_timeouts.warning));
}

void SessionMachine::setCountdownVisible(bool visible)
{
    if (visible)
        m_countdownTick.start();
    else
        m_countdownTick.stop();
    if (m_countdownVisible == visible)
        return;
    m_countdownVisible = visible;
    emit countdownChanged();
}
