// kiosk-videoio.so: FrameCapture on OpenCV's VideoCapture, the only code of the kiosk that links
// videoio (see camera/framecapture.h for why it is a module of its own).
#include "camera/framecapture.h"

#include <opencv2/videoio.hpp>

namespace {

int toOpenCv(FrameCapture::Property property)
{
    switch (property) {
    case FrameCapture::Property::FourCc:
        return cv::CAP_PROP_FOURCC;
    case FrameCapture::Property::FrameWidth:
        return cv::CAP_PROP_FRAME_WIDTH;
    case FrameCapture::Property::FrameHeight:
        return cv::CAP_PROP_FRAME_HEIGHT;
    case FrameCapture::Property::Fps:
        return cv::CAP_PROP_FPS;
    case FrameCapture::Property::BufferSize:
        return cv::CAP_PROP_BUFFERSIZE;
    case FrameCapture::Property::FrameCount:
        return cv::CAP_PROP_FRAME_COUNT;
    case FrameCapture::Property::PosFrames:
        return cv::CAP_PROP_POS_FRAMES;
    }
    return -1;
}

class OpenCvFrameCapture final : public FrameCapture
{
public:
    bool openDevice(int index) override { return m_capture.open(index, cv::CAP_V4L2); }
    bool openDevicePath(const std::string &path) override { return m_capture.open(path, cv::CAP_V4L2); }
    bool openFile(const std::string &path) override { return m_capture.open(path, cv::CAP_ANY); }
    bool isOpened() const override { return m_capture.isOpened(); }
    bool set(Property property, double value) override { return m_capture.set(toOpenCv(property), value); }
    double get(Property property) const override { return m_capture.get(toOpenCv(property)); }
    bool grab() override { return m_capture.grab(); }
    bool read(cv::Mat &frame) override { return m_capture.read(frame); }
    void release() override { m_capture.release(); }

private:
    cv::VideoCapture m_capture;
};

} // namespace

extern "C" __attribute__((visibility("default"))) FrameCapture *kiosk_create_frame_capture()
{
    return new OpenCvFrameCapture;
}
