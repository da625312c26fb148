#include "capturedpageimages.h"

#include "applicationdraft.h"

CapturedPageImages::CapturedPageImages(const ApplicationDraft *draft)
    : QQuickImageProvider(QQuickImageProvider::Image)
    , m_draft(draft)
{
}

QImage CapturedPageImages::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    // "MATERIAL/INDEX", with a query the screen adds so that a retaken page is fetched anew.
    const QString path = id.section(QLatin1Char('?'), 0, 0);
    bool ok = false;
    const int index = path.section(QLatin1Char('/'), 1, 1).toInt(&ok);
    const QList<QByteArray> pages = m_draft->pages(path.section(QLatin1Char('/'), 0, 0));
    QImage image;
    if (ok && index >= 0 && index < pages.size())
        image = QImage::fromData(pages.at(index), "JPEG");
    if (!image.isNull() && requestedSize.isValid())
        image = image.scaled(requestedSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (size)
        *size = image.size();
    return image;
}
