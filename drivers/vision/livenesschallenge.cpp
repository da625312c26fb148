#include "vision/livenesschallenge.h"

#include <opencv2/imgproc.hpp>

#include <optional>

namespace {

constexpr int BaselineFrames = 3;
constexpr double SteadyFraction = 0.1; // of the face's width, between the baseline's frames
constexpr double TurnFraction = 1.0 / 3.0;
constexpr int MaxBlinkFrames = 8;
// A head turned far loses the frontal face detector for a moment; that does not end the turn.
constexpr int MaxLostFrames = 8;
// The shoulders of a head that turned moved at most this share of the face's shift; those of a
// person who stepped aside, or of a photo slid sideways, at least the second.
constexpr double StillBody = 0.35;
constexpr double MovedBody = 0.65;

// How far the body below `face` moved sideways from `before` to `after`, in pixels: a band below
// the chin, twice the face's width, found again in `after`. Nothing when too little of it is in
// the frame, when it is too flat to follow, or when it cannot be found again.
std::optional<double> bodyShift(const QImage &before, const QRect &face, const QImage &after)
{
    if (before.isNull() || after.isNull() || before.size() != after.size() || face.isEmpty())
        return std::nullopt;
    const QRect frame = before.rect();
    const int w = face.width();
    const int h = face.height();
    const QRect band = QRect(face.center().x() - w, face.bottom() + h / 5, 2 * w, h * 35 / 100) & frame;
    if (band.height() < h * 15 / 100 || band.width() < w)
        return std::nullopt;
    const QRect search = band.adjusted(-w, -h / 10, w, h / 10) & frame;
    const cv::Mat was(before.height(), before.width(), CV_8UC1, const_cast<uchar *>(before.constBits()), size_t(before.bytesPerLine()));
    const cv::Mat now(after.height(), after.width(), CV_8UC1, const_cast<uchar *>(after.constBits()), size_t(after.bytesPerLine()));
    const cv::Mat templ = was(cv::Rect(band.x(), band.y(), band.width(), band.height()));
    cv::Scalar mean;
    cv::Scalar deviation;
    cv::meanStdDev(templ, mean, deviation);
    if (deviation[0] < 4)
        return std::nullopt;
    cv::Mat score;
    cv::matchTemplate(now(cv::Rect(search.x(), search.y(), search.width(), search.height())), templ, score, cv::TM_CCOEFF_NORMED);
    double best = 0;
    cv::Point at;
    cv::minMaxLoc(score, nullptr, &best, nullptr, &at);
    if (best < 0.5)
        return std::nullopt;
    return double(search.x() + at.x - band.x());
}

} // namespace

LivenessChallenge::State LivenessChallenge::feed(const FaceObservation &observation)
{
    if (m_state == State::Passed)
        return m_state;
    if (observation.faces != 1) {
        if (m_kind == Kind::Turn && m_state == State::Moved && ++m_framesLost <= MaxLostFrames)
            return m_state;
        // Someone else stepping in, or the face leaving, starts the challenge again.
        reset();
        return m_state;
    }
    m_framesLost = 0;
    if (m_kind == Kind::Turn)
        return feedTurn(observation);
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

LivenessChallenge::State LivenessChallenge::feedTurn(const FaceObservation &observation)
{
    const double x = observation.box.center().x();
    if (m_baselineFrames < BaselineFrames) {
        // The turn is measured from a face held still: a baseline caught in the middle of a
        // movement starts again.
        if (m_baselineFrames > 0 && qAbs(x - m_baselineX) > SteadyFraction * observation.box.width())
            forgetBaseline();
        m_baselineX = (m_baselineX * m_baselineFrames + x) / (m_baselineFrames + 1);
        if (++m_baselineFrames == BaselineFrames) {
            m_baselineBox = observation.box;
            m_baselineGrey = observation.grey;
        }
        return m_state;
    }
    const double shift = x - m_baselineX;
    const double offset = qAbs(shift) / qMax(1, observation.box.width());
    if (m_state == State::Waiting && offset >= TurnFraction) {
        const std::optional<double> body = bodyShift(m_baselineGrey, m_baselineBox, observation.grey);
        if (!body)
            return m_state; // the shoulders are out of sight: a turn cannot be told from a step
        if (qAbs(*body) <= StillBody * qAbs(shift))
            m_state = State::Moved;
        else if (qAbs(*body) >= MovedBody * qAbs(shift))
            forgetBaseline(); // moved as a whole: measure again from where the face is now
    } else if (m_state == State::Moved && offset < TurnFraction / 3) {
        m_state = State::Passed;
    }
    return m_state;
}

void LivenessChallenge::forgetBaseline()
{
    if (!m_baselineGrey.isNull() && m_baselineGrey.isDetached())
        m_baselineGrey.fill(0);
    m_baselineGrey = QImage();
    m_baselineBox = QRect();
    m_baselineFrames = 0;
    m_baselineX = 0;
}

void LivenessChallenge::reset()
{
    m_state = State::Waiting;
    forgetBaseline();
    m_framesLost = 0;
    m_eyesSeen = 0;
    m_eyesMissing = 0;
}

QString LivenessChallenge::toString(Kind kind)
{
    return kind == Kind::Turn ? QStringLiteral("turn") : QStringLiteral("blink");
}
