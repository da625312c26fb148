#pragma once

#include "vision/faceanalyzer.h"
#include "vision/livenesschallenge.h"

#include <QByteArray>
#include <QImage>

#include <optional>

// One face capture for verification: feeds frames through the analyzer and the liveness
// challenge, keeps the best frame that passed every gate, and once the challenge is passed and
// enough good frames were seen, hands over that frame as JPEG bytes. Nothing touches the disk;
// wipe() forgets the kept frame at once (call it when the session ends or verification is done).
class FaceCapture
{
public:
    struct Result {
        QByteArray jpeg; // the best frame, cropped around the face with a margin
        double quality = 0;
    };

    explicit FaceCapture(LivenessChallenge::Kind challenge = LivenessChallenge::Kind::Turn, int goodFramesNeeded = 5);

    [[nodiscard]] bool isValid() const { return m_analyzer.isValid(); }
    [[nodiscard]] QString errorString() const { return m_analyzer.errorString(); }

    // Analyses one frame; `observation` (optional) receives what it saw, for guidance.
    [[nodiscard]] std::optional<Result> feed(const QImage &frame, FaceObservation *observation = nullptr);
    [[nodiscard]] const LivenessChallenge &challenge() const { return m_challenge; }
    void wipe();

private:
    FaceAnalyzer m_analyzer;
    LivenessChallenge m_challenge;
    int m_goodFramesNeeded;
    int m_goodFrames = 0;
    QImage m_best;
    double m_bestQuality = 0;
};
