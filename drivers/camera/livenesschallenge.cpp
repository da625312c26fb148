#include "camera/livenesschallenge.h"

#include <QtGlobal>

namespace {

constexpr int BaselineFrames = 3;
constexpr double TurnFraction = 1.0 / 3.0;
constexpr int MaxBlinkFrames = 8;

} // namespace

LivenessChallenge::State LivenessChallenge::feed(const FaceObservation &observation)
{
    if (m_state == State::Passed)
        return m_state;
    if (observation.faces != 1) {
        // Someone else stepping in, or the face leaving, starts the challenge again.
        reset();
        return m_state;
    }
    if (m_kind == Kind::Turn) {
        const double x = observation.box.center().x();
        if (m_baselineFrames < BaselineFrames) {
            m_baselineX = (m_baselineX * m_baselineFrames + x) / (m_baselineFrames + 1);
            ++m_baselineFrames;
            return m_state;
        }
        const double offset = qAbs(x - m_baselineX) / qMax(1, observation.box.width());
        if (m_state == State::Waiting && offset >= TurnFraction)
            m_state = State::Moved;
        else if (m_state == State::Moved && offset < TurnFraction / 3)
            m_state = State::Passed;
        return m_state;
    }
    if (observation.eyesVisible) {
        if (m_state == State::Moved && m_eyesMissing <= MaxBlinkFrames)
            m_state = State::Passed;
        else
            m_state = State::Waiting;
        ++m_eyesSeen;
        m_eyesMissing = 0;
    } else if (m_eyesSeen >= 2) {
        ++m_eyesMissing;
        m_state = m_eyesMissing <= MaxBlinkFrames ? State::Moved : State::Waiting;
        if (m_eyesMissing > MaxBlinkFrames)
            m_eyesSeen = 0;
    }
    return m_state;
}

void LivenessChallenge::reset()
{
    m_state = State::Waiting;
    m_baselineFrames = 0;
    m_baselineX = 0;
    m_eyesSeen = 0;
    m_eyesMissing = 0;
}

QString LivenessChallenge::toString(Kind kind)
{
    return kind == Kind::Turn ? QStringLiteral("turn") : QStringLiteral("blink");
}
