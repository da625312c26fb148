#pragma once

#include "sessionstate.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <map>

class KioskConfig;

// Anything that holds a resident's data for the length of a session (models, tokens, images,
// temporary files) implements this and registers with the SessionMachine; the one wipe path
// calls every registered holder, whatever ended the session.
class SessionWipeable
{
public:
    virtual ~SessionWipeable() = default;
    virtual void wipeSessionData() = 0;
};

struct SessionTimeouts {
    // Idle time allowed in each state; a state without an entry never times out (Attract, Submit).
    std::map<SessionState, std::chrono::milliseconds> idle;
    // How long before the end the countdown becomes visible.
    std::chrono::milliseconds warning{20000};

    [[nodiscard]] static SessionTimeouts fromConfig(const KioskConfig &config);
};

// The resident session as an explicit state machine: it allows only the transitions of
// DESIGN.md, runs one idle timeout per state with a visible countdown before it ends, and ends
// every session (completion, cancel, timeout, card removal, device failure) through one wipe.
class SessionMachine : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString stateName READ stateName NOTIFY stateChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY countdownChanged)
    Q_PROPERTY(bool countdownVisible READ countdownVisible NOTIFY countdownChanged)

public:
    explicit SessionMachine(SessionTimeouts timeouts, QObject *parent = nullptr);

    [[nodiscard]] SessionState state() const { return m_state; }
    [[nodiscard]] QString stateName() const { return sessionStateName(m_state); }
    [[nodiscard]] bool canAdvance(SessionState to) const;

    // Moves to `to` if DESIGN.md allows it from here; returns false (and changes nothing) if not.
    [[nodiscard]] bool advance(SessionState to);

    // The resident did something: the idle timer starts again and any countdown disappears.
    Q_INVOKABLE void touch();

    // Ends the session through the wipe. Completed is accepted only from Result or Rating, so a
    // journey cannot skip the rating by accident; any other reason is accepted from every state
    // but Attract, where there is nothing to wipe.
    bool end(SessionEnd reason);

    // Brings the deadline forward so the countdown shows at once (screenshots, staff previews).
    void showCountdownNow();

    // While held (a video help call is live) no idle timer runs and no countdown shows; released,
    // the state's whole idle time starts again. A session's end releases it.
    void setIdleHeld(bool held);
    [[nodiscard]] bool idleHeld() const { return m_idleHeld; }

    void addWipeable(SessionWipeable *holder);
    void removeWipeable(SessionWipeable *holder);

    [[nodiscard]] int secondsLeft() const;
    [[nodiscard]] bool countdownVisible() const { return m_countdownVisible; }

signals:
    void stateChanged(SessionState from, SessionState to);
    void countdownChanged();
    // The countdown has become visible; the resident has `secondsLeft` to touch the screen.
    void idleWarning(int secondsLeft);
    // Every holder has been wiped; the machine is back in Attract.
    void sessionEnded(SessionEnd reason);

private:
    void enter(SessionState to);
    void armIdleTimers();
    void setCountdownVisible(bool visible);

    SessionTimeouts m_timeouts;
    SessionState m_state = SessionState::Attract;
    QList<SessionWipeable *> m_wipeables;
    QTimer m_idleTimer;
    QTimer m_warningTimer;
    QTimer m_countdownTick;
    QDeadlineTimer m_deadline;
    bool m_countdownVisible = false;
    bool m_idleHeld = false;
};
