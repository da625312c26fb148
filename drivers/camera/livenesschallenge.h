#pragma once

#include "camera/faceobservation.h"

#include <QString>

// A simple liveness challenge over a run of observations: a printed photo held still neither
// blinks nor turns. `Turn`: the face's centre moves sideways by at least a third of the face's
// width from where it started, and comes back. `Blink`: eyes seen, then not seen for one to eight
// frames while the face stays, then seen again. Pure: the caller feeds FaceAnalyzer's output.
// This is a deterrent, not a presentation-attack detector; binocular IR cameras do better.
class LivenessChallenge
{
public:
    enum class Kind { Turn, Blink };
    enum class State { Waiting, Moved, Passed };

    explicit LivenessChallenge(Kind kind = Kind::Turn)
        : m_kind(kind)
    {
    }

    State feed(const FaceObservation &observation);
    void reset();
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool passed() const { return m_state == State::Passed; }
    [[nodiscard]] static QString toString(Kind kind);

private:
    Kind m_kind;
    State m_state = State::Waiting;
    int m_baselineFrames = 0;
    double m_baselineX = 0;
    int m_eyesSeen = 0;
    int m_eyesMissing = 0;
};
