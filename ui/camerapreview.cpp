#include "camerapreview.h"

#include "cameraframes.h"
#include "kioskshell.h"

#include <QPainter>

CameraPreview::CameraPreview(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setFillColor(Qt::black);
}

CameraPreview::~CameraPreview() = default;

void CameraPreview::setCamera(const QString &camera)
{
    if (m_camera == camera)
        return;
    m_camera = camera;
    attach();
    emit cameraChanged();
}

void CameraPreview::attach()
{
    QObject::disconnect(m_connection);
    m_frames = std::make_unique<CameraFrames>(KioskShell::frameProviderOf(m_camera));
    if (m_frames->isAvailable() && isVisible()) {
        m_connection = connect(m_frames.get(), &CameraFrames::frameReady, this, &CameraPreview::takeFrame, Qt::QueuedConnection);
        // The provider signals once until its frame is taken: take what it holds now, or a frame
        // announced before we listened would keep it silent for good.
        takeFrame();
    }
}

void CameraPreview::takeFrame()
{
    // A frame announced just before the preview was hidden may still arrive: it is not shown.
    if (!m_frames || !m_frames->isAvailable() || !isVisible())
        return;
    const QImage frame = m_frames->takeFrame();
    if (frame.isNull())
        return;
    const bool wasLive = live();
    m_frame = frame;
    ++m_framesShown;
    update();
    emit framesShownChanged();
    if (!wasLive)
        emit liveChanged();
}

void CameraPreview::paint(QPainter *painter)
{
    if (m_frame.isNull())
        return;
    const QSizeF area = size();
    const QSizeF fitted = QSizeF(m_frame.size()).scaled(area, Qt::KeepAspectRatio);
    const QRectF target(QPointF((area.width() - fitted.width()) / 2, (area.height() - fitted.height()) / 2), fitted);
    const bool mirrored = m_camera == QLatin1String("face_camera");
    painter->save();
    if (mirrored) {
        painter->translate(area.width(), 0);
        painter->scale(-1, 1);
    }
    painter->drawImage(target, m_frame);
    painter->restore();
    if (m_paintedFrame != m_framesShown) {
        m_paintedFrame = m_framesShown;
        ++m_framesPainted;
        QMetaObject::invokeMethod(this, &CameraPreview::framesPaintedChanged, Qt::QueuedConnection);
    }
}

void CameraPreview::itemChange(ItemChange change, const ItemChangeData &value)
{
    if (change == ItemVisibleHasChanged) {
        if (value.boolValue) {
            attach();
        } else {
            // Hidden: stop taking frames and drop the one on screen (it may show a face).
            QObject::disconnect(m_connection);
            m_frame = QImage();
            emit liveChanged();
        }
    }
    QQuickPaintedItem::itemChange(change, value);
}
