#pragma once

#ifndef GST_USE_UNSTABLE_API
#define GST_USE_UNSTABLE_API
#endif
#include <gst/gst.h>
#include <gst/webrtc/webrtc.h>

#include <QImage>
#include <QSize>
#include <QString>

// The pieces a call's pipeline is built of, for CallMedia only (this header brings GStreamer's):
// a branch parsed from its description, linked to webrtcbin as a transceiver of its own or added
// as one that only receives, and the kiosk's pictures pushed into a branch's appsrc.
namespace CallBranch {

// Realtime VP8 from the appsrc named `source`, payloaded with `caps`.
[[nodiscard]] QString vp8(const char *source, int keyframeDistance, int bitrate, const char *caps);
// Parses `description` into a bin inside `pipeline`; null with the reason in `error`.
GstElement *add(GstElement *pipeline, const QString &description, QString *error);
// Links a sending branch to a sink pad of its own; its transceiver (a reference), or null.
GstWebRTCRTPTransceiver *linkToWebrtc(GstElement *branch, GstElement *webrtc, const char *msid, const char *caps);
// Sets the transceiver's direction and drops the reference linkToWebrtc() gave.
void setDirection(GstWebRTCRTPTransceiver *transceiver, GstWebRTCRTPTransceiverDirection direction);
void addReceiver(GstElement *webrtc, const char *description);
// Pushes `image` as RGBx with even sides, telling the appsrc its caps whenever the size changes.
void pushImage(GstElement *appsrc, QImage image, QSize *lastSize, int fps);

} // namespace CallBranch
