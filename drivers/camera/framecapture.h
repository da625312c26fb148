#pragma once

#include <opencv2/core/mat.hpp>

#include <string>

// Where a camera's frames come from when they are not simulated: a V4L2 device or a video file,
// read through OpenCV's videoio. videoio and the codecs it links (about 240 shared libraries, a
// quarter of a second and 70 MiB to load) live in a module of their own, kiosk-videoio.so, which
// FrameCaptureModule loads when a real camera is first opened: the attract screen and a kiosk
// with simulated cameras never load them. Only camera sources and the module include this.
class FrameCapture
{
public:
    // The settings the camera worker uses, as the module's own names for OpenCV's properties.
    enum class Property { FourCc, FrameWidth, FrameHeight, Fps, BufferSize, FrameCount, PosFrames };

    virtual ~FrameCapture() = default;

    virtual bool openDevice(int index) = 0;
    virtual bool openDevicePath(const std::string &path) = 0;
    virtual bool openFile(const std::string &path) = 0;
    virtual bool isOpened() const = 0;
    virtual bool set(Property property, double value) = 0;
    virtual double get(Property property) const = 0;
    virtual bool grab() = 0;
    virtual bool read(cv::Mat &frame) = 0;
    virtual void release() = 0;

    static constexpr int fourCc(char a, char b, char c, char d)
    {
        return (a & 255) | ((b & 255) << 8) | ((c & 255) << 16) | ((d & 255) << 24);
    }
};

// The module's one entry point: a new capture, closed, owned by the caller.
#define KIOSK_FRAME_CAPTURE_ENTRY "kiosk_create_frame_capture"
using FrameCaptureEntry = FrameCapture *(*)();
