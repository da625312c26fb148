#pragma once

class QImage;

// What a technician reads while aiming and focusing a camera: the mean grey level of a frame and
// a focus figure (the variance of its Laplacian) that grows as edges sharpen, so the focus ring
// is turned until it peaks. Frames wider than 640 px are measured on a scaled copy.
struct CameraFigures {
    double brightness = 0;
    double focus = 0;

    [[nodiscard]] static CameraFigures of(const QImage &frame);
};
