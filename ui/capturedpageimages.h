#pragma once

#include <QQuickImageProvider>

class ApplicationDraft;

// The pages the document camera took, as image://pages/MATERIAL/INDEX for the materials screen's
// thumbnails and its large view. They come from the draft in memory: no page is ever written to
// disk to be shown, and a page wiped from the draft cannot be shown again.
class CapturedPageImages : public QQuickImageProvider
{
public:
    explicit CapturedPageImages(const ApplicationDraft *draft);

    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    const ApplicationDraft *m_draft;
};
