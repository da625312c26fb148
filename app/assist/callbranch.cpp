#include "callbranch.h"

#include <gst/app/gstappsrc.h>

namespace CallBranch {

namespace {

GstBuffer *bufferOf(const QImage &image)
{
    const gsize size = gsize(image.sizeInBytes());
    GstBuffer *buffer = gst_buffer_new_allocate(nullptr, size, nullptr);
    gst_buffer_fill(buffer, 0, image.constBits(), size);
    return buffer;
}

} // namespace

// Realtime VP8: the fastest settings, a key frame at least every two seconds so that a frame
// lost at the start heals quickly, and a bitrate a hall's uplink carries.
QString vp8(const char *source, int keyframeDistance, int bitrate, const char *caps)
{
    return QStringLiteral("appsrc name=%1 is-live=true format=time do-timestamp=true block=false max-bytes=20000000 ! "
                          "videoconvert ! queue max-size-buffers=2 leaky=downstream ! "
                          "vp8enc deadline=1 cpu-used=8 threads=2 end-usage=cbr target-bitrate=%3 keyframe-max-dist=%2 "
                          "error-resilient=partitions lag-in-frames=0 ! rtpvp8pay picture-id-mode=15-bit ! "
                          "capsfilter caps=\"%4\"")
        .arg(QLatin1String(source)).arg(keyframeDistance).arg(bitrate).arg(QLatin1String(caps));
}

GstElement *add(GstElement *pipeline, const QString &description, QString *error)
{
    GError *problem = nullptr;
    GstElement *bin = gst_parse_bin_from_description(description.toUtf8().constData(), TRUE, &problem);
    if (!bin) {
        *error = QString::fromUtf8(problem ? problem->message : "unknown");
        g_clear_error(&problem);
        return nullptr;
    }
    g_clear_error(&problem);
    gst_bin_add(GST_BIN(pipeline), bin);
    return bin;
}

// Links a sending branch to a sink pad of its own: a new transceiver (webrtcbin gives a pad no
// receive-only one). The transceiver is told its codec up front: webrtcbin otherwise makes no
// offer before every branch has produced its first buffer, and a microphone takes up to two
// seconds to deliver one, all of it added to the resident's wait for the agent's face.
GstWebRTCRTPTransceiver *linkToWebrtc(GstElement *branch, GstElement *webrtc, const char *msid, const char *caps)
{
    GstPad *sink = gst_element_request_pad_simple(webrtc, "sink_%u");
    GstPad *src = gst_element_get_static_pad(branch, "src");
    gst_pad_link(src, sink);
    gst_object_unref(src);
    // The stream's id tells the agent's page which video is the screen (a=msid in the SDP).
    if (msid && g_object_class_find_property(G_OBJECT_GET_CLASS(sink), "msid"))
        g_object_set(sink, "msid", msid, nullptr);
    GstWebRTCRTPTransceiver *transceiver = nullptr;
    g_object_get(sink, "transceiver", &transceiver, nullptr);
    gst_object_unref(sink);
    if (transceiver) {
        GstCaps *preferences = gst_caps_from_string(caps);
        g_object_set(transceiver, "codec-preferences", preferences, nullptr);
        gst_caps_unref(preferences);
    }
    return transceiver;
}

void setDirection(GstWebRTCRTPTransceiver *transceiver, GstWebRTCRTPTransceiverDirection direction)
{
    if (!transceiver)
        return;
    g_object_set(transceiver, "direction", direction, nullptr);
    gst_object_unref(transceiver);
}

// A transceiver that only receives, for a kind the kiosk cannot send: the agent's voice or face
// needs a line the kiosk offers to receive on.
void addReceiver(GstElement *webrtc, const char *description)
{
    GstCaps *caps = gst_caps_from_string(description);
    GstWebRTCRTPTransceiver *transceiver = nullptr;
    g_signal_emit_by_name(webrtc, "add-transceiver", GST_WEBRTC_RTP_TRANSCEIVER_DIRECTION_RECVONLY, caps, &transceiver);
    gst_caps_unref(caps);
    if (transceiver)
        gst_object_unref(transceiver);
}

void pushImage(GstElement *appsrc, QImage image, QSize *lastSize, int fps)
{
    if (image.isNull() || !appsrc)
        return;
    // RGBx with even sides, which every converter and the encoder take without padding.
    image = image.convertToFormat(QImage::Format_RGBX8888);
    if ((image.width() | image.height()) & 1)
        image = image.copy(0, 0, image.width() & ~1, image.height() & ~1);
    if (image.bytesPerLine() != image.width() * 4)
        image = image.copy();
    if (image.size() != *lastSize) {
        *lastSize = image.size();
        GstCaps *caps = gst_caps_new_simple("video/x-raw", "format", G_TYPE_STRING, "RGBx", "width", G_TYPE_INT, image.width(),
                                            "height", G_TYPE_INT, image.height(), "framerate", GST_TYPE_FRACTION, fps, 1, nullptr);
        gst_app_src_set_caps(GST_APP_SRC(appsrc), caps);
        gst_caps_unref(caps);
    }
    gst_app_src_push_buffer(GST_APP_SRC(appsrc), bufferOf(image));
}

} // namespace CallBranch
