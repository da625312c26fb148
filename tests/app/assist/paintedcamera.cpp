#include "paintedcamera.h"

#include <QPainter>

PaintedCamera::PaintedCamera(const QColor &background, bool movingBar, QObject *parent)
    : QObject(parent)
    , m_background(background)
    , m_movingBar(movingBar)
{
    connect(&m_clock, &QTimer::timeout, this, &PaintedCamera::paint);
    m_clock.start(40);
}

void PaintedCamera::paint()
{
    QImage frame(640, 480, QImage::Format_RGB32);
    frame.fill(m_background);
    if (m_movingBar)
        QPainter(&frame).fillRect(int(m_sequence * 8 % 640), 0, 40, 480, Qt::white);
    m_frames.publish(frame, ++m_sequence);
}
