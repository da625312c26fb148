#pragma once

#include "vision/faceobservation.h"

#include <QImage>
#include <QString>

#include <memory>

// Finds faces with OpenCV's Haar cascade (opencv-data's frontalface_alt2) and applies the quality
// gates a verifier needs: one face, big enough, centred, well lit and sharp. Detection runs on a
// copy at most 640 px wide. Thread-compatible: one analyzer per thread.
class FaceAnalyzer
{
public:
    struct Gates {
        double minWidthRatio = 0.18;   // face width over frame width
        // Closer than this, the shoulders the turn challenge watches leave the frame (and a face
        // much wider than this no longer fits a 4:3 frame's height at all).
        double maxWidthRatio = 0.4;
        double maxCentreOffset = 0.18; // face centre from frame centre, over frame size
        double minBrightness = 60;
        double maxBrightness = 200;
        double minSharpness = 30;      // Laplacian variance on the face at detection scale
    };

    explicit FaceAnalyzer(const QString &cascadeDirectory = defaultCascadeDirectory());
    ~FaceAnalyzer();
    FaceAnalyzer(const FaceAnalyzer &) = delete;
    FaceAnalyzer &operator=(const FaceAnalyzer &) = delete;

    [[nodiscard]] bool isValid() const { return m_error.isEmpty(); }
    [[nodiscard]] QString errorString() const { return m_error; }
    void setGates(const Gates &gates) { m_gates = gates; }

    [[nodiscard]] FaceObservation analyze(const QImage &frame) const;

    [[nodiscard]] static QString defaultCascadeDirectory();

private:
    struct Private;
    std::unique_ptr<Private> d;
    Gates m_gates;
    QString m_error;
};
