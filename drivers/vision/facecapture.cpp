#include "vision/facecapture.h"

#include <QBuffer>

FaceCapture::FaceCapture(LivenessChallenge::Kind challenge, int goodFramesNeeded)
    : m_challenge(challenge)
    , m_goodFramesNeeded(goodFramesNeeded)
{
}

std::optional<FaceCapture::Result> FaceCapture::feed(const QImage &frame, FaceObservation *observation)
{
    const FaceObservation seen = m_analyzer.analyze(frame);
    if (observation)
        *observation = seen;
    m_challenge.feed(seen);
    if (seen.isGood()) {
        ++m_goodFrames;
        const double quality = seen.quality();
        if (quality > m_bestQuality) {
            // Keep the face with half its size again around it: enough for any verifier.
            const QRect margin = seen.box.adjusted(-seen.box.width() / 2, -seen.box.height() / 2, seen.box.width() / 2,
                                                   seen.box.height() / 2);
            m_best = frame.copy(margin.intersected(frame.rect()));
            m_bestQuality = quality;
        }
    }
    if (!m_challenge.passed() || m_goodFrames < m_goodFramesNeeded || m_best.isNull())
        return std::nullopt;
    Result result;
    QBuffer buffer(&result.jpeg);
    buffer.open(QIODevice::WriteOnly);
    m_best.save(&buffer, "JPEG", 90);
    result.quality = m_bestQuality;
    wipe();
    return result;
}

void FaceCapture::wipe()
{
    if (!m_best.isNull() && m_best.isDetached())
        m_best.fill(Qt::black);
    m_best = QImage();
    m_bestQuality = 0;
    m_goodFrames = 0;
    m_challenge.reset();
}
