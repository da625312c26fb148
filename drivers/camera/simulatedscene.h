#pragma once

#include "camera/cameraoptions.h"

#include <QSize>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <vector>

// What a `simulated` camera draws: a desk, a sheet of paper under the document camera, the code
// a test holds up, and in front of the face camera the simulated resident (SimulatedResident),
// who turns their head as the liveness challenge asks, or a photo of them that only slides. The
// tests of every journey look at these frames through the real analysis, so the scene is drawn
// by frames taken, not by time. Only CameraWorker includes this (OpenCV stays in the driver).
class SimulatedScene
{
public:
    enum class Face { Absent, Live, Photo }; // as Camera::SimulatedFace

    explicit SimulatedScene(CameraOptions options);

    // Draws the backdrop again at the camera's size with the current code (the camera opened or
    // the code changed); the face camera's resident is scaled to it the first time.
    void redraw();
    [[nodiscard]] QString code() const { return m_code; }
    // The code to show from the next redraw(); none when empty.
    void setCode(const QString &code) { m_code = code; }
    void setFace(Face face) { m_face = face; }
    // The frame numbered `frameNumber` since the camera opened: the backdrop, the resident unless
    // a code covers them, and a tick moving along the bottom so the preview visibly lives.
    [[nodiscard]] cv::Mat frame(qint64 frameNumber) const;
    // The backdrop at another size, for a still picture of the page.
    [[nodiscard]] cv::Mat still(QSize size) const;

private:
    [[nodiscard]] static cv::Mat backdrop(const CameraOptions &options, const QString &code, QSize size);
    // The resident's face at each pose, about a quarter of the frame's width.
    [[nodiscard]] static std::vector<cv::Mat> residentPoses(const cv::Size &frame);
    void drawResident(cv::Mat &frame, qint64 frameNumber) const;

    CameraOptions m_options;
    QString m_code;
    Face m_face = Face::Live;
    cv::Mat m_backdrop;
    std::vector<cv::Mat> m_poses;
};
