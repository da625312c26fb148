#include "vision/faceanalyzer.h"

#include <QDir>

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>

namespace {

constexpr int DetectionWidth = 640;

} // namespace

struct FaceAnalyzer::Private {
    cv::CascadeClassifier face;
    cv::CascadeClassifier eyes;
};

FaceAnalyzer::FaceAnalyzer(const QString &cascadeDirectory)
    : d(std::make_unique<Private>())
{
    const QDir directory(cascadeDirectory);
    const QString face = directory.filePath(QStringLiteral("haarcascade_frontalface_alt2.xml"));
    const QString eyes = directory.filePath(QStringLiteral("haarcascade_eye_tree_eyeglasses.xml"));
    if (!d->face.load(face.toStdString()))
        m_error = QStringLiteral("cannot load the face cascade %1 (package opencv-data)").arg(face);
    else if (!d->eyes.load(eyes.toStdString()))
        m_error = QStringLiteral("cannot load the eye cascade %1 (package opencv-data)").arg(eyes);
}

FaceAnalyzer::~FaceAnalyzer() = default;

QString FaceAnalyzer::defaultCascadeDirectory()
{
    return QStringLiteral("/usr/share/opencv4/haarcascades");
}

FaceObservation FaceAnalyzer::analyze(const QImage &frame) const
{
    FaceObservation observation;
    observation.frameSize = frame.size();
    if (!isValid() || frame.isNull())
        return observation;
    const QImage grey = frame.convertToFormat(QImage::Format_Grayscale8);
    observation.grey = grey;
    const cv::Mat full(grey.height(), grey.width(), CV_8UC1, const_cast<uchar *>(grey.constBits()), size_t(grey.bytesPerLine()));
    cv::Mat small = full;
    double scale = 1.0;
    if (full.cols > DetectionWidth) {
        scale = double(DetectionWidth) / full.cols;
        cv::resize(full, small, cv::Size(), scale, scale, cv::INTER_AREA);
    }
    cv::Mat equalised;
    cv::equalizeHist(small, equalised);
    std::vector<cv::Rect> faces;
    const int minSide = qMax(24, int(small.cols * m_gates.minWidthRatio * 0.6));
    d->face.detectMultiScale(equalised, faces, 1.1, 3, 0, cv::Size(minSide, minSide));
    observation.faces = int(faces.size());
    if (faces.empty())
        return observation;
    const cv::Rect largest = *std::max_element(faces.begin(), faces.end(),
                                               [](const cv::Rect &a, const cv::Rect &b) { return a.area() < b.area(); });
    observation.box = QRect(qRound(largest.x / scale), qRound(largest.y / scale), qRound(largest.width / scale),
                            qRound(largest.height / scale));

    const cv::Mat face = small(largest);
    observation.brightness = cv::mean(face)[0];
    cv::Mat laplacian;
    cv::Laplacian(face, laplacian, CV_64F);
    cv::Scalar mean;
    cv::Scalar deviation;
    cv::meanStdDev(laplacian, mean, deviation);
    observation.sharpness = deviation[0] * deviation[0];

    std::vector<cv::Rect> eyes;
    const cv::Rect upperHalf(largest.x, largest.y, largest.width, largest.height / 2);
    d->eyes.detectMultiScale(equalised(upperHalf), eyes, 1.1, 3, 0, cv::Size(largest.width / 8, largest.width / 8));
    observation.eyesVisible = !eyes.empty();

    using Guidance = FaceObservation::Guidance;
    const double widthRatio = double(observation.box.width()) / frame.width();
    const double dx = qAbs(observation.box.center().x() - frame.width() / 2.0) / frame.width();
    const double dy = qAbs(observation.box.center().y() - frame.height() / 2.0) / frame.height();
    if (observation.faces > 1)
        observation.guidance = Guidance::SeveralFaces;
    else if (widthRatio < m_gates.minWidthRatio)
        observation.guidance = Guidance::MoveCloser;
    else if (widthRatio > m_gates.maxWidthRatio)
        observation.guidance = Guidance::MoveBack;
    else if (dx > m_gates.maxCentreOffset || dy > m_gates.maxCentreOffset)
        observation.guidance = Guidance::Centre;
    else if (observation.brightness < m_gates.minBrightness)
        observation.guidance = Guidance::TooDark;
    else if (observation.brightness > m_gates.maxBrightness)
        observation.guidance = Guidance::TooBright;
    else if (observation.sharpness < m_gates.minSharpness)
        observation.guidance = Guidance::HoldStill;
    else
        observation.guidance = Guidance::Good;
    return observation;
}
