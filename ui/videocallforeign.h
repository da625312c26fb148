#pragma once

#include "videocall.h"

#include <QQmlEngine>

// Makes the app layer's VideoCall known to QML by name, so screens compare VideoHelp.state with
// VideoCall.Queued, VideoCall.InCall … without QML macros in the app layer.
struct VideoCallForeign {
    Q_GADGET
    QML_FOREIGN(VideoCall)
    QML_NAMED_ELEMENT(VideoCall)
    QML_UNCREATABLE("VideoHelp holds the kiosk's one call")
};
