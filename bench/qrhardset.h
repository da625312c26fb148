#pragma once

#include <QList>
#include <QString>

#include <opencv2/core.hpp>

// The hard QR set: camera frames of a phone (or a printed receipt) showing a code, as the
// kiosk's face camera sees them in a hall — blurred, moving, dim, glaring, with the screen's
// moiré, JPEG-compressed, tilted, with small modules — and frames of the same scenes with no
// code at all. Each frame is described by one line of a manifest (bench/data/qr-hard-set.tsv)
// and drawn from it deterministically, so the set lives in the repository as text.
namespace QrHardSet {

struct Frame {
    QString name;
    QString payload;      // empty: a frame without a code
    int width = 1280;
    int height = 720;
    double modulePx = 3;  // the side of one module in the frame, before the tilt
    double rotateDeg = 0; // in the picture's plane
    double tiltXDeg = 0;  // the phone turned about its horizontal axis
    double tiltYDeg = 0;  // and about its vertical axis
    double centreX = 0.5; // where the code's centre lies, as a share of the frame
    double centreY = 0.5;
    int dark = 20;        // the code's dark and light modules as the camera renders them
    int light = 235;
    double glare = 0;     // 0..1: a bright reflection over part of the screen
    double moirePeriodPx = 0; // the screen's pixel grid beating with the sensor's, 0: none
    double moireAmplitude = 0;
    double blurSigma = 0; // out of focus
    double motionPx = 0;  // the hand moving during the exposure
    double motionDeg = 0;
    double noiseSigma = 0;
    int jpegQuality = 0;  // 0: no compression
    unsigned seed = 1;
};

// Reads a manifest; a line that does not parse is named in `error` and nothing is returned.
QList<Frame> readManifest(const QString &path, QString *error);
bool writeManifest(const QString &path, const QList<Frame> &frames, QString *error);
// A new manifest's frames: `count` frames of which about a tenth hold no code.
QList<Frame> generate(int count, unsigned seed);
// The 8-bit grey camera frame that `frame` describes.
cv::Mat render(const Frame &frame);

} // namespace QrHardSet
