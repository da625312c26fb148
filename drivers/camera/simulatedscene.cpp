#include "camera/simulatedscene.h"

#include "camera/sim/simulatedresident.h"
#include "vision/opencvimage.h"

#include <QImage>

#include <opencv2/imgproc.hpp>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <iterator>

namespace {

// How far the simulated resident's head is turned at each pose, in degrees.
constexpr double ResidentPoses[] = {0, 15, 30, 45};

} // namespace

SimulatedScene::SimulatedScene(CameraOptions options)
    : m_options(std::move(options))
{
}

void SimulatedScene::redraw()
{
    m_backdrop = backdrop(m_options, m_code, m_options.size);
    if (m_options.role == CameraOptions::Role::Face && m_poses.empty())
        m_poses = residentPoses(m_backdrop.size());
}

cv::Mat SimulatedScene::frame(qint64 frameNumber) const
{
    cv::Mat bgr = m_backdrop.clone();
    // A resident holding up a phone's code covers their face with it.
    if (m_code.isEmpty())
        drawResident(bgr, frameNumber);
    // A moving tick in a corner, so the preview visibly lives.
    const int x = int((frameNumber * 7) % qMax(1, bgr.cols - 20));
    cv::rectangle(bgr, cv::Rect(x, bgr.rows - 12, 20, 8), cv::Scalar(200, 200, 200), cv::FILLED);
    return bgr;
}

cv::Mat SimulatedScene::still(QSize size) const
{
    return backdrop(m_options, m_code, size);
}

// The simulated resident's face, scaled to about a quarter of the frame's width as the face
// camera of a kiosk sees someone standing at it, once for each pose. Empty if the resource is
// missing.
std::vector<cv::Mat> SimulatedScene::residentPoses(const cv::Size &frame)
{
    const QImage face = SimulatedResident::face();
    if (face.isNull())
        return {};
    // In the picture the face is about 97 px wide; the analyser wants it 18–40 % of the frame.
    const double scale = 0.27 * frame.width / 97.0;
    std::vector<cv::Mat> poses;
    for (const double yaw : ResidentPoses) {
        cv::Mat scaled;
        cv::resize(OpenCvImage::toBgr(SimulatedResident::turned(face, yaw)), scaled, cv::Size(), scale, scale, cv::INTER_AREA);
        poses.push_back(scaled);
    }
    return poses;
}

// Draws the face with its centre (128, 114 in the picture) near the frame's centre. Every 30
// frames a live resident holds still for a while, turns their head to 45° and back (what the
// liveness challenge asks); a photo stays frontal and, held in a hand, is slid sideways by half
// the face's width and back, which a liveness check must not take for a turn. The scene moves
// on by frames taken, not by time, so a slow analysis still sees every pose.
void SimulatedScene::drawResident(cv::Mat &frame, qint64 frameNumber) const
{
    if (m_poses.empty() || m_face == Face::Absent)
        return;
    constexpr int Cycle = 30;
    constexpr int TurnStart = 15;
    static constexpr int LivePoseByPhase[] = {1, 2, 3, 3, 3, 3, 3, 2, 1}; // phases 15–23
    const int phase = int(frameNumber % Cycle);
    const bool turning = phase >= TurnStart && phase < TurnStart + int(std::size(LivePoseByPhase));
    const int pose = m_face == Face::Live && turning ? LivePoseByPhase[phase - TurnStart] : 0;
    const cv::Mat &face = m_poses.at(size_t(pose));
    const double scale = face.cols / 320.0;
    const int faceWidth = int(97 * scale);
    const int slide = m_face == Face::Photo && turning ? faceWidth / 2 : 0;
    const cv::Point offset(frame.cols / 2 + slide - int(128 * scale), frame.rows / 2 - int(114 * scale));
    const cv::Rect target = cv::Rect(offset, face.size()) & cv::Rect(0, 0, frame.cols, frame.rows);
    face(cv::Rect(target.tl() - offset, target.size())).copyTo(frame(target));
}

// The synthetic scene of a `simulated` camera: a desk, a sheet of paper for the document camera,
// and a code when one is shown. Drawn once per change, then only a moving tick each frame.
cv::Mat SimulatedScene::backdrop(const CameraOptions &options, const QString &code, QSize size)
{
    cv::Mat scene(size.height(), size.width(), CV_8UC3, cv::Scalar(70, 80, 90));
    const int w = scene.cols;
    const int h = scene.rows;
    if (options.role == CameraOptions::Role::Document) {
        // An A4 sheet standing upright under the camera, a little askew.
        const std::vector<cv::Point> page = {{w * 33 / 100, h * 7 / 100}, {w * 67 / 100, h * 8 / 100},
                                             {w * 68 / 100, h * 93 / 100}, {w * 32 / 100, h * 92 / 100}};
        cv::fillConvexPoly(scene, page, cv::Scalar(235, 235, 232));
        for (int line = 0; line < 14; ++line) {
            const int y = h * 18 / 100 + line * h * 5 / 100;
            cv::line(scene, {w * 37 / 100, y}, {w * (line % 3 == 2 ? 52 : 62) / 100, y}, cv::Scalar(40, 40, 40), qMax(2, h / 320));
        }
    }
    if (!code.isEmpty()) {
        const int side = qMin(w, h) / 2;
        const ZXing::BitMatrix matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                                            .setEncoding(ZXing::CharacterSet::UTF8)
                                            .setMargin(4)
                                            .encode(code.toStdString(), side, side);
        const ZXing::Matrix<uint8_t> pixels = ZXing::ToMatrix<uint8_t>(matrix);
        const cv::Mat qr(pixels.height(), pixels.width(), CV_8UC1, const_cast<uint8_t *>(pixels.data()));
        cv::Mat qrColour;
        cv::cvtColor(qr, qrColour, cv::COLOR_GRAY2BGR);
        qrColour.copyTo(scene(cv::Rect((w - qr.cols) / 2, (h - qr.rows) / 2, qr.cols, qr.rows)));
    }
    return scene;
}
