#pragma once

#include "vision/faceobservation.h"

#include <QImage>
#include <QRect>
#include <QString>

// A simple liveness challenge over a run of observations: a printed photo neither blinks nor
// turns its head. `Turn`: the face's features move sideways by at least a third of the face's
// width while the shoulders below it stay where they were (a head turning on a body that does
// not), then come back. A photo slid sideways moves face and shoulders together and never
// passes; a step aside neither. `Blink`: eyes seen, then not seen for one to eight frames while
// the face stays, then seen again. Pure: the caller feeds FaceAnalyzer's output (with its grey
// frame). This is a deterrent, not a presentation-attack detector: a photo cut out round the face
// and moved before a still body would pass; binocular IR cameras do better.
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
    // Starts again and forgets the frame the turn was measured from.
    void reset();
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool passed() const { return m_state == State::Passed; }
    [[nodiscard]] static QString toString(Kind kind);

private:
    State feedTurn(const FaceObservation &observation);
    void forgetBaseline();

    Kind m_kind;
    State m_state = State::Waiting;
    int m_baselineFrames = 0;
    double m_baselineX = 0;
    QRect m_baselineBox;
    QImage m_baselineGrey; // holds a face: wiped by reset()
    int m_framesLost = 0;
    int m_eyesSeen = 0;
    int m_eyesMissing = 0;
};
