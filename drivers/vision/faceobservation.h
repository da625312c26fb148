#pragma once

#include <QImage>
#include <QRect>
#include <QSize>
#include <QString>

// What one frame says about the face in front of the camera, and what the resident should do:
// `guidance` is a machine word the UI turns into spoken and on-screen words ("move_closer").
struct FaceObservation {
    enum class Guidance { NoFace, SeveralFaces, MoveCloser, MoveBack, Centre, TooDark, TooBright, HoldStill, Good };

    QSize frameSize;
    int faces = 0;
    QRect box;               // the largest face, in frame coordinates
    bool eyesVisible = false;
    double brightness = 0;   // mean grey level of the face, 0–255
    double sharpness = 0;    // variance of the Laplacian over the face
    Guidance guidance = Guidance::NoFace;
    // The frame in grey (what the turn challenge compares frames by). It shows a face: it stays
    // in memory, is never logged or stored, and goes with the observation.
    QImage grey;

    [[nodiscard]] bool isGood() const { return guidance == Guidance::Good; }
    // 0–1, higher is better: how much a verifier could make of this frame.
    [[nodiscard]] double quality() const;
    [[nodiscard]] static QString toString(Guidance guidance);
};
