#pragma once

#include "camera/frameprovider.h"

#include <QColor>
#include <QTimer>

// The face camera's output as the camera driver publishes it, 640 × 480 at 25 frames a second:
// a plain picture in `background`, with a white bar moving across it when `movingBar`, so that
// a receiver can tell frames flowing from one frame repeated.
class PaintedCamera : public QObject
{
    Q_OBJECT

public:
    explicit PaintedCamera(const QColor &background = QColor(0x30, 0x60, 0x90), bool movingBar = true, QObject *parent = nullptr);

    [[nodiscard]] FrameProvider *frames() { return &m_frames; }

private:
    void paint();

    FrameProvider m_frames{25};
    QTimer m_clock;
    QColor m_background;
    bool m_movingBar;
    qint64 m_sequence = 0;
};
